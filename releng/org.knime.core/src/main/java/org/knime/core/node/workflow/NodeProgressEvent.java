package org.knime.core.node.workflow;

import java.util.EventObject;

/**
 * Tells a {@link NodeProgressListener} about new progress.
 */
public class NodeProgressEvent extends EventObject {

    private static final long serialVersionUID = 1L;

    private final NodeProgress m_progress;

    /**
     * @param src the node
     * @param progress the progress
     */
    public NodeProgressEvent(final NodeID src, final NodeProgress progress) {
        super(src);
        m_progress = progress;
    }

    /** @return the progress */
    public NodeProgress getNodeProgress() {
        return m_progress;
    }

    @Override
    public NodeID getSource() {
        return (NodeID)super.getSource();
    }
}
