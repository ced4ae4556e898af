package org.knime.core.node;

import org.knime.core.node.workflow.NodeProgressListener;

/**
 * Maps the progress [0, 1] of a sub task onto a share of its parent's progress: each increase of the sub progress
 * adds {@code share * increase} to the parent. Cancellation is checked on the parent; messages are forwarded unless
 * silent.
 */
final class SubNodeProgressMonitor implements NodeProgressMonitor {

    private final NodeProgressMonitor m_parent;

    private final double m_share;

    private final boolean m_silent;

    private double m_last;

    private String m_message;

    SubNodeProgressMonitor(final NodeProgressMonitor parent, final double share, final boolean silent) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("Sub progress share must be in [0, 1]: " + share);
        }
        m_parent = parent;
        m_share = share;
        m_silent = silent;
    }

    @Override
    public void checkCanceled() throws CanceledExecutionException {
        m_parent.checkCanceled();
    }

    @Override
    public void setProgress(final double progress) {
        synchronized (m_parent) {
            m_parent.setProgress(advance(progress));
        }
    }

    /** Records this monitor's new progress and returns the parent's progress increased by its share. */
    private double advance(final double progress) {
        Double current = m_parent.getProgress();
        double parentProgress = current == null ? 0 : current;
        if (!(progress >= 0 && progress <= 1)) {
            return parentProgress; // ignored, like the top-level monitor does
        }
        double delta = (progress - m_last) * m_share;
        m_last = progress;
        return Math.min(1, Math.max(0, parentProgress + delta));
    }

    @Override
    public synchronized Double getProgress() {
        return m_last;
    }

    @Override
    public void setProgress(final double progress, final String message) {
        synchronized (m_parent) {
            double p = advance(progress);
            if (m_silent) {
                m_parent.setProgress(p);
            } else {
                m_message = message;
                m_parent.setProgress(p, message);
            }
        }
    }

    @Override
    public void setMessage(final String message) {
        if (!m_silent) {
            m_message = message;
            m_parent.setMessage(message);
        }
    }

    @Override
    public void setProgress(final String message) {
        setMessage(message);
    }

    @Override
    public String getMessage() {
        return m_message;
    }

    @Override
    public void setExecuteCanceled() {
        m_parent.setExecuteCanceled();
    }

    @Override
    public void reset() {
        throw new IllegalStateException("A sub progress monitor cannot be reset.");
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
