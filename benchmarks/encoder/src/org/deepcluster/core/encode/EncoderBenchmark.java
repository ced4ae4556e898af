package org.deepcluster.core.encode;

import java.util.Locale;
import java.util.SplittableRandom;

import org.deepcluster.core.backend.Nd4jBackend;
import org.deepcluster.core.data.FloatMatrix;
import org.deepcluster.core.progress.Progress;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains the benchmark autoencoder (2000 → 512 → 128 → 32 → 128 → 512 → 2000, ReLU, MSE, Adam 1e-3, batch 256, no
 * scaling) with the engine on synthetic low-rank data and prints one JSON line with the per-epoch times.
 *
 * <p>In the engine's package so that it can report package-private settings. The engine's switches for the
 * comparisons: {@code -Dorg.deepcluster.blasThreads=N}, {@code -Dorg.deepcluster.nativeTuning=false} (ND4J's thread
 * defaults), {@code -Dorg.deepcluster.dl4jFit=true} (DL4J's own training step instead of {@code DenseTrainer}).
 *
 * <p>Usage: {@code EncoderBenchmark <rows> <epochs> <label>}
 */
public final class EncoderBenchmark {

    private EncoderBenchmark() {
    }

    public static void main(final String[] args) {
        final int n = Integer.parseInt(args[0]);
        final int epochs = Integer.parseInt(args[1]);
        final String label = args.length > 2 ? args[2] : "dl4j";
        final int d = 2000;
        final long t0 = System.nanoTime();
        final FloatMatrix data = lowRank(n, d, 16, 42);
        final double generateSeconds = (System.nanoTime() - t0) / 1e9;
        final String backend = Nd4jBackend.ensureInitialised();

        final EncoderParameters p = EncoderParameters.builder(Architecture.AE).hiddenSizes(512, 128).embeddingSize(32)
            .activation(Activation.RELU).loss(ReconstructionLoss.MSE).optimizer(Optimizer.ADAM).learningRate(1e-3)
            .batchSize(256).epochs(epochs).scaling(Scaling.NONE).seed(1).build();
        final long t1 = System.nanoTime();
        final FittedEncoder encoder = EncoderTrainer.fit(data, p, new Progress() {
            @Override
            public void report(final double fraction, final String message) {
                System.err.println(message);
            }

            @Override
            public void checkCancelled() {
                // never
            }
        });
        final double fitSeconds = (System.nanoTime() - t1) / 1e9;
        final long t2 = System.nanoTime();
        encoder.transform(data);
        final double transformSeconds = (System.nanoTime() - t2) / 1e9;

        final StringBuilder times = new StringBuilder();
        final StringBuilder losses = new StringBuilder();
        for (final TrainingHistory.Epoch e : encoder.history().epochs()) {
            times.append(times.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", e.seconds()));
            losses.append(losses.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.6f", e.trainingLoss()));
        }
        System.out.println(String.format(Locale.ROOT,
            "{\"impl\": \"%s\", \"rows\": %d, \"epochs\": %d, \"epoch_seconds\": [%s], \"losses\": [%s], "
                + "\"fit_seconds\": %.3f, \"transform_seconds\": %.3f, \"generate_seconds\": %.3f, "
                + "\"parameters\": %d, \"blas_threads\": %d, \"omp_num_threads\": \"%s\", "
                + "\"backend\": \"%s\", \"native\": \"%s\"}",
            label, n, epochs, times, losses, fitSeconds, transformSeconds, generateSeconds, encoder.parameterCount(),
            Nd4j.factory().blas().getMaxThreads(), System.getenv().getOrDefault("OMP_NUM_THREADS", ""),
            backend, NativeSettings.apply() + (DenseNetwork.useDenseTrainer ? ", DenseTrainer" : ", DL4J fit")));
    }

    /** x = z·W / 4 + 0.1·noise with z ~ N(0, I_rank), W ~ N(0, 1): the same model as the PyTorch script. */
    static FloatMatrix lowRank(final int n, final int d, final int rank, final long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        final float[] w = new float[rank * d];
        for (int k = 0; k < w.length; k++) {
            w[k] = (float)random.nextGaussian();
        }
        final float[] values = new float[Math.multiplyExact(n, d)];
        final float[] z = new float[rank];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < rank; k++) {
                z[k] = (float)random.nextGaussian();
            }
            final int row = i * d;
            for (int j = 0; j < d; j++) {
                values[row + j] = (float)(0.1 * random.nextGaussian());
            }
            for (int k = 0; k < rank; k++) {
                final float zk = z[k] * 0.25f;
                final int wRow = k * d;
                for (int j = 0; j < d; j++) {
                    values[row + j] += zk * w[wRow + j];
                }
            }
        }
        return FloatMatrix.wrap(n, d, values);
    }
}
