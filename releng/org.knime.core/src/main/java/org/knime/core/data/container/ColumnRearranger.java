package org.knime.core.data.container;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/**
 * Describes how a table's columns are rearranged: kept, removed, moved, or computed by {@link CellFactory}s.
 * Call {@link #createSpec()} in configure and pass the same arrangement to
 * {@code ExecutionContext.createColumnRearrangeTable} in execute. Indices refer to the current arrangement.
 */
public class ColumnRearranger {

    /** One output column: an input column (factory == null) or output {@code factoryColumn} of a factory. */
    private record Column(DataColumnSpec spec, int inputIndex, CellFactory factory, int factoryColumn) {
    }

    private final DataTableSpec m_original;

    private final List<Column> m_columns = new ArrayList<>();

    /** @param original the spec of the input table */
    public ColumnRearranger(final DataTableSpec original) {
        m_original = Objects.requireNonNull(original);
        for (int i = 0; i < original.getNumColumns(); i++) {
            m_columns.add(new Column(original.getColumnSpec(i), i, null, -1));
        }
    }

    /**
     * Removes all columns but the given ones (their order stays).
     *
     * @param colIndices current indices to keep
     */
    public final void keepOnly(final int... colIndices) {
        Set<Integer> keep = checkedIndexSet(colIndices);
        for (int i = m_columns.size() - 1; i >= 0; i--) {
            if (!keep.contains(i)) {
                m_columns.remove(i);
            }
        }
    }

    /** @param colNames names of the columns to keep */
    public final void keepOnly(final String... colNames) {
        keepOnly(indicesOf(colNames));
    }

    /** @param colIndices current indices to remove */
    public final void remove(final int... colIndices) {
        Set<Integer> drop = checkedIndexSet(colIndices);
        for (int i = m_columns.size() - 1; i >= 0; i--) {
            if (drop.contains(i)) {
                m_columns.remove(i);
            }
        }
    }

    /** @param colNames names of the columns to remove */
    public final void remove(final String... colNames) {
        remove(indicesOf(colNames));
    }

    private Set<Integer> checkedIndexSet(final int... indices) {
        Set<Integer> set = new LinkedHashSet<>();
        for (int i : indices) {
            if (i < 0 || i >= m_columns.size()) {
                throw new IndexOutOfBoundsException("Invalid index: " + i);
            }
            if (!set.add(i)) {
                throw new IndexOutOfBoundsException("Duplicates in argument: " + Arrays.toString(indices));
            }
        }
        return set;
    }

