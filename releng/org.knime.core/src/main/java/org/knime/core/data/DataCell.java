package org.knime.core.data;

/**
 * One immutable value of a table. Two cells are equal when both are missing or when they have the same class and
 * {@link #equalsDataCell(DataCell)} says so.
 */
public abstract class DataCell implements DataValue {

    /** @return the type of this cell (derived from its class) */
    public final DataType getType() {
        return DataType.getType(getClass());
    }

    /** @return whether this is a missing value */
    public boolean isMissing() {
        return false;
    }

    @Override
    public abstract String toString();

    @Override
    public final boolean equals(final Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DataCell other)) {
            return false;
        }
        if (isMissing() || other.isMissing()) {
            return isMissing() && other.isMissing();
        }
        if (getClass() == other.getClass()) {
            return equalsDataCell(other);
        }
        return getType().getPreferredValueClass() == other.getType().getPreferredValueClass() && equalContent(other);
    }

    /**
     * @param dc a non-missing cell of the same class
     * @return whether both hold the same value
     */
    protected abstract boolean equalsDataCell(DataCell dc);

    /**
     * Compares with a cell of another class that has the same preferred value class.
     *
     * @param otherValue the other value
     * @return false unless overridden
     */
    protected boolean equalContent(final DataValue otherValue) {
        return false;
    }

    @Override
    public abstract int hashCode();
}
