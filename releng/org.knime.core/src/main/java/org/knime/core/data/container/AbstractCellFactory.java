package org.knime.core.data.container;

import java.util.Arrays;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.RowKey;
import org.knime.core.node.ExecutionMonitor;

/**
 * Base class of cell factories: holds the new column specs and reports "Processed row i/n" progress. The
 * stand-in always processes rows sequentially; the parallel-processing settings are only stored.
 */
public abstract class AbstractCellFactory implements CellFactory {

    private final DataColumnSpec[] m_colSpecs;

    private boolean m_parallel;

    private int m_maxParallelWorkers;

    private int m_maxQueueSize;

    /** @param colSpecs the new columns */
    public AbstractCellFactory(final DataColumnSpec... colSpecs) {
        this(false, colSpecs);
    }

    /**
     * @param processConcurrently whether rows may be processed in parallel (ignored by the stand-in)
     * @param colSpecs the new columns
     */
    public AbstractCellFactory(final boolean processConcurrently, final DataColumnSpec... colSpecs) {
        this(processConcurrently, Runtime.getRuntime().availableProcessors(), 100, colSpecs);
    }

    /**
     * @param processConcurrently whether rows may be processed in parallel (ignored by the stand-in)
     * @param workerCount parallel workers
     * @param maxQueueSize queue size
     * @param colSpecs the new columns
     */
    public AbstractCellFactory(final boolean processConcurrently, final int workerCount, final int maxQueueSize,
        final DataColumnSpec... colSpecs) {
        if (colSpecs == null || Arrays.asList(colSpecs).contains(null)) {
            throw new NullPointerException("Argument must not be null or contain null elements");
        }
        m_colSpecs = colSpecs.clone();
        setParallelProcessing(processConcurrently, workerCount, maxQueueSize);
    }

    /** @param value whether rows may be processed in parallel */
    public final void setParallelProcessing(final boolean value) {
        m_parallel = value;
    }

    /** @return whether rows may be processed in parallel */
    public final boolean isParallelProcessing() {
        return m_parallel;
    }

    /**
     * @param value whether rows may be processed in parallel
     * @param maxParallelWorkers workers
     * @param maxQueueSize queue size
     */
    public final void setParallelProcessing(final boolean value, final int maxParallelWorkers,
        final int maxQueueSize) {
        m_parallel = value;
        m_maxParallelWorkers = maxParallelWorkers;
        m_maxQueueSize = maxQueueSize;
    }

    /** @return the number of parallel workers */
    public final int getMaxParallelWorkers() {
        return m_maxParallelWorkers;
    }

    /** @return the queue size */
    public final int getMaxQueueSize() {
        return m_maxQueueSize;
    }

    @Override
    public DataColumnSpec[] getColumnSpecs() {
        return m_colSpecs.clone();
    }

    /** Called once after the last row was processed. */
    public void afterProcessing() {
        // hook
    }

    @Deprecated
    @Override
    public void setProgress(final int curRowNr, final int rowCount, final RowKey lastKey,
        final ExecutionMonitor exec) {
        setProgress((long)curRowNr, rowCount, lastKey, exec);
    }

    @Override
    public void setProgress(final long curRowNr, final long rowCount, final RowKey lastKey,
        final ExecutionMonitor exec) {
        exec.setProgress(curRowNr / (double)rowCount,
            () -> String.format("Processed row %d/%d (\"%s\")", curRowNr, rowCount, lastKey));
    }
}
