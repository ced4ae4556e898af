package org.knime.core.data;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import javax.swing.JComponent;

import org.knime.core.node.port.PortObjectSpec;

/**
 * The spec of a table: a name, the column specs (unique names) and table properties. Immutable.
 */
public final class DataTableSpec implements PortObjectSpec, Iterable<DataColumnSpec> {

    private static final String DEFAULT_NAME = "default";

    private final String m_name;

    private final DataColumnSpec[] m_columns;

    private final Map<String, Integer> m_index;

    private final Map<String, String> m_properties;

    /** An empty spec named "default". */
    public DataTableSpec() {
        this(DEFAULT_NAME);
    }

    /** @param colSpecs the columns (unique names) */
    public DataTableSpec(final DataColumnSpec... colSpecs) {
        this(DEFAULT_NAME, colSpecs);
    }

    /**
     * Concatenates the columns of both specs.
     *
     * @param spec1 first spec
     * @param spec2 second spec
     */
    public DataTableSpec(final DataTableSpec spec1, final DataTableSpec spec2) {
        this(DEFAULT_NAME, spec1, spec2);
    }

    /** @param name an empty spec's name */
    public DataTableSpec(final String name) {
        this(name, new DataColumnSpec[0]);
    }

    /**
     * @param name the table name
     * @param colSpecs the columns (unique names)
     */
    public DataTableSpec(final String name, final DataColumnSpec... colSpecs) {
        this(name, colSpecs, Collections.emptyMap());
    }

    /**
     * @param name the table name
     * @param spec1 first spec
     * @param spec2 second spec, its columns follow those of the first
     */
    public DataTableSpec(final String name, final DataTableSpec spec1, final DataTableSpec spec2) {
        this(name, concat(spec1, spec2), Collections.emptyMap());
    }

    /**
     * @param name the table name
     * @param names column names
     * @param types column types
     */
    public DataTableSpec(final String name, final String[] names, final DataType[] types) {
        this(name, createColumnSpecs(names, types));
    }

    /**
     * @param names column names
     * @param types column types
     */
    public DataTableSpec(final String[] names, final DataType[] types) {
        this(DEFAULT_NAME, names, types);
    }

    private DataTableSpec(final String name, final DataColumnSpec[] colSpecs, final Map<String, String> props) {
        m_name = Objects.requireNonNull(name, "Table name must not be null.");
        m_columns = colSpecs.clone();
        m_index = new HashMap<>();
        for (int i = 0; i < m_columns.length; i++) {
            Objects.requireNonNull(m_columns[i], "Column spec must not be null.");
            Integer previous = m_index.putIfAbsent(m_columns[i].getName(), i);
            if (previous != null) {
                throw new IllegalArgumentException("Duplicate column name \"" + m_columns[i].getName()
                    + "\" at positions " + previous + " and " + i + ".");
            }
        }
        m_properties = Collections.unmodifiableMap(new LinkedHashMap<>(props));
    }

    private static DataColumnSpec[] concat(final DataTableSpec spec1, final DataTableSpec spec2) {
        for (int i = 0; i < spec1.getNumColumns(); i++) {
            String name = spec1.getColumnSpec(i).getName();
            if (spec2.containsName(name)) {
                throw new IllegalArgumentException("Table specs to join contain the duplicate column name \"" + name
                    + "\" at position " + i + " and " + spec2.findColumnIndex(name) + ".");
            }
        }
        DataColumnSpec[] all = Arrays.copyOf(spec1.m_columns, spec1.m_columns.length + spec2.m_columns.length);
        System.arraycopy(spec2.m_columns, 0, all, spec1.m_columns.length, spec2.m_columns.length);
        return all;
    }

    /**
     * @param names column names
     * @param types column types (same length)
     * @return the column specs
     */
    public static final DataColumnSpec[] createColumnSpecs(final String[] names, final DataType[] types) {
        if (names.length != types.length) {
            throw new IllegalArgumentException(
                "Names and types must have the same length: " + names.length + " vs. " + types.length);
        }
        DataColumnSpec[] specs = new DataColumnSpec[names.length];
        for (int i = 0; i < specs.length; i++) {
            specs[i] = new DataColumnSpecCreator(names[i], types[i]).createSpec();
        }
        return specs;
    }

    /**
     * @param columns column names
     * @return their indices
     * @throws IllegalArgumentException if a column does not exist
     */
    public int[] columnsToIndices(final String... columns) {
        Objects.requireNonNull(columns);
        int[] indices = new int[columns.length];
        for (int i = 0; i < columns.length; i++) {
            indices[i] = findColumnIndex(columns[i]);
            if (indices[i] < 0) {
                throw new IllegalArgumentException("Column not found: \"" + columns[i] + "\"");
            }
        }
        return indices;
    }

