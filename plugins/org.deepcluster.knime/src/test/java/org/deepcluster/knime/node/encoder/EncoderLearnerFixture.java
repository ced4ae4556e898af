package org.deepcluster.knime.node.encoder;

import org.deepcluster.knime.port.EncoderModelPortObject;
import org.deepcluster.standin.NodeHarness;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;

/**
 * An Encoder Learner with tiny, fast settings (hidden 16,8, embedding 3, batch 32, learning rate 0.005, seed 11),
 * for the node tests of this package and of the nodes that consume an Encoder Model.
 */
public final class EncoderLearnerFixture {

    private EncoderLearnerFixture() {
    }

    /** Changes settings given by key; the keys are those of the settings.xml. */
    @FunctionalInterface
    public interface Edit {
        /**
         * @param settings the learner's settings, to change
         * @throws InvalidSettingsException if reading them fails
         */
        void edit(NodeSettings settings) throws InvalidSettingsException;
    }

    /**
     * @param epochs the number of epochs
     * @param more further changes, applied after the tiny settings
     * @return a learner harness
     * @throws InvalidSettingsException if the learner rejects the settings
     */
    public static NodeHarness<EncoderLearnerNodeModel> learner(final int epochs, final Edit more)
        throws InvalidSettingsException {
        return NodeHarness.of(EncoderLearnerNodeFactory.class).editSettings(s -> {
            s.addString(EncoderLearnerSettings.KEY_HIDDEN_LAYERS, "16,8");
            s.addInt(EncoderLearnerSettings.KEY_EMBEDDING_SIZE, 3);
            s.addInt(EncoderLearnerSettings.KEY_EPOCHS, epochs);
            s.addInt(EncoderLearnerSettings.KEY_BATCH_SIZE, 32);
            s.addDouble(EncoderLearnerSettings.KEY_LEARNING_RATE, 0.005);
            s.addLong(EncoderLearnerSettings.KEY_SEED, 11);
            more.edit(s);
        });
    }

    /**
     * Trains a tiny autoencoder on all numeric columns.
     *
     * @param table the training table
     * @param epochs the number of epochs
     * @return the model
     * @throws Exception if training fails
     */
    public static EncoderModelPortObject train(final BufferedDataTable table, final int epochs) throws Exception {
        return (EncoderModelPortObject)learner(epochs, s -> {
        }).execute(table)[0];
    }
}
