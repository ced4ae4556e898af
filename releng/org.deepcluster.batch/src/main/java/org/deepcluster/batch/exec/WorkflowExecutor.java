package org.deepcluster.batch.exec;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.deepcluster.batch.exec.NodeOutcome.Status;
import org.deepcluster.batch.state.ExecutedState;
import org.deepcluster.batch.workflow.BundleInfo;
import org.deepcluster.batch.workflow.Connection;
import org.deepcluster.batch.workflow.LoadedNode;
import org.deepcluster.batch.workflow.LoadedWorkflow;
import org.deepcluster.batch.workflow.NodeDefinition;
import org.deepcluster.batch.workflow.VariableBindings;
import org.deepcluster.standin.NodeHarness;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.workflow.FlowVariable;

/**
 * Executes the nodes of a workflow one after the other in execution order, through the same node model code KNIME
 * runs ({@link NodeHarness}: settings validated and loaded, configure, execute, output checks). A node whose saved
 * executed state has the same {@link StateKey} is not executed again; its outputs are loaded instead. When a node
 * fails, the nodes downstream of it are skipped and the others still run, as in KNIME.
 */
public final class WorkflowExecutor {

    private final ProgressReporter m_reporter;

    private final PrintStream m_err;

    /**
     * @param reporter prints progress
     * @param err receives warnings (e.g. saved state that cannot be read)
     */
    public WorkflowExecutor(final ProgressReporter reporter, final PrintStream err) {
        m_reporter = reporter;
        m_err = err;
    }

    /**
     * @param workflow the workflow
     * @param workflowVariables the workflow variables (defaults overridden by the command line)
     * @param reuseSavedState whether saved outputs with a matching state key are used instead of executing
     * @return the outcome of each node
     */
    public ExecutionResult execute(final LoadedWorkflow workflow, final List<FlowVariable> workflowVariables,
        final boolean reuseSavedState) {
        long start = System.nanoTime();
        Map<Integer, NodeOutcome> done = new HashMap<>();
        List<NodeOutcome> outcomes = new ArrayList<>();
        List<Integer> order = workflow.executionOrder();
        for (int i = 0; i < order.size(); i++) {
            LoadedNode node = workflow.node(order.get(i));
            NodeOutcome outcome = run(workflow, node, i + 1, order.size(), workflowVariables, done, reuseSavedState);
            done.put(node.id(), outcome);
            outcomes.add(outcome);
        }
        return new ExecutionResult(outcomes, (System.nanoTime() - start) / 1e9);
    }

