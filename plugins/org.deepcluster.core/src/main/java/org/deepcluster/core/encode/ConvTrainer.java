package org.deepcluster.core.encode;

import java.util.stream.IntStream;

import org.bytedeco.javacpp.FloatPointer;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Training step, loss and embedding of the convolutional autoencoder ({@link ConvNetwork}) in plain Java: the same
 * model and mathematics as DL4J's {@code MultiLayerNetwork.fit} on that network (same parameters in the same flat
 * layout, same loss, same gradient, same ND4J updater), computed image by image with {@link ConvKernels}.
 *
 * <p>Why: DL4J's convolution layers were about 30× slower than PyTorch on the benchmark CAE (benchmarks/cae). The
 * parameters stay in the DL4J network ({@link MultiLayerNetwork#params()}), so saving, loading and restoring the best
 * epoch work as before; each step reads them (a few thousand values), computes the gradient here and applies the
 * updater to the network's parameters. The equivalence with DL4J's gradient and score is tested
 * ({@code ConvTrainerTest}).
 *
 * <p>Parallelism: a batch is cut into fixed chunks of {@value #CHUNK} images; chunks run in parallel, each with its
 * own gradient, and the chunk gradients are summed in chunk order, so the result does not depend on the number of
 * threads.
 */
final class ConvTrainer {

    /** Images per parallel work item (fixed, for determinism). */
    static final int CHUNK = 8;

    /** DL4J's {@code LossBinaryXENT} clips probabilities to this distance from 0 and 1. */
    private static final float CLIP = 1e-5f;

    private final MultiLayerNetwork net;
    private final Activation activation;
    private final boolean crossEntropy;
    private final int channels;
    private final int blocks;
    private final int[] filters;
    private final int[] heights; // per level 0..blocks
    private final int[] widths;
    private final int embedding;
    private final int dense; // values of the last pooled feature maps = input of the embedding layer
    // parameter offsets in the flat vector
    private final int[] encW;
    private final int[] encB;
    private final int[] decW; // decoder conv of level j (0..blocks-1)
    private final int[] decB;
    private final int embedW;
    private final int embedB;
    private final int expandW;
    private final int expandB;
    private final int outW;
    private final int outB;
    private final int parameterCount;
    private final INDArray gradient;
    private final GradientUpdater<?> updater;
    // Work arrays of the running chunks, reused between chunks and batches; held by this trainer (not in thread-locals of
    // the shared pool's threads), so they go when the network goes. Every buffer is overwritten before it is read, so
    // which chunk gets which workspace does not change any result.
    private final java.util.concurrent.ConcurrentLinkedDeque<Workspace> workspaces =
        new java.util.concurrent.ConcurrentLinkedDeque<>();
    private int iteration;

    /**
     * @param net the initialised network built by {@link ConvNetwork#create}
     * @param p its parameters
     * @param heights the feature map heights per level (0 = the image)
     * @param widths the feature map widths per level
     * @param layers the network's layer indices: encoder convolutions, embedding, expansion, decoder convolutions
     *            (per level, 0 = full size), output convolution
     */
    ConvTrainer(final MultiLayerNetwork net, final EncoderParameters p, final int[] heights, final int[] widths,
        final ConvNetwork.LayerIndices layers) {
        this.net = net;
        this.activation = p.activation();
        this.crossEntropy = p.loss() == ReconstructionLoss.BINARY_CROSS_ENTROPY;
        this.channels = p.imageChannels();
        this.filters = p.hiddenSizes().clone();
        this.blocks = filters.length;
        this.heights = heights.clone();
        this.widths = widths.clone();
        this.embedding = p.embeddingSize();
        this.dense = filters[blocks - 1] * heights[blocks] * widths[blocks];
        final INDArray params = net.params();
        if (params.length() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many parameters: " + params.length());
        }
        parameterCount = (int)params.length();
        encW = new int[blocks];
        encB = new int[blocks];
        decW = new int[blocks];
        decB = new int[blocks];
        for (int i = 0; i < blocks; i++) {
            encW[i] = offset(params, net.getLayer(layers.encoder()[i]), "W", 'c', filters[i], inChannels(i), 3, 3);
            encB[i] = biasOffset(params, net.getLayer(layers.encoder()[i]), filters[i]);
            decW[i] = offset(params, net.getLayer(layers.decoder()[i]), "W", 'c', filters[i], decoderInChannels(i), 3,
                3);
            decB[i] = biasOffset(params, net.getLayer(layers.decoder()[i]), filters[i]);
        }
        embedW = offset(params, net.getLayer(layers.embedding()), "W", 'f', dense, embedding);
        embedB = biasOffset(params, net.getLayer(layers.embedding()), embedding);
        expandW = offset(params, net.getLayer(layers.embedding() + 1), "W", 'f', embedding, dense);
        expandB = biasOffset(params, net.getLayer(layers.embedding() + 1), dense);
        outW = offset(params, net.getLayer(layers.output()), "W", 'c', channels, filters[0], 3, 3);
        outB = biasOffset(params, net.getLayer(layers.output()), channels);
        gradient = Nd4j.zeros(DataType.FLOAT, params.shape());
        final IUpdater config = net.getLayerWiseConfigurations().getConf(0).getLayer().getUpdaterByParam("W");
        final long stateSize = config.stateSize(parameterCount);
        updater = config.instantiate(stateSize == 0 ? null : Nd4j.zeros(DataType.FLOAT, 1, stateSize), true);
    }

    /** The offset of a parameter view in the flat parameters, after checking its shape and order. */
    private static int offset(final INDArray params, final Layer layer, final String key, final char order,
        final long... shape) {
        final INDArray view = layer.getParam(key);
        if (view == null || !java.util.Arrays.equals(view.shape(), shape)
            || (view.rank() > 1 && view.length() > 1 && view.ordering() != order && shape[0] != 1)) {
            throw new IllegalStateException("unexpected DL4J parameter layout of " + key + " in layer "
                + layer.getIndex() + ": " + (view == null ? "missing" : view.shapeInfoToString()));
        }
        return (int)(view.offset() - params.offset());
    }

    /** The offset of a bias vector (stored contiguously) in the flat parameters. */
    private static int biasOffset(final INDArray params, final Layer layer, final int length) {
        final INDArray view = layer.getParam("b");
        if (view == null || view.length() != length || !view.isVectorOrScalar()) {
            throw new IllegalStateException("unexpected DL4J parameter layout of b in layer " + layer.getIndex()
                + ": " + (view == null ? "missing" : view.shapeInfoToString()));
        }
        return (int)(view.offset() - params.offset());
    }

    private int inChannels(final int block) {
        return block == 0 ? channels : filters[block - 1];
    }

    private int decoderInChannels(final int level) {
        return level == blocks - 1 ? filters[blocks - 1] : filters[level + 1];
    }

    private int pixels(final int level) {
        return heights[level] * widths[level];
    }

    /** Per-thread buffers for one image's forward and backward pass. */
    private final class Workspace {
        final ConvKernels.Scratch scratch = new ConvKernels.Scratch();
        final float[] image = new float[channels * pixels(0)];
        final float[][] encoded = new float[blocks][]; // activation of encoder conv i
        final float[][] pooled = new float[blocks][];
        final int[][] argmax = new int[blocks][];
        final float[] code = new float[embedding];
        final float[] expanded = new float[dense];
        final float[][] upsampled = new float[blocks][]; // input of decoder conv j
        final float[][] decoded = new float[blocks][]; // activation of decoder conv j
        final float[] output = new float[channels * pixels(0)];
        final float[] gradA;
        final float[] gradB;
        final float[] gradCode = new float[embedding];

        Workspace() {
            int largest = channels * pixels(0);
            for (int i = 0; i < blocks; i++) {
                encoded[i] = new float[filters[i] * pixels(i)];
                pooled[i] = new float[filters[i] * pixels(i + 1)];
                argmax[i] = new int[pooled[i].length];
                upsampled[i] = new float[decoderInChannels(i) * pixels(i)];
                decoded[i] = new float[filters[i] * pixels(i)];
                largest = Math.max(largest, Math.max(encoded[i].length, upsampled[i].length));
            }
            gradA = new float[largest];
            gradB = new float[largest];
        }
    }

    /** Encoder of one image (in {@code ws.image}): fills the encoder buffers and {@code ws.code}. */
    private void encode(final float[] params, final Workspace ws) {
        float[] in = ws.image;
        for (int i = 0; i < blocks; i++) {
            final int h = heights[i];
            final int w = widths[i];
            ConvKernels.convForward(in, inChannels(i), filters[i], h, w, params, encW[i], encB[i], ws.encoded[i],
                ws.scratch);
            ConvKernels.activate(activation, ws.encoded[i], ws.encoded[i].length);
            ConvKernels.maxPool(ws.encoded[i], filters[i], h, w, ws.pooled[i], ws.argmax[i]);
            in = ws.pooled[i];
        }
        ConvKernels.denseForward(in, dense, embedding, params, embedW, embedB, ws.code);
    }

    /** Decoder from {@code ws.code}: fills the decoder buffers and {@code ws.output} (after the output activation). */
    private void decode(final float[] params, final Workspace ws) {
        ConvKernels.denseForward(ws.code, embedding, dense, params, expandW, expandB, ws.expanded);
        ConvKernels.activate(activation, ws.expanded, dense);
        float[] in = ws.expanded;
        for (int j = blocks - 1; j >= 0; j--) {
            final int c = decoderInChannels(j);
            ConvKernels.upsample(in, c, heights[j + 1], widths[j + 1], ws.upsampled[j], heights[j], widths[j]);
            ConvKernels.convForward(ws.upsampled[j], c, filters[j], heights[j], widths[j], params, decW[j], decB[j],
                ws.decoded[j], ws.scratch);
            ConvKernels.activate(activation, ws.decoded[j], ws.decoded[j].length);
            in = ws.decoded[j];
        }
        ConvKernels.convForward(in, filters[0], channels, heights[0], widths[0], params, outW, outB, ws.output,
            ws.scratch);
        if (crossEntropy) {
            ConvKernels.activate(Activation.SIGMOID, ws.output, ws.output.length);
        }
    }

    /**
     * The loss of one reconstructed image (in {@code ws.output}) against its target, DL4J's definition before the
     * division by the batch size; when {@code gradient} is not null it receives dLoss/d(pre-activation of the
     * output), scaled by {@code scale}.
     */
    private double imageLoss(final float[] target, final int offset, final Workspace ws, final float[] gradient,
        final float scale) {
        final float[] out = ws.output;
        final int length = out.length;
        double loss = 0;
        if (crossEntropy) {
            for (int k = 0; k < length; k++) {
                final float y = target[offset + k];
                final float pc = Math.min(1 - CLIP, Math.max(CLIP, out[k]));
                loss -= y * Math.log(pc) + (1 - y) * Math.log(1 - pc);
                if (gradient != null) { // DL4J: (pc − y) / (pc (1 − pc)) times σ'(z) = σ(z)(1 − σ(z))
                    gradient[k] = (pc - y) / (pc * (1 - pc)) * (out[k] * (1 - out[k])) * scale;
                }
            }
        } else { // LossMSE: the squared error averaged over the channels of each pixel
            for (int k = 0; k < length; k++) {
                final float d = out[k] - target[offset + k];
                loss += (double)d * d;
                if (gradient != null) {
                    gradient[k] = 2 * d / channels * scale;
                }
            }
            loss /= channels;
        }
        return loss;
    }

    /** Backward pass of one image, from dLoss/d(output pre-activation) in {@code ws.gradA}; adds to {@code grad}. */
    private void backward(final float[] params, final Workspace ws, final float[] grad) {
        float[] g = ws.gradA; // gradient w.r.t. the current layer's pre-activation
        float[] other = ws.gradB;
        // output convolution
        ConvKernels.convBackwardWeights(ws.decoded[0], g, filters[0], channels, heights[0], widths[0], grad, outW,
            outB, ws.scratch);
        ConvKernels.convBackwardInput(g, filters[0], channels, heights[0], widths[0], params, outW, other,
            ws.scratch);
        float[] swap = g;
        g = other;
        other = swap;
        for (int j = 0; j < blocks; j++) { // decoder blocks, from full size upwards
            ConvKernels.activationBackward(activation, ws.decoded[j], g, ws.decoded[j].length);
            final int c = decoderInChannels(j);
            ConvKernels.convBackwardWeights(ws.upsampled[j], g, c, filters[j], heights[j], widths[j], grad, decW[j],
                decB[j], ws.scratch);
            ConvKernels.convBackwardInput(g, c, filters[j], heights[j], widths[j], params, decW[j], other,
                ws.scratch);
            ConvKernels.upsampleBackward(other, c, heights[j + 1], widths[j + 1], heights[j], widths[j], g);
            // g now holds the gradient w.r.t. the block's input: decoded[j + 1], or the expansion layer's output
        }
        ConvKernels.activationBackward(activation, ws.expanded, g, dense);
        ConvKernels.denseBackward(ws.code, g, embedding, dense, params, expandW, expandB, grad, ws.gradCode);
        ConvKernels.denseBackward(ws.pooled[blocks - 1], ws.gradCode, dense, embedding, params, embedW, embedB,
            grad, other);
        swap = g;
        g = other;
        other = swap;
        for (int i = blocks - 1; i >= 0; i--) { // encoder blocks, g = gradient w.r.t. pooled[i]
            ConvKernels.maxPoolBackward(g, ws.argmax[i], ws.pooled[i].length, other, ws.encoded[i].length);
            ConvKernels.activationBackward(activation, ws.encoded[i], other, ws.encoded[i].length);
            final float[] in = i == 0 ? ws.image : ws.pooled[i - 1];
            ConvKernels.convBackwardWeights(in, other, inChannels(i), filters[i], heights[i], widths[i], grad,
                encW[i], encB[i], ws.scratch);
            if (i > 0) {
                ConvKernels.convBackwardInput(other, inChannels(i), filters[i], heights[i], widths[i], params,
                    encW[i], g, ws.scratch);
            }
        }
    }

    /** @return a free workspace (a new one if all are in use); give it back with {@code workspaces.push} */
    private Workspace borrow() {
        final Workspace ws = workspaces.poll();
        return ws != null ? ws : new Workspace();
    }

    /** @return the network parameters as a Java array */
    private float[] parameters() {
        return floats(net.params());
    }

    /** @return the values of a float array in 'c' order */
    static float[] floats(final INDArray array) {
        final INDArray c = array.ordering() == 'c' && !array.isView() ? array : array.dup('c');
        final float[] values = new float[(int)c.length()];
        new FloatPointer(c.data().addressPointer()).position(c.offset()).get(values);
        return values;
    }

    /**
     * One optimisation step on a mini-batch, like DL4J's {@code fit}.
     *
     * @param input the network input, {@code n × pixels} (scaled, possibly corrupted)
     * @param target the images to reconstruct, {@code n × pixels}
     * @return the batch's mean loss before the step (DL4J's score)
     */
    double fit(final INDArray input, final INDArray target) {
        final double loss = computeGradient(input, target);
        updater.applyUpdater(gradient, iteration++, 0);
        net.params().subi(gradient);
        return loss;
    }

    /**
     * Computes the gradient of the mean batch loss into {@link #gradient()} without changing the parameters.
     *
     * @return the mean loss of the batch
     */
    double computeGradient(final INDArray input, final INDArray target) {
        final float[] params = parameters();
        final float[] x = floats(input);
        final float[] y = target == input ? x : floats(target);
        final int n = (int)input.size(0);
        final int chunks = (n + CHUNK - 1) / CHUNK;
        final float[][] chunkGradients = new float[chunks][];
        final double[] chunkLoss = new double[chunks];
        final float scale = 1f / n;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            final Workspace ws = borrow();
            final float[] grad = new float[parameterCount];
            double loss = 0;
            for (int r = c * CHUNK; r < Math.min(n, (c + 1) * CHUNK); r++) {
                final int offset = r * ws.image.length;
                System.arraycopy(x, offset, ws.image, 0, ws.image.length);
                encode(params, ws);
                decode(params, ws);
                loss += imageLoss(y, offset, ws, ws.gradA, scale);
                backward(params, ws, grad);
            }
            chunkGradients[c] = grad;
            chunkLoss[c] = loss;
            workspaces.push(ws);
        });
        final float[] total = chunkGradients[0];
        double loss = chunkLoss[0];
        for (int c = 1; c < chunks; c++) {
            final float[] g = chunkGradients[c];
            for (int k = 0; k < total.length; k++) {
                total[k] += g[k];
            }
            loss += chunkLoss[c];
        }
        new FloatPointer(gradient.data().addressPointer()).position(gradient.offset()).put(total);
        return loss / n;
    }

    /** @return the flat gradient of the last {@link #computeGradient}, laid out like the parameters */
    INDArray gradient() {
        return gradient;
    }

    /**
     * @return the batch's mean loss, without changing anything
     */
    double loss(final INDArray input, final INDArray target) {
        final float[] params = parameters();
        final float[] x = floats(input);
        final float[] y = target == input ? x : floats(target);
        final int n = (int)input.size(0);
        final int chunks = (n + CHUNK - 1) / CHUNK;
        final double[] chunkLoss = new double[chunks];
        IntStream.range(0, chunks).parallel().forEach(c -> {
            final Workspace ws = borrow();
            double loss = 0;
            for (int r = c * CHUNK; r < Math.min(n, (c + 1) * CHUNK); r++) {
                final int offset = r * ws.image.length;
                System.arraycopy(x, offset, ws.image, 0, ws.image.length);
                encode(params, ws);
                decode(params, ws);
                loss += imageLoss(y, offset, ws, null, 0f);
            }
            chunkLoss[c] = loss;
            workspaces.push(ws);
        });
        double loss = 0;
        for (final double l : chunkLoss) {
            loss += l;
        }
        return loss / n;
    }

    /**
     * @param input scaled images, {@code n × pixels}
     * @return their embeddings, {@code n × embedding}
     */
    INDArray encode(final INDArray input) {
        final float[] params = parameters();
        final float[] x = floats(input);
        final int n = (int)input.size(0);
        final float[] codes = new float[n * embedding];
        final int chunks = (n + CHUNK - 1) / CHUNK;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            final Workspace ws = borrow();
            for (int r = c * CHUNK; r < Math.min(n, (c + 1) * CHUNK); r++) {
                System.arraycopy(x, r * ws.image.length, ws.image, 0, ws.image.length);
                encode(params, ws);
                System.arraycopy(ws.code, 0, codes, r * embedding, embedding);
            }
            workspaces.push(ws);
        });
        return Nd4j.createFromArray(codes).reshape('c', n, embedding);
    }
}
