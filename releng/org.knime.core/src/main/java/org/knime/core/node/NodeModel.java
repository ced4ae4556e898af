package org.knime.core.node;

import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.workflow.FlowVariable;
import org.knime.core.node.workflow.VariableType;
import org.knime.core.node.workflow.VariableType.DoubleType;
import org.knime.core.node.workflow.VariableType.IntType;
import org.knime.core.node.workflow.VariableType.StringType;

/**
 * The logic of a node: settings, configure (specs in, specs out), execute (data in, data out), internals and reset.
 * The framework (in the stand-in: the harness) calls the protected methods.
 */
public abstract class NodeModel implements AbstractNodeView.ViewableModel {

    private final PortType[] m_inPortTypes;

    private final PortType[] m_outPortTypes;

    private final NodeLogger m_logger;

    private String m_warningMessage;

    /** Flow variables coming into the node, set by the framework before configure/execute. */
    private final Map<String, FlowVariable> m_inputVariables = new LinkedHashMap<>();

    /** Flow variables pushed by this node. */
    private final Map<String, FlowVariable> m_pushedVariables = new LinkedHashMap<>();

    /**
     * A node with table ports only.
     *
     * @param nrInDataPorts number of table inputs
     * @param nrOutDataPorts number of table outputs
     */
    protected NodeModel(final int nrInDataPorts, final int nrOutDataPorts) {
        this(tablePorts(nrInDataPorts), tablePorts(nrOutDataPorts));
    }

    /**
     * @param inPortTypes input port types (no null elements)
     * @param outPortTypes output port types (no null elements)
     */
    protected NodeModel(final PortType[] inPortTypes, final PortType[] outPortTypes) {
        m_inPortTypes = checkPorts(inPortTypes, "in");
        m_outPortTypes = checkPorts(outPortTypes, "out");
        m_logger = NodeLogger.getLogger(getClass());
    }

    private static PortType[] tablePorts(final int n) {
        if (n < 0) {
            throw new IllegalArgumentException("Number of ports must not be negative: " + n);
        }
        PortType[] types = new PortType[n];
        Arrays.fill(types, BufferedDataTable.TYPE);
        return types;
    }

    private static PortType[] checkPorts(final PortType[] types, final String what) {
        Objects.requireNonNull(types, what + "-port types must not be null");
        for (int i = 0; i < types.length; i++) {
            if (types[i] == null) {
                throw new NullPointerException(what + "-port type at index " + i + " must not be null");
            }
        }
        return types.clone();
    }

