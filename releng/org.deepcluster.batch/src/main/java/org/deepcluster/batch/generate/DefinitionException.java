package org.deepcluster.batch.generate;

/** A workflow definition that cannot be turned into a workflow; the message names the place in the file. */
public final class DefinitionException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and where */
    public DefinitionException(final String message) {
        super(message);
    }

    /**
     * @param message what is wrong and where
     * @param cause the cause
     */
    public DefinitionException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
