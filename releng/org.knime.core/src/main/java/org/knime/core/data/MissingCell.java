package org.knime.core.data;

/**
 * The missing value; all missing cells are equal. {@link DataType#getMissingCell()} returns the shared instance
 * without error message.
 */
public final class MissingCell extends DataCell implements MissingValue {

    private final String m_error;

    /** @param error why the value is missing, may be null */
    public MissingCell(final String error) {
        m_error = error;
    }

    @Override
    public String getError() {
        return m_error;
    }

    @Override
    public boolean isMissing() {
        return true;
    }

    @Override
    public String toString() {
        return "?";
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return true;
    }

    @Override
    public int hashCode() {
        return 31; // all missing cells are equal
    }
}
