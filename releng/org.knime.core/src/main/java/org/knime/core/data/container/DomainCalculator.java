package org.knime.core.data.container;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.knime.core.data.BoundedValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnDomain;
import org.knime.core.data.DataColumnDomainCreator;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.NominalValue;
import org.knime.core.data.StringValue;

/**
 * Computes column domains while rows are added, like KNIME's containers: possible values for nominal columns (up to
 * a limit, beyond which they are dropped) and lower/upper bounds for bounded (numeric) columns. Missing cells are
 * ignored. With {@code initDomain} the incoming spec's domain is the starting point.
 */
final class DomainCalculator {

    private final DataTableSpec m_spec;

    private final List<Set<DataCell>> m_values = new ArrayList<>();

    private final DataCell[] m_lower;

    private final DataCell[] m_upper;

    private final boolean[] m_nominal;

    private final boolean[] m_bounded;

    private int m_maxPossibleValues;

    DomainCalculator(final DataTableSpec spec, final boolean initDomain, final int maxPossibleValues) {
        m_spec = spec;
        int n = spec.getNumColumns();
        m_lower = new DataCell[n];
        m_upper = new DataCell[n];
        m_nominal = new boolean[n];
        m_bounded = new boolean[n];
        m_maxPossibleValues = maxPossibleValues;
        for (int i = 0; i < n; i++) {
            DataColumnSpec col = spec.getColumnSpec(i);
            m_nominal[i] = col.getType().isCompatible(NominalValue.class);
            m_bounded[i] = col.getType().isCompatible(BoundedValue.class);
            DataColumnDomain d = col.getDomain();
            m_values.add(!m_nominal[i] ? null
                : initDomain && d.hasValues() ? new LinkedHashSet<>(d.getValues()) : new LinkedHashSet<>());
            if (initDomain) {
                m_lower[i] = d.getLowerBound();
                m_upper[i] = d.getUpperBound();
            }
        }
    }

    void setMaxPossibleValues(final int max) {
        m_maxPossibleValues = max;
    }

    void update(final DataRow row) {
        for (int i = 0; i < m_values.size(); i++) {
            DataCell c = row.getCell(i);
            if (c.isMissing()) {
                continue;
            }
            Set<DataCell> values = m_values.get(i);
            if (values != null) {
                values.add(c);
                if (values.size() > m_maxPossibleValues) {
                    m_values.set(i, null); // too many: the domain has no possible values
                }
            }
            if (m_bounded[i]) {
                if (m_lower[i] == null || compare(c, m_lower[i]) < 0) {
                    m_lower[i] = c;
                }
                if (m_upper[i] == null || compare(c, m_upper[i]) > 0) {
                    m_upper[i] = c;
                }
            }
        }
    }

    /** Numeric order for numbers (exact for longs), lexicographic for strings, else by string form. */
    private static int compare(final DataCell a, final DataCell b) {
        if (a instanceof LongValue la && b instanceof LongValue lb) {
            return Long.compare(la.getLongValue(), lb.getLongValue());
        }
        if (a instanceof DoubleValue da && b instanceof DoubleValue db) {
            return Double.compare(da.getDoubleValue(), db.getDoubleValue());
        }
        if (a instanceof StringValue sa && b instanceof StringValue sb) {
            return sa.getStringValue().compareTo(sb.getStringValue());
        }
        return a.toString().compareTo(b.toString());
    }

    DataTableSpec createSpec() {
        DataColumnSpec[] cols = new DataColumnSpec[m_spec.getNumColumns()];
        for (int i = 0; i < cols.length; i++) {
            DataColumnSpecCreator c = new DataColumnSpecCreator(m_spec.getColumnSpec(i));
            DataColumnDomainCreator d = new DataColumnDomainCreator();
            if (m_nominal[i] && m_values.get(i) != null) {
                d.setValues(m_values.get(i));
            }
            d.setLowerBound(m_lower[i]);
            d.setUpperBound(m_upper[i]);
            c.setDomain(d.createDomain());
            cols[i] = c.createSpec();
        }
        return new DataTableSpec(m_spec.getName(), cols);
    }
}
