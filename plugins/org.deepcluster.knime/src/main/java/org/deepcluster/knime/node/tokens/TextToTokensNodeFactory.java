package org.deepcluster.knime.node.tokens;

import org.deepcluster.knime.util.DialogNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the Text to Token Sequences node (description: TextToTokensNodeFactory.xml). */
public final class TextToTokensNodeFactory extends DialogNodeFactory<TextToTokensNodeModel> {

    @Override
    public TextToTokensNodeModel createNodeModel() {
        return new TextToTokensNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new TextToTokensNodeDialog();
    }
}
