package org.deepcluster.batch;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.deepcluster.batch.workflow.ConfigTrees;
import org.deepcluster.batch.workflow.LoadedNode;
import org.deepcluster.batch.workflow.LoadedWorkflow;
import org.deepcluster.batch.workflow.NodeDefinition;
import org.deepcluster.standin.NodeHarness;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.config.base.ConfigBase;
import org.knime.core.node.workflow.FlowVariable;

/**
 * Applies {@code -workflow.variable} and {@code -option} to a loaded workflow, as KNIME's batch executor does:
 * variables override the workflow's variables of the same name (unknown names are added with a warning);
 * options write a typed value into a node's {@code model} config (a node id that does not exist is ignored with a
 * warning; a setting path through a config that does not exist, or a value the node rejects, is a load error).
 */
public final class CommandLineOverrides {

    private final PrintStream m_err;

    private final Set<Integer> m_changedNodes = new LinkedHashSet<>();

    /** @param err receives warnings */
    public CommandLineOverrides(final PrintStream err) {
        m_err = err;
    }

    /** @return the ids of the nodes whose settings an option changed */
    public Set<Integer> changedNodes() {
        return Set.copyOf(m_changedNodes);
    }

    /**
     * @param defined the workflow's variables
     * @param given the variables from the command line
     * @return the variables the run uses
     */
    public List<FlowVariable> variables(final List<FlowVariable> defined, final List<FlowVariable> given) {
        Map<String, FlowVariable> byName = new LinkedHashMap<>();
        defined.forEach(v -> byName.put(v.getName(), v));
        List<String> unknown = new ArrayList<>();
        for (FlowVariable v : given) {
            if (!byName.containsKey(v.getName())) {
                unknown.add("\"" + v.getName() + "\"");
            }
            byName.put(v.getName(), v);
        }
        if (!unknown.isEmpty()) {
            m_err.println("WARNING: workflow variable" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                + (unknown.size() > 1 ? " are" : " is") + " potentially unused (not defined in the workflow)");
        }
        return new ArrayList<>(byName.values());
    }

    /**
     * @param workflow the workflow
     * @param options the options, applied in order
     * @return the workflow with changed node settings
     * @throws BatchException exit code 2 for a value that does not parse, 3 for a missing config or settings the
     *             node rejects
     */
    public LoadedWorkflow apply(final LoadedWorkflow workflow, final List<NodeOption> options)
        throws BatchException {
        LoadedWorkflow result = workflow;
        for (NodeOption o : options) {
            if (o.nodeIdPath().length != 1 || !result.nodes().containsKey(o.nodeIdPath()[0])) {
                m_err.println("WARNING: " + o + ": no node with id " + o.nodeId()
                    + " found (ignored, as KNIME does)");
                continue;
            }
            LoadedNode node = result.node(o.nodeIdPath()[0]);
            NodeSettings model = ConfigTrees.copy(node.definition().model());
            String[] path = o.settingPath().split("/");
            ConfigBase parent;
            try {
                parent = ConfigTrees.config(model, List.of(path).subList(0, path.length - 1));
            } catch (InvalidSettingsException e) {
                throw new BatchException(ExitCodes.LOAD_ERROR,
                    o + ": " + node.definition().nameWithId() + ": " + e.getMessage());
            }
            String key = path[path.length - 1];
            if (!parent.containsKey(key)) {
                m_err.println("WARNING: " + o + ": " + node.definition().nameWithId() + " has no setting \""
                    + o.settingPath() + "\"; it is added, but the node may ignore it");
            }
            set(parent, key, o);
            try {
                NodeHarness<NodeModel> harness = NodeHarness.of(node.factory());
                harness.validateSettings(model);
            } catch (InvalidSettingsException | RuntimeException e) {
                throw new BatchException(ExitCodes.LOAD_ERROR,
                    o + ": " + node.definition().nameWithId() + " rejects the settings: " + e.getMessage(), e);
            }
            NodeDefinition changed = node.definition().withModel(model);
            result = result.withNode(changed);
            m_changedNodes.add(changed.id());
        }
        return result;
    }

    private static void set(final ConfigBase parent, final String key, final NodeOption o) throws UsageException {
        String v = o.value();
        try {
            switch (o.type()) {
                case "int" -> parent.addInt(key, Integer.parseInt(v.trim()));
                case "long" -> parent.addLong(key, Long.parseLong(v.trim()));
                case "short" -> parent.addShort(key, Short.parseShort(v.trim()));
                case "byte" -> parent.addByte(key, Byte.parseByte(v.trim()));
                case "boolean" -> parent.addBoolean(key, parseBoolean(v));
                case "char" -> {
                    if (v.isEmpty()) {
                        throw new IllegalArgumentException("a char value needs one character");
                    }
                    parent.addChar(key, v.charAt(0));
                }
                case "float", "double" -> parent.addDouble(key, Double.parseDouble(v.trim())); // KNIME: addDouble
                default -> parent.addString(key, v);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(o + ": \"" + v + "\" is not a valid " + o.type() + " value"
                + (e.getMessage() != null ? " (" + e.getMessage() + ")" : ""));
        }
    }

    private static boolean parseBoolean(final String v) {
        String t = v.trim();
        if (!t.equalsIgnoreCase("true") && !t.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("use true or false");
        }
        return Boolean.parseBoolean(t);
    }
}
