package org.knime.core.node;

import java.io.File;
import java.io.IOException;
import java.util.List;

import org.deepcluster.standin.internal.Bridges;
import org.deepcluster.standin.internal.NodeBridge;
import org.knime.core.data.DataTable;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.workflow.FlowVariable;

/**
 * Gives the stand-in harness the access KNIME's framework has to protected and package-private members of this
 * package. Installs itself into {@link Bridges} when loaded.
 */
final class StandinBridge implements NodeBridge {

    static {
        Bridges.install(new StandinBridge());
    }

    private StandinBridge() {
    }

    @Override
    public ExecutionContext createExecutionContext(final NodeProgressMonitor monitor) {
        return new ExecutionContext(monitor);
    }

    @Override
    public BufferedDataTable bufferedTable(final DataTable table, final long size) {
        return new BufferedDataTable(table, size);
    }

    @Override
    public PortType[] inPortTypes(final NodeModel m) {
        return m.inPortTypes();
    }

    @Override
    public PortType[] outPortTypes(final NodeModel m) {
        return m.outPortTypes();
    }

    @Override
    public void saveSettingsTo(final NodeModel m, final NodeSettingsWO s) {
        m.saveSettingsTo(s);
    }

    @Override
    public void validateSettings(final NodeModel m, final NodeSettingsRO s) throws InvalidSettingsException {
        m.validateSettings(s);
    }

    @Override
    public void loadValidatedSettingsFrom(final NodeModel m, final NodeSettingsRO s)
        throws InvalidSettingsException {
        m.loadValidatedSettingsFrom(s);
    }

    @Override
    public PortObjectSpec[] configure(final NodeModel m, final PortObjectSpec[] in) throws InvalidSettingsException {
        return m.configure(in);
    }

    @Override
    public PortObject[] execute(final NodeModel m, final PortObject[] in, final ExecutionContext exec)
        throws Exception {
        return m.execute(in, exec);
    }

    @Override
    public void reset(final NodeModel m) {
        m.reset();
    }

    @Override
    public void onDispose(final NodeModel m) {
        m.onDispose();
    }

    @Override
    public void saveInternals(final NodeModel m, final File dir, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        m.saveInternals(dir, exec);
    }

    @Override
    public void loadInternals(final NodeModel m, final File dir, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        m.loadInternals(dir, exec);
    }

    @Override
    public String warningMessage(final NodeModel m) {
        return m.getWarningMessage();
    }

    @Override
    public void setWarningMessage(final NodeModel m, final String message) {
        m.setWarningMessage(message);
    }

    @Override
    public void setInputVariables(final NodeModel m, final List<FlowVariable> variables) {
        m.setInputVariables(variables);
    }

    @Override
    public List<FlowVariable> pushedVariables(final NodeModel m) {
        return m.pushedVariables();
    }

    @Override
    public void clearPushedVariables(final NodeModel m) {
        m.clearPushedVariables();
    }

    @Override
    public int nrNodeViews(final NodeFactory<?> f) {
        return f.getNrNodeViews();
    }

    @SuppressWarnings("removal")
    @Override
    public boolean hasDialog(final NodeFactory<?> f) {
        return f.hasDialog();
    }

    @SuppressWarnings("removal")
    @Override
    public NodeDialogPane createNodeDialogPane(final NodeFactory<?> f) {
        return f.createNodeDialogPane();
    }

    @Override
    public void loadDialogSettings(final NodeDialogPane d, final NodeSettingsRO s, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        d.loadSettingsFrom(s, specs);
    }
}
