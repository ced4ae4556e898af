package org.deepcluster.batch;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.deepcluster.batch.exec.ExecutionResult;
import org.deepcluster.batch.exec.NodeOutcome;
import org.deepcluster.batch.exec.ProgressReporter;
import org.deepcluster.batch.workflow.FlowVariables;
import org.deepcluster.batch.workflow.LoadedWorkflow;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.workflow.FlowVariable;

/** The summary of a run on stdout: one line per node, the flow variables the nodes pushed, where things went. */
public final class RunSummary {

    private RunSummary() {
    }

    /**
     * @param out stdout
     * @param workflow the workflow
     * @param result the run (null if nothing was executed)
     * @param outputDir where the outputs went (null: none written)
     * @param outputFiles how many output files were written
     * @param savedTo where the workflow was saved (null: not saved)
     */
    public static void print(final PrintStream out, final LoadedWorkflow workflow, final ExecutionResult result,
        final Path outputDir, final int outputFiles, final String savedTo) {
        String name = workflow.definition().name();
        if (result == null) {
            out.println("Workflow \"" + name + "\": " + workflow.nodes().size() + " nodes, not executed (-noexecute)");
        } else {
            out.println("Workflow \"" + name + "\": " + result.outcomes().size() + " nodes: "
                + result.count(NodeOutcome.Status.EXECUTED) + " executed, " + result.count(NodeOutcome.Status.REUSED)
                + " reused, " + result.count(NodeOutcome.Status.FAILED) + " failed, "
                + result.count(NodeOutcome.Status.SKIPPED) + " skipped, in "
                + ProgressReporter.seconds(result.seconds()));
            int width = result.outcomes().stream().mapToInt(o -> o.node().definition().nameWithId().length()).max()
                .orElse(10);
            for (NodeOutcome o : result.outcomes()) {
                out.println(String.format(Locale.ROOT, "  %-" + width + "s  %-8s  %8s  %s",
                    o.node().definition().nameWithId(), o.status().name().toLowerCase(Locale.ROOT),
                    o.status() == NodeOutcome.Status.SKIPPED ? "" : ProgressReporter.seconds(o.seconds()),
                    o.succeeded() ? describeOutputs(o.outputs()) : o.error()));
                if (o.warning() != null) {
                    out.println("  " + " ".repeat(width) + "  warning: " + o.warning());
                }
            }
            List<String> variables = new ArrayList<>();
            for (NodeOutcome o : result.outcomes()) {
                for (FlowVariable v : o.pushedVariables()) {
                    variables.add("  " + v.getName() + " = " + v.getValueAsString() + " (" + FlowVariables.typeName(v)
                        + ", from " + o.node().definition().nameWithId() + ")");
                }
            }
            if (!variables.isEmpty()) {
                out.println("Flow variables:");
                variables.forEach(out::println);
            }
        }
        if (outputDir != null) {
            out.println("Outputs: " + outputFiles + " files in " + outputDir);
        }
        out.println(savedTo == null ? "Workflow not saved (-nosave)" : "Saved: " + savedTo);
        out.flush();
    }

    private static String describeOutputs(final PortObject[] outputs) {
        List<String> parts = new ArrayList<>();
        for (int p = 0; p < outputs.length; p++) {
            if (outputs[p] instanceof BufferedDataTable t) {
                parts.add("port " + p + ": " + t.size() + (t.size() == 1 ? " row" : " rows") + " x "
                    + t.getDataTableSpec().getNumColumns() + " columns");
            } else {
                parts.add("port " + p + ": " + outputs[p].getSummary());
            }
        }
        return String.join("; ", parts);
    }
}
