package org.deepcluster.core.encode;

/**
 * Thrown when the training loss becomes NaN or infinite, or grows by a factor of more than a million over the first
 * epoch's loss. The usual cause is a learning rate that is too high; the message suggests a lower one.
 */
public final class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what diverged and what to try */
    public TrainingDivergedException(final String message) {
        super(message);
    }
}
