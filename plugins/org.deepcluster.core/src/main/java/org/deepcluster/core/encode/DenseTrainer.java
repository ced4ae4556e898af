package org.deepcluster.core.encode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bytedeco.javacpp.FloatPointer;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinearDerivative;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMin;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.LeakyReLUBp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.Axpy;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.linalg.schedule.FixedSchedule;

/**
 * A faster training step for the dense networks of {@link DenseNetwork}: the same model and the same mathematics as
 * DL4J's {@code MultiLayerNetwork.fit(features, labels)} (same parameters, same loss, same gradient, same ND4J
 * updater), computed with a fixed sequence of ND4J operations on preallocated column-major buffers.
 *
 * <p>Why: profiling DL4J's dense layers on the benchmark autoencoder (benchmarks/encoder/RESULTS.md) showed that a
 * large part of each step is not arithmetic: {@code BaseNDArray.mmuli} copies the weight matrix into row-major order
 * on every forward pass when the input is row-major (in {@code GemmParams}, whose result it then discards), every
 * activation is computed into a temporary column-major array and copied into a row-major one, the first layer's
 * gradient with respect to the input is computed although nothing uses it, and the losses allocate several
 * temporaries. Here every matrix product writes straight into a column-major buffer (what BLAS produces), the
 * weights are used in place, and the step does the five large products a dense autoencoder needs (two forward, three
 * backward), like PyTorch.
 *
 * <p>The parameters and the updater state are those of the network itself ({@link MultiLayerNetwork#params()} and
 * the gradient views laid out alike), so the network is always up to date: inference, saving and early stopping use
 * it as usual. The equivalence with DL4J's own step is tested ({@code DenseTrainerTest}).
 *
 * <p>Supported: dense layers with the activations of {@link Activation} or none, and an output layer that is linear
 * with mean squared error, sigmoid with binary cross-entropy (weights 1/columns, DL4J's clipping of the probability
 * to [1e-5, 1 − 1e-5] in the reported loss), or a hidden activation with mean squared error (stacked autoencoder
 * pretraining).
 *
 * <p>Regularisation: only DL4J's {@code l2(λ)} on the weights (as {@link DenseNetwork#withWeightDecay} configures
 * it), applied like DL4J: λ·W is added to each weight gradient (not the biases) before the optimiser step, and the
 * loss of {@link #computeGradient(INDArray, INDArray)} includes ½ λ ‖W‖², as DL4J's score does. Other
 * regularisations are rejected.
 */
final class DenseTrainer {

    /** DL4J's {@code LossBinaryXENT} clips probabilities to this distance from 0 and 1. */
    private static final double CLIP = 1e-5;

    private final MultiLayerNetwork net;
    private final int layers;
    private final int[] nIn;
    private final int[] nOut;
    private final Activation[] activations; // per layer; null = identity
    private final double[] weightDecay; // per layer: the L2 coefficient λ of its weights (DL4J's l2), 0 for none
    private final boolean crossEntropy;
    private final INDArray[] weights;
    private final INDArray[] biases;
    private final INDArray[] weightGradients;
    private final INDArray[] biasGradients;
    private final INDArray gradient;
    private final GradientUpdater<?> updater; // null when adam is used
    private final JavaAdam adam;
    private final Map<Integer, Buffers> buffers = new HashMap<>();
    private int iteration;
    private boolean upperGradientsSet = true; // whether layers above a loss layer may hold gradients

    /** The per-batch-size work arrays, all column-major. */
    private static final class Buffers {
        final INDArray[] activation; // output of layer i
        final INDArray[] delta; // dLoss/d(pre-activation) of layer i
        final INDArray[] inputGradient; // dLoss/d(input of layer i), i ≥ 1
        final INDArray ones;
        final INDArray scratch;

