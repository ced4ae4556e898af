package org.deepcluster.knime.node.cluster.hierarchical;

import org.deepcluster.knime.util.DialogNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the Hierarchical Clustering node (description: HierarchicalClusteringNodeFactory.xml). */
public final class HierarchicalClusteringNodeFactory extends DialogNodeFactory<HierarchicalClusteringNodeModel> {

    @Override
    public HierarchicalClusteringNodeModel createNodeModel() {
        return new HierarchicalClusteringNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new HierarchicalClusteringNodeDialog();
    }
}
