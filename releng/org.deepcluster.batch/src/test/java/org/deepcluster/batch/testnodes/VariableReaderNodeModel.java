package org.deepcluster.batch.testnodes;

import java.io.File;

import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.workflow.FlowVariable;
import org.knime.core.node.workflow.VariableType;

/** Reads the flow variable named in its settings and outputs its value (fails if there is none). */
public final class VariableReaderNodeModel extends NodeModel {

    /** Setting: the variable name. */
    public static final String KEY_VARIABLE = "variable";

    private String m_variable = "row_count";

    VariableReaderNodeModel() {
        super(1, 1);
    }

    private static DataTableSpec spec() {
        return new DataTableSpec(new String[]{"name", "value"},
            new org.knime.core.data.DataType[]{StringCell.TYPE, StringCell.TYPE});
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        return new DataTableSpec[]{spec()};
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        FlowVariable v = getAvailableFlowVariables(VariableType.StringType.INSTANCE, VariableType.IntType.INSTANCE,
            VariableType.DoubleType.INSTANCE, VariableType.LongType.INSTANCE, VariableType.BooleanType.INSTANCE)
            .get(m_variable);
        if (v == null) {
            throw new InvalidSettingsException("No flow variable \"" + m_variable + "\"");
        }
        BufferedDataContainer c = exec.createDataContainer(spec());
        c.addRowToTable(new DefaultRow("Row0", new StringCell(v.getName()), new StringCell(v.getValueAsString())));
        c.close();
        return new BufferedDataTable[]{c.getTable()};
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        settings.addString(KEY_VARIABLE, m_variable);
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        if (settings.getString(KEY_VARIABLE) == null) {
            throw new InvalidSettingsException("No variable name");
        }
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_variable = settings.getString(KEY_VARIABLE);
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
