package org.knime.core.data.def;

import org.knime.core.data.BoundedValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;

/**
 * A double value.
 */
public final class DoubleCell extends DataCell implements DoubleValue, BoundedValue {

    /** The type of double columns. */
    public static final DataType TYPE = DataType.getType(DoubleCell.class);

    private final double m_double;

    /** @param d the value */
    public DoubleCell(final double d) {
        m_double = d;
    }

    @Override
    public double getDoubleValue() {
        return m_double;
    }

    /** Equal when the bit patterns are (so NaN equals NaN, like Double.equals). */
    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return Double.compare(((DoubleCell)dc).m_double, m_double) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(m_double);
    }

    @Override
    public String toString() {
        return Double.toString(m_double);
    }
}