    private NodeOutcome run(final LoadedWorkflow workflow, final LoadedNode node, final int index, final int total,
        final List<FlowVariable> workflowVariables, final Map<Integer, NodeOutcome> done, final boolean reuse) {
        long start = System.nanoTime();
        NodeDefinition def = node.definition();
        // inputs: port -1 (flow variables) first, then the data ports
        List<Connection> incoming = workflow.definition().connections().stream().filter(c -> c.destId() == node.id())
            .sorted((a, b) -> Integer.compare(a.destPort(), b.destPort())).toList();
        for (Connection c : incoming) {
            NodeOutcome upstream = done.get(c.sourceId());
            if (!upstream.succeeded()) {
                String why = "not executed: " + upstream.node().definition().nameWithId()
                    + (upstream.status() == Status.FAILED ? " failed" : " was not executed");
                m_reporter.end(index, total, def, why);
                return NodeOutcome.unsuccessful(node, Status.SKIPPED, why, 0);
            }
        }
        PortObject[] inputs = new PortObject[node.inPorts().length];
        List<String> inputKeys = new ArrayList<>();
        for (int p = 0; p < inputs.length; p++) {
            final int port = p;
            Optional<Connection> c = incoming.stream().filter(x -> x.destPort() == port).findFirst();
            if (c.isEmpty() && !node.inPorts()[p].isOptional()) {
                String why = "not executed: input port " + p + " is not connected";
                m_reporter.end(index, total, def, why);
                return NodeOutcome.unsuccessful(node, Status.SKIPPED, why, 0);
            }
            NodeOutcome up = c.map(x -> done.get(x.sourceId())).orElse(null);
            inputs[p] = up == null ? null : up.outputs()[c.get().sourcePort()];
            inputKeys.add(up == null ? "none" : up.stateKey() + ":" + c.get().sourcePort());
        }
        incoming.stream().filter(Connection::isFlowVariableConnection)
            .forEach(c -> inputKeys.add("variables " + done.get(c.sourceId()).stateKey()));
        List<FlowVariable> variables = FlowVariableScope.incoming(workflowVariables,
            incoming.stream().map(c -> done.get(c.sourceId()).outgoingVariables()).toList());

        NodeSettings effective;
        try {
            effective = VariableBindings.apply(def.model(), def.variableBindings(),
                FlowVariableScope.byName(variables));
        } catch (InvalidSettingsException e) {
            return failed(node, index, total, "flow variables: " + e.getMessage(), start);
        }
        String version = BundleInfo.of(node.factory().getClass()).map(BundleInfo::version).orElse(null);
        String key = StateKey.of(def.factoryClass(), version, effective, variables, inputKeys);

        if (reuse && ExecutedState.savedKey(node.folder()).filter(key::equals).isPresent()) {
            try {
                ExecutedState.Saved saved = ExecutedState.load(node.folder(), node.outPorts());
                m_reporter.end(index, total, def, "reused saved outputs (settings and inputs unchanged)");
                return new NodeOutcome(node, Status.REUSED, saved.outputs(), saved.pushedVariables(),
                    FlowVariableScope.outgoing(variables, saved.pushedVariables()), saved.warning(), null, key,
                    (System.nanoTime() - start) / 1e9);
            } catch (IOException e) {
                m_err.println("WARNING: saved outputs of " + def.nameWithId() + " cannot be used, executing it again: "
                    + e.getMessage());
            }
        }
        return execute(node, index, total, inputs, variables, effective, key, start);
    }

    private NodeOutcome execute(final LoadedNode node, final int index, final int total, final PortObject[] inputs,
        final List<FlowVariable> variables, final NodeSettings effective, final String key, final long start) {
        NodeDefinition def = node.definition();
        m_reporter.start(index, total, def, "executing");
        NodeHarness<NodeModel> harness = NodeHarness.of(node.factory());
        harness.cancelWhen(p -> {
            m_reporter.progress(index, total, def, p); // the harness's per-update hook; never cancels
            return false;
        });
        try {
            harness.loadSettings(effective);
            harness.withFlowVariables(variables.toArray(FlowVariable[]::new));
            PortObject[] outputs = harness.execute(inputs);
            List<FlowVariable> pushed = new ArrayList<>(harness.pushedFlowVariables());
            pushed.addAll(VariableBindings.exposed(effective, def.variableBindings()));
            String warning = harness.warningMessage();
            double seconds = (System.nanoTime() - start) / 1e9;
            m_reporter.end(index, total, def, "executed in " + ProgressReporter.seconds(seconds));
            if (warning != null) {
                m_reporter.end(index, total, def, "WARNING: " + warning);
            }
            return new NodeOutcome(node, Status.EXECUTED, outputs, pushed,
                FlowVariableScope.outgoing(variables, pushed), warning, null, key, seconds);
        } catch (InvalidSettingsException e) {
            return failed(node, index, total, e.getMessage(), start);
        } catch (CanceledExecutionException e) {
            return failed(node, index, total, "execution canceled", start);
        } catch (Exception | LinkageError | AssertionError e) { // NOSONAR: any node error fails the node only
            return failed(node, index, total, describe(e), start);
        } finally {
            harness.dispose();
        }
    }

    private NodeOutcome failed(final LoadedNode node, final int index, final int total, final String message,
        final long start) {
        m_reporter.end(index, total, node.definition(), "FAILED: " + message);
        return NodeOutcome.unsuccessful(node, Status.FAILED, message, (System.nanoTime() - start) / 1e9);
    }

    private static String describe(final Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root && root.getMessage() == null) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getClass().getSimpleName() + ": " + root.getMessage()
            : root.getClass().getName();
    }
}
