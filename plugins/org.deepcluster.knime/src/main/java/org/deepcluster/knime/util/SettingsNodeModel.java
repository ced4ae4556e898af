package org.deepcluster.knime.util;

import java.io.File;

import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortType;

/**
 * Base of this extension's node models: holds the node's settings object and implements KNIME's settings
 * save/validate/load contract on it, so that each node only says how its settings are read. Nodes whose outputs are
 * their whole state (no internals to save, nothing cached) need nothing more; others override the internals methods.
 *
 * @param <S> the node's settings type
 */
public abstract class SettingsNodeModel<S extends NodeSettingsObject> extends NodeModel {

    private S settings;

    /**
     * A node with table ports only.
     *
     * @param inPorts number of input tables
     * @param outPorts number of output tables
     * @param defaults the settings of a new node
     */
    protected SettingsNodeModel(final int inPorts, final int outPorts, final S defaults) {
        super(inPorts, outPorts);
        settings = defaults;
    }

    /**
     * A node with other port types.
     *
     * @param inPorts the input port types
     * @param outPorts the output port types
     * @param defaults the settings of a new node
     */
    protected SettingsNodeModel(final PortType[] inPorts, final PortType[] outPorts, final S defaults) {
        super(inPorts, outPorts);
        settings = defaults;
    }

    /**
     * Reads and validates settings.
     *
     * @param settingsRO the stored settings
     * @return the settings object
     * @throws InvalidSettingsException naming the first missing or invalid setting
     */
    protected abstract S loadSettings(NodeSettingsRO settingsRO) throws InvalidSettingsException;

    /** @return the current settings */
    protected final S settings() {
        return settings;
    }

    @Override
    protected final void saveSettingsTo(final NodeSettingsWO settingsWO) {
        settings.saveTo(settingsWO);
    }

    @Override
    protected final void validateSettings(final NodeSettingsRO settingsRO) throws InvalidSettingsException {
        loadSettings(settingsRO);
    }

    @Override
    protected final void loadValidatedSettingsFrom(final NodeSettingsRO settingsRO) throws InvalidSettingsException {
        settings = loadSettings(settingsRO);
    }

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // no internals by default: the outputs are the node's whole state
    }

    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // no internals by default: the outputs are the node's whole state
    }

    @Override
    protected void reset() {
        // nothing cached between executions by default
    }
}
