package org.deepcluster.core.encode;

import java.io.IOException;

import org.deepcluster.core.data.FloatMatrix;

/**
 * {@link Architecture#LSTM_AE}: a sequence autoencoder with LSTM layers, on numeric sequences ({@link LstmNetwork})
 * or on token-index sequences ({@link TokenSequenceNetwork}).
 */
final class LstmAutoencoderBuilder implements ArchitectureBuilder {

    @Override
    public void validate(final EncoderParameters p) {
        if (p.sequenceInput() == null) {
            throw new IllegalArgumentException("sequenceInput must be set for the LSTM autoencoder (LSTM_AE): NUMERIC "
                + "or TOKENS");
        }
        if (p.sequenceLength() < 1 || p.sequenceFeatures() < 1) {
            throw new IllegalArgumentException("the LSTM autoencoder (LSTM_AE) needs the sequence shape: "
                + "sequenceLength and sequenceFeatures must be at least 1, got " + p.sequenceLength() + " × "
                + p.sequenceFeatures());
        }
        if (p.hiddenSizes().length == 0) {
            throw new IllegalArgumentException("the LSTM autoencoder (LSTM_AE) needs at least one hidden size: the "
                + "width of each LSTM layer, e.g. {32}");
        }
        if (p.sequenceInput() == SequenceInput.TOKENS) {
            if (p.vocabularySize() < 2 || p.vocabularySize() > EncoderParameters.MAX_VOCABULARY_SIZE) {
                throw new IllegalArgumentException("vocabularySize must be between 2 and "
                    + EncoderParameters.MAX_VOCABULARY_SIZE + " for token sequences (index 0 is the padding), got "
                    + p.vocabularySize());
            }
            if (p.tokenEmbeddingSize() < 1 || p.tokenEmbeddingSize() > EncoderParameters.MAX_LAYER_SIZE) {
                throw new IllegalArgumentException("tokenEmbeddingSize must be between 1 and "
                    + EncoderParameters.MAX_LAYER_SIZE + ", got " + p.tokenEmbeddingSize());
            }
            if (p.scaling() != Scaling.NONE) {
                throw new IllegalArgumentException("scaling must be NONE for token sequences, got " + p.scaling()
                    + ": token indices are categories, scaling them would turn them into other (or no) tokens");
            }
        }
    }

    /**
     * @param inputSize the number of input columns
     * @param p the parameters
     * @throws IllegalArgumentException if T × F (numeric) or T (tokens) is not the number of columns
     */
    static void checkShape(final int inputSize, final EncoderParameters p) {
        if (p.tokenSequences()) {
            if (p.sequenceLength() != inputSize) {
                throw new IllegalArgumentException("the sequence length " + p.sequenceLength() + " does not match the "
                    + inputSize + " input columns: the LSTM autoencoder on token sequences reads each row as one "
                    + "sequence of token indices, one column per position, so the sequence length must equal the "
                    + "number of columns (e.g. the columns t0 … t" + (p.sequenceLength() - 1) + ")");
            }
            return;
        }
        final long values = (long)p.sequenceLength() * p.sequenceFeatures();
        if (values != inputSize) {
            throw new IllegalArgumentException("the sequence shape " + p.sequenceLength() + " time steps × "
                + p.sequenceFeatures() + " features (= " + values + " values) does not match the " + inputSize
                + " input columns: the LSTM autoencoder reads each row as one sequence, so sequence length × "
                + "features per step must equal the number of columns");
        }
    }

    @Override
    public void checkData(final FloatMatrix data, final EncoderParameters p) {
        if (p.tokenSequences()) {
            checkShape(data.cols(), p);
            TokenSequenceNetwork.checkTokens(data, p.vocabularySize());
        }
    }

    @Override
    public EncoderNetwork create(final int inputSize, final EncoderParameters parameters) {
        checkShape(inputSize, parameters);
        return parameters.tokenSequences() ? TokenSequenceNetwork.create(parameters) : LstmNetwork.create(parameters);
    }

    @Override
    public EncoderNetwork restore(final int inputSize, final EncoderParameters parameters, final ModelFormat.Reader in)
        throws IOException {
        try {
            checkShape(inputSize, parameters);
        } catch (final IllegalArgumentException e) {
            throw new IOException(e.getMessage() + ": the model file is damaged", e);
        }
        final LayerNetwork network = (LayerNetwork)create(inputSize, parameters);
        network.readParameters(in);
        return network;
    }
}
