package org.knime.core.data.container;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;

/**
 * Collects rows into a table: add rows, {@link #close()}, then {@link #getTable()}. Rows are checked like in
 * KNIME (cell count, cell types against the column types, unique row keys) and the output spec gets domains
 * computed from the rows. The stand-in keeps rows in memory.
 */
public class DataContainer {

    /** Default limit of possible values collected for a nominal column. */
    static final int DEFAULT_MAX_POSSIBLE_VALUES = 60;

    private final DataTableSpec m_spec;

    private final DomainCalculator m_domain;

    private final List<DataRow> m_rows = new ArrayList<>();

    private final Set<RowKey> m_keys = new HashSet<>();

    private DataTable m_table;

    /** @param spec the spec of the rows to come */
    public DataContainer(final DataTableSpec spec) {
        this(spec, false);
    }

    /**
     * @param spec the spec of the rows to come
     * @param initDomain whether the spec's domains are the starting point of the computed domains
     */
    public DataContainer(final DataTableSpec spec, final boolean initDomain) {
        m_spec = Objects.requireNonNull(spec, "Spec must not be null!");
        m_domain = new DomainCalculator(spec, initDomain, DEFAULT_MAX_POSSIBLE_VALUES);
    }

    /**
     * @param row the next row
     * @throws IllegalStateException if the container is closed
     * @throws IllegalArgumentException if the row does not match the spec or its key is a duplicate
     */
    public void addRowToTable(final DataRow row) {
        if (m_table != null) {
            throw new IllegalStateException("Cannot add row: container is closed.");
        }
        checkRow(row);
        if (!m_keys.add(row.getKey())) {
            throw new IllegalArgumentException("Encountered duplicate row ID \"" + row.getKey() + "\"");
        }
        m_domain.update(row);
        m_rows.add(row);
    }

    private void checkRow(final DataRow row) {
        Objects.requireNonNull(row, "Row must not be null.");
        int numCols = m_spec.getNumColumns();
        if (row.getNumCells() != numCols) {
            throw new IllegalArgumentException("Cell count in row \"" + row.getKey()
                + "\" is not equal to length of column names array: " + row.getNumCells() + " vs. " + numCols);
        }
        for (int i = 0; i < numCols; i++) {
            DataCell cell = row.getCell(i);
            if (cell == null) {
                throw new NullPointerException("Cell at index " + i + " in row \"" + row.getKey() + "\" is null.");
            }
            DataType colType = m_spec.getColumnSpec(i).getType();
            if (!colType.isASuperTypeOf(cell.getType())) {
                throw new IllegalArgumentException("Runtime class of object \"" + cell + "\" (index " + i
                    + ") in row \"" + row.getKey() + "\" is " + cell.getType()
                    + " and does not comply with its supposed superclass " + colType);
            }
        }
    }

    /** Ends adding; the table becomes available. Closing twice does nothing. */
    public void close() {
        if (m_table == null) {
            m_table = new InMemoryTable(m_domain.createSpec(), m_rows);
        }
    }

    /**
     * @return whether {@link #close()} was called
     */
    public boolean isClosed() {
        return m_table != null;
    }

    /** @return whether rows can still be added */
    public boolean isOpen() {
        return m_table == null;
    }

    /**
     * @return the table
     * @throws IllegalStateException if not closed yet
     */
    public DataTable getTable() {
        if (m_table == null) {
            throw new IllegalStateException("Cannot get table: container is not closed.");
        }
        return m_table;
    }

    /** @return the number of rows added so far */
    public long size() {
        return m_rows.size();
    }

    /** @param maxPossibleValues limit of possible values collected per nominal column */
    public void setMaxPossibleValues(final int maxPossibleValues) {
        if (maxPossibleValues < 0) {
            throw new IllegalArgumentException("Negative limit: " + maxPossibleValues);
        }
        m_domain.setMaxPossibleValues(maxPossibleValues);
    }

    /** @return the spec (with computed domains once closed) */
    public DataTableSpec getTableSpec() {
        return m_table != null ? m_table.getDataTableSpec() : m_spec;
    }
}