    /**
     * @param valueClass a value interface
     * @return whether at least one column is compatible with it
     */
    public boolean containsCompatibleType(final Class<? extends DataValue> valueClass) {
        return stream().anyMatch(c -> c.getType().isCompatible(valueClass));
    }

    /**
     * @param columnName a name
     * @return whether a column has this name
     */
    public boolean containsName(final String columnName) {
        return m_index.containsKey(columnName);
    }

    /**
     * @param spec another spec
     * @return whether both have the same column names and each column type here is a super type of the other's
     */
    public boolean isCompatibleWith(final DataTableSpec spec) {
        if (spec == null || spec.getNumColumns() != getNumColumns()) {
            return false;
        }
        for (int i = 0; i < m_columns.length; i++) {
            if (!m_columns[i].isCompatibleWith(spec.m_columns[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param spec another spec
     * @return whether both have the same column names and types in the same order
     */
    public boolean equalStructure(final DataTableSpec spec) {
        if (spec == null || spec.getNumColumns() != getNumColumns()) {
            return false;
        }
        for (int i = 0; i < m_columns.length; i++) {
            if (!m_columns[i].equalStructure(spec.m_columns[i])) {
                return false;
            }
        }
        return true;
    }

    /** Equal name, equal columns (including domains and properties) and equal table properties. */
    @Override
    public boolean equals(final Object obj) {
        return obj == this || obj instanceof DataTableSpec s && m_name.equals(s.m_name)
            && Arrays.equals(m_columns, s.m_columns) && m_properties.equals(s.m_properties);
    }

    /** @return the table properties */
    public Map<String, String> getProperties() {
        return m_properties;
    }

    /**
     * @param columnName a name
     * @return its index or -1
     */
    public int findColumnIndex(final String columnName) {
        Integer i = m_index.get(columnName);
        return i == null ? -1 : i;
    }

    /** @return the column names in order */
    public final String[] getColumnNames() {
        return stream().map(DataColumnSpec::getName).toArray(String[]::new);
    }

    /**
     * @param index a column index
     * @return the column spec
     */
    public DataColumnSpec getColumnSpec(final int index) {
        return m_columns[index];
    }

    /**
     * @param column a column name
     * @return its spec or null
     */
    public DataColumnSpec getColumnSpec(final String column) {
        int i = findColumnIndex(column);
        return i < 0 ? null : m_columns[i];
    }

    /** @return the table name */
    public String getName() {
        return m_name;
    }

    /** @return the number of columns */
    public int getNumColumns() {
        return m_columns.length;
    }

    @Override
    public int hashCode() {
        int h = m_properties.hashCode();
        for (DataColumnSpec c : m_columns) {
            h ^= c.hashCode(); // order-independent, like KNIME
        }
        return h;
    }

    @Override
    public Iterator<DataColumnSpec> iterator() {
        return Collections.unmodifiableList(Arrays.asList(m_columns)).iterator();
    }

    /** @return the column specs in order */
    public Stream<DataColumnSpec> stream() {
        return Arrays.stream(m_columns);
    }

    /**
     * Merges specs of equal structure (column names and types). The stand-in keeps the first spec's domains
     * instead of merging them.
     *
     * @param specs specs
     * @return the merged spec
     */
    public static DataTableSpec mergeDataTableSpecs(final DataTableSpec... specs) {
        if (specs == null || specs.length == 0 || Arrays.asList(specs).contains(null)) {
            throw new IllegalArgumentException("Argument array must not be null or empty, nor contain null values.");
        }
        for (DataTableSpec s : specs) {
            if (!specs[0].equalStructure(s)) {
                throw new IllegalArgumentException("Cannot merge DataTableSpecs, they don't have equal structure");
            }
        }
        return new DataTableSpec(specs[0].m_columns);
    }

    /**
     * @param spec a spec
     * @param columnName a desired name
     * @return the trimmed name, with " (#1)", " (#2)", ... appended until it is not taken in the spec
     */
    public static String getUniqueColumnName(final DataTableSpec spec, final String columnName) {
        Objects.requireNonNull(columnName, "Column name must not be null.");
        String base = columnName.trim();
        String result = base;
        for (int i = 1; spec.containsName(result); i++) {
            result = base + " (#" + i + ")";
        }
        return result;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("name=" + m_name + ",columns=[");
        for (int i = 0; i < m_columns.length; i++) {
            sb.append(i > 0 ? "; " : "").append(m_columns[i].getName());
        }
        return sb.append(']').toString();
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }
}
