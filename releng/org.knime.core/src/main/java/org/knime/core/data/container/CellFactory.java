package org.knime.core.data.container;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.RowKey;
import org.knime.core.node.ExecutionMonitor;

/**
 * Computes new cells per row for a {@link ColumnRearranger}. Implement one of the {@code getCells} methods; extend
 * {@link AbstractCellFactory} or {@link SingleCellFactory} rather than implementing this directly.
 */
public interface CellFactory {

    /**
     * @param row an input row
     * @return the new cells (as many as {@link #getColumnSpecs()})
     */
    default DataCell[] getCells(final DataRow row) {
        throw new UnsupportedOperationException(
            "No implementation for either of the CellFactory#getCells methods provided.");
    }

    /**
     * @param row an input row
     * @param rowIndex its index
     * @return the new cells (as many as {@link #getColumnSpecs()})
     */
    default DataCell[] getCells(final DataRow row, final long rowIndex) {
        return getCells(row);
    }

    /** @return the specs of the new columns */
    DataColumnSpec[] getColumnSpecs();

    /**
     * @param curRowNr rows done
     * @param rowCount all rows
     * @param lastKey key of the last row
     * @param exec the monitor
     * @deprecated use the long variant
     */
    @Deprecated
    void setProgress(int curRowNr, int rowCount, RowKey lastKey, ExecutionMonitor exec);

    /**
     * @param curRowNr rows done
     * @param rowCount all rows
     * @param lastKey key of the last row
     * @param exec the monitor
     */
    default void setProgress(final long curRowNr, final long rowCount, final RowKey lastKey,
        final ExecutionMonitor exec) {
        setProgress((int)curRowNr, (int)Math.min(Integer.MAX_VALUE, rowCount), lastKey, exec);
    }
}
