package org.deepcluster.batch;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Set;

import org.deepcluster.batch.exec.ExecutionResult;
import org.deepcluster.batch.exec.NodeOutcome;
import org.deepcluster.batch.state.ExecutedState;
import org.deepcluster.batch.state.UnsupportedDataException;
import org.deepcluster.batch.workflow.LoadedNode;
import org.deepcluster.batch.workflow.LoadedWorkflow;
import org.deepcluster.batch.workflow.NodeSettingsFile;
import org.deepcluster.batch.workflow.NodeSettingsFile.MessageType;
import org.deepcluster.batch.workflow.WorkflowFile;
import org.deepcluster.batch.workflow.WorkflowKeys;
import org.deepcluster.standin.SettingsXml;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.workflow.FlowVariable;

/**
 * Saves a workflow after a run, in place or into another folder (a copy of the workflow first):
 * <ul>
 * <li>executed nodes: their outputs go to {@code <node folder>/deepcluster-state/} ({@link ExecutedState});
 * reused nodes keep theirs; failed and skipped nodes lose theirs, as KNIME resets them;</li>
 * <li>settings.xml: rewritten only where something changed: the model (by {@code -option}), or the node message
 * (the error of a failed node, the warning of an executed one); the state stays CONFIGURED, so KNIME opens the
 * workflow as configured and ignores the side folders;</li>
 * <li>workflow.knime: the workflow variables, if {@code -workflow.variable} changed them.</li>
 * </ul>
 */
public final class WorkflowSaver {

    private final PrintStream m_err;

    /** @param err receives warnings (outputs that cannot be stored) */
    public WorkflowSaver(final PrintStream err) {
        m_err = err;
    }

    /**
     * @param workflow the workflow as run (options applied)
     * @param result the run (null if nothing was executed)
     * @param target the folder to save to (the workflow's own folder, or a new one)
     * @param changedNodes the nodes whose model settings changed
     * @param variables the workflow variables of the run, or null if unchanged
     * @throws IOException if saving fails
     */
    public void save(final LoadedWorkflow workflow, final ExecutionResult result, final Path target,
        final Set<Integer> changedNodes, final List<FlowVariable> variables) throws IOException {
        Path source = workflow.directory().toAbsolutePath().normalize();
        Path dest = target.toAbsolutePath().normalize();
        if (!source.equals(dest)) {
            copyWorkflow(source, dest);
        }
        for (LoadedNode node : workflow.nodes().values()) {
            Path folder = dest.resolve(source.relativize(node.folder().toAbsolutePath().normalize()));
            NodeOutcome outcome = result == null ? null : result.outcome(node.id()).orElse(null);
            saveState(node, outcome, folder);
            updateSettings(node, outcome, folder, changedNodes.contains(node.id()));
        }
        if (variables != null) {
            Path file = dest.resolve(WorkflowKeys.WORKFLOW_FILE);
            SettingsXml.save(WorkflowFile.withVariables(SettingsXml.load(file), variables), file);
        }
    }

    private void saveState(final LoadedNode node, final NodeOutcome outcome, final Path folder) throws IOException {
        if (outcome == null) {
            return;
        }
        switch (outcome.status()) {
            case EXECUTED -> {
                try {
                    ExecutedState.save(folder, outcome.stateKey(), node.definition().factoryClass(),
                        outcome.outputs(), outcome.pushedVariables(), outcome.warning());
                } catch (UnsupportedDataException e) {
                    ExecutedState.delete(folder);
                    m_err.println("WARNING: the outputs of " + node.definition().nameWithId()
                        + " cannot be saved (" + e.getMessage() + "); it will execute again next time");
                }
            }
            case REUSED -> {
                // the saved state is already there (copied with the workflow when saving elsewhere)
            }
            default -> ExecutedState.delete(folder);
        }
    }

    private static void updateSettings(final LoadedNode node, final NodeOutcome outcome, final Path folder,
        final boolean modelChanged) throws IOException {
        Path file = folder.resolve(WorkflowKeys.SETTINGS_FILE);
        NodeSettings current = SettingsXml.load(file);
        NodeSettings updated = modelChanged ? NodeSettingsFile.withModel(current, node.definition().model()) : current;
        if (outcome != null && outcome.status() == NodeOutcome.Status.FAILED) {
            updated = NodeSettingsFile.afterRun(updated, MessageType.ERROR, outcome.error());
        } else if (outcome != null && outcome.succeeded()) {
            updated = NodeSettingsFile.afterRun(updated, outcome.warning() == null ? null : MessageType.WARNING,
                outcome.warning());
        }
        if (!SettingsXml.toXml(updated).equals(SettingsXml.toXml(current))) {
            SettingsXml.save(updated, file);
        }
    }

    /**
     * Copies the workflow folder to another place, replacing an earlier copy there (a folder with a
     * workflow.knime); any other non-empty folder is refused.
     *
     * @param source the workflow folder
     * @param dest the destination folder
     * @throws IOException if the destination is a non-empty non-workflow folder or copying fails
     */
    static void copyWorkflow(final Path source, final Path dest) throws IOException {
        checkDestination(dest);
        if (Files.exists(dest)) {
            ExecutedState.deleteTree(dest);
        }
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(final Path dir, final BasicFileAttributes attrs)
                throws IOException {
                if (dir.equals(dest)) {
                    return FileVisitResult.SKIP_SUBTREE; // destination inside the source
                }
                Files.createDirectories(dest.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(final Path file, final BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile() && !file.getFileName().toString().equals(".knime.lock")) {
                    Files.copy(file, dest.resolve(source.relativize(file).toString()),
                        StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * @param dest a destination folder
     * @throws IOException if it exists, is not empty and is not a workflow folder
     */
    static void checkDestination(final Path dest) throws IOException {
        if (!Files.exists(dest, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(dest, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(dest + " exists and is not a folder");
        }
        try (var children = Files.list(dest)) {
            if (children.findAny().isPresent() && !Files.isRegularFile(dest.resolve(WorkflowKeys.WORKFLOW_FILE))) {
                throw new IOException(dest + " is neither empty nor a workflow folder; it is not overwritten");
            }
        }
    }
}
