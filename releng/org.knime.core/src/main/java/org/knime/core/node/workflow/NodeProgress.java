package org.knime.core.node.workflow;

/**
 * A snapshot of a node's progress: a fraction in [0, 1] (or null) and a message (or null).
 */
public final class NodeProgress {

    private final Double m_progress;

    private final String m_message;

    /**
     * @param progress the fraction or null
     * @param message the message or null
     */
    public NodeProgress(final Double progress, final String message) {
        m_progress = progress;
        m_message = message;
    }

    /** @return whether a fraction is known */
    public boolean hasProgress() {
        return m_progress != null;
    }

    /** @return the fraction or null */
    public Double getProgress() {
        return m_progress;
    }

    /** @return the message or null */
    public String getMessage() {
        return m_message;
    }

    /** @return whether a message is set */
    public boolean hasMessage() {
        return m_message != null;
    }

    @Override
    public String toString() {
        return "NodeProgress[" + m_progress + ", " + m_message + "]";
    }
}
