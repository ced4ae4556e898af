package org.knime.core.node;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.deepcluster.standin.internal.Bridges;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.container.ColumnRearranger;
import org.knime.core.data.container.DataContainer;
import org.knime.core.data.def.DefaultRow;

/**
 * The {@link ExecutionMonitor} passed to {@code NodeModel.execute}: it also creates the output tables. Constructed
 * by the framework only (the stand-in harness creates it).
 */
public class ExecutionContext extends ExecutionMonitor {

    ExecutionContext(final NodeProgressMonitor progress) {
        super(progress);
    }

    /**
     * Copies a table into a new buffered table.
     *
     * @param table the table
     * @param subProgressMon progress and cancellation of the copy
     * @return the new table
     * @throws CanceledExecutionException if canceled
     */
    public BufferedDataTable createBufferedDataTable(final DataTable table, final ExecutionMonitor subProgressMon)
        throws CanceledExecutionException {
        if (table instanceof BufferedDataTable b) {
            return b;
        }
        BufferedDataContainer c = createDataContainer(table.getDataTableSpec(), true);
        for (DataRow row : table) {
            subProgressMon.checkCanceled();
            c.addRowToTable(row);
        }
        c.close();
        return c.getTable();
    }

    /**
     * @param tables tables
     * @param exec progress and cancellation
     * @return buffered copies
     * @throws CanceledExecutionException if canceled
     */
    public BufferedDataTable[] createBufferedDataTables(final DataTable[] tables, final ExecutionMonitor exec)
        throws CanceledExecutionException {
        BufferedDataTable[] result = new BufferedDataTable[tables.length];
        for (int i = 0; i < tables.length; i++) {
            result[i] = createBufferedDataTable(tables[i], exec.createSubProgress(1.0 / tables.length));
        }
        return result;
    }

    /**
     * @param spec the spec of the rows to come
     * @return a container whose domains start from the spec's domains
     */
    public BufferedDataContainer createDataContainer(final DataTableSpec spec) {
        return createDataContainer(spec, true);
    }

    /**
     * @param spec the spec of the rows to come
     * @param initDomain whether the computed domains start from the spec's domains
     * @return a container
     */
    public BufferedDataContainer createDataContainer(final DataTableSpec spec, final boolean initDomain) {
        return new BufferedDataContainer(spec, initDomain);
    }

    /**
     * Applies a column rearrangement: new cells are computed (with progress through the cell factories), cell types
     * are checked against the new spec and domains of new columns are computed.
     *
     * @param in the input table (its spec must be the rearranger's original spec)
     * @param rearranger the arrangement
     * @param subProgressMon progress and cancellation
     * @return the new table
     * @throws CanceledExecutionException if canceled
     */
    public BufferedDataTable createColumnRearrangeTable(final BufferedDataTable in,
        final ColumnRearranger rearranger, final ExecutionMonitor subProgressMon)
        throws CanceledExecutionException {
        List<DataRow> rows = Bridges.container().rearrange(rearranger, in, in.size(), subProgressMon);
        BufferedDataContainer c = createDataContainer(rearranger.createSpec(), true);
        for (DataRow row : rows) {
            c.addRowToTable(row);
        }
        c.close();
        return c.getTable();
    }

    /**
     * @param in a table
     * @param newSpec a spec with the same number of columns whose types fit the data
     * @return the same rows with the new spec
     */
    public BufferedDataTable createSpecReplacerTable(final BufferedDataTable in, final DataTableSpec newSpec) {
        DataTableSpec old = in.getDataTableSpec();
        if (old.getNumColumns() != newSpec.getNumColumns()) {
            throw new IllegalArgumentException("Column count mismatch: " + old.getNumColumns() + " vs. "
                + newSpec.getNumColumns());
        }
        for (int i = 0; i < old.getNumColumns(); i++) {
            DataColumnSpec o = old.getColumnSpec(i);
            DataColumnSpec n = newSpec.getColumnSpec(i);
            if (!n.getType().isASuperTypeOf(o.getType())) {
                throw new IllegalArgumentException("Column " + i + ": type " + o.getType()
                    + " is not compatible with " + n.getType());
            }
        }
        return new BufferedDataTable(Bridges.container().inMemoryTable(newSpec, rowsOf(in)), in.size());
    }

