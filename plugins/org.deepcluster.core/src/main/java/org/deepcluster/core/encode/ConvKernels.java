package org.deepcluster.core.encode;

/**
 * The per-image building blocks of {@link ConvTrainer}: 3×3 "same" convolutions (forward, input gradient, weight
 * gradient), 2×2 max-pooling, 2× nearest-neighbour upsampling with cropping, dense layers and activations, all on
 * plain float arrays holding one image as {@code [channels][height][width]} (row-major, channel-first).
 *
 * <p>Written by hand because DL4J's convolution layers (libnd4j's {@code conv2d} without oneDNN, the only CPU build of
 * 1.0.0-M2.1 for Linux) took 10–24 s per epoch of a small autoencoder on 780 images of 28 × 28, about 30× PyTorch
 * (benchmarks/cae). The loops are arranged so that the JIT can vectorise them: a convolution pads each input channel
 * into a zero-bordered plane of row stride {@code width + 2}, copies its nine shifted versions (one per kernel tap)
 * and adds them, weighted, to an accumulator in long loops over that grid (the two padding columns per row are
 * computed and discarded); the weight gradient is built from an im2col matrix with one row per pixel, so that its
 * inner loop runs over {@code inChannels × 9} contiguous values instead of being a scalar reduction.
 *
 * <p>Conventions are DL4J's (so that {@link ConvTrainer} computes exactly what the DL4J network would): weights
 * {@code [out][in][ky][kx]}, cross-correlation, padding 1; pooling windows start at 0, a last odd row or column is
 * pooled alone (DL4J's "same" mode pads bottom/right and ignores the padding for the maximum).
 */
final class ConvKernels {

    private ConvKernels() {
    }

    /** Scratch arrays of one worker thread, grown on demand. */
    static final class Scratch {
        private float[] padded = new float[0];
        private float[][] planes = new float[0][]; // shifted planes: im2col with one array per (channel, tap)
        private float[][] grid = new float[0][]; // per output channel, the grid of row stride width + 2
        private float[][] pixelRows = new float[0][]; // im2col with one array per pixel
        private float[] weights = new float[0];

        float[] padded(final int length) {
            if (padded.length < length) {
                padded = new float[length];
            }
            return padded;
        }

        float[][] planes(final int count, final int length) {
            planes = grow(planes, count, length);
            return planes;
        }

        float[][] grid(final int count, final int length) {
            grid = grow(grid, count, length);
            return grid;
        }

        float[][] pixelRows(final int count, final int length) {
            pixelRows = grow(pixelRows, count, length);
            return pixelRows;
        }

        float[] weights(final int length) {
            if (weights.length < length) {
                weights = new float[length];
            }
            return weights;
        }

        private static float[][] grow(final float[][] arrays, final int count, final int length) {
            float[][] a = arrays;
            if (a.length < count) {
                a = java.util.Arrays.copyOf(a, count);
            }
            for (int k = 0; k < count; k++) {
                if (a[k] == null || a[k].length < length) {
                    a[k] = new float[length];
                }
            }
            return a;
        }
    }

    /*
     * Why separate arrays per plane: HotSpot's C2 compiler (Java 17) vectorises a loop like acc[p] += w * x[p] only
     * when every array is indexed by the loop variable alone; an offset that is not a compile-time constant
     * (x[base + p]) makes it fall back to scalar code, about 6× slower here. So each shifted input plane (one per
     * input channel and kernel tap) and each output plane is its own array, all indexed from 0.
     */

    /**
     * Copies channel {@code c} of {@code in} ({@code [channels][h][w]}) into a zero border of one value: the plane of
     * {@code (h + 2) × (w + 2)} values at {@code out[at ..]}.
     */
    private static void padPlane(final float[] in, final int c, final int h, final int w, final float[] out,
        final int at) {
        final int s = w + 2;
        java.util.Arrays.fill(out, at, at + (h + 2) * s, 0f);
        for (int y = 0; y < h; y++) {
            System.arraycopy(in, (c * h + y) * w, out, at + (y + 1) * s + 1, w);
        }
    }

