package org.deepcluster.batch.state;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.deepcluster.batch.workflow.FlowVariables;
import org.deepcluster.standin.NodeHarness;
import org.deepcluster.standin.PortObjects;
import org.deepcluster.standin.SettingsXml;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.config.base.ConfigBase;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortType;
import org.knime.core.node.workflow.FlowVariable;

/**
 * The outputs of an executed node, saved next to its settings.xml in {@value #FOLDER}/ so that a later run can
 * reuse them instead of executing the node again.
 *
 * <p>
 * Why a side folder: KNIME saves executed tables in its internal table format, which cannot be written without
 * KNIME. Claiming {@code state=EXECUTED} in settings.xml without that data would make KNIME fail to load the node,
 * so settings.xml keeps saying CONFIGURED and KNIME ignores this folder (and deletes it when it saves the node).
 *
 * <pre>
 * deepcluster-state/
 *   state.xml                 state key (hash of settings, inputs and variables), factory, time, warning,
 *                             the output ports and the flow variables the node pushed (XMLConfig)
 *   port_0/spec.xml, data.csv a table: spec with types and domains, cells as CSV (see {@link TableFile})
 *   port_1/portobject.zip     another port object, in KNIME's port object zip format
 * </pre>
 */
public final class ExecutedState {

    /** The folder in a node folder. */
    public static final String FOLDER = "deepcluster-state";

    /** The state file in the folder. */
    public static final String STATE_FILE = "state.xml";

    /** The port object file in a port folder. */
    public static final String PORT_OBJECT_FILE = "portobject.zip";

    private static final int FORMAT_VERSION = 1;

    /** What a node saved. */
    public record Saved(String stateKey, PortObject[] outputs, List<FlowVariable> pushedVariables, String warning) {
    }

    private ExecutedState() {
    }

    /**
     * Replaces the node's executed state.
     *
     * @param nodeFolder the node folder
     * @param stateKey the key the outputs belong to
     * @param factory the factory class name
     * @param outputs the outputs
     * @param pushedVariables the flow variables the node pushed
     * @param warning the node's warning message (or null)
     * @throws IOException if writing fails
     * @throws UnsupportedDataException if an output cannot be stored (nothing is left behind then)
     */
    public static void save(final Path nodeFolder, final String stateKey, final String factory,
        final PortObject[] outputs, final List<FlowVariable> pushedVariables, final String warning)
        throws IOException, UnsupportedDataException {
        Path tmp = nodeFolder.resolve(FOLDER + ".tmp");
        deleteTree(tmp);
        try {
            Files.createDirectories(tmp);
            NodeSettings s = new NodeSettings(FOLDER);
            s.addInt("format_version", FORMAT_VERSION);
            s.addString("state_key", stateKey);
            s.addString("factory", factory);
            s.addString("executed_at", OffsetDateTime.now().toString());
            s.addString("warning", warning);
            ConfigBase ports = s.addConfigBase("ports");
            for (int p = 0; p < outputs.length; p++) {
                String location = "port_" + p;
                ConfigBase port = ports.addConfigBase(location);
                port.addString("location", location);
                if (outputs[p] instanceof BufferedDataTable table) {
                    port.addString("kind", "table");
                    TableFile.write(table, tmp.resolve(location));
                } else {
                    port.addString("kind", "object");
                    Files.createDirectories(tmp.resolve(location));
                    PortObjects.save(outputs[p], tmp.resolve(location).resolve(PORT_OBJECT_FILE));
                }
            }
            ConfigBase vars = s.addConfigBase("flow_variables");
            int i = 0;
            for (FlowVariable v : pushedVariables) {
                FlowVariables.save(v, vars.addConfigBase("Var_" + i++));
            }
            SettingsXml.save(s, tmp.resolve(STATE_FILE));
            Path target = nodeFolder.resolve(FOLDER);
            deleteTree(target);
            Files.move(tmp, target);
        } catch (IOException | UnsupportedDataException | RuntimeException e) {
            deleteTree(tmp);
            throw e;
        }
    }

    /**
     * @param nodeFolder a node folder
     * @return the state key of its saved outputs, if there are any
     */
    public static Optional<String> savedKey(final Path nodeFolder) {
        Path file = nodeFolder.resolve(FOLDER).resolve(STATE_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(SettingsXml.load(file).getString("state_key"));
        } catch (IOException | InvalidSettingsException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Loads the saved outputs. Tables are rebuilt through a node model executed by the harness (see
     * {@link ReplayNodeModel}), so they are checked like any node output.
     *
     * @param nodeFolder the node folder
     * @param outTypes the node's output port types
     * @return what was saved
     * @throws IOException if the state is incomplete, unreadable or does not fit the ports
     */
    public static Saved load(final Path nodeFolder, final PortType[] outTypes) throws IOException {
        Path folder = nodeFolder.resolve(FOLDER);
        try {
            NodeSettings s = SettingsXml.load(folder.resolve(STATE_FILE));
            if (s.getInt("format_version") != FORMAT_VERSION) {
                throw new IOException("unknown format version " + s.getInt("format_version"));
            }
            ConfigBase ports = s.getConfigBase("ports");
            if (ports.keySet().size() != outTypes.length) {
                throw new IOException("saved " + ports.keySet().size() + " outputs, the node has " + outTypes.length);
            }
            ReplayNodeModel.Output[] outputs = new ReplayNodeModel.Output[outTypes.length];
            for (int p = 0; p < outTypes.length; p++) {
                ConfigBase port = ports.getConfigBase("port_" + p);
                Path location = folder.resolve(port.getString("location")).normalize();
                if (!location.startsWith(folder)) {
                    throw new IOException("port location outside " + folder);
                }
                outputs[p] = "table".equals(port.getString("kind"))
                    ? new ReplayNodeModel.Output(TableFile.read(location), null)
                    : new ReplayNodeModel.Output(null, PortObjects.load(location.resolve(PORT_OBJECT_FILE)));
            }
            PortObject[] restored = NodeHarness.forModel(new ReplayNodeModel(outTypes, outputs)).execute();
            List<FlowVariable> vars = new ArrayList<>();
            ConfigBase varConfig = s.getConfigBase("flow_variables");
            for (String key : varConfig.keySet()) {
                vars.add(FlowVariables.load(varConfig.getConfigBase(key)));
            }
            return new Saved(s.getString("state_key"), restored, vars, s.getString("warning"));
        } catch (IOException e) {
            throw e;
        } catch (Exception e) { // NOSONAR: settings, data and harness errors all mean "cannot reuse"
            throw new IOException(folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param nodeFolder a node folder
     * @throws IOException if deleting fails
     */
    public static void delete(final Path nodeFolder) throws IOException {
        deleteTree(nodeFolder.resolve(FOLDER));
    }

    /**
     * Deletes a folder tree without following symbolic links.
     *
     * @param root the folder (nothing happens if it does not exist)
     * @throws IOException if deleting fails
     */
    public static void deleteTree(final Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(final Path file, final BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(final Path dir, final IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
