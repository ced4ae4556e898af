package org.knime.core.data.def;

import java.util.Objects;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.NominalValue;
import org.knime.core.data.StringValue;

/**
 * A non-null string value (nominal: string columns collect possible values in their domain).
 */
public final class StringCell extends DataCell implements StringValue, NominalValue {

    /** The type of string columns. */
    public static final DataType TYPE = DataType.getType(StringCell.class);

    private final String m_string;

    /** @param str the value, not null */
    public StringCell(final String str) {
        m_string = Objects.requireNonNull(str, "String value can't be null.");
    }

    @Override
    public String getStringValue() {
        return m_string;
    }

    @Override
    public String toString() {
        return m_string;
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return ((StringCell)dc).m_string.equals(m_string);
    }

    @Override
    public int hashCode() {
        return m_string.hashCode();
    }
}