        Buffers(final int rows, final int[] nIn, final int[] nOut) {
            final int n = nOut.length;
            activation = new INDArray[n];
            delta = new INDArray[n];
            inputGradient = new INDArray[n];
            for (int i = 0; i < n; i++) {
                activation[i] = Nd4j.createUninitializedDetached(DataType.FLOAT, 'f', rows, nOut[i]);
                delta[i] = Nd4j.createUninitializedDetached(DataType.FLOAT, 'f', rows, nOut[i]);
                if (i > 0) {
                    inputGradient[i] = Nd4j.createUninitializedDetached(DataType.FLOAT, 'f', rows, nIn[i]);
                }
            }
            ones = Nd4j.ones(DataType.FLOAT, rows, 1);
            scratch = Nd4j.createUninitializedDetached(DataType.FLOAT, 'f', rows, nOut[n - 1]);
        }
    }

    /**
     * @param net an initialised network of dense layers and an output layer, as built by {@link DenseNetwork}
     * @param activations the activation of each layer (null for linear), the output layer's included
     * @param crossEntropy whether the output layer uses binary cross-entropy (its activation must be
     *            {@link Activation#SIGMOID}); otherwise mean squared error
     * @param updaterConfig the optimiser, as configured in the network
     */
    DenseTrainer(final MultiLayerNetwork net, final Activation[] activations, final boolean crossEntropy,
        final IUpdater updaterConfig) {
        this.net = net;
        this.layers = net.getnLayers();
        if (activations.length != layers) {
            throw new IllegalArgumentException("one activation per layer needed");
        }
        if (crossEntropy && activations[layers - 1] != Activation.SIGMOID) {
            throw new IllegalArgumentException("binary cross-entropy needs a sigmoid output layer");
        }
        this.activations = activations.clone();
        this.crossEntropy = crossEntropy;
        nIn = new int[layers];
        nOut = new int[layers];
        weights = new INDArray[layers];
        biases = new INDArray[layers];
        weightGradients = new INDArray[layers];
        biasGradients = new INDArray[layers];
        final INDArray params = net.params();
        gradient = Nd4j.zeros(DataType.FLOAT, params.shape());
        long offset = 0;
        for (int i = 0; i < layers; i++) {
            weights[i] = net.getLayer(i).getParam(DefaultParamInitializer.WEIGHT_KEY);
            biases[i] = net.getLayer(i).getParam(DefaultParamInitializer.BIAS_KEY);
            nIn[i] = (int)weights[i].size(0);
            nOut[i] = (int)weights[i].size(1);
            // DL4J lays out each dense layer as W (column-major nIn × nOut), then b; the gradient mirrors it.
            final long w = (long)nIn[i] * nOut[i];
            weightGradients[i] = gradient.reshape(gradient.length())
                .get(org.nd4j.linalg.indexing.NDArrayIndex.interval(offset, offset + w)).reshape('f', nIn[i], nOut[i]);
            biasGradients[i] = gradient.reshape(1, gradient.length())
                .get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                    org.nd4j.linalg.indexing.NDArrayIndex.interval(offset + w, offset + w + nOut[i]))
                .reshape(1, nOut[i]);
            offset += w + nOut[i];
        }
        weightDecay = new double[layers];
        for (int i = 0; i < layers; i++) {
            weightDecay[i] = weightDecay(net, i);
        }
        if (offset != params.length()) {
            throw new IllegalStateException("unexpected parameter layout: " + offset + " vs " + params.length());
        }
        if (updaterConfig instanceof Adam a && params.length() <= Integer.MAX_VALUE) {
            adam = new JavaAdam(a, (int)params.length());
            updater = null;
        } else {
            adam = null;
            final long stateSize = updaterConfig.stateSize(params.length());
            final INDArray state = stateSize == 0 ? null : Nd4j.zeros(DataType.FLOAT, 1, stateSize);
            updater = updaterConfig.instantiate(state, true);
        }
    }

    /** The L2 coefficient of layer i's weights from its DL4J configuration; anything else is not supported. */
    private static double weightDecay(final MultiLayerNetwork net, final int i) {
        final org.deeplearning4j.nn.conf.layers.Layer conf = net.getLayer(i).conf().getLayer();
        final List<Regularization> bias = conf.getRegularizationByParam(DefaultParamInitializer.BIAS_KEY);
        if (bias != null && !bias.isEmpty()) {
            throw new IllegalArgumentException("bias regularisation is not supported: " + bias);
        }
        double lambda = 0;
        final List<Regularization> weight = conf.getRegularizationByParam(DefaultParamInitializer.WEIGHT_KEY);
        for (final Regularization r : weight == null ? List.<Regularization> of() : weight) {
            if (!(r instanceof L2Regularization l2) || !(l2.getL2() instanceof FixedSchedule)) {
                throw new IllegalArgumentException("only a fixed L2 regularisation of the weights is supported: " + r);
            }
            lambda += l2.getL2().valueAt(0, 0);
        }
        return lambda;
    }

    /** @return ½ Σ λ_i ‖W_i‖², the L2 term DL4J adds to its score */
    private double weightPenalty() {
        double penalty = 0;
        for (int i = 0; i < layers; i++) {
            if (weightDecay[i] > 0) {
                final double norm = weights[i].norm2Number().doubleValue();
                penalty += 0.5 * weightDecay[i] * norm * norm;
            }
        }
        return penalty;
    }

    /** @return the flat gradient of the last step, laid out like {@link MultiLayerNetwork#params()} (for tests) */
    INDArray gradient() {
        return gradient;
    }

    /**
     * Computes the loss and the gradient of a batch without changing the parameters.
     *
     * @param input the batch
     * @param target the reconstruction target
     * @return the mean loss, as DL4J's score defines it (with the L2 term ½ λ ‖W‖² when there is weight decay; the
     *         gradient does not include that term's λ·W yet: {@link #update} adds it, as DL4J's updater does)
     */
    double computeGradient(final INDArray input, final INDArray target) {
        final int rows = (int)input.size(0);
        final Buffers b = forward(input, layers - 1);
        final double loss = outputDelta(b, target, rows, 1.0);
        backward(input, b, layers - 1, 0);
        return loss + weightPenalty();
    }

    /**
     * Computes the gradient of a loss on the output of a hidden layer (e.g. a clustering loss on the embedding),
     * optionally plus the weighted reconstruction loss, without changing the parameters. The gradient of the layers
     * above {@code layer} is zero when {@code reconstructionWeight} is 0 (they are then not even evaluated).
     *
     * @param input the batch
     * @param target the reconstruction target (unused when {@code reconstructionWeight} is 0)
     * @param layer the index of the layer whose output the external loss reads
     * @param externalLoss computes the external loss and its gradient with respect to that output
     * @param reconstructionWeight the weight w of the reconstruction loss in "external + w · reconstruction", ≥ 0
     * @return the unweighted mean reconstruction loss of the batch (as DL4J's score defines it, without any L2
     *         term), or NaN when {@code reconstructionWeight} is 0
     */
    double computeGradient(final INDArray input, final INDArray target, final int layer,
        final LayerLoss externalLoss, final double reconstructionWeight) {
        final int rows = (int)input.size(0);
        final boolean reconstruct = reconstructionWeight > 0;
        final Buffers b = forward(input, reconstruct ? layers - 1 : layer);
        double reconstruction = Double.NaN;
        if (!reconstruct && upperGradientsSet) { // left over from a call with reconstruction: must not be applied
            for (int i = layer + 1; i < layers; i++) {
                weightGradients[i].assign(0);
                biasGradients[i].assign(0);
            }
        }
        upperGradientsSet = reconstruct;
        if (reconstruct) {
            reconstruction = outputDelta(b, target, rows, reconstructionWeight);
            backward(input, b, layers - 1, layer + 1);
            // b.inputGradient[layer + 1] now holds w · dL_r/d(output of layer)
        }
        final INDArray delta = b.delta[layer];
        externalLoss.gradient(b.activation[layer], delta);
        if (reconstruct) {
            delta.addi(b.inputGradient[layer + 1]);
        }
        // the external loss is on the layer's output: through its activation to the pre-activation
        derivative(activations[layer], b.activation[layer], delta, delta, b.scratch);
        backward(input, b, layer, 0);
        return reconstruction;
    }

    /** A loss on the output of a hidden layer. */
    @FunctionalInterface
    interface LayerLoss {
        /**
         * @param output the layer's output for the batch, column-major {@code rows × width} (read only)
         * @param gradient receives dLoss/d(output), column-major, same shape
         */
        void gradient(INDArray output, INDArray gradient);
    }

    /** Forward pass up to and including {@code last}; returns the buffers holding the activations. */
    private Buffers forward(final INDArray input, final int last) {
        final int rows = (int)input.size(0);
        final Buffers b = buffers.computeIfAbsent(rows, r -> new Buffers(r, nIn, nOut));
        // z = a·W + b, written by BLAS into a column-major buffer, then the activation in place.
        INDArray in = input;
        for (int i = 0; i <= last; i++) {
            final INDArray a = b.activation[i];
            Nd4j.gemm(in, weights[i], a, false, false, 1.0, 0.0);
            a.addiRowVector(biases[i]);
            activate(activations[i], a);
            in = a;
        }
        return b;
    }

    /** The output layer's delta, scaled by {@code weight}, and the (unweighted) mean reconstruction loss. */
    private double outputDelta(final Buffers b, final INDArray target, final int rows, final double weight) {
        final INDArray out = b.activation[layers - 1];
        final INDArray delta = b.delta[layers - 1];
        final double cols = nOut[layers - 1];
        Nd4j.getExecutioner().exec(new SubOp(out, target, delta));
        final double loss;
        if (crossEntropy) {
            loss = crossEntropy(out, target, b.scratch) / (rows * cols);
            // sigmoid + cross-entropy: dL/dz = (p − y) / (rows · cols)
            delta.muli(weight / (rows * cols));
        } else {
            loss = Nd4j.getBlasWrapper().dot(delta, delta) / (rows * cols);
            // dL/da = 2 (a − y) / (rows · cols), times the output activation's derivative
            delta.muli(2.0 * weight / (rows * cols));
            derivative(activations[layers - 1], out, delta, delta, b.scratch);
        }
        return loss;
    }

    /**
     * Backward pass from layer {@code top} (whose delta is set) down to layer {@code bottom}: weight and bias
     * gradients of those layers, and the delta of the layer below each (for the bottom layer only its input
     * gradient, and nothing below layer 0).
     */
    private void backward(final INDArray input, final Buffers b, final int top, final int bottom) {
        for (int i = top; i >= bottom; i--) {
            final INDArray layerInput = i == 0 ? input : b.activation[i - 1];
            Nd4j.gemm(layerInput, b.delta[i], weightGradients[i], true, false, 1.0, 0.0);
            Nd4j.gemm(b.ones, b.delta[i], biasGradients[i], true, false, 1.0, 0.0);
            if (i > 0) {
                final INDArray upstream = b.inputGradient[i];
                Nd4j.gemm(b.delta[i], weights[i], upstream, false, true, 1.0, 0.0);
                if (i > bottom) {
                    derivative(activations[i - 1], b.activation[i - 1], upstream, b.delta[i - 1], b.scratch);
                }
            }
        }
    }

    /**
     * One optimisation step.
     *
     * @param input the batch
     * @param target the reconstruction target
     * @return the mean loss before the step
     */
    double fit(final INDArray input, final INDArray target) {
        final double loss = computeGradient(input, target);
        update();
        return loss;
    }

    /** One optimiser step with the gradient last computed. */
    void update() {
        update(layers);
    }

    /**
     * One optimiser step with the gradient last computed, for a trainer whose layers from {@code firstFrozen} on
     * never get a gradient (a loss on a hidden layer without reconstruction): with Adam their parameters are skipped,
     * which changes nothing (their moments stay 0, so would their steps) and saves the time.
     *
     * @param firstFrozen the first layer without gradient, or the number of layers
     */
    void update(final int firstFrozen) {
        for (int i = 0; i < Math.min(firstFrozen, layers); i++) {
            if (weightDecay[i] > 0) { // gradient += λ·W, before the updater (DL4J's L2Regularization)
                Nd4j.exec(new Axpy(weights[i], weightGradients[i], weightGradients[i], weightDecay[i]));
            }
        }
        if (adam != null) {
            long limit = 0; // the parameters of layers [0, firstFrozen) come first in the flat vector
            for (int i = 0; i < Math.min(firstFrozen, layers); i++) {
                limit += (long)nIn[i] * nOut[i] + nOut[i];
            }
            adam.step(net.params(), gradient, iteration++, (int)limit);
        } else {
            updater.applyUpdater(gradient, iteration++, 0);
            net.params().subi(gradient);
        }
    }

    private static void activate(final Activation activation, final INDArray a) {
        if (activation == null) {
            return;
        }
        switch (activation) {
            case RELU -> Nd4j.getExecutioner().exec(new RectifiedLinear(a, a));
            case TANH -> Transforms.tanh(a, false);
            case SIGMOID -> Transforms.sigmoid(a, false);
            case ELU -> Transforms.elu(a, false);
            case LEAKY_RELU -> Transforms.leakyRelu(a, Activation.LEAKY_SLOPE, false);
        }
    }

    /**
     * delta = upstream ⊙ f'(z), with f' written in terms of the activation's output a = f(z) (all supported
     * activations allow that), so that no pre-activation has to be kept.
     */
    private static void derivative(final Activation activation, final INDArray a, final INDArray upstream,
        final INDArray delta, final INDArray scratch) {
        if (activation == null) {
            if (delta != upstream) {
                delta.assign(upstream);
            }
            return;
        }
        switch (activation) {
            case RELU -> Nd4j.getExecutioner().exec(new RectifiedLinearDerivative(a, upstream, delta));
            // a > 0 exactly where z > 0, so the derivative can be taken at the output
            case LEAKY_RELU -> Nd4j.exec(new LeakyReLUBp(a, upstream, delta, Activation.LEAKY_SLOPE));
            case TANH -> { // 1 − a²
                final INDArray s = view(scratch, a);
                s.assign(a).muli(a).rsubi(1.0);
                Nd4j.getExecutioner().exec(new MulOp(s, upstream, delta));
            }
            case SIGMOID -> { // a (1 − a)
                final INDArray s = view(scratch, a);
                s.assign(a).rsubi(1.0).muli(a);
                Nd4j.getExecutioner().exec(new MulOp(s, upstream, delta));
            }
            case ELU -> { // 1 for a > 0, a + 1 otherwise (α = 1): min(a + 1, 1)
                final INDArray s = view(scratch, a);
                s.assign(a).addi(1.0);
                Nd4j.getExecutioner().exec(new ScalarMin(s, null, s, 1.0));
                Nd4j.getExecutioner().exec(new MulOp(s, upstream, delta));
            }
        }
    }

    /** A column-major work array of {@code like}'s shape, carved from the start of the scratch buffer. */
    private static INDArray view(final INDArray scratch, final INDArray like) {
        final long n = like.length();
        if (scratch.length() < n) {
            return Nd4j.createUninitializedDetached(DataType.FLOAT, 'f', like.shape());
        }
        return scratch.reshape('f', new long[]{scratch.length()})
            .get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, n)).reshape('f', like.shape());
    }

    /**
     * Adam with the arithmetic of ND4J's {@code adam_updater} op (float32, bias correction folded into the step size,
     * ε added to √v), run as plain Java loops that the JIT vectorises, over contiguous chunks of the parameters in
     * parallel. Measured on the benchmark autoencoder (2.2 million parameters): about 5 ms per step on one thread
     * including the copies in and out, against about 17 ms for ND4J's generic single-threaded op, which was the largest
     * cost after the matrix products. The chunks run on the common fork-join pool; BLAS is idle while they run (the
     * step comes between two batches), so they do not compete with it for cores. The moments live on the Java heap
     * (8 bytes per parameter).
     */
    private static final class JavaAdam {
        /** Chunks below this many parameters are not worth a task. */
        private static final int MIN_CHUNK = 1 << 16;

        private final double learningRate;
        private final float beta1;
        private final float beta2;
        private final double epsilon;
        private final float[] m;
        private final float[] v;
        private final float[] g;
        private final float[] p;
        private final int chunks;

        JavaAdam(final Adam config, final int n) {
            learningRate = config.getLearningRate();
            beta1 = (float)config.getBeta1();
            beta2 = (float)config.getBeta2();
            epsilon = config.getEpsilon();
            m = new float[n];
            v = new float[n];
            g = new float[n];
            p = new float[n];
            final int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
            chunks = Math.max(1, Math.min(cores, n / MIN_CHUNK));
        }

        void step(final INDArray params, final INDArray gradient, final int iteration) {
            step(params, gradient, iteration, m.length);
        }

        /** A step on the parameters [0, limit) only (the others keep their values and moments). */
        void step(final INDArray params, final INDArray gradient, final int iteration, final int limit) {
            double alpha = learningRate * Math.sqrt(1 - Math.pow(beta2, iteration + 1))
                / (1 - Math.pow(beta1, iteration + 1));
            if (Double.isNaN(alpha) || Double.isInfinite(alpha) || alpha == 0) {
                alpha = epsilon; // what ND4J does
            }
            final float a = (float)alpha;
            final FloatPointer paramPointer = new FloatPointer(params.data().addressPointer());
            final FloatPointer gradientPointer = new FloatPointer(gradient.data().addressPointer());
            if (chunks == 1) {
                update(paramPointer, gradientPointer, 0, limit, a);
                return;
            }
            final int n = limit;
            java.util.stream.IntStream.range(0, chunks).parallel().forEach(c -> {
                final int from = (int)((long)n * c / chunks);
                final int to = (int)((long)n * (c + 1) / chunks);
                update(paramPointer, gradientPointer, from, to, a);
            });
        }

        /** The update of parameters [from, to), copied in from and out to the native buffers. */
        private void update(final FloatPointer params, final FloatPointer gradient, final int from, final int to,
            final float a) {
            final int length = to - from;
            // Own pointer objects per chunk: JavaCPP copies from the pointer's position.
            final FloatPointer paramPointer = new FloatPointer(params).position(from);
            final FloatPointer gradientPointer = new FloatPointer(gradient).position(from);
            gradientPointer.get(g, from, length);
            paramPointer.get(p, from, length);
            final float eps = (float)epsilon;
            final float b1 = beta1;
            final float b2 = beta2;
            final float c1 = 1 - b1;
            final float c2 = 1 - b2;
            for (int k = from; k < to; k++) {
                final float gk = g[k];
                final float mk = b1 * m[k] + gk * c1;
                final float vk = b2 * v[k] + gk * gk * c2;
                m[k] = mk;
                v[k] = vk;
                p[k] -= mk * a / ((float)Math.sqrt(vk) + eps);
            }
            paramPointer.put(p, from, length);
        }
    }

    /** Σ −[y log p + (1 − y) log(1 − p)] with p clipped like DL4J, using a scratch array. */
    private static double crossEntropy(final INDArray p, final INDArray y, final INDArray scratch) {
        final INDArray clipped = Transforms.min(Transforms.max(p, CLIP, true), 1 - CLIP, false);
        final INDArray logP = Transforms.log(clipped, true);
        final INDArray log1mP = Transforms.log(clipped.rsubi(1.0), false);
        // y log p + (1 − y) log(1 − p) = y (log p − log(1 − p)) + log(1 − p)
        final INDArray sum = logP.subi(log1mP).muli(y).addi(log1mP);
        return -sum.sumNumber().doubleValue();
    }
}
