package org.deepcluster.batch.workflow;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A workflow read from a folder and checked: every factory was found, every setting validated, connections point
 * to existing ports of fitting types, and there is no cycle.
 *
 * @param directory the workflow folder
 * @param definition the workflow
 * @param nodes the nodes by id
 * @param executionOrder node ids such that each node comes after the nodes it reads from
 */
public record LoadedWorkflow(Path directory, WorkflowDefinition definition, Map<Integer, LoadedNode> nodes,
    List<Integer> executionOrder) {

    /**
     * @param directory the folder
     * @param definition the workflow
     * @param nodes the nodes
     * @param executionOrder the execution order
     */
    public LoadedWorkflow {
        nodes = Map.copyOf(nodes);
        executionOrder = List.copyOf(executionOrder);
    }

    /**
     * @param id a node id
     * @return the node
     * @throws IllegalArgumentException if there is none
     */
    public LoadedNode node(final int id) {
        LoadedNode n = nodes.get(id);
        if (n == null) {
            throw new IllegalArgumentException("No node #" + id + " in workflow " + definition.name());
        }
        return n;
    }

    /**
     * @param replacement a node definition (same id as an existing node)
     * @return a copy in which that node has the given definition
     */
    public LoadedWorkflow withNode(final NodeDefinition replacement) {
        Map<Integer, LoadedNode> copy = new HashMap<>(nodes);
        LoadedNode old = node(replacement.id());
        copy.put(replacement.id(),
            new LoadedNode(replacement, old.folder(), old.factory(), old.inPorts(), old.outPorts()));
        WorkflowDefinition def = definition.withNodes(
            definition.nodes().stream().map(n -> n.id() == replacement.id() ? replacement : n).toList());
        return new LoadedWorkflow(directory, def, copy, executionOrder);
    }

    /**
     * @param definitionWithOtherVariables the definition with changed workflow variables
     * @return a copy with that definition
     */
    public LoadedWorkflow withDefinition(final WorkflowDefinition definitionWithOtherVariables) {
        return new LoadedWorkflow(directory, definitionWithOtherVariables, nodes, executionOrder);
    }
}
