package org.deepcluster.core.encode;

import java.util.StringJoiner;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.misc.RepeatVector;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * {@link Architecture#LSTM_AE}: a sequence autoencoder as a DL4J {@code MultiLayerNetwork}.
 *
 * <p><b>Value order.</b> Each row is one sequence of {@link EncoderParameters#sequenceLength() T} time steps with
 * {@link EncoderParameters#sequenceFeatures() F} features each, stored time step by time step: column
 * {@code t·F + f} holds feature f at time t (for one feature, simply the values in time order). The row is reshaped
 * to DL4J's recurrent format {@code [F, T]} (NCW). Token-index sequences (text) are handled by {@link TokenSequenceNetwork}.
 *
 * <p><b>Layers.</b> Encoder: one LSTM layer per hidden size (tanh, the standard LSTM activation; the hidden
 * activation setting is not used), the last one reduced to its last time step; a linear dense layer, the embedding.
 * Decoder: the embedding repeated T times, LSTM layers mirroring the encoder, and a time-distributed linear output
 * layer reconstructing the F features at every step with mean squared error (averaged over the features, summed
 * over the time steps, averaged over the rows), or a sigmoid output with binary cross-entropy (summed) for values in
 * [0, 1].
 */
final class LstmNetwork extends LayerNetwork {

    private final EncoderParameters parameters;

    private LstmNetwork(final MultiLayerConfiguration conf, final int embeddingLayer, final EncoderParameters p) {
        super(conf, embeddingLayer);
        this.parameters = p;
    }

    /**
     * @param p the parameters (valid, with a sequence shape that fits the input, at least one hidden size)
     * @return a new network with weights drawn from the seed
     */
    static LstmNetwork create(final EncoderParameters p) {
        final NeuralNetConfiguration.ListBuilder list = DenseNetwork.base(p, p.seed()).list();
        final int[] at = addSequenceAutoencoder(list, 0, p);
        final boolean bce = p.loss() == ReconstructionLoss.BINARY_CROSS_ENTROPY;
        list.layer(at[1], new RnnOutputLayer.Builder(bce ? new LossBinaryXENT() : new LossMSE())
            .nOut(p.sequenceFeatures()).activation(bce ? new ActivationSigmoid() : new ActivationIdentity())
            .weightInit(WeightInit.XAVIER).build());
        list.setInputType(InputType.recurrent(p.sequenceFeatures(), p.sequenceLength()));
        return new LstmNetwork(list.build(), at[0], p);
    }

    /**
     * Adds the layers between the input and the output layer that numeric and token sequences share: one encoder
     * LSTM per hidden size (the last reduced to its last time step, which respects an input mask), the linear
     * embedding layer, the embedding repeated T times, and decoder LSTMs mirroring the encoder.
     *
     * @param list the configuration being built
     * @param first the index of the first layer to add
     * @param p the parameters
     * @return {the index of the embedding layer, the index of the next free layer}
     */
    static int[] addSequenceAutoencoder(final NeuralNetConfiguration.ListBuilder list, final int first,
        final EncoderParameters p) {
        final int[] hidden = p.hiddenSizes();
        final int k = hidden.length;
        int layer = first;
        for (int i = 0; i < k; i++) {
            final LSTM lstm = lstm(hidden[i]);
            list.layer(layer++, i == k - 1 ? new LastTimeStep(lstm) : lstm);
        }
        final int embeddingLayer = layer;
        list.layer(layer++, DenseNetwork.glorotHeLayer(hidden[k - 1], p.embeddingSize(), null));
        list.layer(layer++, new RepeatVector.Builder(p.sequenceLength()).build());
        for (int i = k - 1; i >= 0; i--) {
            list.layer(layer++, lstm(hidden[i]));
        }
        return new int[]{embeddingLayer, layer};
    }

    /**
     * @param j receives the layers from the first encoder LSTM to the last decoder LSTM
     * @param p the parameters
     */
    static void describeSequenceAutoencoder(final StringJoiner j, final EncoderParameters p) {
        final int[] hidden = p.hiddenSizes();
        for (int i = 0; i < hidden.length; i++) {
            j.add("LSTM " + hidden[i] + (i == hidden.length - 1 ? " (last step)" : ""));
        }
        j.add(p.embeddingSize() + " (embedding)");
        j.add("repeat " + p.sequenceLength());
        for (int i = hidden.length - 1; i >= 0; i--) {
            j.add("LSTM " + hidden[i]);
        }
    }

    private static LSTM lstm(final int size) {
        return new LSTM.Builder().nOut(size).activation(new ActivationTanH()).weightInit(WeightInit.XAVIER).build();
    }

    /** [n, T·F] time step by time step → [n, F, T]. */
    private INDArray sequences(final INDArray rows) {
        return rows.reshape('c', rows.size(0), parameters.sequenceLength(), parameters.sequenceFeatures())
            .permute(0, 2, 1).dup('c');
    }

    @Override
    INDArray input(final INDArray rows) {
        return sequences(rows);
    }

    @Override
    INDArray labels(final INDArray rows) {
        return sequences(rows);
    }

    @Override
    public String layout() {
        final StringJoiner j = new StringJoiner(" → ");
        j.add(parameters.sequenceLength() + " steps × " + parameters.sequenceFeatures() + " features");
        describeSequenceAutoencoder(j, parameters);
        j.add(parameters.sequenceFeatures() + " per step");
        return j.toString();
    }
}
