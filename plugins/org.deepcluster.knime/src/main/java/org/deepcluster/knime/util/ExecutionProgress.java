package org.deepcluster.knime.util;

import org.deepcluster.core.progress.CancelledException;
import org.deepcluster.core.progress.Progress;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/**
 * Adapts KNIME's {@link ExecutionMonitor} to the engine's {@link Progress}, so the engine can report progress and
 * notice cancellation without knowing KNIME. A cancellation surfaces in the engine as {@link CancelledException};
 * node models turn it back into KNIME's {@link CanceledExecutionException} with {@link #rethrowAsKnime}.
 */
public final class ExecutionProgress implements Progress {

    private final ExecutionMonitor monitor;

    /** @param monitor the (sub-)monitor that receives progress and is asked for cancellation */
    public ExecutionProgress(final ExecutionMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public void report(final double fraction, final String message) {
        monitor.setProgress(Math.max(0, Math.min(1, fraction)), message);
    }

    @Override
    public void checkCancelled() {
        try {
            monitor.checkCanceled();
        } catch (final CanceledExecutionException e) {
            throw new CancelledException(e.getMessage());
        }
    }

    /**
     * Converts an engine cancellation to KNIME's checked exception.
     *
     * @param e the engine's exception
     * @return KNIME's exception, to be thrown by the caller
     */
    public static CanceledExecutionException rethrowAsKnime(final CancelledException e) {
        return new CanceledExecutionException(e.getMessage());
    }
}
