package org.knime.core.data.container;

import java.util.List;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;

/**
 * The stand-in keeps every table in memory: a spec and an immutable list of rows.
 */
final class InMemoryTable implements DataTable {

    private final DataTableSpec m_spec;

    private final List<DataRow> m_rows;

    InMemoryTable(final DataTableSpec spec, final List<DataRow> rows) {
        m_spec = spec;
        m_rows = List.copyOf(rows);
    }

    @Override
    public DataTableSpec getDataTableSpec() {
        return m_spec;
    }

    @Override
    public CloseableRowIterator iterator() {
        return CloseableRowIterator.wrap(m_rows.iterator());
    }

    long size() {
        return m_rows.size();
    }
}
