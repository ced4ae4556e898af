package org.deepcluster.core.encode;

import static org.deepcluster.core.encode.EncoderTestData.DATA;
import static org.deepcluster.core.encode.EncoderTestData.small;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

import org.deepcluster.core.data.FloatMatrix;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.encode.EncoderTestData.RecordingProgress;
import org.deepcluster.core.progress.CancelledException;
import org.deepcluster.core.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EncoderTrainerTest {

    /**
     * Each architecture lowers its loss, gives a finite embedding of the right shape, and a saved and reloaded model
     * gives exactly the same embedding. (CAE and LSTM_AE need image or sequence rows: ShapedArchitecturesTest.)
     */
    @ParameterizedTest
    @EnumSource(value = Architecture.class, names = {"CAE", "LSTM_AE"}, mode = EnumSource.Mode.EXCLUDE)
    void trainsReducesLossAndRoundTrips(final Architecture architecture) throws IOException {
        final EncoderParameters p = small(architecture, 12).build();
        final RecordingProgress progress = new RecordingProgress(0);
        final FittedEncoder encoder = EncoderTrainer.fit(DATA, p, progress);

        final TrainingHistory h = encoder.history();
        assertEquals(12, h.size());
        final double first = h.epochs().get(0).trainingLoss();
        assertTrue(h.finalTrainingLoss() < 0.9 * first,
            architecture + ": loss went from " + first + " to " + h.finalTrainingLoss());
        assertTrue(Double.isNaN(h.finalValidationLoss()));
        assertEquals(1.0, progress.lastFraction);
        assertTrue(progress.messages.toString().contains("epoch 12/12: loss "), progress.messages.toString());

        final Matrix embedding = encoder.transform(DATA);
        assertEquals(300, embedding.rows());
        assertEquals(3, embedding.cols());
        assertTrue(embedding.firstNonFinite().isEmpty());
        assertEquals(20, encoder.inputSize());
        assertEquals(3, encoder.embeddingSize());
        assertTrue(encoder.summary().contains(String.format("%,d parameters", encoder.parameterCount())),
            encoder.summary());

        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        encoder.save(bytes);
        final FittedEncoder loaded = FittedEncoder.load(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(embedding, loaded.transform(DATA));
        assertEquals(p, loaded.parameters());
        assertEquals(encoder.scaler(), loaded.scaler());
        assertEquals(encoder.parameterCount(), loaded.parameterCount());
        assertEquals(h, loaded.history());
    }

    /** The seed fixes weights, shuffling and noise: the stochastic architectures repeat exactly. */
    @ParameterizedTest
    @EnumSource(value = Architecture.class, names = {"DAE", "VAE"})
    void sameSeedSameEmbedding(final Architecture architecture) {
        final EncoderParameters p = small(architecture, 3).noise(Noise.gaussian(0.3)).build();
        final Matrix a = EncoderTrainer.fit(DATA, p, Progress.NONE).transform(DATA);
        final Matrix b = EncoderTrainer.fit(DATA, p, Progress.NONE).transform(DATA);
        assertEquals(a, b);
        final Matrix c = EncoderTrainer.fit(DATA, p.toBuilder().seed(12).build(), Progress.NONE).transform(DATA);
        assertNotEquals(a, c);
    }

    @Test
    void validationLossIsReportedWithAValidationSplit() {
        final RecordingProgress progress = new RecordingProgress(0);
        final FittedEncoder e = EncoderTrainer.fit(DATA, small(Architecture.AE, 3).validationFraction(0.2).build(),
            progress);
        for (final TrainingHistory.Epoch epoch : e.history().epochs()) {
            assertTrue(Double.isFinite(epoch.validationLoss()) && epoch.validationLoss() > 0, epoch.toString());
            assertTrue(epoch.seconds() > 0);
        }
        assertTrue(progress.messages.toString().matches("(?s).*epoch 3/3: loss [0-9.e-]+, validation [0-9.e-]+\n.*"),
            progress.messages.toString());
        assertTrue(e.summary().contains("validation"));
    }

    @Test
    void earlyStoppingStopsOnAPlateau() {
        // A learning rate of 1e-9 leaves the weights (and so the loss) practically unchanged: a plateau.
        final EncoderParameters p = small(Architecture.AE, 50).learningRate(1e-9).patience(2).build();
        final TrainingHistory h = EncoderTrainer.fit(DATA, p, Progress.NONE).history();
        assertEquals(3, h.size());
        assertTrue(h.stoppedEarly());
        assertEquals(1, h.bestEpoch());
    }

    @Test
    void earlyStoppingOnValidationLossRestoresTheBestEpoch() {
        final EncoderParameters p = small(Architecture.AE, 8).validationFraction(0.2).patience(100).build();
        final FittedEncoder e = EncoderTrainer.fit(DATA, p, Progress.NONE);
        assertFalse(e.history().stoppedEarly());
        assertEquals(8, e.history().size());
        assertTrue(e.history().bestEpoch() >= 1);
    }

    @Test
    void binaryCrossEntropyWithMinMaxScalingTrains() {
        final EncoderParameters p = small(Architecture.AE, 6).loss(ReconstructionLoss.BINARY_CROSS_ENTROPY)
            .scaling(Scaling.MIN_MAX).validationFraction(0.1).build();
        final TrainingHistory h = EncoderTrainer.fit(DATA, p, Progress.NONE).history();
        assertTrue(h.finalTrainingLoss() < h.epochs().get(0).trainingLoss());
        assertTrue(h.finalTrainingLoss() < Math.log(2), "mean BCE per value starts near ln 2: " + h);
    }

    @Test
    void binaryCrossEntropyNeedsValuesInTheUnitInterval() {
        final EncoderParameters p = small(Architecture.AE, 1).loss(ReconstructionLoss.BINARY_CROSS_ENTROPY)
            .scaling(Scaling.NONE).build();
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> EncoderTrainer.fit(DATA, p, Progress.NONE));
        assertTrue(e.getMessage().startsWith("loss BINARY_CROSS_ENTROPY needs values in [0, 1], but row 0, column "),
            e.getMessage());
        assertTrue(e.getMessage().endsWith(": choose MIN_MAX scaling or the MSE loss"));
    }

    @Test
    void nonFiniteInputNamesRowAndColumn() {
        final float[] values = new float[10 * 4];
        Arrays.fill(values, 0.5f);
        values[6 * 4 + 2] = Float.NaN;
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> EncoderTrainer.fit(FloatMatrix.wrap(10, 4, values), small(Architecture.AE, 1).batchSize(2).build(),
                Progress.NONE));
        assertEquals("the data contains NaN at row 6, column 2: only finite values are allowed", e.getMessage());
    }

    @Test
    void fewerRowsThanTheBatchSize() {
        final FloatMatrix data = EncoderTestData.lowRank(100, 5, 2, 1);
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> EncoderTrainer.fit(data, small(Architecture.AE, 1).batchSize(128).build(), Progress.NONE));
        assertEquals("the batch size (128) is larger than the number of training rows (100): lower the batch size to "
            + "at most 100, e.g. 16", e.getMessage());
        final IllegalArgumentException v = assertThrows(IllegalArgumentException.class,
            () -> EncoderTrainer.fit(data, small(Architecture.AE, 1).batchSize(95).validationFraction(0.1).build(),
                Progress.NONE));
        assertEquals("the batch size (95) is larger than the number of training rows (90, after holding out 10 "
            + "validation rows): lower the batch size to at most 90, e.g. 16", v.getMessage());
    }

    @Test
    void emptyData() {
        assertEquals("the data has no rows", assertThrows(IllegalArgumentException.class,
            () -> EncoderTrainer.fit(FloatMatrix.of(new float[0][]), small(Architecture.AE, 1).build(),
                Progress.NONE)).getMessage());
    }

    @Test
    void cancellationStopsWithinOneBatch() {
        // 300 rows in batches of 32: 10 batches per epoch, one cancellation check before each.
        final RecordingProgress progress = new RecordingProgress(4);
        assertThrows(CancelledException.class,
            () -> EncoderTrainer.fit(DATA, small(Architecture.AE, 5).build(), progress));
        assertEquals(4, progress.checks);
        assertFalse(progress.messages.toString().contains("epoch 1/"), progress.messages.toString());
    }

    @Test
    void cancellationDuringPretraining() {
        final RecordingProgress progress = new RecordingProgress(3);
        assertThrows(CancelledException.class,
            () -> EncoderTrainer.fit(DATA, small(Architecture.SAE, 5).build(), progress));
        assertEquals(3, progress.checks);
    }

    @Test
    void divergenceSuggestsALowerLearningRate() {
        final EncoderParameters p = small(Architecture.AE, 20).optimizer(Optimizer.SGD_MOMENTUM).learningRate(50)
            .build();
        final TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
            () -> EncoderTrainer.fit(DATA, p, Progress.NONE));
        assertTrue(e.getMessage().startsWith("training diverged in epoch "), e.getMessage());
        assertTrue(e.getMessage().contains("Lower the learning rate (now 50.00), e.g. to 5.000"), e.getMessage());
    }

    @Test
    void transformChecksColumns() {
        final FittedEncoder e = EncoderTrainer.fit(DATA, small(Architecture.AE, 1).build(), Progress.NONE);
        assertEquals("the data has 5 columns but the encoder was trained on 20: select the same columns, in the same "
            + "order, as for training", assertThrows(IllegalArgumentException.class,
                () -> e.transform(EncoderTestData.lowRank(4, 5, 2, 1))).getMessage());
        assertEquals(0, e.transform(FloatMatrix.wrap(0, 20, new float[0])).rows());
    }
}
