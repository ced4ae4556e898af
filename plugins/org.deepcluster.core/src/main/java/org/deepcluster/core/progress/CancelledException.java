package org.deepcluster.core.progress;

/**
 * Thrown by {@link Progress#checkCancelled()} when the user cancelled a running computation. Algorithms let it pass
 * through unchanged, so that the node layer can translate it into its own cancellation signal.
 */
public final class CancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with the message "Cancelled". */
    public CancelledException() {
        super("Cancelled");
    }

    /**
     * @param message what was cancelled
     */
    public CancelledException(final String message) {
        super(message);
    }
}
