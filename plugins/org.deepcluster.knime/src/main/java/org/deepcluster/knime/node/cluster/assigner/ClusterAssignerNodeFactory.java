package org.deepcluster.knime.node.cluster.assigner;

import org.deepcluster.knime.util.DialogNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the Cluster Assigner node (description: ClusterAssignerNodeFactory.xml). */
public final class ClusterAssignerNodeFactory extends DialogNodeFactory<ClusterAssignerNodeModel> {

    @Override
    public ClusterAssignerNodeModel createNodeModel() {
        return new ClusterAssignerNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new ClusterAssignerNodeDialog();
    }
}
