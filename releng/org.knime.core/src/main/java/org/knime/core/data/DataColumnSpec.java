package org.knime.core.data;

import java.util.List;
import java.util.Objects;

/**
 * Name, type, domain, properties and element names of one column. Created with {@link DataColumnSpecCreator}.
 */
public final class DataColumnSpec {

    private final String m_name;

    private final DataType m_type;

    private final DataColumnDomain m_domain;

    private final DataColumnProperties m_properties;

    private final List<String> m_elementNames;

    DataColumnSpec(final String name, final DataType type, final DataColumnDomain domain,
        final DataColumnProperties properties, final List<String> elementNames) {
        m_name = Objects.requireNonNull(name);
        m_type = Objects.requireNonNull(type);
        m_domain = Objects.requireNonNull(domain);
        m_properties = Objects.requireNonNull(properties);
        m_elementNames = List.copyOf(elementNames);
    }

    /** @return the column name */
    public String getName() {
        return m_name;
    }

    /** @return the names of the elements (for vector columns); by default just the column name */
    public List<String> getElementNames() {
        return m_elementNames;
    }

    /** @return the column type */
    public DataType getType() {
        return m_type;
    }

    /** @return the domain (never null; may be empty) */
    public DataColumnDomain getDomain() {
        return m_domain;
    }

    /** @return the properties (never null) */
    public DataColumnProperties getProperties() {
        return m_properties;
    }

    /**
     * @param cspec another spec
     * @return whether the names are equal and this type is a super type of the other
     */
    public boolean isCompatibleWith(final DataColumnSpec cspec) {
        return m_name.equals(cspec.m_name) && m_type.isASuperTypeOf(cspec.m_type);
    }

    /**
     * @param cspec another spec
     * @return whether name and type are equal
     */
    public boolean equalStructure(final DataColumnSpec cspec) {
        return cspec != null && m_name.equals(cspec.m_name) && m_type.equals(cspec.m_type);
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof DataColumnSpec s && equalStructure(s) && m_domain.equals(s.m_domain)
            && m_properties.equals(s.m_properties) && m_elementNames.equals(s.m_elementNames);
    }

    @Override
    public int hashCode() {
        return m_name.hashCode() ^ m_type.hashCode();
    }

    @Override
    public String toString() {
        return "\"" + m_name + "\" (" + m_type + ")";
    }
}
