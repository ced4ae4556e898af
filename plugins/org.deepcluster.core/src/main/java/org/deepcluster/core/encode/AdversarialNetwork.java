package org.deepcluster.core.encode;

import java.io.IOException;
import java.util.Map;
import java.util.StringJoiner;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;

/**
 * {@link Architecture#AAE}: an adversarial autoencoder (Makhzani et al., 2016) with a standard Gaussian prior, built
 * from three DL4J {@code MultiLayerNetwork}s:
 *
 * <ul>
 * <li>the <b>autoencoder</b>: the same dense layers as {@link Architecture#AE} (encoder, linear embedding layer,
 * mirrored decoder, output layer with the chosen loss) and the same initialisation
 * ({@link DenseNetwork#initialiseBiases});</li>
 * <li>the <b>discriminator</b> D: dense layers with the hidden sizes in reverse order (embedding side first) and the
 * hidden activation, and a sigmoid output with binary cross-entropy, telling prior samples (label 1) from codes
 * (label 0);</li>
 * <li>the <b>generator</b> network: a copy of the encoder followed by a copy of D whose layers have a no-op updater,
 * so that a step on it (label 1 for the codes: "fool D") changes only the encoder.</li>
 * </ul>
 *
 * <p>Each mini-batch: (1) a reconstruction step on the autoencoder; (2) a discriminator step on as many prior samples
 * z ~ N(0, I) (from a seeded random stream) as there are rows, and the batch's codes; (3) the generator step: the
 * current encoder and D weights are copied into the generator network, one step is taken, and the encoder weights
 * are copied back into the autoencoder. The generator step uses its own optimiser state with the learning rate
 * multiplied by {@link EncoderParameters#adversarialWeight()} (the weight of the adversarial term against the
 * reconstruction; 0 skips the generator step and leaves a plain autoencoder with an idle discriminator). The reported
 * loss is the reconstruction loss; the embedding is the encoder's output. The model file holds the autoencoder's
 * and the discriminator's flat parameter vectors; the networks are rebuilt from the parameters.
 */
final class AdversarialNetwork implements EncoderNetwork {

    /** Model file entry: the autoencoder's parameters. */
    static final String PARAMETERS_ENTRY = LayerNetwork.PARAMETERS_ENTRY;

    /** Model file entry: the discriminator's parameters. */
    static final String DISCRIMINATOR_ENTRY = "network/discriminator.bin";

    private static final long PRIOR_SALT = 0x2545F4914F6CDD1DL;

    private final MultiLayerNetwork autoencoder;
    private final MultiLayerNetwork discriminator;
    private final MultiLayerNetwork generator; // null when restored or with adversarial weight 0
    private final Random prior; // null when restored
    private final int embeddingLayer;
    private final int[] discriminatorSizes;
    private final int inputSize;
    private double discriminatorLoss = Double.NaN;

    private AdversarialNetwork(final int inputSize, final EncoderParameters p, final boolean trainable) {
        this.inputSize = inputSize;
        final int[] s = DenseNetwork.encoderSizes(inputSize, p);
        final int m = s.length - 2;
        this.embeddingLayer = m;
        final NeuralNetConfiguration.ListBuilder ae = DenseNetwork.withWeightDecay(DenseNetwork.base(p, p.seed()), p)
            .list();
        encoder(ae, s, p);
        for (int i = m; i >= 1; i--) {
            ae.layer(DenseNetwork.encoderLayer(s[i + 1], s[i], p.activation()));
        }
        ae.layer(DenseNetwork.outputLayer(s[1], inputSize, p.loss(), null, false));
        autoencoder = init(ae.build());
        DenseNetwork.initialiseBiases(autoencoder, p.seed());

        final int[] hidden = p.hiddenSizes();
        discriminatorSizes = new int[hidden.length + 2];
        discriminatorSizes[0] = p.embeddingSize();
        for (int i = 0; i < hidden.length; i++) {
            discriminatorSizes[i + 1] = hidden[hidden.length - 1 - i];
        }
        discriminatorSizes[discriminatorSizes.length - 1] = 1;
        final NeuralNetConfiguration.ListBuilder d = DenseNetwork.base(p, p.seed() + 1).list();
        discriminator(d, p, false);
        discriminator = init(d.build());
        DenseNetwork.initialiseBiases(discriminator, p.seed() + 1);

        if (trainable && p.adversarialWeight() > 0) {
            final EncoderParameters g = p.toBuilder().learningRate(p.learningRate() * p.adversarialWeight()).build();
            final NeuralNetConfiguration.ListBuilder gen = DenseNetwork.base(g, p.seed() + 2).list();
            encoder(gen, s, p);
            discriminator(gen, p, true);
            generator = init(gen.build());
        } else {
            generator = null;
        }
        prior = trainable ? Nd4j.getRandomFactory().getNewRandomInstance(p.seed() ^ PRIOR_SALT) : null;
    }

    private static void encoder(final NeuralNetConfiguration.ListBuilder list, final int[] s,
        final EncoderParameters p) {
        final int m = s.length - 2;
        for (int i = 0; i <= m; i++) {
            list.layer(DenseNetwork.encoderLayer(s[i], s[i + 1], i == m ? null : p.activation()));
        }
    }

