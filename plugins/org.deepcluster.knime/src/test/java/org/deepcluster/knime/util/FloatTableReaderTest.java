package org.deepcluster.knime.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deepcluster.core.data.FloatMatrix;
import org.deepcluster.standin.Tables;
import org.junit.jupiter.api.Test;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;

/** Table to float matrix conversion with the missing-value policies. */
class FloatTableReaderTest {

    private static BufferedDataTable table() {
        return Tables.builder().column("i", IntCell.TYPE).column("d", DoubleCell.TYPE).column("l", LongCell.TYPE)
            .keyedRow("a", 1, 0.5, 10L).keyedRow("b", 2, null, 20L).keyedRow("c", 3, 1.25, 30L)
            .keyedRow("d", 4, Double.NEGATIVE_INFINITY, 40L).build();
    }

    @Test
    void readsTheSelectedColumnsInSelectionOrder() throws Exception {
        final BufferedDataTable t = Tables.builder().column("i", IntCell.TYPE).column("d", DoubleCell.TYPE)
            .row(1, 0.5).row(2, 0.1).build();
        final FloatTable f = FloatTableReader.read(t, new int[]{1, 0}, MissingValuePolicy.FAIL, new ExecutionMonitor());
        assertEquals(FloatMatrix.of(new float[][]{{0.5f, 1}, {0.1f, 2}}), f.matrix());
        assertArrayEquals(new int[]{0, 1}, f.matrixRowOfTableRow());
        assertEquals(0, f.skippedRows());
        assertNull(f.firstSkippedRowKey());
    }

    @Test
    void skipsRowsWithMissingOrNonFiniteValues() throws Exception {
        final FloatTable f =
            FloatTableReader.read(table(), new int[]{0, 1, 2}, MissingValuePolicy.SKIP_ROW, new ExecutionMonitor());
        assertEquals(FloatMatrix.of(new float[][]{{1, 0.5f, 10}, {3, 1.25f, 30}}), f.matrix());
        assertArrayEquals(new int[]{0, -1, 1, -1}, f.matrixRowOfTableRow());
        assertEquals(2, f.skippedRows());
        assertEquals("b", f.firstSkippedRowKey());
        final FloatTable onlyInts = FloatTableReader.read(Tables.rows(table()), table().getDataTableSpec(),
            new int[]{2, 0}, MissingValuePolicy.FAIL);
        assertEquals(FloatMatrix.of(new float[][]{{10, 1}, {20, 2}, {30, 3}, {40, 4}}), onlyInts.matrix());
    }

    @Test
    void failsNamingRowAndColumn() {
        final var e = assertThrows(InvalidSettingsException.class, () -> FloatTableReader.read(table(),
            new int[]{0, 1}, MissingValuePolicy.FAIL, new ExecutionMonitor()));
        assertTrue(e.getMessage().startsWith("Row 'b' has a missing value in column 'd'"), e.getMessage());
        final var inf = assertThrows(InvalidSettingsException.class, () -> FloatTableReader.read(
            Tables.rows(table()).subList(2, 4), table().getDataTableSpec(), new int[]{1}, MissingValuePolicy.FAIL));
        assertTrue(inf.getMessage().startsWith("Row 'd' has an infinite value (-Infinity)"), inf.getMessage());
    }
}
