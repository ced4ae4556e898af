package org.deepcluster.batch.workflow;

import static org.deepcluster.batch.workflow.WorkflowKeys.*;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.knime.core.node.NodeSettings;
import org.knime.core.node.config.base.ConfigBase;
import org.knime.core.node.workflow.FlowVariable;

/**
 * The content of {@code workflow.knime}, with the keys in the order KNIME 5.x's {@code FileWorkflowPersistor}
 * writes them: header (created_by, created_by_nightly, version), name, authorInformation, customDescription, state,
 * workflow_variables, workflow_credentials, nodes, connections, workflow_editor_settings.
 */
public final class WorkflowFile {

    /** KNIME's date format for authorInformation ({@code FileWorkflowPersistor.formatDate}). */
    public static final DateTimeFormatter AUTHOR_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z");

    private WorkflowFile() {
    }

    /**
     * @param workflow the workflow
     * @param nodeFolders the folder name of each node id
     * @param nodeStates the state of each node id (CONFIGURED or IDLE)
     * @param author the author (never null)
     * @param created the creation time (never null)
     * @return the workflow.knime content
     */
    public static NodeSettings create(final WorkflowDefinition workflow, final Map<Integer, String> nodeFolders,
        final Map<Integer, String> nodeStates, final String author, final OffsetDateTime created) {
        NodeSettings s = new NodeSettings(WORKFLOW_FILE);
        s.addString(CREATED_BY_KEY, CREATED_BY);
        s.addBoolean(NIGHTLY_KEY, false);
        s.addString(VERSION_KEY, LOAD_VERSION);
        s.addString(NAME_KEY, null); // a workflow project is named by its folder
        ConfigBase authorInfo = (ConfigBase)s.addNodeSettings(AUTHOR_INFORMATION_KEY);
        authorInfo.addString("authored-by", author);
        authorInfo.addString("authored-when", AUTHOR_DATE.format(created));
        authorInfo.addString("lastEdited-by", author);
        authorInfo.addString("lastEdited-when", AUTHOR_DATE.format(created));
        s.addString(CUSTOM_DESCRIPTION_KEY, null);
        s.addString(STATE_KEY, nodeStates.containsValue(IDLE) ? IDLE : CONFIGURED);
        saveVariables(workflow.variables(), s);
        s.addNodeSettings(CREDENTIALS_KEY);
        ConfigBase nodes = (ConfigBase)s.addNodeSettings(NODES_KEY);
        for (NodeDefinition n : workflow.nodes()) {
            ConfigBase node = nodes.addConfigBase("node_" + n.id());
            node.addInt(ID_KEY, n.id());
            node.addString(NODE_SETTINGS_FILE_KEY, nodeFolders.get(n.id()) + "/" + SETTINGS_FILE);
            node.addBoolean(NODE_IS_META_KEY, false);
            node.addString(NODE_TYPE_KEY, NATIVE_NODE);
            node.addString(UI_CLASSNAME_KEY, NODE_UI_INFORMATION_CLASS);
            NodeBounds bounds = n.bounds() == null ? NodeBounds.at(0, 0) : n.bounds();
            node.addConfigBase(UI_SETTINGS_KEY).addIntArray(BOUNDS_KEY, bounds.toArray());
        }
        ConfigBase connections = (ConfigBase)s.addNodeSettings(CONNECTIONS_KEY);
        int i = 0;
        for (Connection c : workflow.connections()) {
            ConfigBase cc = connections.addConfigBase("connection_" + i++);
            cc.addInt(SOURCE_ID_KEY, c.sourceId());
            cc.addInt(DEST_ID_KEY, c.destId());
            cc.addInt(SOURCE_PORT_KEY, Connection.toFilePort(c.sourcePort()));
            cc.addInt(DEST_PORT_KEY, Connection.toFilePort(c.destPort()));
        }
        ConfigBase editor = (ConfigBase)s.addNodeSettings(EDITOR_SETTINGS_KEY);
        editor.addBoolean("workflow.editor.snapToGrid", false);
        editor.addBoolean("workflow.editor.ShowGrid", false);
        editor.addInt("workflow.editor.gridX", -1);
        editor.addInt("workflow.editor.gridY", -1);
        editor.addDouble("workflow.editor.zoomLevel", 1.0);
        editor.addBoolean("workflow.editor.curvedConnections", false);
        editor.addInt("workflow.editor.connectionWidth", 1);
        return s;
    }

    private static void saveVariables(final List<FlowVariable> variables, final NodeSettings target) {
        if (!variables.isEmpty()) { // KNIME writes the config only if there are variables
            ConfigBase vars = (ConfigBase)target.addNodeSettings(WORKFLOW_VARIABLES_KEY);
            int i = 0;
            for (FlowVariable v : variables) {
                FlowVariables.save(v, vars.addConfigBase("Var_" + i++));
            }
        }
    }

    /**
     * Replaces the workflow variables of a workflow.knime (what KNIME saves after {@code -workflow.variable}),
     * keeping all other entries; the config is placed where KNIME writes it (before workflow_credentials).
     *
     * @param workflowKnime the workflow.knime content
     * @param variables the workflow variables
     * @return the updated content
     */
    public static NodeSettings withVariables(final NodeSettings workflowKnime, final List<FlowVariable> variables) {
        NodeSettings result = new NodeSettings(workflowKnime.getKey());
        boolean written = false;
        for (String key : workflowKnime.keySet()) {
            if (key.equals(WORKFLOW_VARIABLES_KEY)) {
                continue;
            }
            if (!written && (key.equals(CREDENTIALS_KEY) || key.equals(NODES_KEY))) {
                saveVariables(variables, result);
                written = true;
            }
            ConfigTrees.putCopy(result, workflowKnime.getEntry(key));
        }
        if (!written) {
            saveVariables(variables, result);
        }
        return result;
    }
}
