package org.deepcluster.knime.node.scorer;

import org.deepcluster.knime.util.DialogNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the Clustering Scorer node (description: ClusteringScorerNodeFactory.xml). */
public final class ClusteringScorerNodeFactory extends DialogNodeFactory<ClusteringScorerNodeModel> {

    @Override
    public ClusteringScorerNodeModel createNodeModel() {
        return new ClusteringScorerNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new ClusteringScorerNodeDialog();
    }
}