    /**
     * Loads what {@link #saveInternals} wrote (view content etc.) after a workflow is loaded.
     *
     * @param nodeInternDir the node's "internal" directory
     * @param exec progress and cancellation
     * @throws IOException if reading fails
     * @throws CanceledExecutionException if canceled
     */
    protected abstract void loadInternals(File nodeInternDir, ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    /**
     * @param nodeInternDir the node's "internal" directory
     * @param exec progress and cancellation
     * @throws IOException if writing fails
     * @throws CanceledExecutionException if canceled
     */
    protected abstract void saveInternals(File nodeInternDir, ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    /** @return the number of input ports */
    protected final int getNrInPorts() {
        return m_inPortTypes.length;
    }

    /** @return the number of output ports */
    protected final int getNrOutPorts() {
        return m_outPortTypes.length;
    }

    /**
     * @param index a port index
     * @return its type
     */
    protected final PortType getInPortType(final int index) {
        return m_inPortTypes[index];
    }

    /**
     * @param index a port index
     * @return its type
     */
    protected final PortType getOutPortType(final int index) {
        return m_outPortTypes[index];
    }

    /** @param settings receives the current settings */
    protected abstract void saveSettingsTo(NodeSettingsWO settings);

    /**
     * Checks settings without applying them.
     *
     * @param settings the settings
     * @throws InvalidSettingsException if they are incomplete or invalid
     */
    protected abstract void validateSettings(NodeSettingsRO settings) throws InvalidSettingsException;

    /**
     * @param settings settings that passed {@link #validateSettings}
     * @throws InvalidSettingsException if loading fails nevertheless
     */
    protected abstract void loadValidatedSettingsFrom(NodeSettingsRO settings) throws InvalidSettingsException;

    /**
     * Default: casts the inputs to {@link BufferedDataTable} and calls
     * {@link #execute(BufferedDataTable[], ExecutionContext)}. Override this variant for non-table ports.
     *
     * @param inObjects the inputs (null for unconnected optional ports)
     * @param exec progress, cancellation and table creation
     * @return the outputs
     * @throws Exception if execution fails
     */
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        BufferedDataTable[] tables = new BufferedDataTable[inObjects.length];
        for (int i = 0; i < inObjects.length; i++) {
            if (inObjects[i] != null && !(inObjects[i] instanceof BufferedDataTable)) {
                throw new IOException("Input port " + i + " does not hold a data table. "
                    + "Likely reason: wrong version of NodeModel.execute() overwritten!");
            }
            tables[i] = (BufferedDataTable)inObjects[i];
        }
        return execute(tables, exec);
    }

    /**
     * @param inData the input tables
     * @param exec progress, cancellation and table creation
     * @return the output tables
     * @throws Exception if execution fails
     */
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        throw new IOException("NodeModel.execute() implementation missing!");
    }

    /** Clears everything computed by execute. */
    protected abstract void reset();

    /** Called when the node is removed; the default does nothing. */
    protected void onDispose() {
        // hook
    }

