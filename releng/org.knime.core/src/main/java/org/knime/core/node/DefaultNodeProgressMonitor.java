package org.knime.core.node;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.knime.core.node.workflow.NodeID;
import org.knime.core.node.workflow.NodeProgress;
import org.knime.core.node.workflow.NodeProgressEvent;
import org.knime.core.node.workflow.NodeProgressListener;

/**
 * The top-level progress monitor of one execution. Unlike KNIME (which notifies listeners from a timer), the
 * stand-in notifies listeners synchronously on every change, which keeps tests deterministic.
 */
public class DefaultNodeProgressMonitor implements NodeProgressMonitor {

    private static final NodeID SOURCE = new NodeID(0);

    private final List<NodeProgressListener> m_listeners = new CopyOnWriteArrayList<>();

    private volatile boolean m_canceled;

    private volatile String m_cancelMessage;

    private Double m_progress;

    private String m_message;

    /** Without listeners. */
    public DefaultNodeProgressMonitor() {
    }

    /** @param l a listener */
    public DefaultNodeProgressMonitor(final NodeProgressListener l) {
        addProgressListener(l);
    }

    @Override
    public synchronized void reset() {
        m_canceled = false;
        m_cancelMessage = null;
        m_progress = null;
        m_message = null;
    }

    /** @return whether the execution was canceled */
    protected boolean isCanceled() {
        return m_canceled;
    }

    @Override
    public void checkCanceled() throws CanceledExecutionException {
        if (isCanceled()) {
            String msg = m_cancelMessage;
            throw msg == null ? new CanceledExecutionException() : new CanceledExecutionException(msg);
        }
    }

    @Override
    public void setExecuteCanceled() {
        m_canceled = true;
    }

    @Override
    public void setProgress(final double progress, final String message) {
        boolean changed;
        synchronized (this) {
            changed = updateProgress(progress) | updateMessage(message);
        }
        fireIfChanged(changed);
    }

    @Override
    public void setProgress(final double progress, final Supplier<String> message) {
        setProgress(progress, message == null ? null : message.get());
    }

    @Override
    public void setProgress(final double progress) {
        boolean changed;
        synchronized (this) {
            changed = updateProgress(progress);
        }
        fireIfChanged(changed);
    }

    @Override
    public void setMessage(final String message) {
        boolean changed;
        synchronized (this) {
            changed = updateMessage(message);
        }
        fireIfChanged(changed);
    }

    @Override
    public void setMessage(final Supplier<String> message) {
        setMessage(message == null ? null : message.get());
    }

    @Override
    public void setProgress(final String message) {
        setMessage(message);
    }

    @Override
    public synchronized Double getProgress() {
        return m_progress;
    }

    @Override
    public synchronized String getMessage() {
        return m_message;
    }

    /** Values outside [0, 1] are ignored, as in KNIME. */
    private boolean updateProgress(final double progress) {
        if (!(progress >= 0 && progress <= 1)) {
            return false;
        }
        boolean changed = m_progress == null || m_progress != progress;
        m_progress = progress;
        return changed;
    }

    private boolean updateMessage(final String message) {
        boolean changed = message == null ? m_message != null : !message.equals(m_message);
        m_message = message;
        return changed;
    }

    private void fireIfChanged(final boolean changed) {
        if (!changed || m_listeners.isEmpty()) {
            return;
        }
        NodeProgressEvent event = new NodeProgressEvent(SOURCE, new NodeProgress(getProgress(), getMessage()));
        for (NodeProgressListener l : m_listeners) {
            l.progressChanged(event);
        }
    }

    @Override
    public void addProgressListener(final NodeProgressListener l) {
        if (l != null && !m_listeners.contains(l)) {
            m_listeners.add(l);
        }
    }

    @Override
    public void removeProgressListener(final NodeProgressListener l) {
        m_listeners.remove(l);
    }

    @Override
    public void removeAllProgressListener() {
        m_listeners.clear();
    }
}
