package org.deepcluster.core.encode;

import java.util.List;

/**
 * The losses of a training run, one entry per finished epoch of end-to-end training (an {@link Architecture#SAE}'s
 * layer-wise pretraining is not listed). Immutable.
 *
 * @param epochs the epochs in order
 * @param bestEpoch the epoch (1-based) with the lowest monitored loss (validation loss if there was a validation
 *            split, else training loss); 0 if there are no epochs
 * @param stoppedEarly whether early stopping ended the run before the maximum number of epochs
 */
public record TrainingHistory(List<Epoch> epochs, int bestEpoch, boolean stoppedEarly) {

    /**
     * One epoch.
     *
     * @param epoch the epoch number, 1-based
     * @param trainingLoss the mean loss of the epoch's mini-batches (each computed before its gradient step)
     * @param validationLoss the loss on the validation rows after the epoch, or NaN without a validation split
     * @param seconds the wall-clock time of the epoch, validation included
     */
    public record Epoch(int epoch, double trainingLoss, double validationLoss, double seconds) {
    }

    /** Copies the list so that the history stays immutable. */
    public TrainingHistory {
        epochs = List.copyOf(epochs);
    }

    /** @return the number of epochs run */
    public int size() {
        return epochs.size();
    }

    /** @return the training loss of the last epoch, or NaN if there is none */
    public double finalTrainingLoss() {
        return epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).trainingLoss();
    }

    /** @return the validation loss of the last epoch, or NaN if there is none or no validation split */
    public double finalValidationLoss() {
        return epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).validationLoss();
    }

    /** @return the total training time in seconds */
    public double totalSeconds() {
        return epochs.stream().mapToDouble(Epoch::seconds).sum();
    }
}
