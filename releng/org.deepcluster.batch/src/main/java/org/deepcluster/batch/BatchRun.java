package org.deepcluster.batch;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.deepcluster.batch.archive.SafeUnzip;
import org.deepcluster.batch.archive.WorkflowArchive;
import org.deepcluster.batch.exec.ExecutionResult;
import org.deepcluster.batch.exec.ProgressReporter;
import org.deepcluster.batch.exec.WorkflowExecutor;
import org.deepcluster.batch.output.OutputWriter;
import org.deepcluster.batch.state.ExecutedState;
import org.deepcluster.batch.workflow.ClassPathExtensions;
import org.deepcluster.batch.workflow.LoadedWorkflow;
import org.deepcluster.batch.workflow.NodeFactories;
import org.deepcluster.batch.workflow.WorkflowLoadException;
import org.deepcluster.batch.workflow.WorkflowReader;
import org.knime.core.node.workflow.FlowVariable;

/**
 * One batch run, start to end: parse the command line, unpack a .knwf, read and check the workflow, apply
 * {@code -workflow.variable} and {@code -option}, execute, write the output tables, save the executed workflow,
 * print the summary. Returns an exit code instead of exiting, so tests can run it in-process.
 */
public final class BatchRun {

    private final PrintStream m_out;

    private final PrintStream m_err;

    private final NodeFactories m_factories;

    private final long m_progressIntervalMillis;

    private final SafeUnzip.Limits m_zipLimits;

    /**
     * @param out receives the summary (stdout)
     * @param err receives progress, warnings and errors (stderr)
     * @param factories where node factories come from
     * @param progressIntervalMillis the least time between two progress lines of a node
     * @param zipLimits the limits for extracting .knwf archives
     */
    public BatchRun(final PrintStream out, final PrintStream err, final NodeFactories factories,
        final long progressIntervalMillis, final SafeUnzip.Limits zipLimits) {
        m_out = out;
        m_err = err;
        m_factories = factories;
        m_progressIntervalMillis = progressIntervalMillis;
        m_zipLimits = zipLimits;
    }

    /**
     * @param args the command line
     * @return the exit code ({@link ExitCodes})
     */
    public int run(final String... args) {
        BatchOptions options;
        try {
            options = BatchOptions.parse(args);
        } catch (UsageException e) {
            m_err.println("ERROR: " + e.getMessage());
            m_err.println();
            m_err.println(BatchOptions.USAGE);
            return e.exitCode();
        }
        if (options.help()) {
            m_out.println(BatchOptions.USAGE);
            return ExitCodes.SUCCESS;
        }
        if (!options.ignored().isEmpty()) {
            m_err.println("Ignoring KNIME launcher arguments: " + String.join(" ", options.ignored()));
        }
        Path extracted = null;
        try {
            Path workflowDir = options.workflowDir();
            if (options.workflowFile() != null) {
                extracted = Files.createTempDirectory("deepcluster-batch-");
                workflowDir = extract(options.workflowFile(), extracted);
            }
            return run(options, workflowDir);
        } catch (BatchException e) {
            m_err.println("ERROR: " + e.getMessage());
            if (e instanceof UsageException) {
                m_err.println();
                m_err.println(BatchOptions.USAGE);
            }
            return e.exitCode();
        } catch (IOException e) {
            m_err.println("ERROR: " + e.getMessage());
            return ExitCodes.EXECUTION_ERROR;
        } finally {
            if (extracted != null) {
                try {
                    ExecutedState.deleteTree(extracted);
                } catch (IOException e) {
                    m_err.println("WARNING: cannot delete temporary folder " + extracted + ": " + e.getMessage());
                }
            }
        }
    }

    private Path extract(final Path archive, final Path into) throws BatchException {
        try {
            SafeUnzip.extract(archive, into, m_zipLimits);
            return WorkflowArchive.locateWorkflow(into);
        } catch (IOException e) {
            throw new BatchException(ExitCodes.LOAD_ERROR, "Cannot extract workflow archive " + archive + ": "
                + e.getMessage(), e);
        }
    }

