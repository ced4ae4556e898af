package org.deepcluster.core.encode;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.deepcluster.core.data.FloatMatrix;
import org.deepcluster.core.progress.Progress;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.random.impl.BernoulliDistribution;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The state of one training run that architectures share: the data and its training/validation split, the scaler,
 * the mini-batch source, the random streams, progress and cancellation.
 *
 * <p>Random streams, all derived from {@link EncoderParameters#seed()}: the shuffling order (a
 * {@link SplittableRandom}) and the corruption noise (a dedicated ND4J generator, so that ND4J's global generator,
 * which DL4J uses for weight initialisation, is not disturbed).
 */
final class TrainingContext {

    /** Salts that separate the random streams derived from the one seed. */
    private static final long SHUFFLE_SALT = 0x5DEECE66DL;
    private static final long NOISE_SALT = 0x9E3779B97F4A7C15L;

    private final EncoderParameters parameters;
    private final Progress progress;
    private final Scaler scaler;
    private final int[] trainingRows;
    private final int[] validationRows;
    private final BatchSource batches;
    private final SplittableRandom shuffleRandom;
    private final Random noiseRandom;
    private final Map<Integer, INDArray[]> noiseBuffers = new HashMap<>();
    private final int totalEpochs;
    private int finishedEpochs;

    TrainingContext(final FloatMatrix data, final EncoderParameters parameters, final Progress progress,
        final Scaler scaler, final int[] trainingRows, final int[] validationRows, final int totalEpochs) {
        this.parameters = parameters;
        this.progress = progress;
        this.scaler = scaler;
        this.trainingRows = trainingRows.clone();
        this.validationRows = validationRows;
        this.batches = new BatchSource(data, scaler,
            parameters.loss() == ReconstructionLoss.BINARY_CROSS_ENTROPY && !parameters.tokenSequences());
        this.shuffleRandom = new SplittableRandom(parameters.seed() ^ SHUFFLE_SALT);
        this.noiseRandom = Nd4j.getRandomFactory().getNewRandomInstance(parameters.seed() ^ NOISE_SALT);
        this.totalEpochs = Math.max(1, totalEpochs);
    }

    /** @return the parameters of the run */
    EncoderParameters parameters() {
        return parameters;
    }

    /** @return the fitted scaler */
    Scaler scaler() {
        return scaler;
    }

    /** @return whether there is a validation split */
    boolean hasValidation() {
        return validationRows.length > 0;
    }

    /** One gradient step on a scaled batch; returns the batch's mean loss. */
    @FunctionalInterface
    interface BatchStep {
        double apply(INDArray cleanBatch);
    }

    /**
     * Runs one pass over the training rows in a fresh random order, in mini-batches of the configured size (the last
     * one may be smaller), asking for cancellation before each batch.
     *
     * @param step the gradient step
     * @param what the phase, for the divergence message (e.g. "epoch 3")
     * @return the mean of the batch losses, weighted by batch size
     * @throws TrainingDivergedException if a batch loss is NaN or infinite
     */
    double runEpoch(final BatchStep step, final String what) {
        shuffle(trainingRows);
        final int n = trainingRows.length;
        final int batchSize = parameters.batchSize();
        double sum = 0;
        for (int from = 0; from < n; from += batchSize) {
            progress.checkCancelled();
            final int count = Math.min(batchSize, n - from);
            final double loss = step.apply(batches.batch(trainingRows, from, count));
            if (!Double.isFinite(loss)) {
                throw diverged(what, "the loss became " + loss);
            }
            sum += loss * count;
        }
        return sum / n;
    }

    /**
     * @param network the network
     * @return its mean loss on the validation rows (uncorrupted), or NaN without a validation split
     */
    double validationLoss(final EncoderNetwork network) {
        if (validationRows.length == 0) {
            return Double.NaN;
        }
        final int n = validationRows.length;
        final int batchSize = parameters.batchSize();
        double sum = 0;
        for (int from = 0; from < n; from += batchSize) {
            progress.checkCancelled();
            final int count = Math.min(batchSize, n - from);
            final INDArray batch = batches.batch(validationRows, from, count);
            sum += network.loss(batch, batch) * count;
        }
        return sum / n;
    }

    /**
     * Corrupts a batch with fresh noise from the run's noise stream.
     *
     * @param clean the scaled batch (not modified)
     * @param noise the corruption
     * @return a corrupted copy, overwritten by the next call with the same number of rows
     */
    INDArray corrupt(final INDArray clean, final Noise noise) {
        final INDArray[] buffers = noiseBuffers.computeIfAbsent((int)clean.size(0), rows -> new INDArray[]{
            Nd4j.createUninitializedDetached(DataType.FLOAT, 'c', clean.shape()),
            Nd4j.createUninitializedDetached(DataType.FLOAT, 'c', clean.shape())});
        final INDArray draw = buffers[0];
        final INDArray corrupted = buffers[1];
        if (noise.type() == Noise.Type.GAUSSIAN) {
            Nd4j.getExecutioner().exec(new GaussianDistribution(draw, 0.0, noise.level()), noiseRandom);
            Nd4j.getExecutioner().exec(new AddOp(clean, draw, corrupted));
        } else {
            Nd4j.getExecutioner().exec(new BernoulliDistribution(draw, 1.0 - noise.level()), noiseRandom);
            Nd4j.getExecutioner().exec(new MulOp(clean, draw, corrupted));
        }
        return corrupted;
    }

    /**
     * Asks for cancellation and reports a finished epoch (of pretraining or training).
     *
     * @param message the progress message
     */
    void epochFinished(final String message) {
        finishedEpochs++;
        progress.checkCancelled();
        progress.report(Math.min(1.0, (double)finishedEpochs / totalEpochs), message);
    }

    /**
     * @param what where it happened, e.g. "epoch 3"
     * @param how what happened
     * @return the exception to throw, with a suggestion for the learning rate
     */
    TrainingDivergedException diverged(final String what, final String how) {
        final double lr = parameters.learningRate();
        return new TrainingDivergedException("training diverged in " + what + ": " + how + ". Lower the learning "
            + "rate (now " + format(lr) + "), e.g. to " + format(lr / 10) + ", or use a smaller batch size");
    }

    /**
     * @param value a loss or rate
     * @return it with four significant digits
     */
    static String format(final double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }

    private void shuffle(final int[] rows) {
        for (int i = rows.length - 1; i > 0; i--) { // Fisher–Yates
            final int j = shuffleRandom.nextInt(i + 1);
            final int t = rows[i];
            rows[i] = rows[j];
            rows[j] = t;
        }
    }
}
