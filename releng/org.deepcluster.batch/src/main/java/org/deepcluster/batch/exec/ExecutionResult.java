package org.deepcluster.batch.exec;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of every node of a run, in execution order.
 *
 * @param outcomes the outcomes
 * @param seconds the wall time of the run
 */
public record ExecutionResult(List<NodeOutcome> outcomes, double seconds) {

    /**
     * @param outcomes the outcomes
     * @param seconds the time
     */
    public ExecutionResult {
        outcomes = List.copyOf(outcomes);
    }

    /** @return whether a node failed */
    public boolean hasFailures() {
        return outcomes.stream().anyMatch(o -> o.status() == NodeOutcome.Status.FAILED);
    }

    /**
     * @param id a node id
     * @return its outcome
     */
    public Optional<NodeOutcome> outcome(final int id) {
        return outcomes.stream().filter(o -> o.node().id() == id).findFirst();
    }

    /**
     * @param status a status
     * @return how many nodes have it
     */
    public long count(final NodeOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }
}
