package org.knime.core.node;

import java.util.function.Supplier;

/**
 * What a node sees of the framework while it works: progress reporting and cancellation checks.
 */
public class ExecutionMonitor {

    private final NodeProgressMonitor m_progress;

    /** With a fresh {@link DefaultNodeProgressMonitor}. */
    public ExecutionMonitor() {
        this(new DefaultNodeProgressMonitor());
    }

    /** @param progress the monitor to report to */
    public ExecutionMonitor(final NodeProgressMonitor progress) {
        if (progress == null) {
            throw new NullPointerException("Progress monitor can't be null");
        }
        m_progress = progress;
    }

    /** @return the underlying monitor */
    public final NodeProgressMonitor getProgressMonitor() {
        return m_progress;
    }

    /** @throws CanceledExecutionException if the execution was canceled */
    public void checkCanceled() throws CanceledExecutionException {
        m_progress.checkCanceled();
    }

    /** @param progress a fraction in [0, 1] */
    public void setProgress(final double progress) {
        m_progress.setProgress(progress);
    }

    /**
     * @param progress a fraction in [0, 1]
     * @param message a message
     */
    public void setProgress(final double progress, final String message) {
        m_progress.setProgress(progress, message);
    }

    /**
     * @param progress a fraction in [0, 1]
     * @param messageSupplier a lazily built message
     */
    public void setProgress(final double progress, final Supplier<String> messageSupplier) {
        m_progress.setProgress(progress, messageSupplier);
    }

    /** @param message a message */
    public void setMessage(final String message) {
        m_progress.setMessage(message);
    }

    /** @param messageSupplier a lazily built message */
    public void setMessage(final Supplier<String> messageSupplier) {
        m_progress.setMessage(messageSupplier);
    }

    /** @param message a message (the fraction stays) */
    public void setProgress(final String message) {
        m_progress.setProgress(message);
    }

    /**
     * @param maxProg the share of this monitor's progress that the sub monitor's [0, 1] covers
     * @return the sub monitor
     */
    public ExecutionMonitor createSubProgress(final double maxProg) {
        return new ExecutionMonitor(new SubNodeProgressMonitor(m_progress, maxProg, false));
    }

    /**
     * @param maxProg the share of this monitor's progress that the sub monitor's [0, 1] covers
     * @return a sub monitor whose messages are dropped
     */
    public ExecutionMonitor createSilentSubProgress(final double maxProg) {
        return new ExecutionMonitor(new SubNodeProgressMonitor(m_progress, maxProg, true));
    }

    /**
     * @return a monitor that reports to this one but whose {@link #checkCanceled()} never throws (for short actions
     *         with side effects that must complete)
     */
    public ExecutionMonitor createNonCancelableSubProgress() {
        return new ExecutionMonitor(new NonCancelableProgressMonitor(m_progress));
    }
}
