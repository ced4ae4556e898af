package org.deepcluster.core.encode;

import java.util.Random;

import org.deepcluster.core.data.FloatMatrix;
import org.deepcluster.core.progress.CancelledException;
import org.deepcluster.core.progress.Progress;

/** Small generated data sets and progress doubles for the encoder tests. */
final class EncoderTestData {

    private EncoderTestData() {
    }

    /**
     * Rows from a low-rank linear model with noise: {@code x = z·W + 0.1·ε}, z ~ N(0, I_rank), W ~ N(0, 1).
     *
     * @param n rows
     * @param d columns
     * @param rank the latent dimension
     * @param seed the seed
     * @return the data
     */
    static FloatMatrix lowRank(final int n, final int d, final int rank, final long seed) {
        final Random random = new Random(seed);
        final double[][] z = new double[n][rank];
        final double[][] w = new double[rank][d];
        for (final double[] row : z) {
            for (int k = 0; k < rank; k++) {
                row[k] = random.nextGaussian();
            }
        }
        for (final double[] row : w) {
            for (int j = 0; j < d; j++) {
                row[j] = random.nextGaussian();
            }
        }
        final float[] values = new float[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int k = 0; k < rank; k++) {
                    s += z[i][k] * w[k][j];
                }
                values[i * d + j] = (float)(s + 0.1 * random.nextGaussian());
            }
        }
        return FloatMatrix.wrap(n, d, values);
    }

    /** The 300 × 20 rank-3 data most tests use. */
    static final FloatMatrix DATA = lowRank(300, 20, 3, 7);

    /**
     * Small, fast settings: hidden {16, 8}, embedding 3, batch 32, learning rate 0.005.
     *
     * @param architecture the architecture
     * @param epochs the number of epochs
     * @return a builder
     */
    static EncoderParameters.Builder small(final Architecture architecture, final int epochs) {
        return EncoderParameters.builder(architecture).hiddenSizes(16, 8).embeddingSize(3).epochs(epochs)
            .batchSize(32).learningRate(0.005).pretrainEpochs(2).seed(11);
    }

    /** Records reports and cancels on the given call of {@link #checkCancelled()} (1-based; 0 = never). */
    static final class RecordingProgress implements Progress {
        final StringBuilder messages = new StringBuilder();
        private final int cancelAtCall;
        int checks;
        double lastFraction;

        RecordingProgress(final int cancelAtCall) {
            this.cancelAtCall = cancelAtCall;
        }

        @Override
        public void report(final double fraction, final String message) {
            if (fraction < lastFraction || fraction > 1) {
                throw new AssertionError("progress went from " + lastFraction + " to " + fraction);
            }
            lastFraction = fraction;
            messages.append(message).append('\n');
        }

        @Override
        public void checkCancelled() {
            checks++;
            if (checks == cancelAtCall) {
                throw new CancelledException();
            }
        }
    }
}
