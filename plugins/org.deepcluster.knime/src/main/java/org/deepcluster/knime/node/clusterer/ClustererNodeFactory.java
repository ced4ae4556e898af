package org.deepcluster.knime.node.clusterer;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Clusterer node (description: ClustererNodeFactory.xml). */
public final class ClustererNodeFactory extends NodeFactory<ClustererNodeModel> {

    @Override
    public ClustererNodeModel createNodeModel() {
        return new ClustererNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<ClustererNodeModel> createNodeView(final int viewIndex, final ClustererNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new ClustererNodeDialog();
    }
}
