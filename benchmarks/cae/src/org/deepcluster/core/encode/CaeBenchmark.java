package org.deepcluster.core.encode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.deepcluster.core.backend.Nd4jBackend;
import org.deepcluster.core.data.FloatMatrix;
import org.deepcluster.core.progress.Progress;

/**
 * Trains the benchmark convolutional autoencoder with the engine (filters 16, 8 on 28 × 28 × 1, embedding 10, ReLU,
 * MSE, Adam 1e-3, batch 256, no scaling; the architecture of torch_cae.py) on images read from a raw float32 file
 * and prints one JSON line with the per-epoch times (the format of torch_cae.py).
 *
 * <p>{@code -Dorg.deepcluster.dl4jFit=true} trains with DL4J's own convolution layers instead of {@code ConvTrainer}.
 *
 * <p>Usage: {@code CaeBenchmark <images.f32> <rows> <epochs>}
 */
public final class CaeBenchmark {

    private CaeBenchmark() {
    }

    public static void main(final String[] args) throws IOException {
        final Path file = Path.of(args[0]);
        final int epochs = Integer.parseInt(args[2]);
        final int pixels = 28 * 28;
        final ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        final int n = Math.min(Integer.parseInt(args[1]), bytes.capacity() / 4 / pixels);
        final float[][] rows = new float[n][pixels];
        for (final float[] row : rows) {
            for (int j = 0; j < pixels; j++) {
                row[j] = bytes.getFloat();
            }
        }
        final FloatMatrix data = FloatMatrix.of(rows);
        final String backend = Nd4jBackend.ensureInitialised();
        final EncoderParameters p = EncoderParameters.builder(Architecture.CAE).hiddenSizes(16, 8).embeddingSize(10)
            .imageShape(28, 28, 1).activation(Activation.RELU).loss(ReconstructionLoss.MSE).optimizer(Optimizer.ADAM)
            .learningRate(1e-3).batchSize(Math.min(256, n)).epochs(epochs).scaling(Scaling.NONE).seed(1).build();
        final long t1 = System.nanoTime();
        final FittedEncoder encoder = EncoderTrainer.fit(data, p, Progress.NONE);
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
                + "\"fit_seconds\": %.3f, \"transform_seconds\": %.3f, \"parameters\": %d, \"threads\": %d, "
                + "\"backend\": \"%s\", \"java\": \"%s\"}",
            ConvNetwork.useConvTrainer ? "engine" : "dl4j-layers", n, epochs, times, losses, fitSeconds,
            transformSeconds, encoder.parameterCount(), Runtime.getRuntime().availableProcessors(),
            backend.replace('"', '\''), System.getProperty("java.version")));
    }
}
