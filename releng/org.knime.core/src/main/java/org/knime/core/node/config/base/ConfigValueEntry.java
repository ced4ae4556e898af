package org.knime.core.node.config.base;

import java.util.Objects;

/**
 * A leaf entry holding one typed value (the boxed Java value matching its {@link ConfigEntries} type).
 * Immutable.
 */
final class ConfigValueEntry extends AbstractConfigEntry {

    private final Object m_value;

    ConfigValueEntry(final ConfigEntries type, final String key, final Object value) {
        super(type, key);
        m_value = value;
    }

    Object value() {
        return m_value;
    }

    @Override
    public String toStringValue() {
        if (m_value == null) {
            return null;
        }
        // KNIME writes floats through Double.toString (e.g. 0.1f -> "0.10000000149011612"); keep that format.
        if (m_value instanceof Float f) {
            return Double.toString(f.floatValue());
        }
        return m_value.toString();
    }

    @Override
    boolean hasSameValue(final AbstractConfigEntry other) {
        return Objects.equals(m_value, ((ConfigValueEntry)other).m_value);
    }

    @Override
    public int hashCode() {
        return super.hashCode() ^ Objects.hashCode(m_value);
    }

    @Override
    public boolean equals(final Object o) {
        return super.equals(o);
    }
}
