package org.deepcluster.core.encode;

import java.util.StringJoiner;

import org.deepcluster.core.data.FloatMatrix;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossSparseMCXENT;

/**
 * {@link Architecture#LSTM_AE} on token-index sequences ({@link SequenceInput#TOKENS}), e.g. texts turned into word
 * indices by the "Text to Token Sequences" node, as a DL4J {@code MultiLayerNetwork}.
 *
 * <p><b>Input.</b> Each row is one sequence of {@link EncoderParameters#sequenceLength() T} token indices, one column
 * per position: whole numbers in [0, {@link EncoderParameters#vocabularySize() V}), where 0 is the padding token
 * (which fills a sequence shorter than T). {@link #checkTokens} rejects anything else, naming the row and column.
 *
 * <p><b>Layers.</b> A trainable embedding layer maps each token to a vector of
 * {@link EncoderParameters#tokenEmbeddingSize() E} values (DL4J's {@code EmbeddingSequenceLayer}, no bias); then the
 * layers of the numeric LSTM autoencoder ({@link LstmNetwork#addSequenceAutoencoder}): encoder LSTMs, the last one
 * reduced to its last read step, the linear embedding (the representation), repeated T times, decoder LSTMs; and a
 * time-distributed softmax over the V tokens. The loss is the cross-entropy of the original tokens (DL4J's
 * {@code LossSparseMCXENT}, which takes the indices directly instead of one-hot vectors), summed over the non-padding
 * positions of a row and averaged over the rows.
 *
 * <p><b>Padding.</b> Two DL4J masks keep padding out of the result:
 * <ul>
 * <li>the <i>input mask</i> covers the positions from the first to the last non-padding token, so leading and
 * trailing padding is not read (DL4J zeroes the LSTM state at masked steps, which equals the initial state before
 * the first token, and the encoder's "last step" is the last masked-in step). Padding between two tokens is read as
 * token 0. A row of padding only is read as one padding token (DL4J cannot take the last step of an empty
 * sequence), so it gets a well-defined embedding;</li>
 * <li>the <i>target mask</i> is 1 exactly at the non-padding positions, so padding is never reconstructed and does
 * not count in the loss.</li>
 * </ul>
 *
 * <p><b>Memory.</b> The data are held once as floats (4·T bytes per row). Per mini-batch of b rows the output layer
 * computes b·T·V softmax values (and as many gradients), so the batch size × T × V bounds the working memory: with
 * b = 64, T = 32 and V = 5000 about 40 MB per array.
 */
final class TokenSequenceNetwork extends LayerNetwork {

    private final EncoderParameters parameters;

    private TokenSequenceNetwork(final NeuralNetConfiguration.ListBuilder list, final int embeddingLayer,
        final EncoderParameters p) {
        super(list.build(), embeddingLayer);
        this.parameters = p;
    }

    /**
     * @param p valid token-sequence parameters
     * @return a new network with weights drawn from the seed
     */
    static TokenSequenceNetwork create(final EncoderParameters p) {
        final int[] hidden = p.hiddenSizes();
        final NeuralNetConfiguration.ListBuilder list = DenseNetwork.base(p, p.seed()).list();
        list.layer(0, new EmbeddingSequenceLayer.Builder().nIn(p.vocabularySize()).nOut(p.tokenEmbeddingSize())
            .inputLength(p.sequenceLength()).inferInputLength(false).hasBias(false)
            .outputDataFormat(RNNFormat.NCW).weightInit(WeightInit.XAVIER).build());
        final int[] at = LstmNetwork.addSequenceAutoencoder(list, 1, p);
        list.layer(at[1], new RnnOutputLayer.Builder(new LossSparseMCXENT()).nIn(hidden[0]).nOut(p.vocabularySize())
            .activation(new ActivationSoftmax()).weightInit(WeightInit.XAVIER).build());
        // The input type fixes the sequence length for the layers after the embedding. DL4J sets the embedding layer's
        // nIn from the input type's size, so the size must be the vocabulary size (the rows hold one index per step).
        list.setInputType(InputType.recurrent(p.vocabularySize(), p.sequenceLength()));
        return new TokenSequenceNetwork(list, at[0], p);
    }

    /**
     * Checks that every value is a token index: a whole number in [0, vocabularySize).
     *
     * @param data the rows, one column per position (all values finite)
     * @param vocabularySize V
     * @throws InvalidTokenException naming the first bad row and column (both 0-based) and its value
     */
    static void checkTokens(final FloatMatrix data, final int vocabularySize) {
        final float[] row = new float[data.cols()];
        for (int i = 0; i < data.rows(); i++) {
            data.copyRow(i, row, 0);
            for (int j = 0; j < row.length; j++) {
                final float v = row[j];
                if (v != Math.rint(v)) {
                    throw new InvalidTokenException(i, j, "row " + i + ", column " + j + " holds " + v + ", which is "
                        + "not a token index: token sequences must hold whole numbers (0 = padding, 1 … "
                        + (vocabularySize - 1) + " = tokens), e.g. from the Text to Token Sequences node");
                }
                if (v < 0 || v >= vocabularySize) {
                    throw new InvalidTokenException(i, j, "row " + i + ", column " + j + " holds the token index "
                        + (long)v + ", outside the vocabulary [0, " + vocabularySize + "): set the vocabulary size to "
                        + "at least the largest index + 1 (the size of the vocabulary the tokens come from)");
                }
            }
        }
    }

    @Override
    INDArray input(final INDArray rows) {
        return rows; // [n, T] token indices; the embedding layer reads them as integers
    }

    @Override
    INDArray labels(final INDArray rows) {
        return rows.reshape('c', rows.size(0), 1, rows.size(1)); // [n, 1, T]: one target index per step
    }

    @Override
    INDArray inputMask(final INDArray rows) {
        final int n = (int)rows.size(0);
        final int t = (int)rows.size(1);
        final float[] tokens = tokens(rows);
        final float[] mask = new float[n * t];
        for (int i = 0; i < n; i++) {
            int first = -1;
            int last = -1;
            for (int s = 0; s < t; s++) {
                if (tokens[i * t + s] != 0) {
                    if (first < 0) {
                        first = s;
                    }
                    last = s;
                }
            }
            if (first < 0) { // padding only: read one padding token
                first = 0;
                last = 0;
            }
            for (int s = first; s <= last; s++) {
                mask[i * t + s] = 1;
            }
        }
        return Nd4j.create(mask, new long[]{n, t}, 'c');
    }

    @Override
    INDArray targetMask(final INDArray rows) {
        final float[] tokens = tokens(rows);
        final float[] mask = new float[tokens.length];
        for (int k = 0; k < tokens.length; k++) {
            mask[k] = tokens[k] != 0 ? 1 : 0;
        }
        return Nd4j.create(mask, rows.shape(), 'c');
    }

    private static float[] tokens(final INDArray rows) {
        return rows.castTo(DataType.FLOAT).dup('c').data().asFloat();
    }

    @Override
    public String layout() {
        final StringJoiner j = new StringJoiner(" → ");
        j.add(parameters.sequenceLength() + " tokens");
        j.add("token embedding " + parameters.tokenEmbeddingSize() + " (vocabulary " + parameters.vocabularySize()
            + ")");
        LstmNetwork.describeSequenceAutoencoder(j, parameters);
        j.add("softmax over " + parameters.vocabularySize() + " tokens per step");
        return j.toString();
    }
}
