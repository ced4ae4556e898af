package org.deepcluster.batch.workflow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

/**
 * The nodes and connections of a workflow as a directed graph: an execution order in which every node comes after
 * the nodes it reads from, and cycle detection (KNIME refuses cycles, and so do we).
 */
public final class WorkflowGraph {

    private final Map<Integer, List<Integer>> m_successors = new TreeMap<>();

    private final Map<Integer, List<Integer>> m_predecessors = new TreeMap<>();

    /**
     * @param nodeIds all node ids
     * @param connections the connections (their end points must be among the ids)
     */
    public WorkflowGraph(final Collection<Integer> nodeIds, final Collection<Connection> connections) {
        for (int id : nodeIds) {
            m_successors.put(id, new ArrayList<>());
            m_predecessors.put(id, new ArrayList<>());
        }
        for (Connection c : connections) {
            m_successors.get(c.sourceId()).add(c.destId());
            m_predecessors.get(c.destId()).add(c.sourceId());
        }
    }

    /**
     * Kahn's algorithm; among the nodes that are ready, the smallest id goes first, so the order is deterministic.
     *
     * @return the node ids in execution order, or empty if the graph has a cycle
     */
    public Optional<List<Integer>> executionOrder() {
        Map<Integer, Integer> missingInputs = new HashMap<>();
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (Map.Entry<Integer, List<Integer>> e : m_predecessors.entrySet()) {
            missingInputs.put(e.getKey(), e.getValue().size());
            if (e.getValue().isEmpty()) {
                ready.add(e.getKey());
            }
        }
        List<Integer> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            int id = ready.poll();
            order.add(id);
            for (int next : m_successors.get(id)) {
                if (missingInputs.merge(next, -1, Integer::sum) == 0) {
                    ready.add(next);
                }
            }
        }
        return order.size() == m_successors.size() ? Optional.of(order) : Optional.empty();
    }

    /** @return the nodes of one cycle, in order (empty if there is none) */
    public List<Integer> findCycle() {
        Map<Integer, Integer> color = new HashMap<>(); // absent: unvisited, 1: on stack, 2: done
        for (int start : m_successors.keySet()) {
            List<Integer> stack = new ArrayList<>();
            List<Integer> cycle = visit(start, color, stack);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        return List.of();
    }

    private List<Integer> visit(final int id, final Map<Integer, Integer> color, final List<Integer> stack) {
        Integer c = color.get(id);
        if (c != null && c == 2) {
            return List.of();
        }
        if (c != null && c == 1) {
            return new ArrayList<>(stack.subList(stack.indexOf(id), stack.size()));
        }
        color.put(id, 1);
        stack.add(id);
        for (int next : new LinkedHashSet<>(m_successors.get(id))) {
            List<Integer> cycle = visit(next, color, stack);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        stack.remove(stack.size() - 1);
        color.put(id, 2);
        return List.of();
    }

    /**
     * @param id a node id
     * @return the ids of all nodes downstream of it (not including itself)
     */
    public Set<Integer> downstreamOf(final int id) {
        Set<Integer> result = new LinkedHashSet<>();
        List<Integer> todo = new ArrayList<>(m_successors.get(id));
        while (!todo.isEmpty()) {
            int next = todo.remove(todo.size() - 1);
            if (result.add(next)) {
                todo.addAll(m_successors.get(next));
            }
        }
        return result;
    }

    /**
     * @param id a node id
     * @return the length of the longest path from a source node to it (0 for source nodes); used for layout
     */
    public int depth(final int id) {
        int depth = 0;
        for (int p : m_predecessors.get(id)) {
            depth = Math.max(depth, depth(p) + 1);
        }
        return depth;
    }
}