    /**
     * Default: casts the specs to {@link DataTableSpec} and calls {@link #configure(DataTableSpec[])}. Override this
     * variant for non-table ports.
     *
     * @param inSpecs the input specs (null if unknown)
     * @return the output specs (null elements if unknown)
     * @throws InvalidSettingsException if the node cannot be configured
     */
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        DataTableSpec[] specs = new DataTableSpec[inSpecs.length];
        for (int i = 0; i < inSpecs.length; i++) {
            if (inSpecs[i] != null && !(inSpecs[i] instanceof DataTableSpec)) {
                throw new InvalidSettingsException("Input Port " + i + " does not hold data table specs. "
                    + "Likely reason: wrong version of NodeModel.configure() overwritten!");
            }
            specs[i] = (DataTableSpec)inSpecs[i];
        }
        return configure(specs);
    }

    /**
     * @param inSpecs the input specs
     * @return the output specs (null elements if unknown)
     * @throws InvalidSettingsException if the node cannot be configured
     */
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        throw new InvalidSettingsException("NodeModel.configure() implementation missing!");
    }

    /** @param warningMessage the node's warning (null clears it) */
    protected final void setWarningMessage(final String warningMessage) {
        m_warningMessage = warningMessage;
        if (warningMessage != null) {
            m_logger.warn(warningMessage);
        }
    }

    /** @return the node's warning or null */
    protected final String getWarningMessage() {
        return m_warningMessage;
    }

    /**
     * @param name a variable name
     * @return the value of the string variable
     * @throws NoSuchElementException if there is no such string variable
     */
    public final String peekFlowVariableString(final String name) {
        return peekFlowVariable(name, StringType.INSTANCE);
    }

    /**
     * @param name a variable name
     * @return the value of the double variable
     * @throws NoSuchElementException if there is no such double variable
     */
    public final double peekFlowVariableDouble(final String name) {
        return peekFlowVariable(name, DoubleType.INSTANCE);
    }

    /**
     * @param name a variable name
     * @return the value of the int variable
     * @throws NoSuchElementException if there is no such int variable
     */
    public final int peekFlowVariableInt(final String name) {
        return peekFlowVariable(name, IntType.INSTANCE);
    }

    /**
     * Looks up a variable pushed by this node, then the incoming ones.
     *
     * @param <T> the Java type
     * @param name a variable name
     * @param type the type to read it as
     * @return the (converted) value
     * @throws NoSuchElementException if there is no such variable convertible to the type
     */
    public final <T> T peekFlowVariable(final String name, final VariableType<T> type) {
        Objects.requireNonNull(name, "Variable name must not be null.");
        Objects.requireNonNull(type, "Variable type must not be null.");
        for (Map<String, FlowVariable> scope : List.of(m_pushedVariables, m_inputVariables)) {
            FlowVariable v = scope.get(name);
            if (v != null && v.getVariableType().isConvertible(type)) {
                return v.getValue(type);
            }
        }
        throw new NoSuchElementException("No such variable \"" + name + "\" of type " + type);
    }

    /**
     * @param name a variable name
     * @param value its value
     */
    protected final void pushFlowVariableDouble(final String name, final double value) {
        pushFlowVariable(name, DoubleType.INSTANCE, value);
    }

    /**
     * @param name a variable name
     * @param value its value
     */
    protected final void pushFlowVariableInt(final String name, final int value) {
        pushFlowVariable(name, IntType.INSTANCE, value);
    }

    /**
     * @param name a variable name
     * @param value its value
     */
    protected final void pushFlowVariableString(final String name, final String value) {
        pushFlowVariable(name, StringType.INSTANCE, value);
    }

    /**
     * @param <T> the Java type
     * @param name a variable name
     * @param type its type
     * @param value its value, not null
     */
    protected final <T> void pushFlowVariable(final String name, final VariableType<T> type, final T value) {
        Objects.requireNonNull(name, "Variable name must not be null.");
        Objects.requireNonNull(type, "Variable type must not be null.");
        Objects.requireNonNull(value, "Variable value must not be null.");
        m_pushedVariables.remove(name); // re-pushing moves the variable to the top
        m_pushedVariables.put(name, new FlowVariable(name, type, value));
    }

    /**
     * @param types the wanted types
     * @return incoming and pushed variables convertible to one of the types, by name
     */
    public final Map<String, FlowVariable> getAvailableFlowVariables(final VariableType<?>[] types) {
        Map<String, FlowVariable> result = new LinkedHashMap<>();
        for (Map<String, FlowVariable> scope : List.of(m_inputVariables, m_pushedVariables)) {
            for (FlowVariable v : scope.values()) {
                if (Arrays.stream(types).anyMatch(t -> v.getVariableType().isConvertible(t))) {
                    result.putIfAbsent(v.getName(), v);
                }
            }
        }
        return Collections.unmodifiableMap(result);
    }

    /**
     * @param type a wanted type
     * @param otherTypes more wanted types
     * @return incoming and pushed variables convertible to one of the types, by name
     */
    public Map<String, FlowVariable> getAvailableFlowVariables(final VariableType<?> type,
        final VariableType<?>... otherTypes) {
        VariableType<?>[] all = new VariableType<?>[otherTypes.length + 1];
        all[0] = type;
        System.arraycopy(otherTypes, 0, all, 1, otherTypes.length);
        return getAvailableFlowVariables(all);
    }

    /** @return the logger of this node model class */
    protected final NodeLogger getLogger() {
        return m_logger;
    }

    // ---------------------------------------------------------------- framework side (reached via StandinBridge)

    final PortType[] inPortTypes() {
        return m_inPortTypes.clone();
    }

    final PortType[] outPortTypes() {
        return m_outPortTypes.clone();
    }

    final void setInputVariables(final List<FlowVariable> variables) {
        m_inputVariables.clear();
        for (FlowVariable v : variables) {
            m_inputVariables.put(v.getName(), v);
        }
    }

    final List<FlowVariable> pushedVariables() {
        return List.copyOf(m_pushedVariables.values());
    }

    final void clearPushedVariables() {
        m_pushedVariables.clear();
    }
}