    private void discriminator(final NeuralNetConfiguration.ListBuilder list, final EncoderParameters p,
        final boolean frozen) {
        final int[] d = discriminatorSizes;
        for (int i = 0; i < d.length - 2; i++) {
            final DenseLayer.Builder b = new DenseLayer.Builder().nIn(d[i]).nOut(d[i + 1])
                .activation(p.activation().dl4j()).weightInit(WeightInit.UNIFORM);
            if (frozen) {
                b.updater(new NoOp());
            }
            list.layer(b.build());
        }
        final OutputLayer.Builder out = new OutputLayer.Builder(new LossBinaryXENT()).nIn(d[d.length - 2]).nOut(1)
            .activation(new ActivationSigmoid()).weightInit(WeightInit.UNIFORM);
        if (frozen) {
            out.updater(new NoOp());
        }
        list.layer(out.build());
    }

    private static MultiLayerNetwork init(final MultiLayerConfiguration conf) {
        final MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /**
     * @param inputSize the number of input columns
     * @param p the parameters
     * @return a new network with weights drawn from the seed
     */
    static AdversarialNetwork create(final int inputSize, final EncoderParameters p) {
        return new AdversarialNetwork(inputSize, p, true);
    }

    /**
     * @param inputSize the number of input columns
     * @param p the parameters
     * @param in the model file
     * @return the restored network (not trainable further)
     * @throws IOException if entries are missing or do not fit
     */
    static AdversarialNetwork restore(final int inputSize, final EncoderParameters p, final ModelFormat.Reader in)
        throws IOException {
        final AdversarialNetwork n = new AdversarialNetwork(inputSize, p, false);
        LayerNetwork.readParameters(n.autoencoder, in, PARAMETERS_ENTRY);
        LayerNetwork.readParameters(n.discriminator, in, DISCRIMINATOR_ENTRY);
        return n;
    }

    @Override
    public double fit(final INDArray input, final INDArray target) {
        if (prior == null) {
            throw new IllegalStateException("a restored adversarial autoencoder cannot be trained further");
        }
        // (1) reconstruction
        autoencoder.fit(new DataSet(input, target));
        final double loss = autoencoder.score();
        // (2) discriminator: prior samples (1) against the codes (0)
        final long rows = input.size(0);
        final INDArray codes = encode(input);
        final INDArray samples = Nd4j.createUninitialized(DataType.FLOAT, rows, codes.size(1));
        Nd4j.getExecutioner().exec(new GaussianDistribution(samples, 0.0, 1.0), prior);
        final INDArray dInput = Nd4j.vstack(samples, codes);
        final INDArray dLabels = Nd4j.vstack(Nd4j.ones(DataType.FLOAT, rows, 1), Nd4j.zeros(DataType.FLOAT, rows, 1));
        discriminator.fit(new DataSet(dInput, dLabels));
        discriminatorLoss = discriminator.score();
        // (3) generator: the encoder learns to make D call its codes prior samples
        if (generator != null) {
            final int encoderLayers = embeddingLayer + 1;
            for (int i = 0; i < encoderLayers; i++) {
                copy(autoencoder.getLayer(i), generator.getLayer(i));
            }
            for (int i = 0; i < discriminator.getnLayers(); i++) {
                copy(discriminator.getLayer(i), generator.getLayer(encoderLayers + i));
            }
            generator.fit(new DataSet(input, Nd4j.ones(DataType.FLOAT, rows, 1)));
            for (int i = 0; i < encoderLayers; i++) {
                copy(generator.getLayer(i), autoencoder.getLayer(i));
            }
        }
        return loss;
    }

    private static void copy(final Layer from, final Layer to) {
        for (final Map.Entry<String, INDArray> e : from.paramTable().entrySet()) {
            to.getParam(e.getKey()).assign(e.getValue());
        }
    }

    /** @return the discriminator's loss in the last training step (NaN before training) */
    double discriminatorLoss() {
        return discriminatorLoss;
    }

    @Override
    public double loss(final INDArray input, final INDArray target) {
        return autoencoder.score(new DataSet(input, target), false);
    }

    @Override
    public INDArray encode(final INDArray input) {
        return autoencoder.feedForwardToLayer(embeddingLayer, input, false).get(embeddingLayer + 1).dup();
    }

    @Override
    public long parameterCount() {
        return autoencoder.numParams() + discriminator.numParams();
    }

    @Override
    public INDArray copyParameters() {
        return Nd4j.toFlattened('c', autoencoder.params(), discriminator.params());
    }

    @Override
    public void setParameters(final INDArray parameters) {
        final INDArray flat = parameters.reshape(parameters.length());
        final long a = autoencoder.numParams();
        autoencoder.setParams(flat.get(NDArrayIndex.interval(0, a)).reshape(1, a).dup());
        discriminator.setParams(flat.get(NDArrayIndex.interval(a, flat.length())).reshape(1, flat.length() - a).dup());
    }

    @Override
    public String layout() {
        final StringJoiner j = new StringJoiner(" → ");
        j.add(Integer.toString(inputSize));
        for (int i = 0; i < autoencoder.getnLayers(); i++) {
            final org.deeplearning4j.nn.conf.layers.FeedForwardLayer layer =
                (org.deeplearning4j.nn.conf.layers.FeedForwardLayer)autoencoder.getLayer(i).conf().getLayer();
            j.add(layer.getNOut() + (i == embeddingLayer ? " (embedding)" : ""));
        }
        final StringJoiner d = new StringJoiner(" → ");
        for (final int size : discriminatorSizes) {
            d.add(Integer.toString(size));
        }
        return j + "; discriminator " + d + " against a N(0, I) prior";
    }

    @Override
    public void write(final ModelFormat.Writer out) throws IOException {
        out.array(PARAMETERS_ENTRY, autoencoder.params());
        out.array(DISCRIMINATOR_ENTRY, discriminator.params());
    }
}
