package org.deepcluster.core.encode;

import java.io.IOException;

/** {@link Architecture#LSTM_AE}: a sequence autoencoder with LSTM layers ({@link LstmNetwork}). */
final class LstmAutoencoderBuilder implements ArchitectureBuilder {

    @Override
    public void validate(final EncoderParameters p) {
        if (p.sequenceLength() < 1 || p.sequenceFeatures() < 1) {
            throw new IllegalArgumentException("the LSTM autoencoder (LSTM_AE) needs the sequence shape: "
                + "sequenceLength and sequenceFeatures must be at least 1, got " + p.sequenceLength() + " × "
                + p.sequenceFeatures());
        }
        if (p.hiddenSizes().length == 0) {
            throw new IllegalArgumentException("the LSTM autoencoder (LSTM_AE) needs at least one hidden size: the "
                + "width of each LSTM layer, e.g. {32}");
        }
    }

    /**
     * @param inputSize the number of input columns
     * @param p the parameters
     * @throws IllegalArgumentException if T × F is not the number of columns
     */
    static void checkShape(final int inputSize, final EncoderParameters p) {
        final long values = (long)p.sequenceLength() * p.sequenceFeatures();
        if (values != inputSize) {
            throw new IllegalArgumentException("the sequence shape " + p.sequenceLength() + " time steps × "
                + p.sequenceFeatures() + " features (= " + values + " values) does not match the " + inputSize
                + " input columns: the LSTM autoencoder reads each row as one sequence, so sequence length × "
                + "features per step must equal the number of columns");
        }
    }

    @Override
    public EncoderNetwork create(final int inputSize, final EncoderParameters parameters) {
        checkShape(inputSize, parameters);
        return LstmNetwork.create(parameters);
    }

    @Override
    public EncoderNetwork restore(final int inputSize, final EncoderParameters parameters, final ModelFormat.Reader in)
        throws IOException {
        try {
            checkShape(inputSize, parameters);
        } catch (final IllegalArgumentException e) {
            throw new IOException(e.getMessage() + ": the model file is damaged", e);
        }
        final LstmNetwork network = LstmNetwork.create(parameters);
        network.readParameters(in);
        return network;
    }
}
