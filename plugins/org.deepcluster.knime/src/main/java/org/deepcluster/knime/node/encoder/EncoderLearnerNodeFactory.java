package org.deepcluster.knime.node.encoder;

import org.deepcluster.knime.util.DialogNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the Encoder Learner node (description: EncoderLearnerNodeFactory.xml). */
public final class EncoderLearnerNodeFactory extends DialogNodeFactory<EncoderLearnerNodeModel> {

    @Override
    public EncoderLearnerNodeModel createNodeModel() {
        return new EncoderLearnerNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new EncoderLearnerNodeDialog();
    }
}
