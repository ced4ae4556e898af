package org.knime.core.node;

import org.knime.core.node.workflow.NodeProgressListener;

/**
 * Reports progress and messages straight to its delegate but never throws from {@link #checkCanceled()}: for short
 * actions with side effects that must complete.
 */
final class NonCancelableProgressMonitor implements NodeProgressMonitor {

    private final NodeProgressMonitor m_delegate;

    NonCancelableProgressMonitor(final NodeProgressMonitor delegate) {
        m_delegate = delegate;
    }

    @Override
    public void checkCanceled() {
        // never canceled
    }

    @Override
    public void setProgress(final double progress) {
        m_delegate.setProgress(progress);
    }

    @Override
    public Double getProgress() {
        return m_delegate.getProgress();
    }

    @Override
    public void setProgress(final double progress, final String message) {
        m_delegate.setProgress(progress, message);
    }

    @Override
    public void setMessage(final String message) {
        m_delegate.setMessage(message);
    }

    @Override
    public void setProgress(final String message) {
        m_delegate.setProgress(message);
    }

    @Override
    public String getMessage() {
        return m_delegate.getMessage();
    }

    @Override
    public void setExecuteCanceled() {
        throw new IllegalStateException("A non-cancelable monitor cannot be canceled.");
    }

    @Override
    public void reset() {
        throw new IllegalStateException("Only the top-level progress monitor can be reset.");
    }

    @Override
    public void addProgressListener(final NodeProgressListener l) {
        throw new IllegalStateException("Listeners belong to the top-level progress monitor.");
    }

    @Override
    public void removeProgressListener(final NodeProgressListener l) {
        throw new IllegalStateException("Listeners belong to the top-level progress monitor.");
    }

    @Override
    public void removeAllProgressListener() {
        throw new IllegalStateException("Listeners belong to the top-level progress monitor.");
    }
}
