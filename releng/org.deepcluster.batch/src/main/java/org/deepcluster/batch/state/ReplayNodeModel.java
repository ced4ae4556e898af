package org.deepcluster.batch.state;

import java.io.File;

import org.knime.core.data.DataRow;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * A node model without inputs that "executes" to outputs restored from executed state. Tables are rebuilt through
 * the execution context's data container with the saved spec as the start of the domain, as KNIME's
 * {@code ExecutionContext.createDataContainer(spec)} does, so the restored table has the saved spec, domain
 * included; other port objects are returned as loaded.
 */
final class ReplayNodeModel extends NodeModel {

    /** One restored output: a table (spec and rows) or another port object. */
    record Output(TableFile.Content table, PortObject object) {
        PortObjectSpec spec() {
            return table != null ? table.spec() : object.getSpec();
        }
    }

    private final Output[] m_outputs;

    ReplayNodeModel(final PortType[] outTypes, final Output[] outputs) {
        super(new PortType[0], outTypes);
        m_outputs = outputs.clone();
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        PortObjectSpec[] specs = new PortObjectSpec[m_outputs.length];
        for (int i = 0; i < specs.length; i++) {
            specs[i] = m_outputs[i].spec();
        }
        return specs;
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        PortObject[] result = new PortObject[m_outputs.length];
        for (int i = 0; i < result.length; i++) {
            Output o = m_outputs[i];
            if (o.table() == null) {
                result[i] = o.object();
                continue;
            }
            BufferedDataContainer c = exec.createDataContainer(o.table().spec());
            for (DataRow row : o.table().rows()) {
                c.addRowToTable(row);
            }
            c.close();
            result[i] = c.getTable();
        }
        return result;
    }

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // nothing: the outputs are given
    }

    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // nothing: the outputs are given
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        // no settings
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) {
        // no settings
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) {
        // no settings
    }

    @Override
    protected void reset() {
        // nothing cached
    }
}
