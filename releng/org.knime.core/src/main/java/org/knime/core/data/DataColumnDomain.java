package org.knime.core.data;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What is known about the values of a column: the possible values (nominal columns) and/or lower and upper bounds
 * (ordered columns). Created with {@link DataColumnDomainCreator}.
 */
public final class DataColumnDomain {

    private final Set<DataCell> m_values;

    private final DataCell m_lower;

    private final DataCell m_upper;

    DataColumnDomain(final Set<? extends DataCell> values, final DataCell lower, final DataCell upper) {
        m_values = values == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(values));
        m_lower = lower;
        m_upper = upper;
    }

    /** @return the possible values or null if unknown */
    public Set<DataCell> getValues() {
        return m_values;
    }

    /** @return whether possible values are known */
    public boolean hasValues() {
        return m_values != null;
    }

    /** @return the lower bound or null */
    public DataCell getLowerBound() {
        return m_lower;
    }

    /** @return whether a lower bound is known */
    public boolean hasLowerBound() {
        return m_lower != null;
    }

    /** @return the upper bound or null */
    public DataCell getUpperBound() {
        return m_upper;
    }

    /** @return whether an upper bound is known */
    public boolean hasUpperBound() {
        return m_upper != null;
    }

    /** @return whether both bounds are known */
    public boolean hasBounds() {
        return hasLowerBound() && hasUpperBound();
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof DataColumnDomain d && Objects.equals(m_values, d.m_values)
            && Objects.equals(m_lower, d.m_lower) && Objects.equals(m_upper, d.m_upper);
    }

    @Override
    public int hashCode() {
        return Objects.hash(m_values, m_lower, m_upper);
    }

    @Override
    public String toString() {
        return "Lower Bound: " + m_lower + ", Upper Bound: " + m_upper + ", Possible Values: " + m_values;
    }
}
