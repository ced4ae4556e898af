package org.deepcluster.standin.internal;

import java.io.File;
import java.io.IOException;
import java.util.List;

import org.knime.core.data.DataTable;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeProgressMonitor;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.workflow.FlowVariable;

/** The framework side of org.knime.core.node: what KNIME's Node class does with a NodeModel. */
public interface NodeBridge {

    /**
     * @param monitor the top-level monitor
     * @return a new execution context
     */
    ExecutionContext createExecutionContext(NodeProgressMonitor monitor);

    /**
     * @param table a checked table
     * @param size its row count
     * @return it as buffered table
     */
    BufferedDataTable bufferedTable(DataTable table, long size);

    /**
     * @param m model
     * @return its input port types
     */
    PortType[] inPortTypes(NodeModel m);

    /**
     * @param m model
     * @return its output port types
     */
    PortType[] outPortTypes(NodeModel m);

    /**
     * @param m model
     * @param s receives settings
     */
    void saveSettingsTo(NodeModel m, NodeSettingsWO s);

    /**
     * @param m model
     * @param s settings
     * @throws InvalidSettingsException if invalid
     */
    void validateSettings(NodeModel m, NodeSettingsRO s) throws InvalidSettingsException;

    /**
     * @param m model
     * @param s settings
     * @throws InvalidSettingsException if invalid
     */
    void loadValidatedSettingsFrom(NodeModel m, NodeSettingsRO s) throws InvalidSettingsException;

    /**
     * @param m model @param in input specs @return output specs
     * @throws InvalidSettingsException if not configurable
     */
    PortObjectSpec[] configure(NodeModel m, PortObjectSpec[] in) throws InvalidSettingsException;

    /**
     * @param m model @param in inputs @param exec context @return outputs
     * @throws Exception whatever execute throws
     */
    PortObject[] execute(NodeModel m, PortObject[] in, ExecutionContext exec) throws Exception;

    /** @param m model */
    void reset(NodeModel m);

    /** @param m model */
    void onDispose(NodeModel m);

    /**
     * @param m model @param dir internals directory @param exec monitor
     * @throws IOException on I/O errors @throws CanceledExecutionException if canceled
     */
    void saveInternals(NodeModel m, File dir, ExecutionMonitor exec) throws IOException, CanceledExecutionException;

    /**
     * @param m model @param dir internals directory @param exec monitor
     * @throws IOException on I/O errors @throws CanceledExecutionException if canceled
     */
    void loadInternals(NodeModel m, File dir, ExecutionMonitor exec) throws IOException, CanceledExecutionException;

    /**
     * @param m model
     * @return its warning or null
     */
    String warningMessage(NodeModel m);

    /**
     * @param m model
     * @param message warning to set (null clears)
     */
    void setWarningMessage(NodeModel m, String message);

    /**
     * @param m model
     * @param variables incoming flow variables
     */
    void setInputVariables(NodeModel m, List<FlowVariable> variables);

    /**
     * @param m model
     * @return variables pushed by the model, in push order
     */
    List<FlowVariable> pushedVariables(NodeModel m);

    /** @param m model */
    void clearPushedVariables(NodeModel m);

    /**
     * @param f factory
     * @return number of views
     */
    int nrNodeViews(NodeFactory<?> f);

    /**
     * @param f factory
     * @return whether it has a dialog
     */
    boolean hasDialog(NodeFactory<?> f);

    /**
     * @param f factory
     * @return its dialog
     */
    NodeDialogPane createNodeDialogPane(NodeFactory<?> f);

    /**
     * @param d dialog @param s settings @param specs input specs
     * @throws NotConfigurableException if the dialog cannot open
     */
    void loadDialogSettings(NodeDialogPane d, NodeSettingsRO s, PortObjectSpec[] specs)
        throws NotConfigurableException;
}
