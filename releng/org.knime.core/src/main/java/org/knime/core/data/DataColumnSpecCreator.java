package org.knime.core.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Builds a {@link DataColumnSpec}.
 */
public final class DataColumnSpecCreator {

    private String m_name;

    private DataType m_type;

    private DataColumnDomain m_domain = new DataColumnDomainCreator().createDomain();

    private DataColumnProperties m_properties = new DataColumnProperties();

    private List<String> m_elementNames;

    /**
     * @param name column name, not null
     * @param type column type, not null
     */
    public DataColumnSpecCreator(final String name, final DataType type) {
        setName(name);
        setType(type);
    }

    /** @param cspec spec to start from */
    public DataColumnSpecCreator(final DataColumnSpec cspec) {
        m_name = cspec.getName();
        m_type = cspec.getType();
        m_domain = cspec.getDomain();
        m_properties = cspec.getProperties();
        m_elementNames = cspec.getElementNames().equals(List.of(cspec.getName())) ? null : cspec.getElementNames();
    }

    /** @param name column name, not null */
    public void setName(final String name) {
        m_name = Objects.requireNonNull(name, "Column name must not be null.");
    }

    /** @param elNames element names; null resets them to the column name */
    public void setElementNames(final String[] elNames) {
        m_elementNames = elNames == null ? null : Arrays.asList(elNames.clone());
    }

    /** @param type column type, not null */
    public void setType(final DataType type) {
        m_type = Objects.requireNonNull(type, "Column type must not be null.");
    }

    /** @param domain domain, null for an empty one */
    public void setDomain(final DataColumnDomain domain) {
        m_domain = domain == null ? new DataColumnDomainCreator().createDomain() : domain;
    }

    /** @param props properties, null for none */
    public void setProperties(final DataColumnProperties props) {
        m_properties = props == null ? new DataColumnProperties() : props;
    }

    /** @return the current type */
    public DataType getType() {
        return m_type;
    }

    /** @return the spec */
    public DataColumnSpec createSpec() {
        List<String> elementNames = m_elementNames == null ? List.of(m_name) : m_elementNames;
        return new DataColumnSpec(m_name, m_type, m_domain, m_properties, elementNames);
    }
}
