package org.deepcluster.core.encode;

/**
 * A value of a token-sequence input that is not a token index (not a whole number, or outside the vocabulary). The
 * row and column let a caller name the offending cell in its own terms (e.g. a table's row key and column name).
 */
public final class InvalidTokenException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int row;
    private final int column;

    InvalidTokenException(final int row, final int column, final String message) {
        super(message);
        this.row = row;
        this.column = column;
    }

    /** @return the 0-based row of the data matrix */
    public int row() {
        return row;
    }

    /** @return the 0-based column of the data matrix (the position in the sequence) */
    public int column() {
        return column;
    }
}
