package org.knime.core.data.container;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;

/**
 * A cell factory that appends or replaces one column. Implement one of the {@code getCell} methods.
 */
public abstract class SingleCellFactory extends AbstractCellFactory {

    /** @param newColSpec the new column */
    public SingleCellFactory(final DataColumnSpec newColSpec) {
        super(newColSpec);
    }

    /**
     * @param processConcurrently whether rows may be processed in parallel (ignored by the stand-in)
     * @param newColSpec the new column
     */
    public SingleCellFactory(final boolean processConcurrently, final DataColumnSpec newColSpec) {
        super(processConcurrently, newColSpec);
    }

    /**
     * @param processConcurrently whether rows may be processed in parallel (ignored by the stand-in)
     * @param workerCount workers
     * @param maxQueueSize queue size
     * @param newColSpec the new column
     */
    public SingleCellFactory(final boolean processConcurrently, final int workerCount, final int maxQueueSize,
        final DataColumnSpec newColSpec) {
        super(processConcurrently, workerCount, maxQueueSize, newColSpec);
    }

    @Override
    public DataCell[] getCells(final DataRow row, final long rowIndex) {
        return new DataCell[]{getCell(row, rowIndex)};
    }

    /**
     * @param row an input row
     * @return the new cell
     */
    public DataCell getCell(final DataRow row) {
        throw new UnsupportedOperationException(
            "No implementation for either of the SingleCellFactory#getCell methods provided.");
    }

    /**
     * @param row an input row
     * @param rowIndex its index
     * @return the new cell
     */
    public DataCell getCell(final DataRow row, final long rowIndex) {
        return getCell(row);
    }
}
