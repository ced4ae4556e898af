package org.knime.core.data;

import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Immutable string key/value annotations of a column.
 */
public final class DataColumnProperties {

    private final Map<String, String> m_props;

    /** No properties. */
    public DataColumnProperties() {
        this(Collections.emptyMap());
    }

    /** @param content the properties (copied) */
    public DataColumnProperties(final Map<String, String> content) {
        m_props = Collections.unmodifiableMap(new LinkedHashMap<>(content));
    }

    /**
     * @param key a key
     * @return whether it is set
     */
    public boolean containsProperty(final String key) {
        return m_props.containsKey(key);
    }

    /**
     * @param key a key
     * @param defaultValue returned when the key is not set
     * @return the value
     */
    public String getProperty(final String key, final String defaultValue) {
        return m_props.getOrDefault(key, defaultValue);
    }

    /**
     * @param key a key
     * @return the value or null
     */
    public String getProperty(final String key) {
        return m_props.get(key);
    }

    /** @return the number of properties */
    public int size() {
        return m_props.size();
    }

    /** @return the keys */
    public Enumeration<String> properties() {
        return Collections.enumeration(m_props.keySet());
    }

    /**
     * @param newProperties properties to add or replace
     * @return a new instance
     */
    public DataColumnProperties cloneAndOverwrite(final Map<String, String> newProperties) {
        Map<String, String> m = new LinkedHashMap<>(m_props);
        m.putAll(newProperties);
        return new DataColumnProperties(m);
    }

    @Override
    public String toString() {
        return m_props.toString();
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof DataColumnProperties p && p.m_props.equals(m_props);
    }

    @Override
    public int hashCode() {
        return m_props.hashCode();
    }
}
