package org.knime.core.data;

import java.util.Objects;

/**
 * The ID of a row (a non-null string).
 */
public final class RowKey {

    private final String m_id;

    /** @param id the row ID, not null */
    public RowKey(final String id) {
        m_id = Objects.requireNonNull(id, "Row ID must not be null");
    }

    /** @return the row ID */
    public String getString() {
        return m_id;
    }

    @Override
    public String toString() {
        return m_id;
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof RowKey k && k.m_id.equals(m_id);
    }

    @Override
    public int hashCode() {
        return m_id.hashCode();
    }

    /**
     * @param rowKeys keys
     * @return their strings
     */
    public static String[] toStrings(final RowKey... rowKeys) {
        String[] r = new String[rowKeys.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = rowKeys[i].getString();
        }
        return r;
    }

    /**
     * @param strs strings
     * @return keys
     */
    public static RowKey[] toRowKeys(final String... strs) {
        RowKey[] r = new RowKey[strs.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = new RowKey(strs[i]);
        }
        return r;
    }

    /**
     * @param rowIndex a row index
     * @return "Row" + index, KNIME's default row ID
     * @deprecated use {@link #createRowKey(long)}
     */
    @Deprecated
    public static RowKey createRowKey(final int rowIndex) {
        return createRowKey((long)rowIndex);
    }

    /**
     * @param rowIndex a row index
     * @return "Row" + index, KNIME's default row ID
     */
    public static RowKey createRowKey(final long rowIndex) {
        return new RowKey("Row" + rowIndex);
    }
}
