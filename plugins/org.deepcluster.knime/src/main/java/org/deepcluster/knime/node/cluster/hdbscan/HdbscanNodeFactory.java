package org.deepcluster.knime.node.cluster.hdbscan;

import org.deepcluster.knime.util.DialogNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the HDBSCAN node (description: HdbscanNodeFactory.xml). */
public final class HdbscanNodeFactory extends DialogNodeFactory<HdbscanNodeModel> {

    @Override
    public HdbscanNodeModel createNodeModel() {
        return new HdbscanNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new HdbscanNodeDialog();
    }
}
