package org.deepcluster.knime.util;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeView;

/**
 * Base of this extension's node factories: a node with a settings dialog and no views. The node description is read
 * by KNIME from {@code <FactorySimpleName>.xml} next to the concrete factory class.
 *
 * @param <M> the node model type
 */
public abstract class DialogNodeFactory<M extends NodeModel> extends NodeFactory<M> {

    @Override
    protected final int getNrNodeViews() {
        return 0;
    }

    @Override
    public final NodeView<M> createNodeView(final int viewIndex, final M nodeModel) {
        return null;
    }

    @Override
    protected final boolean hasDialog() {
        return true;
    }

    @Override
    protected abstract NodeDialogPane createNodeDialogPane();
}
