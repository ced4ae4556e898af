package org.deepcluster.batch.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Places nodes that have no position: left to right by their distance from the source nodes (columns
 * {@value #COLUMN_WIDTH} px apart), top to bottom by id within a column ({@value #ROW_HEIGHT} px apart).
 */
public final class NodeLayout {

    /** Horizontal distance between columns. */
    public static final int COLUMN_WIDTH = 200;

    /** Vertical distance between nodes of a column. */
    public static final int ROW_HEIGHT = 150;

    private static final int MARGIN = 100;

    private NodeLayout() {
    }

    /**
     * @param workflow a workflow (its connections must not form a cycle)
     * @return the workflow with every node positioned (nodes with bounds keep them)
     */
    public static WorkflowDefinition layout(final WorkflowDefinition workflow) {
        WorkflowGraph graph = new WorkflowGraph(workflow.nodes().stream().map(NodeDefinition::id).toList(),
            workflow.connections());
        Map<Integer, Integer> nodesInColumn = new HashMap<>();
        List<NodeDefinition> placed = new ArrayList<>();
        for (NodeDefinition n : workflow.nodes().stream().sorted((a, b) -> Integer.compare(a.id(), b.id()))
            .toList()) {
            int column = graph.depth(n.id());
            int row = nodesInColumn.merge(column, 1, Integer::sum) - 1;
            placed.add(n.bounds() != null ? n
                : n.withBounds(NodeBounds.at(MARGIN + COLUMN_WIDTH * column, MARGIN + ROW_HEIGHT * row)));
        }
        List<NodeDefinition> inOriginalOrder = workflow.nodes().stream()
            .map(n -> placed.stream().filter(p -> p.id() == n.id()).findFirst().orElseThrow()).toList();
        return workflow.withNodes(inOriginalOrder);
    }
}