    /**
     * @param in a table
     * @return the same table (the stand-in does not distinguish wrappers)
     */
    public BufferedDataTable createWrappedTable(final BufferedDataTable in) {
        return in;
    }

    /**
     * @param spec a spec
     * @return an empty table with that spec
     */
    public BufferedDataTable createVoidTable(final DataTableSpec spec) {
        return new BufferedDataTable(Bridges.container().inMemoryTable(spec, List.of()), 0);
    }

    /**
     * @param exec progress and cancellation
     * @param tables tables of equal structure (names and types) with distinct row keys
     * @return their rows one after another
     * @throws CanceledExecutionException if canceled
     */
    public BufferedDataTable createConcatenateTable(final ExecutionMonitor exec, final BufferedDataTable... tables)
        throws CanceledExecutionException {
        if (tables.length == 0) {
            throw new IllegalArgumentException("No tables to concatenate");
        }
        DataTableSpec spec = DataTableSpec.mergeDataTableSpecs(
            Arrays.stream(tables).map(BufferedDataTable::getDataTableSpec).toArray(DataTableSpec[]::new));
        DataContainer c = new DataContainer(spec, true);
        for (BufferedDataTable t : tables) {
            try (CloseableRowIterator it = t.iterator()) {
                while (it.hasNext()) {
                    exec.checkCanceled();
                    c.addRowToTable(it.next());
                }
            }
        }
        c.close();
        return new BufferedDataTable(c.getTable(), c.size());
    }

    /**
     * Joins two tables column-wise; both must have the same row keys in the same order and distinct column names.
     *
     * @param left left table
     * @param right right table
     * @param exec progress and cancellation
     * @return the joined table
     * @throws CanceledExecutionException if canceled
     */
    public BufferedDataTable createJoinedTable(final BufferedDataTable left, final BufferedDataTable right,
        final ExecutionMonitor exec) throws CanceledExecutionException {
        DataTableSpec spec = new DataTableSpec(left.getDataTableSpec(), right.getDataTableSpec());
        List<DataRow> l = rowsOf(left);
        List<DataRow> r = rowsOf(right);
        if (l.size() != r.size()) {
            throw new IllegalArgumentException("Tables can't be joined, row counts differ: " + l.size() + " vs. "
                + r.size());
        }
        List<DataRow> out = new ArrayList<>(l.size());
        for (int i = 0; i < l.size(); i++) {
            exec.checkCanceled();
            RowKey key = l.get(i).getKey();
            if (!key.equals(r.get(i).getKey())) {
                throw new IllegalArgumentException("Tables contain non-matching rows or are sorted differently, "
                    + "keys in row " + i + " do not match: \"" + key + "\" vs. \"" + r.get(i).getKey() + "\"");
            }
            List<DataCell> cells = new ArrayList<>();
            l.get(i).forEach(cells::add);
            r.get(i).forEach(cells::add);
            out.add(new DefaultRow(key, cells));
        }
        return new BufferedDataTable(Bridges.container().inMemoryTable(spec, out), out.size());
    }

    /**
     * @param maxProg share of this context's progress
     * @return a context for a sub task
     */
    public ExecutionContext createSubExecutionContext(final double maxProg) {
        return new ExecutionContext(new SubNodeProgressMonitor(getProgressMonitor(), maxProg, false));
    }

    /**
     * @param maxProg share of this context's progress
     * @return a context for a sub task whose messages are dropped
     */
    public ExecutionContext createSilentSubExecutionContext(final double maxProg) {
        return new ExecutionContext(new SubNodeProgressMonitor(getProgressMonitor(), maxProg, true));
    }

    private static List<DataRow> rowsOf(final BufferedDataTable t) {
        List<DataRow> rows = new ArrayList<>();
        try (CloseableRowIterator it = t.iterator()) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }
}
