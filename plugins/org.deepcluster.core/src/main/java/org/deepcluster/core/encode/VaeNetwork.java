package org.deepcluster.core.encode;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * A variational autoencoder written as a SameDiff graph, because DL4J's {@code VariationalAutoencoder} layer has no
 * weight for the KL term (its score is always reconstruction + KL; checked in the 1.0.0-M2.1 sources).
 *
 * <p>Encoder: dense layers with the hidden sizes and activation, then two linear heads for the mean μ and the log
 * variance log σ² of the Gaussian posterior q(z|x) (width = embedding size). A latent sample is drawn by
 * reparameterisation, z = μ + exp(½ log σ²) ⊙ ε with ε ~ N(0, I) drawn from a seeded random stream and fed as a
 * placeholder. The decoder mirrors the encoder and ends in a linear layer producing logits or values. Per row:
 *
 * <ul>
 * <li>reconstruction term: for {@link ReconstructionLoss#MSE} the sum of squared errors over the columns (a Gaussian
 * likelihood with fixed variance, up to constants); for {@link ReconstructionLoss#BINARY_CROSS_ENTROPY} the summed
 * Bernoulli negative log-likelihood, computed from the logits in the numerically stable form
 * max(l, 0) − l·x + log(1 + e^−|l|);</li>
 * <li>KL term: KL(q(z|x) ‖ N(0, I)) = −½ Σ (1 + log σ² − μ² − σ²);</li>
 * <li>loss = mean over the batch of (reconstruction + β · KL), β = {@link EncoderParameters#klWeight()}.</li>
 * </ul>
 *
 * <p>The embedding is μ. The validation loss uses ε = 0 (z = μ), so it does not fluctuate with the sampling.
 * Training uses SameDiff's own {@code fit} with the chosen updater (Adam or Nesterov momentum), one call per
 * mini-batch (measured about 3× faster per step than {@code calculateGradientsAndOutputs}, which rebuilds its
 * execution plan on every call). The model file holds one ND4J array per variable; the graph is rebuilt from the
 * parameters when loading.
 */
final class VaeNetwork implements EncoderNetwork {

    /** Model file entries: one per variable, {@code network/variables/<name>.bin}. */
    static final String VARIABLE_ENTRY_PREFIX = "network/variables/";

    private static final String INPUT = "x";
    private static final String TARGET = "target";
    private static final String EPSILON = "eps";
    private static final String MEAN = "mu";
    private static final String LOSS = "loss";
    private static final String ROW_LOSS = "rowLoss";

    private final SameDiff sd;
    private final Map<String, long[]> shapes; // trainable variables in a fixed order
    private final int[] layerSizes;
    private final int embeddingSize;
    private final Random random; // null for a restored network, which is never trained
    private final IUpdater updaterConfig;
    private final Map<Integer, INDArray> epsilonBuffers = new HashMap<>();
    private final LossListener lossListener = new LossListener();

    private VaeNetwork(final int inputSize, final EncoderParameters p, final Random random) {
        this.random = random;
        this.embeddingSize = p.embeddingSize();
        this.updaterConfig = p.optimizer().updater(p.learningRate());
        final int[] s = DenseNetwork.encoderSizes(inputSize, p);
        final int m = s.length - 2;
        this.layerSizes = s;
        this.shapes = new LinkedHashMap<>();
        sd = SameDiff.create();
        final SDVariable x = sd.placeHolder(INPUT, DataType.FLOAT, -1, inputSize);
        final SDVariable target = sd.placeHolder(TARGET, DataType.FLOAT, -1, inputSize);
        final SDVariable eps = sd.placeHolder(EPSILON, DataType.FLOAT, -1, embeddingSize);

        SDVariable h = x;
        for (int i = 0; i < m; i++) {
            h = p.activation().apply(sd, dense("enc" + i, h, s[i], s[i + 1], p.activation()));
        }
        final SDVariable mu = dense("mu", h, s[m], embeddingSize, null);
        sd.updateVariableNameAndReference(mu, MEAN);
        final SDVariable logVar = dense("logvar", h, s[m], embeddingSize, null);
        final SDVariable z = mu.add(sd.math.exp(logVar.mul(0.5)).mul(eps));

        SDVariable g = z;
        for (int i = m; i >= 1; i--) {
            g = p.activation().apply(sd, dense("dec" + (i - 1), g, i == m ? embeddingSize : s[i + 1], s[i],
                p.activation()));
        }
        final SDVariable out = dense("out", g, m == 0 ? embeddingSize : s[1], inputSize, null);

        final SDVariable reconstruction;
        if (p.loss() == ReconstructionLoss.BINARY_CROSS_ENTROPY) {
            final SDVariable positivePart = sd.nn.relu(out, 0.0);
            final SDVariable softTail = sd.math.log1p(sd.math.exp(sd.math.abs(out).neg()));
            reconstruction = positivePart.sub(out.mul(target)).add(softTail).sum(1);
        } else {
            reconstruction = sd.math.square(out.sub(target)).sum(1);
        }
        final SDVariable kl = logVar.add(1.0).sub(sd.math.square(mu)).sub(sd.math.exp(logVar)).sum(1).mul(-0.5);
        final SDVariable rowLoss = reconstruction.add(kl.mul(p.klWeight()));
        sd.updateVariableNameAndReference(rowLoss, ROW_LOSS);
        final SDVariable loss = rowLoss.mean();
        sd.updateVariableNameAndReference(loss, LOSS);
        sd.setLossVariables(LOSS);
    }

    /** Adds a dense layer's variables (weights drawn later) and returns its pre-activation. */
    private SDVariable dense(final String name, final SDVariable in, final int nIn, final int nOut,
        final Activation activation) {
        final String w = name + "_W";
        final String b = name + "_b";
        shapes.put(w, new long[]{nIn, nOut});
        shapes.put(b, new long[]{1, nOut});
        final INDArray weights = Nd4j.zeros(DataType.FLOAT, nIn, nOut);
        if (random != null) {
            // He-normal for rectifier-like activations, Glorot-normal otherwise (as DenseNetwork does).
            final double std = activation == null || activation.weightInit() != org.deeplearning4j.nn.weights.WeightInit.RELU
                ? Math.sqrt(2.0 / (nIn + nOut)) : Math.sqrt(2.0 / nIn);
            Nd4j.getExecutioner().exec(new GaussianDistribution(weights, 0.0, std), random);
        }
        final SDVariable wv = sd.var(w, weights);
        final SDVariable bv = sd.var(b, Nd4j.zeros(DataType.FLOAT, 1, nOut));
        return in.mmul(wv).add(bv);
    }

    /**
     * @param inputSize the number of input columns
     * @param parameters the parameters
     * @return a new network with weights drawn from the seed
     */
    static VaeNetwork create(final int inputSize, final EncoderParameters parameters) {
        final Random random = Nd4j.getRandomFactory().getNewRandomInstance(parameters.seed());
        return new VaeNetwork(inputSize, parameters, random);
    }

    /**
     * @param inputSize the number of input columns
     * @param parameters the parameters recorded in the metadata
     * @param in the model file
     * @return the restored network
     * @throws IOException if a variable is missing or has the wrong shape
     */
    static VaeNetwork restore(final int inputSize, final EncoderParameters parameters, final ModelFormat.Reader in)
        throws IOException {
        final VaeNetwork network = new VaeNetwork(inputSize, parameters, null);
        for (final Map.Entry<String, long[]> e : network.shapes.entrySet()) {
            final INDArray stored = in.array(VARIABLE_ENTRY_PREFIX + e.getKey() + ".bin");
            if (!Arrays.equals(stored.shape(), e.getValue())) {
                throw new IOException("the variable " + e.getKey() + " has shape " + Arrays.toString(stored.shape())
                    + " but the model's parameters need " + Arrays.toString(e.getValue())
                    + ": the model file is damaged");
            }
            network.sd.getVariable(e.getKey()).getArr().assign(stored.castTo(DataType.FLOAT));
        }
        return network;
    }

    private Map<String, INDArray> placeholders(final INDArray input, final INDArray target, final boolean sample) {
        final int rows = (int)input.size(0);
        final INDArray eps = epsilonBuffers.computeIfAbsent(rows,
            r -> Nd4j.createUninitializedDetached(DataType.FLOAT, 'c', r, embeddingSize));
        if (sample) {
            Nd4j.getExecutioner().exec(new GaussianDistribution(eps, 0.0, 1.0), random);
        } else {
            eps.assign(0);
        }
        final Map<String, INDArray> ph = new HashMap<>();
        ph.put(INPUT, input);
        ph.put(TARGET, target);
        ph.put(EPSILON, eps);
        return ph;
    }

    @Override
    public double fit(final INDArray input, final INDArray target) {
        if (random == null) {
            throw new IllegalStateException("a restored variational autoencoder cannot be trained further");
        }
        if (sd.getTrainingConfig() == null) {
            sd.setTrainingConfig(TrainingConfig.builder().updater(updaterConfig)
                .dataSetFeatureMapping(INPUT, TARGET, EPSILON).markLabelsUnused().build());
            createGradientFunctionQuietly();
        }
        final Map<String, INDArray> ph = placeholders(input, target, true);
        final MultiDataSet batch = new MultiDataSet(new INDArray[]{ph.get(INPUT), ph.get(TARGET), ph.get(EPSILON)},
            new INDArray[0]);
        lossListener.last = Double.NaN;
        sd.fit(batch, lossListener);
        if (Double.isNaN(lossListener.last)) { // not seen (should not happen): compute it, with this batch's ε
            return sd.output(ph, LOSS).get(LOSS).getDouble(0);
        }
        return lossListener.last;
    }

    /**
     * Picks up the per-row losses while SameDiff trains. Its training session records a loss only if the op that
     * produces the loss variable runs, and it prunes the final mean because the gradients do not need its value; the
     * per-row losses, which the mean's gradient needs, are computed anyway.
     */
    private static final class LossListener extends BaseListener {
        private double last = Double.NaN;

        @Override
        public boolean isActive(final Operation operation) {
            return operation == Operation.TRAINING;
        }

        @Override
        public void opExecution(final SameDiff sameDiff, final At at,
            final org.nd4j.linalg.dataset.api.MultiDataSet batch, final SameDiffOp op, final OpContext context,
            final INDArray[] outputs) {
            final int index = op.getOutputsOfOp().indexOf(ROW_LOSS);
            if (index >= 0) {
                last = outputs[index].meanNumber().doubleValue();
            }
        }
    }

    /**
     * SameDiff prints a line per differentiated op to {@code System.out} when it builds the gradient graph; a
     * filter drops exactly those lines while the graph is built and lets everything else through.
     */
    private void createGradientFunctionQuietly() {
        final PrintStream original = System.out;
        final PrintStream filter = new PrintStream(original, true) {
            @Override
            public void println(final String line) {
                if (line == null || !line.startsWith("Added differentiated op ")) {
                    super.println(line);
                }
            }
        };
        System.setOut(filter);
        try {
            sd.createGradFunction();
        } finally {
            if (System.out == filter) {
                System.setOut(original);
            }
        }
    }

    @Override
    public double loss(final INDArray input, final INDArray target) {
        return sd.output(placeholders(input, target, false), LOSS).get(LOSS).getDouble(0);
    }

    @Override
    public INDArray encode(final INDArray input) {
        final Map<String, INDArray> ph = new HashMap<>();
        ph.put(INPUT, input);
        return sd.output(ph, MEAN).get(MEAN).dup();
    }

    @Override
    public long parameterCount() {
        long count = 0;
        for (final long[] shape : shapes.values()) {
            count += shape[0] * shape[1];
        }
        return count;
    }

    @Override
    public INDArray copyParameters() {
        final INDArray[] arrays = shapes.keySet().stream().map(n -> sd.getVariable(n).getArr()).toArray(INDArray[]::new);
        return Nd4j.toFlattened('c', arrays);
    }

    @Override
    public void setParameters(final INDArray parameters) {
        long offset = 0;
        final INDArray flat = parameters.reshape(parameters.length());
        for (final Map.Entry<String, long[]> e : shapes.entrySet()) {
            final long n = e.getValue()[0] * e.getValue()[1];
            final INDArray part = flat.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(offset, offset + n));
            sd.getVariable(e.getKey()).getArr().assign(part.reshape('c', e.getValue()));
            offset += n;
        }
    }

    @Override
    public String layout() {
        final StringJoiner j = new StringJoiner(" → ");
        for (int i = 0; i < layerSizes.length - 1; i++) {
            j.add(Integer.toString(layerSizes[i]));
        }
        j.add(embeddingSize + " (μ and log σ²)");
        for (int i = layerSizes.length - 2; i >= 0; i--) {
            j.add(Integer.toString(layerSizes[i]));
        }
        return j.toString();
    }

    @Override
    public void write(final ModelFormat.Writer out) throws IOException {
        for (final String name : shapes.keySet()) {
            out.array(VARIABLE_ENTRY_PREFIX + name + ".bin", sd.getVariable(name).getArr());
        }
    }
}