    private int run(final BatchOptions options, final Path workflowDir) throws BatchException, IOException {
        if (options.destDir() != null) {
            try {
                WorkflowSaver.checkDestination(options.destDir());
            } catch (IOException e) {
                throw new UsageException("-destDir: " + e.getMessage());
            }
        }
        ClassPathExtensions extensions = ClassPathExtensions.scan(m_factories.classLoader());
        extensions.problems().forEach(p -> m_err.println("WARNING: " + p));
        List<String> warnings = new ArrayList<>();
        LoadedWorkflow workflow;
        try {
            workflow = new WorkflowReader(m_factories, extensions).read(workflowDir, warnings);
        } catch (WorkflowLoadException e) {
            throw new BatchException(ExitCodes.LOAD_ERROR, "Cannot load workflow: " + e.getMessage(), e);
        }
        warnings.forEach(w -> m_err.println("WARNING: " + w));

        CommandLineOverrides overrides = new CommandLineOverrides(m_err);
        List<FlowVariable> variables = overrides.variables(workflow.definition().variables(), options.variables());
        workflow = overrides.apply(workflow, options.options());

        ExecutionResult result = null;
        Path outputDir = null;
        int outputFiles = 0;
        if (!options.noExecute()) {
            WorkflowExecutor executor =
                new WorkflowExecutor(new ProgressReporter(m_err, m_progressIntervalMillis), m_err);
            result = executor.execute(workflow, variables, !options.reset());
            outputDir = options.outputDir() != null ? options.outputDir() : defaultOutputDir(options, workflowDir);
            try {
                outputFiles = OutputWriter.write(result, outputDir).size();
            } catch (IOException e) {
                throw new BatchException(ExitCodes.EXECUTION_ERROR,
                    "Cannot write the outputs to " + outputDir + ": " + e.getMessage(), e);
            }
        }

        String savedTo = null;
        if (!options.noSave()) {
            try {
                savedTo = save(options, workflow, result, overrides, options.variables().isEmpty() ? null : variables);
            } catch (IOException e) {
                throw new BatchException(ExitCodes.EXECUTION_ERROR, "IO error while saving workflow: "
                    + e.getMessage(), e);
            }
        }
        RunSummary.print(m_out, workflow, result, outputDir, outputFiles, savedTo);
        if (result != null && result.hasFailures()) {
            m_err.println("ERROR: Workflow execution failed: " + result.outcomes().stream()
                .filter(o -> o.status() == org.deepcluster.batch.exec.NodeOutcome.Status.FAILED)
                .map(o -> o.node().definition().nameWithId() + ": " + o.error()).reduce((a, b) -> a + "; " + b)
                .orElse(""));
            return ExitCodes.EXECUTION_ERROR;
        }
        return ExitCodes.SUCCESS;
    }

    private String save(final BatchOptions options, final LoadedWorkflow workflow, final ExecutionResult result,
        final CommandLineOverrides overrides, final List<FlowVariable> variables) throws IOException {
        WorkflowSaver saver = new WorkflowSaver(m_err);
        if (options.destDir() != null) {
            saver.save(workflow, result, options.destDir(), overrides.changedNodes(), variables);
            return options.destDir().toString();
        }
        if (options.destFile() != null) {
            Path tmp = Files.createTempDirectory("deepcluster-batch-out-");
            try {
                Path copy = tmp.resolve(workflow.definition().name());
                saver.save(workflow, result, copy, overrides.changedNodes(), variables);
                WorkflowArchive.write(copy, options.destFile());
            } finally {
                ExecutedState.deleteTree(tmp);
            }
            return options.destFile().toString();
        }
        saver.save(workflow, result, workflow.directory(), overrides.changedNodes(), variables);
        if (options.workflowFile() != null) {
            WorkflowArchive.write(workflow.directory(), options.workflowFile());
            return options.workflowFile().toString();
        }
        return workflow.directory() + " (in place)";
    }

    /**
     * @param options the options
     * @param workflowDir the workflow folder (extracted, for an archive)
     * @return {@code <name>-output} next to the workflow folder, or next to the .knwf file
     */
    static Path defaultOutputDir(final BatchOptions options, final Path workflowDir) {
        Path source = (options.workflowFile() != null ? options.workflowFile() : workflowDir).toAbsolutePath()
            .normalize();
        String name = source.getFileName().toString().replaceFirst("(?i)\\.(knwf|zip)$", "");
        Path parent = source.getParent() != null ? source.getParent() : Path.of("").toAbsolutePath();
        return parent.resolve(name + "-output");
    }
}
