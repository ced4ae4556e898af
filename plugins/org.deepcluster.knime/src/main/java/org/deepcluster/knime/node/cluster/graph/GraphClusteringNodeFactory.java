package org.deepcluster.knime.node.cluster.graph;

import org.deepcluster.knime.util.DialogNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the Graph Clustering (Leiden/Louvain) node (description: GraphClusteringNodeFactory.xml). */
public final class GraphClusteringNodeFactory extends DialogNodeFactory<GraphClusteringNodeModel> {

    @Override
    public GraphClusteringNodeModel createNodeModel() {
        return new GraphClusteringNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new GraphClusteringNodeDialog();
    }
}
