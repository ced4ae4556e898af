package org.knime.core.node;

/**
 * Thrown by {@link ExecutionMonitor#checkCanceled()} once the user (or a test) canceled the execution.
 */
public class CanceledExecutionException extends Exception {

    private static final long serialVersionUID = 1L;

    /** With the default message "Execution canceled". */
    public CanceledExecutionException() {
        this("Execution canceled");
    }

    /** @param s the message */
    public CanceledExecutionException(final String s) {
        super(s);
    }
}
