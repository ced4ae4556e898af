package org.deepcluster.batch.workflow;

import static org.deepcluster.batch.workflow.WorkflowKeys.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.deepcluster.batch.workflow.NodeFactories.FactoryNotAvailableException;
import org.deepcluster.standin.NodeHarness;
import org.deepcluster.standin.SettingsXml;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortType;
import org.knime.core.node.workflow.FlowVariable;

/**
 * Reads a KNIME workflow folder (written by KNIME 2.10 to 5.x or by {@link WorkflowWriter}) and checks it the way
 * KNIME's loader would, but strictly: every problem is a {@link WorkflowLoadException} naming the file and the
 * key. Checked: well-formed XMLConfig, required keys and their types, supported load version, node factories on
 * the class path (a missing one is reported with the extension it comes from), node settings accepted by the node
 * model, connections to existing nodes and ports of fitting types, at most one connection per input port, no
 * cycles. Only native nodes at the top level are supported (no metanodes or components).
 */
public final class WorkflowReader {

    private final NodeFactories m_factories;

    private final ClassPathExtensions m_extensions;

    /**
     * @param factories where node factories come from
     * @param extensions the extensions on the class path (for messages about missing nodes)
     */
    public WorkflowReader(final NodeFactories factories, final ClassPathExtensions extensions) {
        m_factories = factories;
        m_extensions = extensions;
    }

    /**
     * @param directory a workflow folder
     * @param warnings receives warnings (e.g. a workflow written by a newer KNIME)
     * @return the checked workflow
     * @throws WorkflowLoadException if it cannot be loaded
     */
    public LoadedWorkflow read(final Path directory, final List<String> warnings) throws WorkflowLoadException {
        Path workflowFile = directory.resolve(WORKFLOW_FILE);
        if (!Files.isDirectory(directory)) {
            throw new WorkflowLoadException(directory, null, "not a directory");
        }
        if (!Files.isRegularFile(workflowFile)) {
            throw new WorkflowLoadException(workflowFile, null, "missing: " + directory + " is not a KNIME workflow");
        }
        SettingsAccess wf = new SettingsAccess(workflowFile, parse(workflowFile), "");
        checkVersion(wf, warnings);
        String author = readAuthor(wf);
        List<FlowVariable> variables = readVariables(wf);
        Map<Integer, LoadedNode> nodes = readNodes(directory, wf);
        List<Connection> connections = readConnections(wf, nodes);
        WorkflowGraph graph = new WorkflowGraph(nodes.keySet(), connections);
        Optional<List<Integer>> order = graph.executionOrder();
        if (order.isEmpty()) {
            throw wf.error(CONNECTIONS_KEY, "the connections form a cycle: " + describeCycle(graph.findCycle(), nodes)
                + "; KNIME workflows must not have cycles");
        }
        WorkflowMetadataXml.Metadata metadata = readMetadata(directory);
        OffsetDateTime created = metadata != null && metadata.created() != null ? metadata.created()
            : readAuthoredWhen(wf);
        WorkflowDefinition definition = new WorkflowDefinition(directory.toAbsolutePath().normalize().getFileName()
            .toString(), metadata == null ? "" : metadata.description(), author, created, variables,
            nodes.values().stream().map(LoadedNode::definition).toList(), connections);
        return new LoadedWorkflow(directory, definition, nodes, order.get());
    }

    private static String describeCycle(final List<Integer> cycle, final Map<Integer, LoadedNode> nodes) {
        StringBuilder sb = new StringBuilder();
        for (int id : cycle) {
            sb.append(nodes.get(id).definition().nameWithId()).append(" -> ");
        }
        return sb.append(nodes.get(cycle.get(0)).definition().nameWithId()).toString();
    }

