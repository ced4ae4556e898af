package org.deepcluster.batch.workflow;

import static org.deepcluster.batch.workflow.WorkflowKeys.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.deepcluster.batch.workflow.NodeFactories.FactoryNotAvailableException;
import org.deepcluster.standin.NodeHarness;
import org.deepcluster.standin.SettingsXml;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortType;

/**
 * Writes a {@link WorkflowDefinition} as a KNIME 5.x workflow folder: {@code workflow.knime},
 * {@code workflow-metadata.xml} and one folder per node with its {@code settings.xml}, in KNIME's XMLConfig format
 * and with the keys KNIME writes (see {@link WorkflowFile} and {@link NodeSettingsFile}). Each node's model
 * settings are completed with the node's defaults and validated by the node model itself
 * ({@link ModelSettings}); nodes without position are laid out ({@link NodeLayout}).
 */
public final class WorkflowWriter {

    private final NodeFactories m_factories;

    /** @param factories where node factories come from */
    public WorkflowWriter(final NodeFactories factories) {
        m_factories = factories;
    }

    /** A workflow that cannot be written (unknown factory, invalid settings, bad connection). */
    public static final class InvalidWorkflowException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidWorkflowException(final String message, final Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * @param workflow the workflow
     * @param directory the workflow folder to write (created if missing; existing files are overwritten)
     * @return the workflow as written: complete model settings, positions
     * @throws IOException if writing fails
     * @throws InvalidWorkflowException if a node factory is missing, settings are invalid or connections are wrong
     */
    public WorkflowDefinition write(final WorkflowDefinition workflow, final Path directory)
        throws IOException, InvalidWorkflowException {
        checkConnections(workflow);
        WorkflowDefinition laidOut = NodeLayout.layout(workflow);
        Files.createDirectories(directory);
        Map<Integer, String> folders = new LinkedHashMap<>();
        Map<Integer, String> states = new HashMap<>();
        List<NodeDefinition> written = new ArrayList<>();
        for (NodeDefinition node : laidOut.nodes()) {
            NodeFactory<NodeModel> factory = factory(node);
            NodeSettings model;
            try {
                model = ModelSettings.complete(factory, node.model());
            } catch (InvalidSettingsException e) {
                throw new InvalidWorkflowException(node.nameWithId() + ": invalid settings: " + e.getMessage(), e);
            }
            for (VariableBinding b : node.variableBindings()) {
                if (ConfigTrees.find(model, b.settingPath()) == null) {
                    throw new InvalidWorkflowException(node.nameWithId() + ": flow variable binding of unknown setting \""
                        + b.path() + "\" (the node's settings are: " + ModelSettings.describe(model) + ")", null);
                }
            }
            NodeHarness<NodeModel> harness = NodeHarness.of(factory);
            PortType[] in = harness.inPortTypes();
            PortType[] out = harness.outPortTypes();
            checkPorts(workflow, node, in.length, out.length);
            String state = allInputsConnected(workflow, node.id(), in) ? CONFIGURED : IDLE;
            NodeSettings factorySettings = new NodeSettings(FACTORY_SETTINGS_KEY);
            factory.saveAdditionalFactorySettings(factorySettings);
            String folder = NodeFolderName.of(node.name(), node.id());
            Path nodeDir = directory.resolve(folder);
            Files.createDirectories(nodeDir);
            Optional<BundleInfo> bundle = BundleInfo.of(factory.getClass());
            SettingsXml.save(NodeSettingsFile.create(node, model, factory.getNodeName(), bundle, factorySettings,
                out.length, state), nodeDir.resolve(SETTINGS_FILE));
            folders.put(node.id(), folder);
            states.put(node.id(), state);
            written.add(node.withModel(model));
        }
        OffsetDateTime created =
            laidOut.created() != null ? laidOut.created() : OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        String author = laidOut.author() != null ? laidOut.author() : System.getProperty("user.name", "unknown");
        SettingsXml.save(WorkflowFile.create(laidOut, folders, states, author, created),
            directory.resolve(WORKFLOW_FILE));
        WorkflowMetadataXml.write(
            new WorkflowMetadataXml.Metadata(author, created, created, laidOut.description()),
            directory.resolve(METADATA_FILE));
        return new WorkflowDefinition(laidOut.name(), laidOut.description(), author, created, laidOut.variables(),
            written, laidOut.connections());
    }

    private NodeFactory<NodeModel> factory(final NodeDefinition node) throws InvalidWorkflowException {
        try {
            return m_factories.create(node.factoryClass());
        } catch (FactoryNotAvailableException e) {
            throw new InvalidWorkflowException(node.nameWithId() + ": " + e.getMessage(), e);
        }
    }

    private static void checkConnections(final WorkflowDefinition workflow) throws InvalidWorkflowException {
        Map<String, Connection> intoPort = new HashMap<>();
        for (Connection c : workflow.connections()) {
            if (workflow.node(c.sourceId()).isEmpty() || workflow.node(c.destId()).isEmpty()) {
                throw new InvalidWorkflowException("connection " + c + " refers to a node that does not exist", null);
            }
            if ((c.sourcePort() == Connection.FLOW_VARIABLE_PORT) != (c.destPort() == Connection.FLOW_VARIABLE_PORT)) {
                throw new InvalidWorkflowException(
                    "connection " + c + " connects a flow variable port with a data port", null);
            }
            Connection before = intoPort.put(c.destId() + ":" + c.destPort(), c);
            if (before != null) {
                throw new InvalidWorkflowException(
                    "connections " + before + " and " + c + " go into the same input port", null);
            }
        }
        List<Integer> cycle = new WorkflowGraph(workflow.nodes().stream().map(NodeDefinition::id).toList(),
            workflow.connections()).findCycle();
        if (!cycle.isEmpty()) {
            throw new InvalidWorkflowException("the connections form a cycle through nodes " + cycle, null);
        }
    }

    private static void checkPorts(final WorkflowDefinition workflow, final NodeDefinition node, final int inPorts,
        final int outPorts) throws InvalidWorkflowException {
        for (Connection c : workflow.connections()) {
            if (c.sourceId() == node.id() && c.sourcePort() >= outPorts) {
                throw new InvalidWorkflowException("connection " + c + ": " + node.nameWithId() + " has only "
                    + outPorts + " output port(s) (data ports count from 0)", null);
            }
            if (c.destId() == node.id() && c.destPort() >= inPorts) {
                throw new InvalidWorkflowException("connection " + c + ": " + node.nameWithId() + " has only "
                    + inPorts + " input port(s) (data ports count from 0)", null);
            }
        }
    }

    private static boolean allInputsConnected(final WorkflowDefinition workflow, final int id, final PortType[] in) {
        for (int p = 0; p < in.length; p++) {
            final int port = p;
            if (!in[p].isOptional()
                && workflow.connections().stream().noneMatch(c -> c.destId() == id && c.destPort() == port)) {
                return false;
            }
        }
        return true;
    }
}
