package org.deepcluster.knime.node.generator;

import org.deepcluster.knime.util.DialogNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the Synthetic Data Generator node (description: SyntheticDataGeneratorNodeFactory.xml). */
public final class SyntheticDataGeneratorNodeFactory extends DialogNodeFactory<SyntheticDataGeneratorNodeModel> {

    @Override
    public SyntheticDataGeneratorNodeModel createNodeModel() {
        return new SyntheticDataGeneratorNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new SyntheticDataGeneratorNodeDialog();
    }
}
