package org.deepcluster.batch.state;

/** Data that the executed-state format cannot store (e.g. a cell type it has no text form for). */
public final class UnsupportedDataException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what cannot be stored */
    public UnsupportedDataException(final String message) {
        super(message);
    }
}
