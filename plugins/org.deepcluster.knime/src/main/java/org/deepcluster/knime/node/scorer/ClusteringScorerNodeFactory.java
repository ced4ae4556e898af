package org.deepcluster.knime.node.scorer;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Clustering Scorer node (description: ClusteringScorerNodeFactory.xml). */
public final class ClusteringScorerNodeFactory extends NodeFactory<ClusteringScorerNodeModel> {

    @Override
    public ClusteringScorerNodeModel createNodeModel() {
        return new ClusteringScorerNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<ClusteringScorerNodeModel> createNodeView(final int viewIndex, final ClusteringScorerNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new ClusteringScorerNodeDialog();
    }
}
