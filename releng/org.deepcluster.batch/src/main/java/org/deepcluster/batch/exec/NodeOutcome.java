package org.deepcluster.batch.exec;

import java.util.List;

import org.deepcluster.batch.workflow.LoadedNode;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.workflow.FlowVariable;

/**
 * What happened to one node in a run.
 *
 * @param node the node
 * @param status what happened
 * @param outputs the outputs (null unless executed or reused)
 * @param pushedVariables the flow variables the node pushed (empty unless executed or reused)
 * @param outgoingVariables all flow variables downstream nodes see from it
 * @param warning the node's warning message (or null)
 * @param error why it failed or was skipped (or null)
 * @param stateKey the key of its outputs (null unless executed or reused)
 * @param seconds how long it took
 */
public record NodeOutcome(LoadedNode node, Status status, PortObject[] outputs, List<FlowVariable> pushedVariables,
    List<FlowVariable> outgoingVariables, String warning, String error, String stateKey, double seconds) {

    /** What happened to a node. */
    public enum Status {
        /** Executed in this run. */
        EXECUTED,
        /** Outputs taken from the saved executed state (nothing changed since). */
        REUSED,
        /** Execution failed. */
        FAILED,
        /** Not executed because a node upstream failed or an input is not connected. */
        SKIPPED
    }

    /** @return whether the node has outputs (executed or reused) */
    public boolean succeeded() {
        return status == Status.EXECUTED || status == Status.REUSED;
    }

    /**
     * @param node the node
     * @param status FAILED or SKIPPED
     * @param error why
     * @param seconds how long it took
     * @return an outcome without outputs
     */
    static NodeOutcome unsuccessful(final LoadedNode node, final Status status, final String error,
        final double seconds) {
        return new NodeOutcome(node, status, null, List.of(), List.of(), null, error, null, seconds);
    }
}
