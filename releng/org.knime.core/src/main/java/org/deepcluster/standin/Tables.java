package org.deepcluster.standin;

import java.util.ArrayList;
import java.util.List;

import org.deepcluster.standin.internal.Bridges;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.RowKey;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.container.DataContainer;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;

/**
 * Builds in-memory {@link BufferedDataTable}s for tests and reads them back. Rows go through a
 * {@link DataContainer}, so they are checked (cell count, types, unique keys) and domains are computed, exactly as
 * for tables a node creates.
 *
 * <pre>
 * BufferedDataTable t = Tables.builder()
 *     .column("x", DoubleCell.TYPE).column("label", StringCell.TYPE)
 *     .row(1.0, "a").row(2.5, "b")          // keys Row0, Row1
 *     .build();
 * </pre>
 */
public final class Tables {

    private Tables() {
    }

    /** @return a builder of a table spec and rows */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param spec the spec
     * @param rows the rows
     * @return the table
     */
    public static BufferedDataTable table(final DataTableSpec spec, final DataRow... rows) {
        return table(spec, List.of(rows));
    }

    /**
     * @param spec the spec
     * @param rows the rows
     * @return the table
     */
    public static BufferedDataTable table(final DataTableSpec spec, final List<? extends DataRow> rows) {
        DataContainer c = new DataContainer(spec, false);
        for (DataRow r : rows) {
            c.addRowToTable(r);
        }
        c.close();
        return Bridges.node().bufferedTable(c.getTable(), c.size());
    }

    /**
     * @param table a table
     * @return all rows
     */
    public static List<DataRow> rows(final BufferedDataTable table) {
        List<DataRow> rows = new ArrayList<>();
        try (CloseableRowIterator it = table.iterator()) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }

    /**
     * @param table a table
     * @param column a column name
     * @return the column's cells as doubles (NaN for missing cells)
     */
    public static double[] doubles(final BufferedDataTable table, final String column) {
        int idx = columnIndex(table, column);
        return rows(table).stream().map(r -> r.getCell(idx))
            .mapToDouble(c -> c.isMissing() ? Double.NaN : ((DoubleValue)c).getDoubleValue())
            .toArray();
    }

    /**
     * @param table a table
     * @param column a column name
     * @return the column's cells as strings ({@code toString()}, null for missing cells)
     */
    public static List<String> strings(final BufferedDataTable table, final String column) {
        int idx = columnIndex(table, column);
        return rows(table).stream().map(r -> r.getCell(idx)).map(c -> c.isMissing() ? null : c.toString()).toList();
    }

    private static int columnIndex(final BufferedDataTable table, final String column) {
        int idx = table.getDataTableSpec().findColumnIndex(column);
        if (idx < 0) {
            throw new IllegalArgumentException("No column \"" + column + "\" in " + table.getDataTableSpec());
        }
        return idx;
    }

    /**
     * Converts a Java value to a cell: Double/Float to DoubleCell, Integer/Short/Byte to IntCell, Long to LongCell,
     * Boolean to BooleanCell, String to StringCell, null to the missing cell, cells stay as they are.
     *
     * @param value the value
     * @return the cell
     */
    public static DataCell cell(final Object value) {
        if (value == null) {
            return DataType.getMissingCell();
        }
        if (value instanceof DataCell c) {
            return c;
        }
        if (value instanceof Double || value instanceof Float) {
            return new DoubleCell(((Number)value).doubleValue());
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return new IntCell(((Number)value).intValue());
        }
        if (value instanceof Long l) {
            return new LongCell(l);
        }
        if (value instanceof Boolean b) {
            return BooleanCell.BooleanCellFactory.create(b);
        }
        if (value instanceof String s) {
            return new StringCell(s);
        }
        throw new IllegalArgumentException("No cell type for " + value.getClass().getName());
    }

    /** Collects columns and rows; keys default to Row0, Row1, ... */
    public static final class Builder {

        private final List<String> m_names = new ArrayList<>();

        private final List<DataType> m_types = new ArrayList<>();

        private final List<DataRow> m_rows = new ArrayList<>();

        private String m_tableName = "default";

        private Builder() {
        }

        /**
         * @param name table name
         * @return this
         */
        public Builder name(final String name) {
            m_tableName = name;
            return this;
        }

        /**
         * @param name column name
         * @param type column type
         * @return this
         */
        public Builder column(final String name, final DataType type) {
            m_names.add(name);
            m_types.add(type);
            return this;
        }

        /**
         * @param values one value per column (see {@link Tables#cell(Object)})
         * @return this
         */
        public Builder row(final Object... values) {
            return keyedRow(RowKey.createRowKey((long)m_rows.size()).getString(), values);
        }

        /**
         * @param key the row ID
         * @param values one value per column (see {@link Tables#cell(Object)})
         * @return this
         */
        public Builder keyedRow(final String key, final Object... values) {
            DataCell[] cells = new DataCell[values.length];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cell(values[i]);
            }
            m_rows.add(new DefaultRow(key, cells));
            return this;
        }

        /** @return the spec of the columns so far */
        public DataTableSpec spec() {
            DataColumnSpec[] columns = new DataColumnSpec[m_names.size()];
            for (int i = 0; i < columns.length; i++) {
                columns[i] = new DataColumnSpecCreator(m_names.get(i), m_types.get(i)).createSpec();
            }
            return new DataTableSpec(m_tableName, columns);
        }

        /** @return the table */
        public BufferedDataTable build() {
            return table(spec(), m_rows);
        }
    }
}
