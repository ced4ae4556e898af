package org.deepcluster.standin;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.deepcluster.standin.internal.Bridges;
import org.deepcluster.standin.internal.NodeBridge;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeLogger;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.workflow.FlowVariable;
import org.knime.core.node.workflow.NodeProgress;

/**
 * Runs one node model the way KNIME's framework does, for tests and the headless workflow runner: settings are
 * validated before they are loaded, {@code configure} runs before {@code execute}, the model is reset before it is
 * executed again, inputs and outputs are checked against the port types, and the output specs of execute are
 * compared with those of configure. Protected NodeModel members are reached through the stand-in's package
 * bridge ({@link Bridges}), not through reflection.
 *
 * <pre>
 * NodeHarness&lt;MyNodeModel&gt; h = NodeHarness.of(new MyNodeFactory());
 * h.editSettings(s -&gt; s.addInt("k", 3));                  // validate + load, like the dialog's OK
 * BufferedDataTable in = Tables.builder().column("x", DoubleCell.TYPE).row(1.0).row(2.0).build();
 * PortObjectSpec[] specs = h.configure(in.getDataTableSpec());
 * BufferedDataTable out = (BufferedDataTable)h.execute(in)[0];
 * h.warningMessage(); h.pushedFlowVariables(); h.progressEvents();
 * h.cancelWhen(p -&gt; p.hasProgress() &amp;&amp; p.getProgress() &gt;= 0.5);  // then execute throws
 *                                                               // CanceledExecutionException
 * </pre>
 *
 * @param <M> the model class
 */
public final class NodeHarness<M extends NodeModel> {

    private static final NodeLogger LOGGER = NodeLogger.getLogger(NodeHarness.class);

    private final NodeFactory<M> m_factory;

    private final M m_model;

    private final NodeBridge m_bridge = Bridges.node();

    private final List<NodeProgress> m_progress = new CopyOnWriteArrayList<>();

    private final List<Predicate<NodeProgress>> m_cancelConditions = new CopyOnWriteArrayList<>();

    private volatile DefaultNodeProgressMonitor m_monitor;

    private List<FlowVariable> m_inputVariables = List.of();

    private PortObjectSpec[] m_configuredSpecs;

    private boolean m_executed;

    private boolean m_strictSpecs = true;

    private NodeHarness(final NodeFactory<M> factory, final M model) {
        m_factory = factory;
        m_model = Objects.requireNonNull(model, "Node model must not be null");
    }

    /**
     * @param <M> the model class
     * @param factory a factory
     * @return a harness around a new model of the factory
     */
    public static <M extends NodeModel> NodeHarness<M> of(final NodeFactory<M> factory) {
        return new NodeHarness<>(factory, factory.createNodeModel());
    }