    private static NodeSettings parse(final Path file) throws WorkflowLoadException {
        try {
            return SettingsXml.load(file);
        } catch (IOException | RuntimeException e) {
            throw new WorkflowLoadException(file, null, "malformed XML (not KNIME's XMLConfig format): "
                + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- workflow.knime header

    private static void checkVersion(final SettingsAccess wf, final List<String> warnings)
        throws WorkflowLoadException {
        if (!wf.has(VERSION_KEY)) {
            throw wf.error(VERSION_KEY, "missing: KNIME would treat the workflow as written by KNIME 0.9");
        }
        String version = wf.string(VERSION_KEY);
        if (!READABLE_LOAD_VERSIONS.contains(version)) {
            throw wf.error(VERSION_KEY, "load version \"" + version + "\" is not supported; this runner reads "
                + String.join(", ", READABLE_LOAD_VERSIONS) + " (KNIME 2.10 to 5.x; KNIME 5.x writes "
                + LOAD_VERSION + ")");
        }
        String createdBy = wf.optionalString(CREATED_BY_KEY);
        if (createdBy != null && isNewerThanKnown(createdBy)) {
            warnings.add(wf.file() + ": written by KNIME " + createdBy + ", newer than KNIME "
                + NEWEST_KNOWN_KNIME[0] + "." + NEWEST_KNOWN_KNIME[1] + ", which this runner imitates");
        }
        if (wf.has(NIGHTLY_KEY) && wf.bool(NIGHTLY_KEY)) {
            warnings.add(wf.file() + ": written by a KNIME nightly build (created_by_nightly=true); KNIME releases "
                + "may refuse to open it");
        }
    }

    private static boolean isNewerThanKnown(final String createdBy) {
        String[] parts = createdBy.split("\\.");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major > NEWEST_KNOWN_KNIME[0] || (major == NEWEST_KNOWN_KNIME[0] && minor > NEWEST_KNOWN_KNIME[1]);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static String readAuthor(final SettingsAccess wf) throws WorkflowLoadException {
        SettingsAccess info = wf.optionalConfig(AUTHOR_INFORMATION_KEY);
        return info == null ? null : info.optionalString("authored-by");
    }

    private static OffsetDateTime readAuthoredWhen(final SettingsAccess wf) throws WorkflowLoadException {
        SettingsAccess info = wf.optionalConfig(AUTHOR_INFORMATION_KEY);
        String when = info == null ? null : info.optionalString("authored-when");
        if (when == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(when, WorkflowFile.AUTHOR_DATE);
        } catch (DateTimeParseException e) {
            throw info.error("authored-when", "not a date of the form yyyy-MM-dd HH:mm:ss Z: \"" + when + "\"");
        }
    }

    private static List<FlowVariable> readVariables(final SettingsAccess wf) throws WorkflowLoadException {
        SettingsAccess vars = wf.optionalConfig(WORKFLOW_VARIABLES_KEY);
        List<FlowVariable> result = new ArrayList<>();
        if (vars != null) {
            for (String key : vars.config().keySet()) {
                SettingsAccess v = vars.config(key);
                try {
                    result.add(FlowVariables.load(v.config()));
                } catch (InvalidSettingsException e) {
                    throw vars.error(key, e.getMessage());
                }
            }
        }
        return result;
    }

    private static WorkflowMetadataXml.Metadata readMetadata(final Path directory) throws WorkflowLoadException {
        Path file = directory.resolve(METADATA_FILE);
        return Files.isRegularFile(file) ? WorkflowMetadataXml.read(file) : null;
    }

    // ---------------------------------------------------------------- nodes

    private Map<Integer, LoadedNode> readNodes(final Path directory, final SettingsAccess wf)
        throws WorkflowLoadException {
        SettingsAccess nodes = wf.config(NODES_KEY);
        Map<Integer, LoadedNode> result = new LinkedHashMap<>();
        Map<Integer, String> keyOfId = new HashMap<>();
        for (String key : nodes.config().keySet()) {
            SettingsAccess n = nodes.config(key);
            int id = n.integer(ID_KEY);
            if (id < 0) {
                throw n.error(ID_KEY, "node ids are not negative (got " + id + ")");
            }
            String before = keyOfId.put(id, n.keyPath(ID_KEY));
            if (before != null) {
                throw n.error(ID_KEY, "node id " + id + " is used twice (also at " + before + ")");
            }
            String type = n.has(NODE_TYPE_KEY) ? n.string(NODE_TYPE_KEY)
                : n.has(NODE_IS_META_KEY) && n.bool(NODE_IS_META_KEY) ? "MetaNode" : NATIVE_NODE;
            if (!NATIVE_NODE.equals(type)) {
                throw n.error(NODE_TYPE_KEY, "node #" + id + " is a " + type
                    + "; this runner executes native nodes only (no metanodes or components)");
            }
            String settingsFile = n.requiredString(NODE_SETTINGS_FILE_KEY);
            Path settingsPath = resolveSettingsFile(directory, settingsFile)
                .orElseThrow(() -> n.error(NODE_SETTINGS_FILE_KEY, "file \"" + settingsFile + "\" not found in "
                    + directory));
            NodeBounds bounds = readBounds(n);
            result.put(id, readNode(id, settingsPath, bounds));
        }
        return result;
    }

    /** KNIME matches node folders case-insensitively when loading; the file must stay inside the workflow. */
    private static Optional<Path> resolveSettingsFile(final Path directory, final String relative) {
        Path base = directory.toAbsolutePath().normalize();
        Path file = base.resolve(relative).normalize();
        if (!file.startsWith(base) || file.getParent() == null || !file.getParent().getParent().equals(base)) {
            return Optional.empty();
        }
        if (Files.isRegularFile(file)) {
            return Optional.of(file);
        }
        String folder = file.getParent().getFileName().toString().toLowerCase(Locale.ROOT);
        try (Stream<Path> children = Files.list(base)) {
            return children.filter(c -> c.getFileName().toString().toLowerCase(Locale.ROOT).equals(folder))
                .map(c -> c.resolve(file.getFileName())).filter(Files::isRegularFile).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static NodeBounds readBounds(final SettingsAccess node) throws WorkflowLoadException {
        SettingsAccess ui = node.optionalConfig(UI_SETTINGS_KEY);
        if (ui == null || !ui.has(BOUNDS_KEY)) {
            return null;
        }
        int[] bounds = ui.intArray(BOUNDS_KEY);
        if (bounds.length != 4) {
            throw ui.error(BOUNDS_KEY, "needs 4 values (x, y, width, height), has " + bounds.length);
        }
        return NodeBounds.of(bounds);
    }

    private LoadedNode readNode(final int id, final Path settingsFile, final NodeBounds bounds)
        throws WorkflowLoadException {
        SettingsAccess s = new SettingsAccess(settingsFile, parse(settingsFile), "");
        String factoryClass = s.requiredString(FACTORY_KEY);
        NodeSettings model = ConfigTrees.copyAs(MODEL_KEY, s.config(MODEL_KEY).config());
        List<VariableBinding> bindings = List.of();
        SettingsAccess variables = s.optionalConfig(VARIABLES_KEY);
        if (variables != null) {
            try {
                bindings = VariableBindings.load(variables.config());
            } catch (InvalidSettingsException e) {
                throw s.error(VARIABLES_KEY, e.getMessage());
            }
        }
        SettingsAccess annotationConfig = s.optionalConfig(NODE_ANNOTATION_KEY);
        String annotation = annotationConfig == null ? null : annotationConfig.optionalString("text");
        String savedNodeName = s.optionalString(NODE_NAME_KEY);
        NodeFactory<NodeModel> factory;
        try {
            factory = m_factories.create(factoryClass);
        } catch (FactoryNotAvailableException e) {
            throw s.error(FACTORY_KEY, missingNodeMessage(s, factoryClass, savedNodeName, e));
        }
        String name = s.optionalString(NAME_KEY);
        if (name == null || name.isBlank()) {
            name = savedNodeName != null ? savedNodeName : factory.getNodeName();
        }
        SettingsAccess factorySettings = s.optionalConfig(FACTORY_SETTINGS_KEY);
        NodeHarness<NodeModel> harness;
        try {
            if (factorySettings != null) {
                factory.loadAdditionalFactorySettings(ConfigTrees.copy(factorySettings.config()));
            }
            harness = NodeHarness.of(factory);
        } catch (InvalidSettingsException e) {
            throw s.error(FACTORY_SETTINGS_KEY, "the factory rejects its settings: " + e.getMessage());
        } catch (RuntimeException e) {
            throw s.error(FACTORY_KEY, "the node model of " + factoryClass + " cannot be created: " + e);
        }
        try {
            harness.validateSettings(model);
        } catch (InvalidSettingsException | RuntimeException e) {
            throw s.error(MODEL_KEY, "node " + name + " (#" + id + ") rejects its settings: " + e.getMessage());
        }
        NodeDefinition definition = new NodeDefinition(id, name, factoryClass, model, bounds, bindings, annotation);
        return new LoadedNode(definition, settingsFile.getParent(), factory, harness.inPortTypes(),
            harness.outPortTypes());
    }

    private String missingNodeMessage(final SettingsAccess s, final String factoryClass, final String nodeName,
        final FactoryNotAvailableException e) throws WorkflowLoadException {
        String node = "node \"" + (nodeName != null ? nodeName : factoryClass) + "\" (folder \""
            + s.file().getParent().getFileName() + "\")";
        if (!e.isClassMissing()) {
            return node + " cannot be created: " + e.getMessage();
        }
        String bundleName = s.optionalString(BUNDLE_NAME_KEY);
        String bundleId = s.optionalString(BUNDLE_SYMBOLIC_NAME_KEY);
        String version = s.optionalString(BUNDLE_VERSION_KEY);
        String featureName = s.optionalString(FEATURE_NAME_KEY);
        StringBuilder sb = new StringBuilder(node).append(" needs the node factory ").append(factoryClass)
            .append(", which is not available: the extension ");
        if (bundleName == null && bundleId == null) {
            sb.append("that provides it is missing (settings.xml does not say which one)");
        } else {
            sb.append('"').append(bundleName != null ? bundleName : bundleId).append('"');
            if (bundleId != null) {
                sb.append(" (").append(bundleId);
                if (version != null && !"0.0.0".equals(version)) {
                    sb.append(' ').append(version);
                }
                sb.append(')');
            }
            if (featureName != null) {
                sb.append(", part of \"").append(featureName).append('"');
            }
            sb.append(" is missing");
        }
        sb.append(". This runner has only the nodes of ")
            .append(m_extensions.bundles().isEmpty() ? "its class path" : String.join(", ", m_extensions.bundles()))
            .append('.');
        return sb.toString();
    }

    // ---------------------------------------------------------------- connections

    private static List<Connection> readConnections(final SettingsAccess wf, final Map<Integer, LoadedNode> nodes)
        throws WorkflowLoadException {
        SettingsAccess connections = wf.config(CONNECTIONS_KEY);
        List<Connection> result = new ArrayList<>();
        Map<String, String> inputTaken = new HashMap<>();
        for (String key : connections.config().keySet()) {
            SettingsAccess c = connections.config(key);
            int sourceId = c.integer(SOURCE_ID_KEY);
            int destId = c.integer(DEST_ID_KEY);
            int sourcePort = c.integer(SOURCE_PORT_KEY);
            int destPort = c.integer(DEST_PORT_KEY);
            LoadedNode source = endPoint(c, SOURCE_ID_KEY, sourceId, nodes);
            LoadedNode dest = endPoint(c, DEST_ID_KEY, destId, nodes);
            checkPort(c, SOURCE_PORT_KEY, sourcePort, source, source.outPorts(), "output");
            checkPort(c, DEST_PORT_KEY, destPort, dest, dest.inPorts(), "input");
            if ((sourcePort == 0) != (destPort == 0)) {
                throw c.error(DEST_PORT_KEY, "connects " + (sourcePort == 0 ? "the flow variable port" : "data port "
                    + sourcePort) + " of " + source.definition().nameWithId() + " to " + (destPort == 0
                        ? "the flow variable port" : "data port " + destPort) + " of "
                    + dest.definition().nameWithId() + "; port 0 is the flow variable port, data ports start at 1");
            }
            Connection connection = new Connection(sourceId, Connection.toDataPort(sourcePort), destId,
                Connection.toDataPort(destPort));
            if (!connection.isFlowVariableConnection()) {
                PortType out = source.outPorts()[connection.sourcePort()];
                PortType in = dest.inPorts()[connection.destPort()];
                if (!in.isSuperTypeOf(out)) {
                    throw c.error(DEST_PORT_KEY, "the port types do not fit: output " + sourcePort + " of "
                        + source.definition().nameWithId() + " is " + out.getName() + ", input " + destPort + " of "
                        + dest.definition().nameWithId() + " takes " + in.getName());
                }
            }
            String before = inputTaken.put(destId + ":" + destPort, c.path());
            if (before != null) {
                throw c.error(DEST_PORT_KEY, "input port " + destPort + " of " + dest.definition().nameWithId()
                    + " already has a connection (" + before
                    + "); an input port takes only one");
            }
            result.add(connection);
        }
        return result;
    }

    private static LoadedNode endPoint(final SettingsAccess c, final String key, final int id,
        final Map<Integer, LoadedNode> nodes) throws WorkflowLoadException {
        if (id == -1) {
            throw c.error(key, "connects to the ports of the enclosing workflow (id -1), which only metanodes and "
                + "components have");
        }
        LoadedNode node = nodes.get(id);
        if (node == null) {
            throw c.error(key, "dangling connection: there is no node #" + id + " (nodes: "
                + nodes.keySet().stream().map(i -> "#" + i).toList() + ")");
        }
        return node;
    }

    private static void checkPort(final SettingsAccess c, final String key, final int port, final LoadedNode node,
        final PortType[] ports, final String direction) throws WorkflowLoadException {
        if (port < 0 || port > ports.length) {
            throw c.error(key, "dangling connection: " + node.definition().nameWithId() + " has no " + direction
                + " port " + port + " (port 0 is its flow variable port, data " + direction + " ports are "
                + (ports.length == 0 ? "none" : ports.length == 1 ? "1" : "1 to " + ports.length) + ")");
        }
    }
}