    private int[] indicesOf(final String... names) {
        int[] idx = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            idx[i] = indexOf(names[i]);
            if (idx[i] < 0) {
                throw new IllegalArgumentException("No such column: " + names[i]);
            }
        }
        return idx;
    }

    /**
     * @param colName a column name
     * @return its current index or -1
     */
    public final int indexOf(final String colName) {
        for (int i = 0; i < m_columns.size(); i++) {
            if (m_columns.get(i).spec().getName().equals(colName)) {
                return i;
            }
        }
        return -1;
    }

    /** @return the current number of columns */
    public final int getColumnCount() {
        return m_columns.size();
    }

    /**
     * Moves a column. When moving right, the column ends up just before the column that was at {@code to}.
     *
     * @param from current index
     * @param to target index
     */
    public final void move(final int from, final int to) {
        Column c = m_columns.get(from);
        if (from < to) {
            m_columns.add(to, c);
            m_columns.remove(from);
        } else {
            m_columns.remove(from);
            m_columns.add(to, c);
        }
    }

    /**
     * @param colName the column
     * @param to target index
     */
    public final void move(final String colName, final int to) {
        int from = indexOf(colName);
        if (from < 0) {
            throw new IllegalArgumentException("No such column: " + colName);
        }
        move(from, to);
    }

    /**
     * Puts the given columns first, in the given order; all others follow in their current order.
     *
     * @param colIndicesInOrder current indices
     */
    public final void permute(final int[] colIndicesInOrder) {
        String[] names = new String[colIndicesInOrder.length];
        for (int i = 0; i < names.length; i++) {
            names[i] = m_columns.get(colIndicesInOrder[i]).spec().getName();
        }
        permute(names);
    }

    /**
     * Puts the given columns first, in the given order; all others follow in their current order.
     *
     * @param colNamesInOrder column names
     */
    public final void permute(final String[] colNamesInOrder) {
        List<Column> ordered = new ArrayList<>();
        for (int i : indicesOf(colNamesInOrder)) {
            ordered.add(m_columns.get(i));
        }
        for (Column c : m_columns) {
            if (!ordered.contains(c)) {
                ordered.add(c);
            }
        }
        m_columns.clear();
        m_columns.addAll(ordered);
    }

    /**
     * @param position index of the first new column
     * @param fac computes the new columns
     */
    public final void insertAt(final int position, final CellFactory fac) {
        DataColumnSpec[] specs = fac.getColumnSpecs();
        List<Column> added = new ArrayList<>();
        for (int i = 0; i < specs.length; i++) {
            added.add(new Column(specs[i], -1, fac, i));
        }
        m_columns.addAll(position, added);
    }

    /** @param fac computes new columns that are appended */
    public final void append(final CellFactory fac) {
        insertAt(m_columns.size(), fac);
    }

    /**
     * @param newCol computes one column
     * @param colName the column it replaces
     */
    public final void replace(final CellFactory newCol, final String colName) {
        replace(newCol, indicesOf(colName));
    }

    /**
     * @param fac computes as many columns as indices are given
     * @param colIndex the current indices of the replaced columns
     */
    public final void replace(final CellFactory fac, final int... colIndex) {
        DataColumnSpec[] specs = fac.getColumnSpecs();
        if (specs.length != colIndex.length) {
            throw new IndexOutOfBoundsException("Arguments do not provide to same number of columns: "
                + specs.length + " vs. " + colIndex.length);
        }
        for (int i = 0; i < specs.length; i++) {
            m_columns.set(colIndex[i], new Column(specs[i], -1, fac, i));
        }
    }

    /**
     * @return the spec of the rearranged table (throws IllegalArgumentException for duplicate column names)
     */
    public final DataTableSpec createSpec() {
        return new DataTableSpec(m_original.getName(),
            m_columns.stream().map(Column::spec).toArray(DataColumnSpec[]::new));
    }

    /**
     * Computes the rearranged rows (stand-in implementation of the rearranged table): every factory is asked once
     * per row, progress is reported through the factories, and the factories' {@code afterProcessing} runs at
     * the end.
     */
    List<DataRow> rearrange(final DataTable in, final long rowCount, final ExecutionMonitor exec)
        throws CanceledExecutionException {
        if (!m_original.equalStructure(in.getDataTableSpec())) {
            throw new IllegalArgumentException("The input table's spec does not match the spec the rearranger was "
                + "created with: " + in.getDataTableSpec() + " vs. " + m_original);
        }
        Set<CellFactory> factories = new LinkedHashSet<>();
        for (Column c : m_columns) {
            if (c.factory() != null) {
                factories.add(c.factory());
            }
        }
        List<DataRow> out = new ArrayList<>();
        long index = 0;
        for (DataRow row : in) {
            exec.checkCanceled();
            Map<CellFactory, DataCell[]> computed = new IdentityHashMap<>();
            for (CellFactory f : factories) {
                DataCell[] cells = f.getCells(row, index);
                int expected = f.getColumnSpecs().length;
                if (cells == null || cells.length != expected) {
                    throw new IllegalStateException("Cell factory " + f.getClass().getName() + " returned "
                        + (cells == null ? "null" : cells.length + " cells") + " instead of " + expected
                        + " cells for row \"" + row.getKey() + "\"");
                }
                computed.put(f, cells);
            }
            DataCell[] cells = new DataCell[m_columns.size()];
            for (int i = 0; i < cells.length; i++) {
                Column c = m_columns.get(i);
                cells[i] = c.factory() == null ? row.getCell(c.inputIndex()) : computed.get(c.factory())[c.factoryColumn()];
            }
            out.add(new DefaultRow(row.getKey(), cells));
            index++;
            for (CellFactory f : factories) {
                f.setProgress(index, rowCount, row.getKey(), exec);
            }
        }
        for (CellFactory f : factories) {
            if (f instanceof AbstractCellFactory a) {
                a.afterProcessing();
            }
        }
        return out;
    }
}