    /**
     * The nine shifted copies of each zero-padded input plane: {@code planes[c·9 + ky·3 + kx][y·(w + 2) + x]} =
     * {@code in[c][y + ky − 1][x + kx − 1]} (0 outside), or with the kernel rotated by 180° when {@code flip}.
     *
     * @return the number of grid positions filled per plane
     */
    private static int shiftedPlanes(final float[] in, final int channels, final int h, final int w,
        final boolean flip, final float[][] planes, final Scratch scratch) {
        final int s = w + 2;
        final int plane = (h + 2) * s;
        final int length = (h - 1) * s + w; // grid positions y·s + x with x < w in the last row
        final float[] p = scratch.padded(plane);
        for (int c = 0; c < channels; c++) {
            padPlane(in, c, h, w, p, 0);
            for (int k = 0; k < 9; k++) {
                final int tap = flip ? 8 - k : k;
                System.arraycopy(p, (tap / 3) * s + tap % 3, planes[c * 9 + k], 0, length);
            }
        }
        return length;
    }

    /**
     * {@code acc[p] += Σ_c weights[c] · planes[c][p]} over {@code count} planes, four at a time.
     */
    private static void accumulate(final float[] acc, final int length, final float[][] planes, final int first,
        final int count, final float[] weights) {
        int c = 0;
        for (; c + 4 <= count; c += 4) {
            final float w0 = weights[c];
            final float w1 = weights[c + 1];
            final float w2 = weights[c + 2];
            final float w3 = weights[c + 3];
            final float[] x0 = planes[first + c];
            final float[] x1 = planes[first + c + 1];
            final float[] x2 = planes[first + c + 2];
            final float[] x3 = planes[first + c + 3];
            for (int p = 0; p < length; p++) {
                acc[p] += w0 * x0[p] + w1 * x1[p] + w2 * x2[p] + w3 * x3[p];
            }
        }
        for (; c < count; c++) {
            final float w0 = weights[c];
            final float[] x0 = planes[first + c];
            for (int p = 0; p < length; p++) {
                acc[p] += w0 * x0[p];
            }
        }
    }

    /**
     * Forward 3×3 convolution with padding 1: {@code out[o] = b[o] + Σ_i W[o][i] ⋆ in[i]} (no activation).
     *
     * @param in the input, {@code [inC][h][w]}
     * @param params the flat parameters; weights {@code [outC][inC][3][3]} from {@code wOff}, biases from {@code bOff}
     * @param out receives {@code [outC][h][w]}
     */
    static void convForward(final float[] in, final int inC, final int outC, final int h, final int w,
        final float[] params, final int wOff, final int bOff, final float[] out, final Scratch scratch) {
        final int s = w + 2;
        final int width = inC * 9;
        final float[][] planes = scratch.planes(width, h * s);
        final int length = shiftedPlanes(in, inC, h, w, false, planes, scratch);
        final float[] acc = scratch.grid(1, h * s)[0];
        final float[] weights = scratch.weights(width);
        for (int o = 0; o < outC; o++) {
            java.util.Arrays.fill(acc, 0, length, 0f);
            System.arraycopy(params, wOff + o * width, weights, 0, width);
            accumulate(acc, length, planes, 0, width, weights);
            final float bias = params[bOff + o];
            for (int y = 0; y < h; y++) {
                final int from = y * s;
                final int to = (o * h + y) * w;
                for (int x = 0; x < w; x++) {
                    out[to + x] = acc[from + x] + bias;
                }
            }
        }
    }

