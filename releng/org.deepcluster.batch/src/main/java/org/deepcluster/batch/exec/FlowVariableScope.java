package org.deepcluster.batch.exec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knime.core.node.workflow.FlowVariable;

/**
 * Which flow variables a node sees: the workflow variables, overridden by the variables coming in through its
 * ports (the flow variable port first, then data ports in order: a lower port wins), as on KNIME's flow variable
 * stack; a node's outgoing variables are its incoming ones overridden by those it pushed.
 */
public final class FlowVariableScope {

    private FlowVariableScope() {
    }

    /**
     * @param workflowVariables the workflow variables
     * @param upstream the outgoing variables of the connected upstream nodes, highest priority first
     * @return the incoming variables, one per name
     */
    public static List<FlowVariable> incoming(final List<FlowVariable> workflowVariables,
        final List<List<FlowVariable>> upstream) {
        Map<String, FlowVariable> byName = new LinkedHashMap<>();
        workflowVariables.forEach(v -> byName.put(v.getName(), v));
        for (int i = upstream.size() - 1; i >= 0; i--) {
            upstream.get(i).forEach(v -> byName.put(v.getName(), v));
        }
        return new ArrayList<>(byName.values());
    }

    /**
     * @param incoming the node's incoming variables
     * @param pushed the variables it pushed
     * @return its outgoing variables
     */
    public static List<FlowVariable> outgoing(final List<FlowVariable> incoming, final List<FlowVariable> pushed) {
        Map<String, FlowVariable> byName = new LinkedHashMap<>();
        incoming.forEach(v -> byName.put(v.getName(), v));
        pushed.forEach(v -> {
            byName.remove(v.getName());
            byName.put(v.getName(), v);
        });
        return new ArrayList<>(byName.values());
    }

    /**
     * @param variables variables
     * @return them by name
     */
    public static Map<String, FlowVariable> byName(final List<FlowVariable> variables) {
        Map<String, FlowVariable> map = new LinkedHashMap<>();
        variables.forEach(v -> map.put(v.getName(), v));
        return map;
    }
}