    /**
     * Instantiates the factory with its public no-arg constructor, as KNIME does from plugin.xml.
     *
     * @param <M> the model class
     * @param factoryClass a factory class
     * @return a harness around a new model of a new factory
     */
    public static <M extends NodeModel> NodeHarness<M> of(final Class<? extends NodeFactory<M>> factoryClass) {
        try {
            return of(factoryClass.getConstructor().newInstance());
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Factory constructor failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                factoryClass.getName() + " needs a public no-arg constructor (KNIME instantiates it reflectively)", e);
        }
    }

    /**
     * @param <M> the model class
     * @param model a model created elsewhere
     * @return a harness without factory
     */
    public static <M extends NodeModel> NodeHarness<M> forModel(final M model) {
        return new NodeHarness<>(null, model);
    }

    /** @return the model */
    public M model() {
        return m_model;
    }

    /**
     * @return the factory (null if created with {@link #forModel})
     */
    public NodeFactory<M> factory() {
        return m_factory;
    }

    /** @return the input port types */
    public PortType[] inPortTypes() {
        return m_bridge.inPortTypes(m_model);
    }

    /** @return the output port types */
    public PortType[] outPortTypes() {
        return m_bridge.outPortTypes(m_model);
    }

    /**
     * @param strict whether a mismatch between the table specs of configure and execute fails execute (default);
     *            KNIME only logs it as a coding problem
     * @return this
     */
    public NodeHarness<M> strictSpecs(final boolean strict) {
        m_strictSpecs = strict;
        return this;
    }

    // ---------------------------------------------------------------- settings

    /** @return the model's current settings (a config keyed "model", like in settings.xml) */
    public NodeSettings saveSettings() {
        NodeSettings s = new NodeSettings("model");
        m_bridge.saveSettingsTo(m_model, s);
        return s;
    }

    /**
     * @param settings settings to check
     * @throws InvalidSettingsException if the model rejects them
     */
    public void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_bridge.validateSettings(m_model, settings);
    }

    /**
     * Validates and then loads the settings, as KNIME does when a dialog is applied or a workflow is loaded; the
     * node is reset.
     *
     * @param settings the settings
     * @throws InvalidSettingsException if the model rejects them
     */
    public void loadSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_bridge.validateSettings(m_model, settings);
        m_bridge.loadValidatedSettingsFrom(m_model, settings);
        resetIfExecuted();
    }

    /** Changes settings in place. */
    @FunctionalInterface
    public interface SettingsEditor {
        /**
         * @param settings the current settings, to be changed
         * @throws InvalidSettingsException if reading them fails
         */
        void edit(NodeSettings settings) throws InvalidSettingsException;
    }

    /**
     * Saves the current settings, lets the editor change them and loads them back (validated).
     *
     * @param editor changes the settings
     * @return this
     * @throws InvalidSettingsException if the model rejects the changed settings
     */
    public NodeHarness<M> editSettings(final SettingsEditor editor) throws InvalidSettingsException {
        NodeSettings s = saveSettings();
        editor.edit(s);
        loadSettings(s);
        return this;
    }

    /**
     * Writes the settings to settings.xml text, loads that into a fresh model of the factory, saves them again and
     * checks both are identical: what survives a workflow save and reload.
     *
     * @return the settings as re-read from XML
     * @throws InvalidSettingsException if the fresh model rejects them
     * @throws IOException if the XML does not parse
     * @throws IllegalStateException if the settings changed on the way
     */
    public NodeSettings settingsRoundTrip() throws InvalidSettingsException, IOException {
        NodeSettings saved = saveSettings();
        NodeSettings reread = SettingsXml.fromXml(SettingsXml.toXml(saved));
        M fresh = m_factory != null ? m_factory.createNodeModel() : m_model;
        m_bridge.validateSettings(fresh, reread);
        m_bridge.loadValidatedSettingsFrom(fresh, reread);
        NodeSettings again = new NodeSettings("model");
        m_bridge.saveSettingsTo(fresh, again);
        if (!again.isIdentical(saved)) {
            throw new IllegalStateException("Settings changed in a save/load round trip.\nbefore:\n"
                + SettingsXml.toXml(saved) + "\nafter:\n" + SettingsXml.toXml(again));
        }
        return reread;
    }

    // ---------------------------------------------------------------- flow variables

    /**
     * @param variables flow variables the node sees as incoming
     * @return this
     */
    public NodeHarness<M> withFlowVariables(final FlowVariable... variables) {
        m_inputVariables = List.of(variables);
        return this;
    }

    /** @return the variables the model pushed in the last configure/execute, in push order */
    public List<FlowVariable> pushedFlowVariables() {
        return m_bridge.pushedVariables(m_model);
    }

    /**
     * @param name a variable name
     * @return the variable the model pushed under that name
     */
    public Optional<FlowVariable> pushedFlowVariable(final String name) {
        return pushedFlowVariables().stream().filter(v -> v.getName().equals(name)).findFirst();
    }

    // ---------------------------------------------------------------- configure / execute

    /**
     * Configures the model. Input specs must fit the port types (null for unknown or unconnected optional ports).
     *
     * @param inSpecs the input specs
     * @return the output specs (elements may be null: unknown)
     * @throws InvalidSettingsException if the model cannot be configured
     */
    public PortObjectSpec[] configure(final PortObjectSpec... inSpecs) throws InvalidSettingsException {
        PortType[] inTypes = inPortTypes();
        checkCount("input specs", inSpecs.length, inTypes.length);
        for (int i = 0; i < inSpecs.length; i++) {
            if (!inTypes[i].acceptsPortObjectSpec(inSpecs[i])) {
                throw new IllegalArgumentException("Input spec " + i + " (" + inSpecs[i].getClass().getName()
                    + ") does not fit port type " + inTypes[i]);
            }
        }
        m_bridge.setWarningMessage(m_model, null);
        m_bridge.clearPushedVariables(m_model);
        m_bridge.setInputVariables(m_model, m_inputVariables);
        PortObjectSpec[] out = m_bridge.configure(m_model, inSpecs.clone());
        PortType[] outTypes = outPortTypes();
        if (out == null) {
            throw new IllegalStateException("configure() returned null instead of an array");
        }
        checkCount("output specs returned by configure()", out.length, outTypes.length);
        for (int i = 0; i < out.length; i++) {
            if (!outTypes[i].acceptsPortObjectSpec(out[i])) {
                throw new IllegalStateException("configure() returned a " + out[i].getClass().getName()
                    + " at output " + i + ", which does not fit port type " + outTypes[i]);
            }
        }
        m_configuredSpecs = out.clone();
        return out;
    }

    /**
     * Configures with the inputs' specs and executes, with a fresh progress monitor (see {@link #progressEvents()}
     * and the cancel methods). A model that was executed before is reset first, as in KNIME.
     *
     * @param inputs the inputs (null for unconnected optional ports)
     * @return the outputs, checked against the output port types
     * @throws CanceledExecutionException if the execution was canceled
     * @throws Exception whatever configure or execute throws
     */
    public PortObject[] execute(final PortObject... inputs) throws Exception {
        PortType[] inTypes = inPortTypes();
        checkCount("inputs", inputs.length, inTypes.length);
        PortObjectSpec[] specs = new PortObjectSpec[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i] == null && !inTypes[i].isOptional()) {
                throw new IllegalArgumentException("Input " + i + " is not optional but null");
            }
            if (inputs[i] != null && !inTypes[i].acceptsPortObject(inputs[i])) {
                throw new IllegalArgumentException("Input " + i + " (" + inputs[i].getClass().getName()
                    + ") does not fit port type " + inTypes[i]);
            }
            specs[i] = inputs[i] == null ? null : inputs[i].getSpec();
        }
        resetIfExecuted();
        PortObjectSpec[] configured = configure(specs);
        m_progress.clear();
        DefaultNodeProgressMonitor monitor = new DefaultNodeProgressMonitor(e -> onProgress(e.getNodeProgress()));
        m_monitor = monitor;
        ExecutionContext exec = m_bridge.createExecutionContext(monitor);
        PortObject[] out;
        try {
            out = m_bridge.execute(m_model, inputs.clone(), exec);
        } finally {
            m_executed = true;
        }
        checkOutputs(out, configured);
        return out;
    }

    /**
     * Executes a node whose outputs are all tables.
     *
     * @param inputs the inputs
     * @return the output tables
     * @throws Exception whatever {@link #execute(PortObject...)} throws
     */
    public BufferedDataTable[] executeTables(final PortObject... inputs) throws Exception {
        PortObject[] out = execute(inputs);
        return Arrays.stream(out).map(BufferedDataTable.class::cast).toArray(BufferedDataTable[]::new);
    }

    private void checkOutputs(final PortObject[] out, final PortObjectSpec[] configured) {
        PortType[] outTypes = outPortTypes();
        if (out == null) {
            throw new IllegalStateException("execute() returned null instead of an array");
        }
        checkCount("outputs returned by execute()", out.length, outTypes.length);
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null) {
                throw new IllegalStateException("Output at port " + i + " is null");
            }
            if (!outTypes[i].acceptsPortObject(out[i])) {
                throw new IllegalStateException("Output " + i + " is a " + out[i].getClass().getName()
                    + ", which does not fit port type " + outTypes[i]);
            }
            if (configured[i] instanceof DataTableSpec c && out[i].getSpec() instanceof DataTableSpec actual
                && !c.equalStructure(actual)) {
                String msg = "DataSpec generated by configure does not match spec after execution at port " + i
                    + ": configure " + c + " vs. execute " + actual;
                if (m_strictSpecs) {
                    throw new IllegalStateException(msg);
                }
                LOGGER.coding(msg);
            }
        }
    }

    private static void checkCount(final String what, final int actual, final int expected) {
        if (actual != expected) {
            throw new IllegalArgumentException("Expected " + expected + " " + what + ", got " + actual);
        }
    }

    private void resetIfExecuted() {
        if (m_executed) {
            reset();
        }
    }

    /** Resets the model (as KNIME does before re-execution or after settings changed). */
    public void reset() {
        m_bridge.reset(m_model);
        m_bridge.setWarningMessage(m_model, null);
        m_bridge.clearPushedVariables(m_model);
        m_executed = false;
    }

    /** @return the specs returned by the last configure, or null */
    public PortObjectSpec[] configuredSpecs() {
        return m_configuredSpecs == null ? null : m_configuredSpecs.clone();
    }

    /** @return the model's warning message (null if none) */
    public String warningMessage() {
        return m_bridge.warningMessage(m_model);
    }

    // ---------------------------------------------------------------- progress and cancellation

    private void onProgress(final NodeProgress p) {
        m_progress.add(p);
        for (Predicate<NodeProgress> c : m_cancelConditions) {
            if (c.test(p)) {
                cancel();
            }
        }
    }

    /** @return the progress updates of the last execution, in order */
    public List<NodeProgress> progressEvents() {
        return new ArrayList<>(m_progress);
    }

    /** Cancels the running execution (its next {@code checkCanceled()} throws). Safe from other threads. */
    public void cancel() {
        DefaultNodeProgressMonitor m = m_monitor;
        if (m != null) {
            m.setExecuteCanceled();
        }
    }

    /**
     * @param condition evaluated on every progress update of later executions; when true, the execution is
     *            canceled
     * @return this
     */
    public NodeHarness<M> cancelWhen(final Predicate<NodeProgress> condition) {
        m_cancelConditions.add(condition);
        return this;
    }

    /** @return the progress monitor of the last (or running) execution, or null */
    public DefaultNodeProgressMonitor progressMonitor() {
        return m_monitor;
    }

    // ---------------------------------------------------------------- internals, dialog, dispose

    /**
     * @param dir the node's "internal" directory (created if missing)
     * @throws IOException if writing fails
     * @throws CanceledExecutionException if canceled
     */
    public void saveInternals(final Path dir) throws IOException, CanceledExecutionException {
        Files.createDirectories(dir);
        m_bridge.saveInternals(m_model, dir.toFile(), new ExecutionMonitor());
    }

    /**
     * @param dir the node's "internal" directory
     * @throws IOException if reading fails
     * @throws CanceledExecutionException if canceled
     */
    public void loadInternals(final Path dir) throws IOException, CanceledExecutionException {
        File f = dir.toFile();
        m_bridge.loadInternals(m_model, f, new ExecutionMonitor());
    }

    /** @return whether the factory says the node has a dialog */
    public boolean hasDialog() {
        return m_factory != null && m_bridge.hasDialog(m_factory);
    }

    /** @return the factory's number of views */
    public int nrNodeViews() {
        return m_factory == null ? 0 : m_bridge.nrNodeViews(m_factory);
    }

    /** @return a new dialog of the factory */
    public NodeDialogPane createDialog() {
        if (m_factory == null) {
            throw new IllegalStateException("No factory");
        }
        return m_bridge.createNodeDialogPane(m_factory);
    }

    /**
     * Opens a new dialog on the model's current settings, presses OK without changes and checks that the model
     * accepts what the dialog saved.
     *
     * @param specs the input specs the dialog sees
     * @return the settings the dialog saved
     * @throws NotConfigurableException if the dialog cannot be opened for these specs
     * @throws InvalidSettingsException if the dialog or the model rejects the settings
     */
    public NodeSettings dialogRoundTrip(final PortObjectSpec... specs)
        throws NotConfigurableException, InvalidSettingsException {
        NodeDialogPane dialog = createDialog();
        m_bridge.loadDialogSettings(dialog, saveSettings(), specs);
        NodeSettings fromDialog = new NodeSettings("model");
        dialog.finishEditingAndSaveSettingsTo(fromDialog);
        validateSettings(fromDialog);
        return fromDialog;
    }

    /** Disposes the model (as when the node is deleted). */
    public void dispose() {
        m_bridge.onDispose(m_model);
    }
}
