package org.deepcluster.core.encode;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.StringJoiner;

import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * A dense autoencoder as a DL4J {@link MultiLayerNetwork}: dense encoder layers (the hidden sizes), a linear
 * embedding layer, dense decoder layers mirroring the encoder, and an output layer (linear with mean squared error,
 * or sigmoid with binary cross-entropy averaged over the columns). Used by {@link Architecture#AE},
 * {@link Architecture#DAE} and {@link Architecture#SAE}.
 *
 * <p>Initialisation: weights and biases of every layer from U(−1/√fan_in, 1/√fan_in), PyTorch's {@code nn.Linear}
 * default (see {@link #initialiseBiases}). The stacked autoencoder overwrites all of them with its layer-wise
 * pretraining, whose shallow networks keep He/Glorot weights and zero biases ({@link #glorotHeLayer}).
 *
 * <p>The network computes in float32, with DL4J workspaces on. Training steps go through {@link DenseTrainer}, which
 * computes exactly DL4J's step on the network's own parameters with preallocated buffers and about half the time
 * (benchmarks/encoder); {@code -Dorg.deepcluster.dl4jFit=true} switches back to {@code MultiLayerNetwork.fit} for
 * comparison. Encoding uses DL4J's inference. In the model file the network is stored as DL4J's configuration JSON
 * and its flat parameter vector in ND4J's binary array format.
 */
final class DenseNetwork implements EncoderNetwork {

    /** Model file entry: the DL4J configuration as JSON. */
    static final String CONFIGURATION_ENTRY = "network/configuration.json";

    /** Model file entry: the parameters, written by {@code Nd4j.write}. */
    static final String PARAMETERS_ENTRY = "network/parameters.bin";

    /** Salt of the bias generator, so that it does not repeat the stream of another generator seeded alike. */
    private static final long BIAS_SALT = 0x6A09E667F3BCC909L;

    /** Whether training uses {@link DenseTrainer} (default) or DL4J's own {@code fit}, e.g. to compare them. */
    static boolean useDenseTrainer = !Boolean.getBoolean("org.deepcluster.dl4jFit");

    private final MultiLayerNetwork net;
    private final int embeddingLayer;
    private final DenseTrainer trainer; // null for a restored network, which is not trained further

    private DenseNetwork(final MultiLayerNetwork net, final int embeddingLayer, final DenseTrainer trainer) {
        this.net = net;
        this.embeddingLayer = embeddingLayer;
        this.trainer = trainer;
    }

    /**
     * @param inputSize the number of input columns
     * @param parameters the parameters
     * @return the layer widths from input to embedding: input, hidden sizes, embedding size
     */
    static int[] encoderSizes(final int inputSize, final EncoderParameters parameters) {
        final int[] hidden = parameters.hiddenSizes();
        final int[] sizes = new int[hidden.length + 2];
        sizes[0] = inputSize;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = parameters.embeddingSize();
        return sizes;
    }

    /**
     * Builds a new network with weights drawn from {@code parameters.seed()}.
     *
     * @param inputSize the number of input columns
     * @param parameters the parameters
     * @return the network
     */
    static DenseNetwork create(final int inputSize, final EncoderParameters parameters) {
        final int[] s = encoderSizes(inputSize, parameters);
        final int m = s.length - 2; // hidden layers
        final NeuralNetConfiguration.ListBuilder list = withWeightDecay(base(parameters, parameters.seed()),
            parameters).list();
        for (int i = 0; i <= m; i++) { // encoder, then the embedding layer
            list.layer(encoderLayer(s[i], s[i + 1], i == m ? null : parameters.activation()));
        }
        for (int i = m; i >= 1; i--) { // decoder hidden layers, mirrored
            list.layer(encoderLayer(s[i + 1], s[i], parameters.activation()));
        }
        list.layer(outputLayer(s[1], inputSize, parameters.loss(), null, false));
        final MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        initialiseBiases(net, parameters.seed());
        final boolean crossEntropy = parameters.loss() == ReconstructionLoss.BINARY_CROSS_ENTROPY;
        return new DenseNetwork(net, m, trainer(net, activations(parameters), crossEntropy, parameters));
    }

    /**
     * @param parameters the parameters
     * @return the activation of each layer of the network built from them (null = linear), as {@link DenseTrainer}
     *         needs them
     */
    static Activation[] activations(final EncoderParameters parameters) {
        final int m = parameters.hiddenSizes().length;
        final Activation[] activations = new Activation[2 * m + 2];
        for (int i = 0; i < m; i++) {
            activations[i] = parameters.activation(); // encoder
            activations[2 * m - i] = parameters.activation(); // its mirror in the decoder
        }
        final boolean crossEntropy = parameters.loss() == ReconstructionLoss.BINARY_CROSS_ENTROPY;
        activations[2 * m + 1] = crossEntropy ? Activation.SIGMOID : null; // embedding (index m) stays linear
        return activations;
    }

    /**
     * @return an independent copy of this network (configuration and parameters), without a training step: for
     *         further training by someone else (e.g. {@link EmbeddingRefiner}) while this one stays unchanged
     */
    DenseNetwork copy() {
        final MultiLayerNetwork clone = new MultiLayerNetwork(net.getLayerWiseConfigurations().clone());
        clone.init(net.params().dup(), false);
        return new DenseNetwork(clone, embeddingLayer, null);
    }

    /** @return the index of the embedding layer */
    int embeddingLayer() {
        return embeddingLayer;
    }

    /**
     * Draws every layer's biases from U(−1/√fan_in, 1/√fan_in), like its weights ({@link WeightInit#UNIFORM} in
     * {@link #encoderLayer} and {@link #outputLayer}): PyTorch's {@code nn.Linear} default. DL4J can only set biases
     * to a constant, so they are drawn here, from a generator seeded with {@code seed}.
     *
     * <p>Why this scheme rather than He/Glorot weights and zero biases (used until 2026-11): on pbmc2100 (AE
     * 2000-256-64-10, seeds 0..4, benchmarks/quality/RESULTS.md, AE ablation) the AE embedding + k-means reached a
     * higher mean ARI (0.682 vs 0.641) with a much smaller spread over the seeds (± 0.011 vs ± 0.042).
     *
     * @param net an initialised network of dense layers
     * @param seed the seed
     */
    static void initialiseBiases(final MultiLayerNetwork net, final long seed) {
        final SplittableRandom random = new SplittableRandom(seed ^ BIAS_SALT);
        for (int i = 0; i < net.getnLayers(); i++) {
            final INDArray b = net.getLayer(i).getParam(DefaultParamInitializer.BIAS_KEY);
            final double bound = 1.0 / Math.sqrt(net.getLayer(i).getParam(DefaultParamInitializer.WEIGHT_KEY).size(0));
            final float[] v = new float[(int)b.length()];
            for (int k = 0; k < v.length; k++) {
                v[k] = (float)((2 * random.nextDouble() - 1) * bound);
            }
            b.assign(Nd4j.create(v, b.shape(), b.ordering()));
        }
    }

    /**
     * @return the fast training step for a dense network built here, or null to use DL4J's own
     */
    static DenseTrainer trainer(final MultiLayerNetwork net, final Activation[] activations,
        final boolean crossEntropy, final EncoderParameters parameters) {
        return useDenseTrainer ? new DenseTrainer(net, activations, crossEntropy,
            parameters.optimizer().updater(parameters.learningRate())) : null;
    }

    /**
     * The settings every layer shares.
     *
     * @param parameters the parameters (optimiser, learning rate)
     * @param seed the seed of the weight initialisation
     * @return the builder
     */
    static NeuralNetConfiguration.Builder base(final EncoderParameters parameters, final long seed) {
        final IUpdater updater = parameters.optimizer().updater(parameters.learningRate());
        return new NeuralNetConfiguration.Builder()
            .seed(seed)
            .dataType(DataType.FLOAT)
            .updater(updater)
            .trainingWorkspaceMode(WorkspaceMode.ENABLED)
            .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
            .cacheMode(CacheMode.NONE);
    }

    /**
     * Adds the parameters' weight decay to every layer of a dense autoencoder (AE, DAE, SAE fine-tuning, the AAE's
     * autoencoder), weights only. DL4J's {@code l2(λ)} adds λ·W to the weight gradient before the updater and
     * ½ λ ‖W‖² to the score: PyTorch's {@code Adam(weight_decay=λ)}. Not DL4J's {@code weightDecay(λ)}, which
     * subtracts lr·λ·W after the updater (decoupled, AdamW-like). {@link DenseTrainer} reads the coefficient from the
     * layer configuration and applies the same.
     *
     * @param base the network settings
     * @param parameters the parameters
     * @return {@code base}
     */
    static NeuralNetConfiguration.Builder withWeightDecay(final NeuralNetConfiguration.Builder base,
        final EncoderParameters parameters) {
        return parameters.weightDecay() > 0 ? base.l2(parameters.weightDecay()) : base;
    }

    /**
     * A dense layer of an autoencoder built here (AE, DAE, SAE, AAE): weights from U(−1/√nIn, 1/√nIn); its biases are
     * set by {@link #initialiseBiases}.
     *
     * @param nIn the input width
     * @param nOut the output width
     * @param activation the activation, or null for a linear layer
     * @return the layer
     */
    static DenseLayer encoderLayer(final int nIn, final int nOut, final Activation activation) {
        return denseLayer(nIn, nOut, activation, WeightInit.UNIFORM);
    }

    /**
     * A dense layer with He (rectifiers) or Glorot (saturating and linear) weights and zero biases, as the
     * convolutional and LSTM autoencoders use for their dense layers (their initialisation was not re-measured when the
     * dense autoencoders changed to {@link #encoderLayer}'s) and the stacked autoencoder's layer-wise pretraining
     * (with U(±1/√fan_in) its ARI on wdbc fell from 0.640 to about 0.29, benchmarks/quality/RESULTS.md).
     *
     * @param nIn the input width
     * @param nOut the output width
     * @param activation the activation, or null for a linear layer
     * @return the layer
     */
    static DenseLayer glorotHeLayer(final int nIn, final int nOut, final Activation activation) {
        return denseLayer(nIn, nOut, activation, activation == null ? WeightInit.XAVIER : activation.weightInit());
    }

    private static DenseLayer denseLayer(final int nIn, final int nOut, final Activation activation,
        final WeightInit init) {
        return new DenseLayer.Builder().nIn(nIn).nOut(nOut)
            .activation(activation == null ? new ActivationIdentity() : activation.dl4j())
            .weightInit(init)
            .build();
    }

    /**
     * The reconstruction layer.
     *
     * @param nIn the input width
     * @param nOut the number of reconstructed columns
     * @param loss the reconstruction loss, which also fixes the activation (linear for MSE, sigmoid for BCE)
     * @param hiddenActivation if not null, the layer reconstructs hidden codes instead of the data: it uses this
     *            activation and the MSE loss (for the layer-wise pretraining of a stacked autoencoder)
     * @param glorotHe whether the weights are He/Glorot (the stacked autoencoder's pretraining) instead of
     *            U(−1/√nIn, 1/√nIn)
     * @return the output layer
     */
    static OutputLayer outputLayer(final int nIn, final int nOut, final ReconstructionLoss loss,
        final Activation hiddenActivation, final boolean glorotHe) {
        final OutputLayer.Builder b = new OutputLayer.Builder().nIn(nIn).nOut(nOut);
        if (hiddenActivation != null) {
            return b.activation(hiddenActivation.dl4j())
                .weightInit(glorotHe ? hiddenActivation.weightInit() : WeightInit.UNIFORM)
                .lossFunction(new LossMSE()).build();
        }
        final ILossFunction lossFunction;
        if (loss == ReconstructionLoss.BINARY_CROSS_ENTROPY) {
            // DL4J sums cross-entropy over the columns; weights 1/nOut make it the mean, comparable to MSE (which
            // DL4J averages over the columns) and to other libraries' binary_crossentropy.
            final INDArray weights = Nd4j.valueArrayOf(new long[]{1, nOut}, 1.0f / nOut);
            lossFunction = new LossBinaryXENT(weights);
            b.activation(new ActivationSigmoid());
        } else {
            lossFunction = new LossMSE();
            b.activation(new ActivationIdentity());
        }
        return b.lossFunction(lossFunction).weightInit(glorotHe ? WeightInit.XAVIER : WeightInit.UNIFORM).build();
    }

    /**
     * Restores a network from a model file.
     *
     * @param inputSize the number of input columns recorded in the metadata
     * @param parameters the parameters recorded in the metadata
     * @param in the model file
     * @return the network
     * @throws IOException if the entries are missing, damaged or do not fit the metadata
     */
    static DenseNetwork restore(final int inputSize, final EncoderParameters parameters, final ModelFormat.Reader in)
        throws IOException {
        final String json = in.text(CONFIGURATION_ENTRY);
        final MultiLayerConfiguration conf;
        try {
            conf = MultiLayerConfiguration.fromJson(json);
        } catch (final RuntimeException e) {
            throw new IOException("the network configuration in the model file cannot be read: " + e.getMessage(), e);
        }
        final int[] s = encoderSizes(inputSize, parameters);
        final int layers = 2 * (s.length - 1);
        if (conf.getConfs().size() != layers) {
            throw new IOException("the network configuration has " + conf.getConfs().size() + " layers but the "
                + "model's parameters describe " + layers + ": the model file is damaged");
        }
        final Layer first = conf.getConf(0).getLayer();
        final Layer embedding = conf.getConf(s.length - 2).getLayer();
        if (!(first instanceof FeedForwardLayer f) || f.getNIn() != inputSize
            || !(embedding instanceof FeedForwardLayer e) || e.getNOut() != parameters.embeddingSize()) {
            throw new IOException("the network configuration does not match the model's input size " + inputSize
                + " and embedding size " + parameters.embeddingSize() + ": the model file is damaged");
        }
        final INDArray params = in.array(PARAMETERS_ENTRY);
        final MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        if (params.length() != net.numParams()) {
            throw new IOException("the network parameters hold " + params.length() + " values but the network "
                + "configuration needs " + net.numParams() + ": the model file is damaged");
        }
        net.setParams(params.reshape(1, params.length()).castTo(DataType.FLOAT));
        return new DenseNetwork(net, s.length - 2, null);
    }

    /** @return the DL4J network (for the layer-wise pretraining of a stacked autoencoder) */
    MultiLayerNetwork network() {
        return net;
    }

    /**
     * @param layer a layer index, 0 for the first encoder layer
     * @param input scaled rows
     * @return the output of that layer
     */
    INDArray activate(final int layer, final INDArray input) {
        final List<INDArray> activations = net.feedForwardToLayer(layer, input, false);
        return activations.get(layer + 1); // element 0 is the input
    }

    @Override
    public double fit(final INDArray input, final INDArray target) {
        if (trainer != null) {
            return trainer.fit(input, target);
        }
        net.fit(input, target);
        return net.score();
    }

    @Override
    public double loss(final INDArray input, final INDArray target) {
        return net.score(new DataSet(input, target), false);
    }

    @Override
    public INDArray encode(final INDArray input) {
        return activate(embeddingLayer, input);
    }

    @Override
    public long parameterCount() {
        return net.numParams();
    }

    @Override
    public INDArray copyParameters() {
        return net.params().dup();
    }

    @Override
    public void setParameters(final INDArray parameters) {
        net.setParams(parameters);
    }

    @Override
    public String layout() {
        final StringJoiner j = new StringJoiner(" → ");
        for (int i = 0; i < net.getnLayers(); i++) {
            final FeedForwardLayer layer = (FeedForwardLayer)net.getLayer(i).conf().getLayer();
            if (i == 0) {
                j.add(Long.toString(layer.getNIn()));
            }
            j.add(layer.getNOut() + (i == embeddingLayer ? " (embedding)" : ""));
        }
        return j.toString();
    }

    @Override
    public void write(final ModelFormat.Writer out) throws IOException {
        out.text(CONFIGURATION_ENTRY, net.getLayerWiseConfigurations().toJson());
        out.array(PARAMETERS_ENTRY, net.params());
    }
}
