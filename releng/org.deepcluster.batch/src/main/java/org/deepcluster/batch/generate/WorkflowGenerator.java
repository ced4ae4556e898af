package org.deepcluster.batch.generate;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.deepcluster.batch.ExitCodes;
import org.deepcluster.batch.state.ExecutedState;
import org.deepcluster.batch.workflow.ClassPathExtensions;
import org.deepcluster.batch.workflow.NodeFactories;
import org.deepcluster.batch.workflow.WorkflowDefinition;
import org.deepcluster.batch.workflow.WorkflowKeys;
import org.deepcluster.batch.workflow.WorkflowLoadException;
import org.deepcluster.batch.workflow.WorkflowReader;
import org.deepcluster.batch.workflow.WorkflowWriter;
import org.deepcluster.batch.workflow.WorkflowWriter.InvalidWorkflowException;

/**
 * (Re)generates KNIME workflow folders from definitions ({@link DefinitionJson}):
 *
 * <pre>
 * java -cp releng/org.deepcluster.batch/target/deepcluster-batch.jar \
 *     org.deepcluster.batch.generate.WorkflowGenerator DEFINITION.json|DEFINITIONS_DIR OUT_DIR
 * </pre>
 *
 * Each definition becomes {@code OUT_DIR/<name>/} (name from the definition, else the file name without .json).
 * An existing workflow folder of that name is replaced once the new one is written and checked (any other
 * existing folder is left alone and reported).
 * Each written workflow is read back with the runner's {@link WorkflowReader}, so what the generator writes also
 * loads. Exit codes: 0 written, 2 bad arguments, 3 an invalid definition (nothing written for it).
 */
public final class WorkflowGenerator {

    private final PrintStream m_out;

    private final PrintStream m_err;

    private final NodeFactories m_factories;

    /**
     * @param out receives what was written
     * @param err receives errors
     * @param factories where node factories come from
     */
    public WorkflowGenerator(final PrintStream out, final PrintStream err, final NodeFactories factories) {
        m_out = out;
        m_err = err;
        m_factories = factories;
    }

    /** @param args the definition (file or folder of *.json) and the output folder */
    public static void main(final String[] args) {
        System.exit(new WorkflowGenerator(System.out, System.err, NodeFactories.onClassPath()).run(args));
    }

    /**
     * @param args the definition (file or folder of *.json) and the output folder
     * @return the exit code
     */
    public int run(final String... args) {
        if (args.length != 2) {
            m_err.println("Usage: WorkflowGenerator DEFINITION.json|DEFINITIONS_DIR OUT_DIR");
            return ExitCodes.BAD_ARGUMENTS;
        }
        Path definition = Path.of(args[0]);
        Path outDir = Path.of(args[1]);
        List<Path> files;
        try {
            files = definitions(definition);
        } catch (IOException e) {
            m_err.println("ERROR: " + e.getMessage());
            return ExitCodes.BAD_ARGUMENTS;
        }
        ClassPathExtensions extensions = ClassPathExtensions.scan(m_factories.classLoader());
        DefinitionJson parser = new DefinitionJson(new NodeCatalog(extensions, m_factories), m_factories);
        int exit = ExitCodes.SUCCESS;
        for (Path file : files) {
            try {
                Path written = generate(parser, extensions, file, outDir);
                m_out.println("wrote " + written);
            } catch (DefinitionException | InvalidWorkflowException | WorkflowLoadException e) {
                m_err.println("ERROR: " + file + ": " + e.getMessage());
                exit = ExitCodes.LOAD_ERROR;
            } catch (IOException e) {
                m_err.println("ERROR: " + file + ": " + e.getMessage());
                exit = ExitCodes.EXECUTION_ERROR;
            }
        }
        return exit;
    }

    private static List<Path> definitions(final Path definition) throws IOException {
        if (Files.isRegularFile(definition)) {
            return List.of(definition);
        }
        if (Files.isDirectory(definition)) {
            try (Stream<Path> s = Files.list(definition)) {
                List<Path> files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
                if (files.isEmpty()) {
                    throw new IOException("no *.json definitions in " + definition);
                }
                return files;
            }
        }
        throw new IOException(definition + " is neither a definition file nor a folder of them");
    }

    /**
     * @param parser reads definitions
     * @param extensions the extensions on the class path
     * @param file a definition
     * @param outDir the folder to write the workflow into
     * @return the workflow folder
     * @throws DefinitionException if the definition is invalid
     * @throws InvalidWorkflowException if the workflow cannot be written
     * @throws WorkflowLoadException if the written workflow does not load
     * @throws IOException if writing fails
     */
    Path generate(final DefinitionJson parser, final ClassPathExtensions extensions, final Path file,
        final Path outDir) throws DefinitionException, InvalidWorkflowException, WorkflowLoadException, IOException {
        String defaultName = file.getFileName().toString().replaceFirst("\\.json$", "");
        WorkflowDefinition definition = parser.parse(Files.readString(file, StandardCharsets.UTF_8), defaultName);
        Path target = outDir.resolve(definition.name());
        if (Files.exists(target) && !Files.isRegularFile(target.resolve(WorkflowKeys.WORKFLOW_FILE))) {
            throw new IOException(target + " exists and is not a workflow folder; not replaced");
        }
        // write and check next to the target, then replace it: a failing definition leaves the old one in place
        Path tmp = outDir.resolve("." + definition.name() + ".generating");
        ExecutedState.deleteTree(tmp);
        try {
            new WorkflowWriter(m_factories).write(definition, tmp);
            List<String> warnings = new ArrayList<>();
            new WorkflowReader(m_factories, extensions).read(tmp, warnings);
            warnings.forEach(w -> m_err.println("WARNING: " + w));
            ExecutedState.deleteTree(target);
            Files.move(tmp, target);
        } finally {
            ExecutedState.deleteTree(tmp);
        }
        return target;
    }
}
