package org.knime.core.node;

/**
 * Thrown when settings are missing, of the wrong type or out of range. (In KNIME this class lives in the
 * org.knime.core.util bundle, but in this package; the stand-in keeps it here.)
 */
public class InvalidSettingsException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param s the message */
    public InvalidSettingsException(final String s) {
        super(s);
    }

    /** @param cause the cause */
    public InvalidSettingsException(final Throwable cause) {
        super(cause);
    }

    /**
     * @param msg the message
     * @param cause the cause
     */
    public InvalidSettingsException(final String msg, final Throwable cause) {
        super(msg, cause);
    }
}
