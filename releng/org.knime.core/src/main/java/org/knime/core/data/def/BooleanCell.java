package org.knime.core.data.def;

import org.knime.core.data.BooleanValue;
import org.knime.core.data.BoundedValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.NominalValue;

/**
 * A boolean value (two shared instances); also readable as 1/0.
 */
public final class BooleanCell extends DataCell
    implements BooleanValue, IntValue, LongValue, DoubleValue, BoundedValue, NominalValue {

    /** The true cell. */
    public static final BooleanCell TRUE = new BooleanCell(true);

    /** The false cell. */
    public static final BooleanCell FALSE = new BooleanCell(false);

    /** The type of boolean columns. */
    public static final DataType TYPE = DataType.getType(BooleanCell.class);

    private final boolean m_value;

    private BooleanCell(final boolean value) {
        m_value = value;
    }

    /**
     * @param value a boolean
     * @return {@link #TRUE} or {@link #FALSE}
     * @deprecated use {@link BooleanCellFactory#create(boolean)}
     */
    @Deprecated
    public static final BooleanCell get(final boolean value) {
        return value ? TRUE : FALSE;
    }

    @Override
    public boolean getBooleanValue() {
        return m_value;
    }

    @Override
    public int getIntValue() {
        return m_value ? 1 : 0;
    }

    @Override
    public long getLongValue() {
        return getIntValue();
    }

    @Override
    public double getDoubleValue() {
        return getIntValue();
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return ((BooleanCell)dc).m_value == m_value;
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(m_value);
    }

    @Override
    public String toString() {
        return Boolean.toString(m_value);
    }

    /** Creates boolean cells. */
    public static final class BooleanCellFactory {

        /** The type of boolean columns. */
        public static final DataType TYPE = BooleanCell.TYPE;

        /**
         * @param b a boolean
         * @return {@link BooleanCell#TRUE} or {@link BooleanCell#FALSE}
         */
        public static DataCell create(final boolean b) {
            return b ? TRUE : FALSE;
        }

        /**
         * @param s "true" or "false" (case-insensitive)
         * @return the cell
         * @throws IllegalArgumentException for other strings
         */
        public static DataCell create(final String s) {
            if ("true".equalsIgnoreCase(s.trim())) {
                return TRUE;
            }
            if ("false".equalsIgnoreCase(s.trim())) {
                return FALSE;
            }
            throw new IllegalArgumentException("'" + s + "' is not a valid boolean value");
        }
    }
}