    /**
     * The gradient of a 3×3 convolution with respect to its input: the full correlation of the output gradient with
     * the kernels rotated by 180°, summed over the output channels.
     *
     * @param gradOut dLoss/d(pre-activation), {@code [outC][h][w]}
     * @param gradIn receives dLoss/d(input), {@code [inC][h][w]}
     */
    static void convBackwardInput(final float[] gradOut, final int inC, final int outC, final int h, final int w,
        final float[] params, final int wOff, final float[] gradIn, final Scratch scratch) {
        final int s = w + 2;
        final int width = outC * 9;
        final float[][] planes = scratch.planes(width, h * s);
        final int length = shiftedPlanes(gradOut, outC, h, w, true, planes, scratch);
        final float[] acc = scratch.grid(1, h * s)[0];
        final float[] weights = scratch.weights(width);
        for (int i = 0; i < inC; i++) {
            java.util.Arrays.fill(acc, 0, length, 0f);
            for (int o = 0; o < outC; o++) { // the weights W[o][i][·][·], in the flipped planes' order
                System.arraycopy(params, wOff + (o * inC + i) * 9, weights, o * 9, 9);
            }
            accumulate(acc, length, planes, 0, width, weights);
            for (int y = 0; y < h; y++) {
                System.arraycopy(acc, y * s, gradIn, (i * h + y) * w, w);
            }
        }
    }

    /**
     * Adds the gradient of a 3×3 convolution with respect to its weights and biases to {@code grad}.
     *
     * @param in the layer's input, {@code [inC][h][w]}
     * @param gradOut dLoss/d(pre-activation), {@code [outC][h][w]}
     * @param grad the flat gradient, laid out like the parameters ({@code wOff}, {@code bOff})
     */
    static void convBackwardWeights(final float[] in, final float[] gradOut, final int inC, final int outC,
        final int h, final int w, final float[] grad, final int wOff, final int bOff, final Scratch scratch) {
        // Few output channels or few input values per pixel: building the im2col rows costs more than the products,
        // so use dot products over the shifted planes instead (scalar, but without the transposition).
        if (outC < 4 || inC * 9 < 16) {
            weightsByDotProducts(in, gradOut, inC, outC, h, w, grad, wOff, bOff, scratch);
        } else {
            weightsByPixelRows(in, gradOut, inC, outC, h, w, grad, wOff, bOff, scratch);
        }
    }

