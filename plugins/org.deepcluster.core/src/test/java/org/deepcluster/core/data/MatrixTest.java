package org.deepcluster.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MatrixTest {

    @Test
    void ofCopiesRowsAndKeepsShape() {
        final double[][] rows = {{1, 2, 3}, {4, 5, 6}};
        final Matrix m = Matrix.of(rows);
        rows[0][0] = 99; // must not leak into the matrix
        assertEquals(2, m.rows());
        assertEquals(3, m.cols());
        assertEquals(1, m.get(0, 0));
        assertEquals(6, m.get(1, 2));
        assertArrayEquals(new double[]{4, 5, 6}, m.row(1));
    }

    @Test
    void rowAndToRowArraysReturnCopies() {
        final Matrix m = Matrix.of(new double[][]{{1, 2}, {3, 4}});
        m.row(0)[0] = 99;
        m.toRowArrays()[1][1] = 99;
        assertEquals(1, m.get(0, 0));
        assertEquals(4, m.get(1, 1));
        assertArrayEquals(new double[][]{{1, 2}, {3, 4}}, m.toRowArrays());
    }

    @Test
    void wrapUsesRowMajorOrder() {
        final Matrix m = Matrix.wrap(2, 3, new double[]{1, 2, 3, 4, 5, 6});
        assertEquals(3, m.get(0, 2));
        assertEquals(4, m.get(1, 0));
        assertEquals(Matrix.of(new double[][]{{1, 2, 3}, {4, 5, 6}}), m);
    }

    @Test
    void wrapRejectsWrongLength() {
        final IllegalArgumentException e =
            assertThrows(IllegalArgumentException.class, () -> Matrix.wrap(2, 3, new double[5]));
        assertEquals("a 2 × 3 matrix needs 6 values, got 5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Matrix.wrap(-1, 3, new double[0]));
    }

    @Test
    void ofRejectsRaggedRows() {
        final IllegalArgumentException e =
            assertThrows(IllegalArgumentException.class, () -> Matrix.of(new double[][]{{1, 2}, {3}}));
        assertTrue(e.getMessage().startsWith("row 1 has 1 values but row 0 has 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Matrix.of(new double[][]{{1}, null}));
        assertThrows(IllegalArgumentException.class, () -> Matrix.of(null));
    }

    @Test
    void emptyMatrices() {
        final Matrix none = Matrix.of(new double[0][]);
        assertEquals(0, none.rows());
        assertEquals(0, none.cols());
        assertTrue(none.firstNonFinite().isEmpty());
        final Matrix noColumns = Matrix.of(new double[3][0]);
        assertEquals(3, noColumns.rows());
        assertEquals(0, noColumns.cols());
        assertTrue(noColumns.firstNonFinite().isEmpty());
    }

    @Test
    void indicesAreChecked() {
        final Matrix m = Matrix.of(new double[][]{{1, 2}});
        assertThrows(IndexOutOfBoundsException.class, () -> m.get(1, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> m.get(0, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> m.get(0, -1));
        assertThrows(IndexOutOfBoundsException.class, () -> m.row(-1));
    }

    @Test
    void firstNonFiniteNamesThePosition() {
        final Matrix m = Matrix.of(new double[][]{{1, 2, 3}, {4, Double.NaN, Double.POSITIVE_INFINITY}});
        final Matrix.Cell cell = m.firstNonFinite().orElseThrow();
        assertEquals(1, cell.row());
        assertEquals(1, cell.col());
        assertTrue(Double.isNaN(cell.value()));
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.requireFinite("x"));
        assertEquals("x contains NaN at row 1, column 1: only finite values are allowed", e.getMessage());
        Matrix.of(new double[][]{{1, -0.0}}).requireFinite("fine");
    }

    @Test
    void equalityIsByValue() {
        assertEquals(Matrix.of(new double[][]{{1, 2}}), Matrix.of(new double[][]{{1, 2}}));
        assertEquals(Matrix.of(new double[][]{{1, 2}}).hashCode(), Matrix.of(new double[][]{{1, 2}}).hashCode());
        assertNotEquals(Matrix.of(new double[][]{{1, 2}}), Matrix.of(new double[][]{{1}, {2}}));
    }
}
