package org.knime.core.node;

import java.util.function.Supplier;

import org.knime.core.node.workflow.NodeProgressListener;

/**
 * Receives the progress of an execution and tells it whether it was canceled.
 */
public interface NodeProgressMonitor {

    /** @throws CanceledExecutionException if the execution was canceled */
    void checkCanceled() throws CanceledExecutionException;

    /** @param progress a fraction in [0, 1]; other values are ignored */
    void setProgress(double progress);

    /** @return the current fraction or null */
    Double getProgress();

    /**
     * @param progress a fraction in [0, 1]
     * @param message a message
     */
    void setProgress(double progress, String message);

    /**
     * @param progress a fraction in [0, 1]
     * @param message a lazily built message
     */
    default void setProgress(final double progress, final Supplier<String> message) {
        setProgress(progress, message == null ? null : message.get());
    }

    /** @param message a message */
    void setMessage(String message);

    /** @param message a lazily built message */
    default void setMessage(final Supplier<String> message) {
        setMessage(message == null ? null : message.get());
    }

    /** @param message a message (the fraction stays) */
    void setProgress(String message);

    /** @return the current message or null */
    String getMessage();

    /** Cancels the execution: the next {@link #checkCanceled()} throws. */
    void setExecuteCanceled();

    /** Clears progress, message and the canceled flag. */
    void reset();

    /** @param l a listener */
    void addProgressListener(NodeProgressListener l);

    /** @param l a listener */
    void removeProgressListener(NodeProgressListener l);

    /** Removes all listeners. */
    void removeAllProgressListener();
}
