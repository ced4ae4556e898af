package org.deepcluster.core.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;

import org.deepcluster.core.data.FloatMatrix;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.encode.EncoderTestData.RecordingProgress;
import org.deepcluster.core.progress.CancelledException;
import org.deepcluster.core.progress.Progress;
import org.junit.jupiter.api.Test;

/**
 * The convolutional (CAE), LSTM (LSTM_AE) and adversarial (AAE) autoencoders: loss decreases, embedding shape,
 * determinism, save/load identity, shape errors.
 */
class ShapedArchitecturesTest {

    /** 200 grey 6 × 6 images in [0, 1]: a bright square at a random position on a dark, noisy background. */
    static final FloatMatrix IMAGES = images(200, 6, 6, 3);

    /** 200 sequences of 8 steps × 2 features: noisy sines with a random phase and amplitude. */
    static final FloatMatrix SEQUENCES = sequences(200, 8, 2, 5);

    static FloatMatrix images(final int n, final int h, final int w, final long seed) {
        final Random r = new Random(seed);
        final float[] v = new float[n * h * w];
        for (int i = 0; i < n; i++) {
            final int y0 = r.nextInt(h - 2);
            final int x0 = r.nextInt(w - 2);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    final boolean on = y >= y0 && y < y0 + 3 && x >= x0 && x < x0 + 3;
                    v[i * h * w + y * w + x] = (float)Math.min(1, Math.max(0, (on ? 0.9 : 0.1) + 0.05 * r.nextGaussian()));
                }
            }
        }
        return FloatMatrix.wrap(n, h * w, v);
    }

    static FloatMatrix sequences(final int n, final int t, final int f, final long seed) {
        final Random r = new Random(seed);
        final float[] v = new float[n * t * f];
        for (int i = 0; i < n; i++) {
            final double phase = r.nextDouble() * 2 * Math.PI;
            final double amplitude = 0.5 + r.nextDouble();
            for (int s = 0; s < t; s++) {
                for (int k = 0; k < f; k++) {
                    v[i * t * f + s * f + k] = (float)(amplitude * Math.sin(0.7 * s + phase + k) + 0.05 * r.nextGaussian());
                }
            }
        }
        return FloatMatrix.wrap(n, t * f, v);
    }

    static EncoderParameters.Builder cae(final int epochs) {
        return EncoderParameters.builder(Architecture.CAE).hiddenSizes(4, 4).embeddingSize(3).epochs(epochs)
            .batchSize(32).learningRate(0.01).imageShape(6, 6, 1).scaling(Scaling.MIN_MAX)
            .loss(ReconstructionLoss.BINARY_CROSS_ENTROPY).seed(11);
    }

    static EncoderParameters.Builder lstm(final int epochs) {
        return EncoderParameters.builder(Architecture.LSTM_AE).hiddenSizes(8).embeddingSize(3).epochs(epochs)
            .batchSize(32).learningRate(0.01).sequenceShape(8, 2).seed(11);
    }

    static EncoderParameters.Builder aae(final int epochs) {
        return EncoderTestData.small(Architecture.AAE, epochs).adversarialWeight(0.5);
    }

    private static void trainsAndRoundTrips(final FloatMatrix data, final EncoderParameters p) throws IOException {
        final RecordingProgress progress = new RecordingProgress(0);
        final FittedEncoder encoder = EncoderTrainer.fit(data, p, progress);
        final TrainingHistory h = encoder.history();
        assertEquals(p.epochs(), h.size());
        final double first = h.epochs().get(0).trainingLoss();
        assertTrue(h.finalTrainingLoss() < 0.9 * first,
            p.architecture() + ": loss went from " + first + " to " + h.finalTrainingLoss());
        assertTrue(progress.messages.toString().contains("epoch " + p.epochs() + "/" + p.epochs() + ": loss "),
            progress.messages.toString());

        final Matrix embedding = encoder.transform(data);
        assertEquals(data.rows(), embedding.rows());
        assertEquals(p.embeddingSize(), embedding.cols());
        assertTrue(embedding.firstNonFinite().isEmpty());
        final String summary = encoder.summary();
        assertTrue(summary.startsWith(Character.toUpperCase(p.architecture().description().charAt(0))
            + p.architecture().description().substring(1) + " (" + p.architecture() + "): "), summary);
        assertTrue(summary.contains(String.format("%,d parameters", encoder.parameterCount())), summary);

        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        encoder.save(bytes);
        final FittedEncoder loaded = FittedEncoder.load(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(embedding, loaded.transform(data));
        assertEquals(p, loaded.parameters());
        assertEquals(encoder.parameterCount(), loaded.parameterCount());
        assertEquals(h, loaded.history());
    }

    private static void sameSeedSameEmbedding(final FloatMatrix data, final EncoderParameters p) {
        final Matrix a = EncoderTrainer.fit(data, p, Progress.NONE).transform(data);
        final Matrix b = EncoderTrainer.fit(data, p, Progress.NONE).transform(data);
        assertEquals(a, b);
        final Matrix c = EncoderTrainer.fit(data, p.toBuilder().seed(12).build(), Progress.NONE).transform(data);
        assertNotEquals(a, c);
    }

    @Test
    void convolutionalAutoencoder() throws IOException {
        trainsAndRoundTrips(IMAGES, cae(6).build());
    }

    @Test
    void convolutionalAutoencoderWithMseOddSizeAndChannels() throws IOException {
        // 5 × 3 pixels, 2 channels: pooling rounds up (5 → 3 → 2), the decoder crops back
        final FloatMatrix data = EncoderTestData.lowRank(120, 5 * 3 * 2, 3, 4);
        trainsAndRoundTrips(data, cae(6).imageShape(5, 3, 2).loss(ReconstructionLoss.MSE).scaling(Scaling.Z_SCORE)
            .build());
    }

    @Test
    void convolutionalAutoencoderIsDeterministic() {
        sameSeedSameEmbedding(IMAGES, cae(2).build());
    }

    @Test
    void lstmAutoencoder() throws IOException {
        trainsAndRoundTrips(SEQUENCES, lstm(6).build());
    }

    @Test
    void lstmAutoencoderIsDeterministic() {
        sameSeedSameEmbedding(SEQUENCES, lstm(2).build());
    }

    @Test
    void adversarialAutoencoder() throws IOException {
        trainsAndRoundTrips(EncoderTestData.DATA, aae(12).build());
    }

    @Test
    void adversarialAutoencoderIsDeterministic() {
        sameSeedSameEmbedding(EncoderTestData.DATA, aae(3).build());
    }

    @Test
    void adversarialAutoencoderWithoutAdversarialStepTrains() {
        final TrainingHistory h = EncoderTrainer.fit(EncoderTestData.DATA, aae(4).adversarialWeight(0).build(),
            Progress.NONE).history();
        assertTrue(h.finalTrainingLoss() < h.epochs().get(0).trainingLoss());
    }

    @Test
    void imageShapeMustMatchTheColumns() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> EncoderTrainer.fit(IMAGES, cae(1).imageShape(5, 6, 1).build(), Progress.NONE));
        assertEquals("the image shape 5 × 6 × 1 (width × height × channels = 30 values) does not match the 36 input "
            + "columns: the convolutional autoencoder reads each row as one image, so the product must equal the "
            + "number of columns", e.getMessage());
    }

    @Test
    void sequenceShapeMustMatchTheColumns() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> EncoderTrainer.fit(SEQUENCES, lstm(1).sequenceShape(5, 2).build(), Progress.NONE));
        assertEquals("the sequence shape 5 time steps × 2 features (= 10 values) does not match the 16 input columns: "
            + "the LSTM autoencoder reads each row as one sequence, so sequence length × features per step must "
            + "equal the number of columns", e.getMessage());
    }

    @Test
    void shapeAndWeightParametersAreValidatedOnlyForTheirArchitecture() {
        assertTrue(assertThrows(IllegalArgumentException.class,
            () -> EncoderParameters.builder(Architecture.CAE).imageShape(0, 28, 1).build().validate()).getMessage()
                .startsWith("the convolutional autoencoder (CAE) needs the image shape"));
        assertTrue(assertThrows(IllegalArgumentException.class,
            () -> EncoderParameters.builder(Architecture.LSTM_AE).sequenceShape(10, 0).build().validate()).getMessage()
                .startsWith("the LSTM autoencoder (LSTM_AE) needs the sequence shape"));
        assertTrue(assertThrows(IllegalArgumentException.class,
            () -> EncoderParameters.builder(Architecture.AAE).adversarialWeight(-1).build().validate()).getMessage()
                .startsWith("adversarialWeight must be a finite number ≥ 0"));
        assertTrue(assertThrows(IllegalArgumentException.class,
            () -> lstm(1).hiddenSizes().build().validate()).getMessage().contains("at least one hidden size"));
        EncoderParameters.builder(Architecture.AE).adversarialWeight(Double.NaN).imageShape(0, 0, 0)
            .sequenceShape(0, 0).build().validate();
    }

    @Test
    void cancellationWithinOneBatch() {
        for (final EncoderParameters.Builder b : new EncoderParameters.Builder[]{cae(3), lstm(3), aae(3)}) {
            final RecordingProgress progress = new RecordingProgress(3);
            final EncoderParameters p = b.build();
            final FloatMatrix data = p.architecture() == Architecture.CAE ? IMAGES
                : p.architecture() == Architecture.LSTM_AE ? SEQUENCES : EncoderTestData.DATA;
            assertThrows(CancelledException.class, () -> EncoderTrainer.fit(data, p, progress));
            assertEquals(3, progress.checks);
        }
    }

    /** copyParameters/setParameters (early stopping's restore) round-trip, also for the AAE's two networks. */
    @Test
    void copyAndSetParametersRoundTrip() {
        for (final FloatMatrix data : new FloatMatrix[]{IMAGES, SEQUENCES, EncoderTestData.DATA}) {
            final EncoderParameters p = data == IMAGES ? cae(1).build() : data == SEQUENCES ? lstm(1).build()
                : aae(1).build();
            org.deepcluster.core.backend.Nd4jBackend.ensureInitialised();
            final EncoderNetwork network = Architectures.of(p.architecture()).create(data.cols(), p);
            final org.nd4j.linalg.api.ndarray.INDArray x =
                org.nd4j.linalg.factory.Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 16, data.cols());
            final org.nd4j.linalg.api.ndarray.INDArray before = network.encode(x).dup();
            final org.nd4j.linalg.api.ndarray.INDArray saved = network.copyParameters();
            assertEquals(network.parameterCount(), saved.length());
            for (int i = 0; i < 3; i++) {
                network.fit(x, x);
            }
            assertNotEquals(before, network.encode(x), p.architecture().toString());
            network.setParameters(saved);
            assertEquals(before, network.encode(x), p.architecture().toString());
            network.fit(x, x);
        }
    }

    @Test
    void earlyStoppingWithValidationRestoresTheBestEpoch() {
        final FittedEncoder e = EncoderTrainer.fit(EncoderTestData.DATA, aae(4).validationFraction(0.2).patience(1)
            .build(), Progress.NONE);
        assertTrue(e.history().bestEpoch() >= 1);
        assertTrue(Double.isFinite(e.history().finalValidationLoss()));
    }

    @Test
    void divergenceIsDetected() {
        assertThrows(TrainingDivergedException.class, () -> EncoderTrainer.fit(SEQUENCES,
            lstm(10).optimizer(Optimizer.SGD_MOMENTUM).learningRate(1e6).build(), Progress.NONE));
    }
}
