package org.deepcluster.knime.node.cluster.optics;

import org.deepcluster.knime.util.DialogNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the OPTICS node (description: OpticsNodeFactory.xml). */
public final class OpticsNodeFactory extends DialogNodeFactory<OpticsNodeModel> {

    @Override
    public OpticsNodeModel createNodeModel() {
        return new OpticsNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new OpticsNodeDialog();
    }
}
