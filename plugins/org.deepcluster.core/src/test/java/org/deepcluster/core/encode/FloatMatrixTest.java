package org.deepcluster.core.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deepcluster.core.data.FloatMatrix;
import org.deepcluster.core.data.Matrix;
import org.junit.jupiter.api.Test;

/** Tests {@link FloatMatrix} (kept with the encoder tests, its only user so far). */
class FloatMatrixTest {

    @Test
    void ofCopiesAndWrapDoesNot() {
        final float[][] rows = {{1, 2, 3}, {4, 5, 6}};
        final FloatMatrix m = FloatMatrix.of(rows);
        rows[0][0] = 99;
        assertEquals(1, m.get(0, 0));
        assertEquals(2, m.rows());
        assertEquals(3, m.cols());
        assertArrayEquals(new float[]{4, 5, 6}, m.row(1));
        m.row(1)[0] = 99; // a copy
        assertEquals(4, m.get(1, 0));
        final float[] data = {1, 2, 3, 4, 5, 6};
        final FloatMatrix w = FloatMatrix.wrap(2, 3, data);
        assertEquals(m, w);
        data[0] = 42; // wrap takes the array over without copying
        assertEquals(42, w.get(0, 0));
        assertNotEquals(m, w);
    }

    @Test
    void equalityAndConversion() {
        final FloatMatrix a = FloatMatrix.wrap(2, 2, new float[]{1, 2, 3, 4});
        assertEquals(a, FloatMatrix.of(new float[][]{{1, 2}, {3, 4}}));
        assertEquals(a.hashCode(), FloatMatrix.of(new float[][]{{1, 2}, {3, 4}}).hashCode());
        assertEquals(a, FloatMatrix.of(Matrix.of(new double[][]{{1, 2}, {3, 4}})));
        assertEquals(0, FloatMatrix.of(new float[0][]).rows());
        final float[] target = new float[5];
        a.copyRow(1, target, 2);
        assertArrayEquals(new float[]{0, 0, 3, 4, 0}, target);
    }

    @Test
    void rejectsBadShapesAndIndices() {
        assertEquals("a 2 × 3 matrix needs 6 values, got 5",
            assertThrows(IllegalArgumentException.class, () -> FloatMatrix.wrap(2, 3, new float[5])).getMessage());
        assertThrows(IllegalArgumentException.class, () -> FloatMatrix.of(new float[][]{{1, 2}, {3}}));
        assertThrows(IllegalArgumentException.class, () -> FloatMatrix.of(new float[][]{{1, 2}, null}));
        final FloatMatrix m = FloatMatrix.wrap(1, 2, new float[]{1, 2});
        assertThrows(IndexOutOfBoundsException.class, () -> m.get(1, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> m.get(0, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> m.row(-1));
    }

    @Test
    void findsTheFirstNonFiniteCell() {
        final FloatMatrix m = FloatMatrix.wrap(2, 3, new float[]{0, 1, 2, 3, Float.NaN, Float.POSITIVE_INFINITY});
        final Matrix.Cell cell = m.firstNonFinite().orElseThrow();
        assertEquals(1, cell.row());
        assertEquals(1, cell.col());
        assertTrue(Double.isNaN(cell.value()));
        assertEquals("the data contains NaN at row 1, column 1: only finite values are allowed",
            assertThrows(IllegalArgumentException.class, () -> m.requireFinite("the data")).getMessage());
        assertTrue(FloatMatrix.wrap(1, 1, new float[]{1}).firstNonFinite().isEmpty());
    }
}
