package org.deepcluster.standin.test;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the test node; its description is SquareNodeFactory.xml in the test resources. */
@SuppressWarnings("removal")
public class SquareNodeFactory extends NodeFactory<SquareNodeModel> {

    @Override
    public SquareNodeModel createNodeModel() {
        return new SquareNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<SquareNodeModel> createNodeView(final int viewIndex, final SquareNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return false;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return null;
    }
}
