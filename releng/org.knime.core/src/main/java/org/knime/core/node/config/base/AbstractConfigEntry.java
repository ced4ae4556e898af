package org.knime.core.node.config.base;

import java.util.Objects;

/**
 * One keyed item of a config tree: either a typed value or a nested {@link ConfigBase}.
 */
public abstract class AbstractConfigEntry {

    private String m_key;

    private final ConfigEntries m_type;

    private AbstractConfigEntry m_parent;

    AbstractConfigEntry(final ConfigEntries type, final String key) {
        m_type = Objects.requireNonNull(type);
        m_key = Objects.requireNonNull(key, "Config key must not be null");
    }

    /** @return the key of this entry */
    public final String getKey() {
        return m_key;
    }

    /** Only the XML reader renames the root config. */
    final void setKey(final String key) {
        m_key = Objects.requireNonNull(key, "Config key must not be null");
    }

    /** @param parent the config that holds this entry */
    public final void setParent(final AbstractConfigEntry parent) {
        m_parent = parent;
    }

    /** @return the type of this entry */
    public final ConfigEntries getType() {
        return m_type;
    }

    /** @return the value as it is written into XML; null for a null string */
    public abstract String toStringValue();

    /** @return the parent entry or null */
    final AbstractConfigEntry parentEntry() {
        return m_parent;
    }

    /**
     * Compares key, type and value (nested configs recursively).
     *
     * @param ace the other entry
     * @return whether both describe the same content
     */
    public final boolean isIdentical(final AbstractConfigEntry ace) {
        return ace != null && m_type == ace.m_type && m_key.equals(ace.m_key) && hasSameValue(ace);
    }

    /** Value comparison; the types are already known to be equal. */
    abstract boolean hasSameValue(AbstractConfigEntry other);

    @Override
    public String toString() {
        return m_key + "=" + toStringValue();
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof AbstractConfigEntry && isIdentical((AbstractConfigEntry)o);
    }

    @Override
    public int hashCode() {
        return m_key.hashCode() ^ m_type.hashCode();
    }
}
