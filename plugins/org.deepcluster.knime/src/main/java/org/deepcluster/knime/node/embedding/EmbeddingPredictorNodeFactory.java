package org.deepcluster.knime.node.embedding;

import org.deepcluster.knime.util.DialogNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the Embedding Predictor node (description: EmbeddingPredictorNodeFactory.xml). */
public final class EmbeddingPredictorNodeFactory extends DialogNodeFactory<EmbeddingPredictorNodeModel> {

    @Override
    public EmbeddingPredictorNodeModel createNodeModel() {
        return new EmbeddingPredictorNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new EmbeddingPredictorNodeDialog();
    }
}
