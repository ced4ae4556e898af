package org.knime.core.node;

/**
 * Thrown by a dialog that cannot be opened with the current input (e.g. no suitable column).
 */
public class NotConfigurableException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message why the dialog cannot open */
    public NotConfigurableException(final String message) {
        super(message);
    }

    /**
     * @param message why the dialog cannot open
     * @param cause the cause
     */
    public NotConfigurableException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
