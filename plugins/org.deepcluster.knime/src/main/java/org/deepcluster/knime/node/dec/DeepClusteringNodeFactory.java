package org.deepcluster.knime.node.dec;

import org.deepcluster.knime.util.DialogNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the Deep Embedded Clustering node (description: DeepClusteringNodeFactory.xml). */
public final class DeepClusteringNodeFactory extends DialogNodeFactory<DeepClusteringNodeModel> {

    @Override
    public DeepClusteringNodeModel createNodeModel() {
        return new DeepClusteringNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new DeepClusteringNodeDialog();
    }
}
