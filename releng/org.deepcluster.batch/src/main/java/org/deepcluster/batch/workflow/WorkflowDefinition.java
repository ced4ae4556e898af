package org.deepcluster.batch.workflow;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.knime.core.node.workflow.FlowVariable;

/**
 * A KNIME workflow in memory: the nodes, the connections between them and a little metadata. This is what
 * {@link WorkflowWriter} writes as a KNIME 5.x workflow folder and what {@link WorkflowReader} reads back.
 * Only native nodes at the top level are modelled (no metanodes or components).
 *
 * @param name the workflow name (the name of its folder)
 * @param description a free-text description (workflow-metadata.xml), may be empty
 * @param author who wrote it (workflow.knime's authorInformation; null: unknown)
 * @param created when it was written (null: now, when written)
 * @param variables workflow variables with their default values (workflow.knime's workflow_variables)
 * @param nodes the nodes, in any order
 * @param connections the connections
 */
public record WorkflowDefinition(String name, String description, String author, OffsetDateTime created,
    List<FlowVariable> variables, List<NodeDefinition> nodes, List<Connection> connections) {

    /**
     * Checks that node ids are unique (the rest is checked when a workflow is read).
     *
     * @param name the name
     * @param description the description
     * @param author the author or null
     * @param created the creation time or null
     * @param variables the workflow variables
     * @param nodes the nodes
     * @param connections the connections
     */
    public WorkflowDefinition {
        Objects.requireNonNull(name, "workflow name");
        description = description == null ? "" : description;
        variables = List.copyOf(variables);
        nodes = List.copyOf(nodes);
        connections = List.copyOf(connections);
        Set<Integer> ids = new HashSet<>();
        for (NodeDefinition n : nodes) {
            if (!ids.add(n.id())) {
                throw new IllegalArgumentException("Node id " + n.id() + " is used twice in workflow " + name);
            }
        }
    }

    /**
     * @param id a node id
     * @return the node with that id
     */
    public Optional<NodeDefinition> node(final int id) {
        return nodes.stream().filter(n -> n.id() == id).findFirst();
    }

    /**
     * @param newNodes other nodes
     * @return a copy with these nodes
     */
    public WorkflowDefinition withNodes(final List<NodeDefinition> newNodes) {
        return new WorkflowDefinition(name, description, author, created, variables, newNodes, connections);
    }

    /**
     * @param newVariables other workflow variables
     * @return a copy with these variables
     */
    public WorkflowDefinition withVariables(final List<FlowVariable> newVariables) {
        return new WorkflowDefinition(name, description, author, created, newVariables, nodes, connections);
    }
}
