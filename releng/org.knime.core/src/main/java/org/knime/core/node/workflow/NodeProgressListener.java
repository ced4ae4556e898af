package org.knime.core.node.workflow;

import java.util.EventListener;

/**
 * Receives progress updates of a node.
 */
public interface NodeProgressListener extends EventListener {

    /** @param pe the new progress */
    void progressChanged(NodeProgressEvent pe);
}
