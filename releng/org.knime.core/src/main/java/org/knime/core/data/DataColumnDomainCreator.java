package org.knime.core.data;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Builds a {@link DataColumnDomain}.
 */
public class DataColumnDomainCreator {

    private Set<DataCell> m_values;

    private DataCell m_lower;

    private DataCell m_upper;

    /** An empty domain (nothing known). */
    public DataColumnDomainCreator() {
    }

    /** @param copyFrom domain to start from */
    public DataColumnDomainCreator(final DataColumnDomain copyFrom) {
        this(copyFrom.getValues(), copyFrom.getLowerBound(), copyFrom.getUpperBound());
    }

    /** @param values possible values */
    public DataColumnDomainCreator(final Set<? extends DataCell> values) {
        this(values, null, null);
    }

    /** @param values possible values */
    public DataColumnDomainCreator(final DataCell[] values) {
        this(values, null, null);
    }

    /**
     * @param lowerBound lower bound
     * @param upperBound upper bound
     */
    public DataColumnDomainCreator(final DataCell lowerBound, final DataCell upperBound) {
        this((Set<DataCell>)null, lowerBound, upperBound);
    }

    /**
     * @param values possible values
     * @param lowerBound lower bound
     * @param upperBound upper bound
     */
    public DataColumnDomainCreator(final DataCell[] values, final DataCell lowerBound, final DataCell upperBound) {
        this(values == null ? null : new LinkedHashSet<>(Arrays.asList(values)), lowerBound, upperBound);
    }

    /**
     * @param values possible values
     * @param lowerBound lower bound
     * @param upperBound upper bound
     */
    public DataColumnDomainCreator(final Set<? extends DataCell> values, final DataCell lowerBound,
        final DataCell upperBound) {
        setValues(values);
        m_lower = lowerBound;
        m_upper = upperBound;
    }

    /** @return the domain */
    public DataColumnDomain createDomain() {
        return new DataColumnDomain(m_values, m_lower, m_upper);
    }

    /** @param values possible values, null for unknown */
    public void setValues(final Set<? extends DataCell> values) {
        m_values = values == null ? null : new LinkedHashSet<>(values);
    }

    /** @param lower lower bound, null for unknown */
    public void setLowerBound(final DataCell lower) {
        m_lower = lower;
    }

    /** @param upper upper bound, null for unknown */
    public void setUpperBound(final DataCell upper) {
        m_upper = upper;
    }
}