    /** {@link #convBackwardWeights} as dot products of the gradient planes with the shifted input planes. */
    private static void weightsByDotProducts(final float[] in, final float[] gradOut, final int inC, final int outC,
        final int h, final int w, final float[] grad, final int wOff, final int bOff, final Scratch scratch) {
        final int s = w + 2;
        final int width = inC * 9;
        final int pixels = h * w;
        final float[][] planes = scratch.planes(width, h * s);
        final int length = shiftedPlanes(in, inC, h, w, false, planes, scratch);
        final float[][] g = scratch.grid(outC, h * s); // the gradient on the grid, zero in the padding columns
        for (int o = 0; o < outC; o++) {
            final float[] go = g[o];
            java.util.Arrays.fill(go, 0, length, 0f);
            float biasSum = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    final float v = gradOut[o * pixels + y * w + x];
                    go[y * s + x] = v;
                    biasSum += v;
                }
            }
            grad[bOff + o] += biasSum;
        }
        int o = 0;
        for (; o + 2 <= outC; o += 2) { // two output channels × four planes: eight sums, six loads per position
            final float[] g0 = g[o];
            final float[] g1 = g[o + 1];
            final int row0 = wOff + o * width;
            final int row1 = row0 + width;
            int c = 0;
            for (; c + 4 <= width; c += 4) {
                final float[] x0 = planes[c];
                final float[] x1 = planes[c + 1];
                final float[] x2 = planes[c + 2];
                final float[] x3 = planes[c + 3];
                float s00 = 0;
                float s01 = 0;
                float s02 = 0;
                float s03 = 0;
                float s10 = 0;
                float s11 = 0;
                float s12 = 0;
                float s13 = 0;
                for (int p = 0; p < length; p++) {
                    final float a = g0[p];
                    final float b = g1[p];
                    final float y0 = x0[p];
                    final float y1 = x1[p];
                    final float y2 = x2[p];
                    final float y3 = x3[p];
                    s00 += a * y0;
                    s01 += a * y1;
                    s02 += a * y2;
                    s03 += a * y3;
                    s10 += b * y0;
                    s11 += b * y1;
                    s12 += b * y2;
                    s13 += b * y3;
                }
                grad[row0 + c] += s00;
                grad[row0 + c + 1] += s01;
                grad[row0 + c + 2] += s02;
                grad[row0 + c + 3] += s03;
                grad[row1 + c] += s10;
                grad[row1 + c + 1] += s11;
                grad[row1 + c + 2] += s12;
                grad[row1 + c + 3] += s13;
            }
            for (; c < width; c++) {
                final float[] x0 = planes[c];
                float s0 = 0;
                float s1 = 0;
                for (int p = 0; p < length; p++) {
                    s0 += g0[p] * x0[p];
                    s1 += g1[p] * x0[p];
                }
                grad[row0 + c] += s0;
                grad[row1 + c] += s1;
            }
        }
        for (; o < outC; o++) {
            final float[] g0 = g[o];
            final int row = wOff + o * width;
            int c = 0;
            for (; c + 4 <= width; c += 4) {
                final float[] x0 = planes[c];
                final float[] x1 = planes[c + 1];
                final float[] x2 = planes[c + 2];
                final float[] x3 = planes[c + 3];
                float s0 = 0;
                float s1 = 0;
                float s2 = 0;
                float s3 = 0;
                for (int p = 0; p < length; p++) {
                    final float a = g0[p];
                    s0 += a * x0[p];
                    s1 += a * x1[p];
                    s2 += a * x2[p];
                    s3 += a * x3[p];
                }
                grad[row + c] += s0;
                grad[row + c + 1] += s1;
                grad[row + c + 2] += s2;
                grad[row + c + 3] += s3;
            }
            for (; c < width; c++) {
                final float[] x0 = planes[c];
                float s0 = 0;
                for (int p = 0; p < length; p++) {
                    s0 += g0[p] * x0[p];
                }
                grad[row + c] += s0;
            }
        }
    }

    /** {@link #convBackwardWeights} as sums of gradient-weighted im2col rows (vectorised over the row). */
    private static void weightsByPixelRows(final float[] in, final float[] gradOut, final int inC, final int outC,
        final int h, final int w, final float[] grad, final int wOff, final int bOff, final Scratch scratch) {
        final int s = w + 2;
        final int plane = (h + 2) * s;
        final int pixels = h * w;
        final int width = inC * 9;
        final float[] padded = scratch.padded(inC * plane);
        for (int c = 0; c < inC; c++) {
            padPlane(in, c, h, w, padded, c * plane);
        }
        final float[][] rows = scratch.pixelRows(pixels, width); // im2col: one array per pixel, (i, ky, kx)
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                final float[] row = rows[y * w + x];
                int c = 0;
                for (int i = 0; i < inC; i++) {
                    final int q = i * plane + y * s + x;
                    for (int ky = 0; ky < 3; ky++) {
                        final int r = q + ky * s;
                        row[c++] = padded[r];
                        row[c++] = padded[r + 1];
                        row[c++] = padded[r + 2];
                    }
                }
            }
        }
        final float[] sum = scratch.weights(width);
        for (int o = 0; o < outC; o++) {
            java.util.Arrays.fill(sum, 0, width, 0f);
            final int g0 = o * pixels;
            float biasSum = 0;
            int p = 0;
            for (; p + 4 <= pixels; p += 4) { // four pixels at a time: fewer loads and stores of sum
                final float a = gradOut[g0 + p];
                final float b = gradOut[g0 + p + 1];
                final float c = gradOut[g0 + p + 2];
                final float d = gradOut[g0 + p + 3];
                biasSum += a + b + c + d;
                final float[] r0 = rows[p];
                final float[] r1 = rows[p + 1];
                final float[] r2 = rows[p + 2];
                final float[] r3 = rows[p + 3];
                for (int k = 0; k < width; k++) {
                    sum[k] += a * r0[k] + b * r1[k] + c * r2[k] + d * r3[k];
                }
            }
            for (; p < pixels; p++) {
                final float a = gradOut[g0 + p];
                biasSum += a;
                final float[] r0 = rows[p];
                for (int k = 0; k < width; k++) {
                    sum[k] += a * r0[k];
                }
            }
            final int wRow = wOff + o * width;
            for (int k = 0; k < width; k++) {
                grad[wRow + k] += sum[k];
            }
            grad[bOff + o] += biasSum;
        }
    }

    /**
     * 2×2 max-pooling with stride 2; an odd last row or column is pooled alone.
     *
     * @param in {@code [channels][h][w]}
     * @param out receives {@code [channels][(h + 1) / 2][(w + 1) / 2]}
     * @param argmax receives, per output value, the index in {@code in} of the maximum (the first one on ties)
     */
    static void maxPool(final float[] in, final int channels, final int h, final int w, final float[] out,
        final int[] argmax) {
        final int oh = (h + 1) / 2;
        final int ow = (w + 1) / 2;
        int k = 0;
        for (int c = 0; c < channels; c++) {
            final int plane = c * h * w;
            for (int oy = 0; oy < oh; oy++) {
                final int y0 = 2 * oy;
                final int y1 = Math.min(y0 + 1, h - 1);
                for (int ox = 0; ox < ow; ox++) {
                    final int x0 = 2 * ox;
                    final int x1 = Math.min(x0 + 1, w - 1);
                    int best = plane + y0 * w + x0;
                    final int c1 = plane + y0 * w + x1;
                    final int c2 = plane + y1 * w + x0;
                    final int c3 = plane + y1 * w + x1;
                    if (in[c1] > in[best]) {
                        best = c1;
                    }
                    if (in[c2] > in[best]) {
                        best = c2;
                    }
                    if (in[c3] > in[best]) {
                        best = c3;
                    }
                    out[k] = in[best];
                    argmax[k++] = best;
                }
            }
        }
    }

    /**
     * The gradient of {@link #maxPool}: each output gradient goes to the input position that held the maximum.
     *
     * @param gradIn receives {@code [channels][h][w]} (overwritten)
     */
    static void maxPoolBackward(final float[] gradOut, final int[] argmax, final int outLength, final float[] gradIn,
        final int inLength) {
        java.util.Arrays.fill(gradIn, 0, inLength, 0f);
        for (int k = 0; k < outLength; k++) {
            gradIn[argmax[k]] += gradOut[k];
        }
    }

    /**
     * 2× nearest-neighbour upsampling of {@code [channels][h][w]}, cropped at the bottom and right to
     * {@code [channels][outH][outW]} ({@code outH ≤ 2h}, {@code outW ≤ 2w}).
     */
    static void upsample(final float[] in, final int channels, final int h, final int w, final float[] out,
        final int outH, final int outW) {
        int k = 0;
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < outH; y++) {
                final int row = (c * h + y / 2) * w;
                for (int x = 0; x < outW; x++) {
                    out[k++] = in[row + x / 2];
                }
            }
        }
    }

    /** The gradient of {@link #upsample}: each input value receives the sum of the gradients of its copies. */
    static void upsampleBackward(final float[] gradOut, final int channels, final int h, final int w,
        final int outH, final int outW, final float[] gradIn) {
        java.util.Arrays.fill(gradIn, 0, channels * h * w, 0f);
        int k = 0;
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < outH; y++) {
                final int row = (c * h + y / 2) * w;
                for (int x = 0; x < outW; x++) {
                    gradIn[row + x / 2] += gradOut[k++];
                }
            }
        }
    }

    /**
     * A dense layer on one row: {@code out[j] = b[j] + Σ_a in[a] W[a][j]}, DL4J's layout (W column-major
     * {@code nIn × nOut} from {@code wOff}, then the biases).
     */
    static void denseForward(final float[] in, final int nIn, final int nOut, final float[] params, final int wOff,
        final int bOff, final float[] out) {
        for (int j = 0; j < nOut; j++) {
            final int col = wOff + j * nIn;
            float sum = 0;
            for (int a = 0; a < nIn; a++) {
                sum += in[a] * params[col + a];
            }
            out[j] = sum + params[bOff + j];
        }
    }

    /**
     * The gradients of a dense layer: adds {@code in ⊗ gradOut} to the weight gradient and {@code gradOut} to the
     * bias gradient, and (when {@code gradIn} is not null) sets {@code gradIn = W · gradOut}.
     */
    static void denseBackward(final float[] in, final float[] gradOut, final int nIn, final int nOut,
        final float[] params, final int wOff, final int bOff, final float[] grad, final float[] gradIn) {
        if (gradIn != null) {
            java.util.Arrays.fill(gradIn, 0, nIn, 0f);
        }
        for (int j = 0; j < nOut; j++) {
            final float g = gradOut[j];
            final int col = wOff + j * nIn;
            grad[bOff + j] += g;
            if (g == 0f) {
                continue;
            }
            for (int a = 0; a < nIn; a++) {
                grad[col + a] += in[a] * g;
            }
            if (gradIn != null) {
                for (int a = 0; a < nIn; a++) {
                    gradIn[a] += params[col + a] * g;
                }
            }
        }
    }

    /** Applies an activation in place to {@code x[0 .. length)}; null = identity. */
    static void activate(final Activation activation, final float[] x, final int length) {
        if (activation == null) {
            return;
        }
        switch (activation) {
            case RELU -> {
                for (int k = 0; k < length; k++) {
                    x[k] = Math.max(0f, x[k]);
                }
            }
            case LEAKY_RELU -> {
                final float slope = (float)Activation.LEAKY_SLOPE;
                for (int k = 0; k < length; k++) {
                    x[k] = x[k] > 0 ? x[k] : slope * x[k];
                }
            }
            case TANH -> {
                for (int k = 0; k < length; k++) {
                    x[k] = (float)Math.tanh(x[k]);
                }
            }
            case SIGMOID -> {
                for (int k = 0; k < length; k++) {
                    x[k] = sigmoid(x[k]);
                }
            }
            case ELU -> {
                for (int k = 0; k < length; k++) {
                    x[k] = x[k] > 0 ? x[k] : (float)Math.expm1(x[k]);
                }
            }
        }
    }

    /** @return the logistic sigmoid in float32 */
    static float sigmoid(final float x) {
        return (float)(1.0 / (1.0 + Math.exp(-x)));
    }

    /**
     * Multiplies a gradient in place by the activation's derivative, computed from the activation's output
     * {@code a} (every supported activation's derivative is a function of its output); null = identity.
     */
    static void activationBackward(final Activation activation, final float[] a, final float[] grad,
        final int length) {
        if (activation == null) {
            return;
        }
        switch (activation) {
            case RELU -> {
                for (int k = 0; k < length; k++) {
                    grad[k] = a[k] > 0 ? grad[k] : 0f;
                }
            }
            case LEAKY_RELU -> {
                final float slope = (float)Activation.LEAKY_SLOPE;
                for (int k = 0; k < length; k++) {
                    grad[k] = a[k] > 0 ? grad[k] : slope * grad[k];
                }
            }
            case TANH -> {
                for (int k = 0; k < length; k++) {
                    grad[k] *= 1 - a[k] * a[k];
                }
            }
            case SIGMOID -> {
                for (int k = 0; k < length; k++) {
                    grad[k] *= a[k] * (1 - a[k]);
                }
            }
            case ELU -> {
                for (int k = 0; k < length; k++) {
                    grad[k] = a[k] > 0 ? grad[k] : grad[k] * (a[k] + 1);
                }
            }
        }
    }
}
