package org.deepcluster.core.encode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.deepcluster.core.backend.Nd4jBackend;
import org.deepcluster.core.data.FloatMatrix;
import org.deepcluster.core.progress.Progress;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains an encoder (the representation-learning step before clustering) on the rows of a float matrix.
 *
 * <p>What every architecture shares:
 * <ul>
 * <li><b>Data checks</b> before anything is built: no empty data, all values finite (the message names the first
 * bad row and column), what the architecture needs (e.g. token indices), values in [0, 1] for binary
 * cross-entropy without min-max scaling, at least as many training rows as the batch size.</li>
 * <li><b>Split and scaling</b>: with a validation fraction, that many rows (at least one) are drawn at random and
 * held out; the {@link Scaler} is fitted on the training rows only.</li>
 * <li><b>Mini-batches</b> are cut from the float matrix per batch, in float32, after a seeded shuffle each epoch;
 * training holds no second copy of the data (see {@link BatchSource}). The last batch of an epoch may be
 * smaller.</li>
 * <li><b>Progress and cancellation</b>: one report per epoch with the losses ("epoch 3/50: loss 0.01234,
 * validation 0.01302"); cancellation is checked before every mini-batch.</li>
 * <li><b>Divergence</b>: a NaN or infinite batch loss, or an epoch loss more than a million times the first
 * epoch's, stops the run with a {@link TrainingDivergedException} that suggests a lower learning rate.</li>
 * <li><b>Early stopping</b> (patience &gt; 0): monitors the validation loss if there is a validation split, else the
 * training loss; an epoch counts as an improvement if it lowers the best loss so far by more than 0.01 %; after
 * {@code patience} epochs without improvement training stops and the best epoch's weights are restored. Without
 * early stopping the last epoch's weights are kept.</li>
 * <li><b>Determinism</b>: the same data, parameters and machine (and thread settings) give the same embedding: the
 * seed fixes the weight initialisation, the validation split, the shuffling and the noise.</li>
 * </ul>
 *
 * <p>Threads: see {@link NativeSettings}, applied before the first training.
 */
public final class EncoderTrainer {

    /** An epoch loss this many times the first epoch's counts as divergence. */
    static final double EXPLOSION_FACTOR = 1e6;

    /** The smallest relative decrease of the monitored loss that counts as an improvement for early stopping. */
    static final double MIN_RELATIVE_IMPROVEMENT = 1e-4;

    private EncoderTrainer() {
    }

    /**
     * Trains an encoder.
     *
     * @param data the rows to learn from, one column per feature
     * @param parameters the settings
     * @param progress receives one report per (pretraining) epoch and is asked for cancellation before each batch
     * @return the trained encoder
     * @throws IllegalArgumentException if the parameters are invalid or do not fit the data (the message says which
     *             and what to change)
     * @throws TrainingDivergedException if the loss diverges
     * @throws org.deepcluster.core.progress.CancelledException if {@code progress} cancels
     * @throws IllegalStateException if the native backend cannot be loaded
     */
    public static FittedEncoder fit(final FloatMatrix data, final EncoderParameters parameters,
        final Progress progress) {
        parameters.validate();
        checkData(data, parameters);
        final int[][] split = split(data.rows(), parameters);
        final int[] trainingRows = split[0];
        final int[] validationRows = split[1];
        checkBatchSize(trainingRows.length, validationRows.length, parameters);

        Nd4jBackend.ensureInitialised();
        NativeSettings.apply();
        final ArchitectureBuilder builder = Architectures.of(parameters.architecture());
        final Scaler scaler = Scaler.fit(data, trainingRows, parameters.scaling());
        final int pretraining = builder.pretrainingEpochs(parameters);
        final TrainingContext context = new TrainingContext(data, parameters, progress, scaler, trainingRows,
            validationRows, pretraining + parameters.epochs());

        progress.checkCancelled();
        final EncoderNetwork network = builder.create(data.cols(), parameters);
        builder.pretrain(network, context);
        final TrainingHistory history = train(network, builder, context);
        progress.report(1.0, "training done: " + history.size() + " epochs, loss "
            + TrainingContext.format(history.finalTrainingLoss()));
        return new FittedEncoder(network, data.cols(), scaler, parameters, history);
    }

    /** The epoch loop: training, validation, divergence checks, early stopping. */
    private static TrainingHistory train(final EncoderNetwork network, final ArchitectureBuilder builder,
        final TrainingContext context) {
        final EncoderParameters p = context.parameters();
        final List<TrainingHistory.Epoch> epochs = new ArrayList<>();
        double firstLoss = Double.NaN;
        double best = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        INDArray bestParameters = null;
        int sinceBest = 0;
        boolean stoppedEarly = false;
        for (int epoch = 1; epoch <= p.epochs(); epoch++) {
            final long start = System.nanoTime();
            final double trainingLoss = context.runEpoch(
                clean -> network.fit(builder.trainingInput(clean, context), clean), "epoch " + epoch);
            if (epoch == 1) {
                firstLoss = trainingLoss;
            } else if (trainingLoss > EXPLOSION_FACTOR * Math.max(firstLoss, Double.MIN_NORMAL)) {
                throw context.diverged("epoch " + epoch, "the loss grew from " + TrainingContext.format(firstLoss)
                    + " in epoch 1 to " + TrainingContext.format(trainingLoss));
            }
            final double validationLoss = context.validationLoss(network);
            if (context.hasValidation() && !Double.isFinite(validationLoss)) {
                throw context.diverged("epoch " + epoch, "the validation loss became " + validationLoss);
            }
            final double seconds = (System.nanoTime() - start) / 1e9;
            epochs.add(new TrainingHistory.Epoch(epoch, trainingLoss, validationLoss, seconds));
            context.epochFinished("epoch " + epoch + "/" + p.epochs() + ": loss " + TrainingContext.format(trainingLoss)
                + (context.hasValidation() ? ", validation " + TrainingContext.format(validationLoss) : ""));

            final double monitored = context.hasValidation() ? validationLoss : trainingLoss;
            if (monitored < best * (1 - MIN_RELATIVE_IMPROVEMENT)) {
                best = monitored;
                bestEpoch = epoch;
                sinceBest = 0;
                if (p.patience() > 0 && epoch < p.epochs()) {
                    bestParameters = network.copyParameters();
                }
            } else {
                sinceBest++;
                if (p.patience() > 0 && sinceBest >= p.patience()) {
                    stoppedEarly = epoch < p.epochs();
                    break;
                }
            }
        }
        if (p.patience() > 0 && bestParameters != null && bestEpoch != epochs.size()) {
            network.setParameters(bestParameters);
        }
        if (p.patience() == 0) {
            bestEpoch = bestEpochOf(epochs, context.hasValidation());
        }
        return new TrainingHistory(epochs, bestEpoch, stoppedEarly);
    }

    /** The epoch with the lowest monitored loss, for the history of a run without early stopping. */
    private static int bestEpochOf(final List<TrainingHistory.Epoch> epochs, final boolean validation) {
        int best = 0;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (final TrainingHistory.Epoch e : epochs) {
            final double loss = validation ? e.validationLoss() : e.trainingLoss();
            if (loss < bestLoss) {
                bestLoss = loss;
                best = e.epoch();
            }
        }
        return best;
    }

    private static void checkData(final FloatMatrix data, final EncoderParameters p) {
        if (data.rows() == 0) {
            throw new IllegalArgumentException("the data has no rows");
        }
        if (data.cols() == 0) {
            throw new IllegalArgumentException("the data has no columns: select at least one numeric column");
        }
        data.requireFinite("the data");
        Architectures.of(p.architecture()).checkData(data, p);
        if (p.loss() == ReconstructionLoss.BINARY_CROSS_ENTROPY && p.scaling() == Scaling.NONE && !p.tokenSequences()) {
            for (int i = 0; i < data.rows(); i++) {
                for (int j = 0; j < data.cols(); j++) {
                    final float v = data.get(i, j);
                    if (v < 0 || v > 1) {
                        throw new IllegalArgumentException("loss BINARY_CROSS_ENTROPY needs values in [0, 1], but row "
                            + i + ", column " + j + " is " + v + ": choose MIN_MAX scaling or the MSE loss");
                    }
                }
            }
        }
    }

    /**
     * Draws the validation rows at random (seeded) and keeps the rest, both in data order.
     *
     * @return {training rows, validation rows}
     */
    static int[][] split(final int n, final EncoderParameters p) {
        if (p.validationFraction() == 0) {
            final int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return new int[][]{all, new int[0]};
        }
        final int validation = Math.max(1, (int)Math.round(n * p.validationFraction()));
        final int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        final SplittableRandom random = new SplittableRandom(p.seed());
        for (int i = 0; i < validation; i++) { // partial Fisher–Yates: the first `validation` places are the sample
            final int j = i + random.nextInt(n - i);
            final int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        final int[] validationRows = Arrays.copyOfRange(order, 0, validation);
        final int[] trainingRows = Arrays.copyOfRange(order, validation, n);
        Arrays.sort(validationRows);
        Arrays.sort(trainingRows);
        return new int[][]{trainingRows, validationRows};
    }

    private static void checkBatchSize(final int training, final int validation, final EncoderParameters p) {
        if (training >= p.batchSize()) {
            return;
        }
        final int suggestion = Math.max(1, Integer.highestOneBit(Math.max(1, training / 4)));
        throw new IllegalArgumentException("the batch size (" + p.batchSize() + ") is larger than the number of "
            + "training rows (" + training + (validation > 0 ? ", after holding out " + validation
                + " validation rows" : "")
            + "): lower the batch size to at most " + training + ", e.g. " + suggestion);
    }
}
