package org.deepcluster.knime.node.generator;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Synthetic Data Generator node (description: SyntheticDataGeneratorNodeFactory.xml). */
public final class SyntheticDataGeneratorNodeFactory extends NodeFactory<SyntheticDataGeneratorNodeModel> {

    @Override
    public SyntheticDataGeneratorNodeModel createNodeModel() {
        return new SyntheticDataGeneratorNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<SyntheticDataGeneratorNodeModel> createNodeView(final int viewIndex,
        final SyntheticDataGeneratorNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new SyntheticDataGeneratorNodeDialog();
    }
}
