package org.deepcluster.batch.workflow;

import java.nio.file.Path;

import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.port.PortType;

/**
 * A node of a workflow read from disk: its definition plus what the runner needs to execute it.
 *
 * @param definition the node as in the files
 * @param folder the node folder (holds settings.xml)
 * @param factory a factory instance (creates the node model)
 * @param inPorts the data input port types
 * @param outPorts the data output port types
 */
public record LoadedNode(NodeDefinition definition, Path folder, NodeFactory<NodeModel> factory, PortType[] inPorts,
    PortType[] outPorts) {

    /** @return the node id */
    public int id() {
        return definition.id();
    }

    /** @return the settings.xml file */
    public Path settingsFile() {
        return folder.resolve(WorkflowKeys.SETTINGS_FILE);
    }
}
