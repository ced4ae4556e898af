package org.deepcluster.batch.testnodes;

import java.io.File;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/**
 * Creates a table from its settings: column names, column types (String, int, long, double, boolean) and rows as
 * comma-separated text ("?" is a missing value). Pushes the flow variable {@value #ROW_COUNT_VARIABLE}.
 */
public final class TableCreatorNodeModel extends NodeModel {

    /** Setting: column names. */
    public static final String KEY_NAMES = "column_names";

    /** Setting: column types. */
    public static final String KEY_TYPES = "column_types";

    /** Setting: rows, comma-separated. */
    public static final String KEY_ROWS = "rows";

    /** The variable with the number of rows. */
    public static final String ROW_COUNT_VARIABLE = "row_count";

    /** Two well-separated groups of three points each. */
    static final String[] DEFAULT_ROWS = {"0.0,0.1,a", "0.2,0.0,a", "0.1,0.2,a", "5.0,5.1,b", "5.2,5.0,b",
        "5.1,5.2,b"};

    private String[] m_names = {"x", "y", "label"};

    private String[] m_types = {"double", "double", "String"};

    private String[] m_rows = DEFAULT_ROWS;

    TableCreatorNodeModel() {
        super(0, 1);
    }

    private static DataType type(final String name) throws InvalidSettingsException {
        return switch (name) {
            case "String" -> StringCell.TYPE;
            case "int" -> IntCell.TYPE;
            case "long" -> LongCell.TYPE;
            case "double" -> DoubleCell.TYPE;
            case "boolean" -> BooleanCell.TYPE;
            default -> throw new InvalidSettingsException("Unknown column type \"" + name + "\"");
        };
    }

    private static DataCell cell(final String type, final String text) {
        if (text.equals("?")) {
            return DataType.getMissingCell();
        }
        return switch (type) {
            case "int" -> new IntCell(Integer.parseInt(text.trim()));
            case "long" -> new LongCell(Long.parseLong(text.trim()));
            case "double" -> new DoubleCell(Double.parseDouble(text.trim()));
            case "boolean" -> BooleanCell.BooleanCellFactory.create(Boolean.parseBoolean(text.trim()));
            default -> new StringCell(text);
        };
    }

    private static DataTableSpec spec(final String[] names, final String[] types) throws InvalidSettingsException {
        DataType[] t = new DataType[types.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = type(types[i]);
        }
        return new DataTableSpec(names, t);
    }

    private static void check(final String[] names, final String[] types, final String[] rows)
        throws InvalidSettingsException {
        if (names.length != types.length) {
            throw new InvalidSettingsException(names.length + " column names but " + types.length + " column types");
        }
        spec(names, types);
        for (int r = 0; r < rows.length; r++) {
            String[] fields = rows[r].split(",", -1);
            if (fields.length != names.length) {
                throw new InvalidSettingsException("Row " + r + " has " + fields.length + " values, expected "
                    + names.length);
            }
            for (int i = 0; i < fields.length; i++) {
                try {
                    cell(types[i], fields[i]);
                } catch (NumberFormatException e) {
                    throw new InvalidSettingsException("Row " + r + ": \"" + fields[i] + "\" is not a " + types[i]);
                }
            }
        }
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        return new DataTableSpec[]{spec(m_names, m_types)};
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        BufferedDataContainer c = exec.createDataContainer(spec(m_names, m_types));
        for (int r = 0; r < m_rows.length; r++) {
            exec.checkCanceled();
            exec.setProgress(r / (double)m_rows.length, "Row " + (r + 1) + " of " + m_rows.length);
            String[] fields = m_rows[r].split(",", -1);
            DataCell[] cells = new DataCell[fields.length];
            for (int i = 0; i < fields.length; i++) {
                cells[i] = cell(m_types[i], fields[i]);
            }
            c.addRowToTable(new DefaultRow("Row" + r, cells));
        }
        c.close();
        pushFlowVariableInt(ROW_COUNT_VARIABLE, m_rows.length);
        return new BufferedDataTable[]{c.getTable()};
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        settings.addStringArray(KEY_NAMES, m_names);
        settings.addStringArray(KEY_TYPES, m_types);
        settings.addStringArray(KEY_ROWS, m_rows);
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        check(settings.getStringArray(KEY_NAMES), settings.getStringArray(KEY_TYPES),
            settings.getStringArray(KEY_ROWS));
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_names = settings.getStringArray(KEY_NAMES);
        m_types = settings.getStringArray(KEY_TYPES);
        m_rows = settings.getStringArray(KEY_ROWS);
    }

    /** @return the rows setting as a list (for tests) */
    List<String> rows() {
        return List.of(m_rows);
    }

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // none
    }

    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // none
    }

    @Override
    protected void reset() {
        // nothing cached
    }
}
