package org.deepcluster.batch;

/** Ends a batch run with an exit code and a message. */
public class BatchException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The exit code. */
    private final int m_exitCode;

    /**
     * @param exitCode one of {@link ExitCodes}
     * @param message what went wrong
     */
    public BatchException(final int exitCode, final String message) {
        this(exitCode, message, null);
    }

    /**
     * @param exitCode one of {@link ExitCodes}
     * @param message what went wrong
     * @param cause the cause
     */
    public BatchException(final int exitCode, final String message, final Throwable cause) {
        super(message, cause);
        m_exitCode = exitCode;
    }

    /** @return the exit code */
    public int exitCode() {
        return m_exitCode;
    }
}
