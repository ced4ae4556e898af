package org.deepcluster.standin.test;

import java.io.File;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.container.ColumnRearranger;
import org.knime.core.data.container.SingleCellFactory;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** Test node: appends the square of a numeric column; pushes the row count; warns on empty input. */
public class SquareNodeModel extends NodeModel {

    static final String CFG_COLUMN = "column";

    private final SettingsModelString m_column = new SettingsModelString(CFG_COLUMN, "x");

    /** One table in, one table out. */
    public SquareNodeModel() {
        super(1, 1);
    }

    private ColumnRearranger rearranger(final DataTableSpec spec) throws InvalidSettingsException {
        int idx = spec.findColumnIndex(m_column.getStringValue());
        if (idx < 0 || !spec.getColumnSpec(idx).getType().isCompatible(DoubleValue.class)) {
            throw new InvalidSettingsException("No numeric column \"" + m_column.getStringValue() + "\"");
        }
        String name = DataTableSpec.getUniqueColumnName(spec, m_column.getStringValue() + "^2");
        ColumnRearranger r = new ColumnRearranger(spec);
        r.append(new SingleCellFactory(new DataColumnSpecCreator(name, DoubleCell.TYPE).createSpec()) {
            @Override
            public DataCell getCell(final DataRow row) {
                DataCell c = row.getCell(idx);
                if (c.isMissing()) {
                    return c;
                }
                double v = ((DoubleValue)c).getDoubleValue();
                return new DoubleCell(v * v);
            }
        });
        return r;
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        return new DataTableSpec[]{rearranger(inSpecs[0]).createSpec()};
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        if (inData[0].size() == 0) {
            setWarningMessage("Input table is empty");
        }
        pushFlowVariableInt("rows", (int)inData[0].size());
        pushFlowVariableString("column", m_column.getStringValue());
        return new BufferedDataTable[]{
            exec.createColumnRearrangeTable(inData[0], rearranger(inData[0].getDataTableSpec()), exec)};
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        m_column.saveSettingsTo(settings);
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_column.validateSettings(settings);
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_column.loadSettingsFrom(settings);
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
