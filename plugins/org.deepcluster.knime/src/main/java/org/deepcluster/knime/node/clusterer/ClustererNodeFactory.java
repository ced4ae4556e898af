package org.deepcluster.knime.node.clusterer;

import org.deepcluster.knime.util.DialogNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the Clusterer node (description: ClustererNodeFactory.xml). */
public final class ClustererNodeFactory extends DialogNodeFactory<ClustererNodeModel> {

    @Override
    public ClustererNodeModel createNodeModel() {
        return new ClustererNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new ClustererNodeDialog();
    }
}
