package org.deepcluster.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.deepcluster.batch.generate.WorkflowGenerator;
import org.deepcluster.batch.testing.Runs;
import org.deepcluster.batch.workflow.NodeFactories;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's {@code test-workflows/}: every workflow runs headless through the runner and pushes the flow
 * variables recorded in {@code test-workflows/expected/<name>.properties} (within the stated tolerance), and every
 * committed workflow is exactly what its definition in {@code test-workflows/definitions/} generates, so that the
 * workflows are never edited by hand.
 */
class TestWorkflowsTest {

    /** The module's tests run in releng/org.deepcluster.batch. */
    private static final Path TEST_WORKFLOWS = Path.of("..", "..", "test-workflows").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> everyTestWorkflowRunsAndPushesTheExpectedScores() throws IOException {
        final List<DynamicTest> tests = new ArrayList<>();
        for (final Path expected : expectedFiles()) {
            final String name = expected.getFileName().toString().replace(".properties", "");
            tests.add(DynamicTest.dynamicTest(name, () -> runAndCompare(name, expected)));
        }
        assertFalse(tests.isEmpty(), "no expected results in " + TEST_WORKFLOWS.resolve("expected"));
        return tests.stream();
    }

    private void runAndCompare(final String name, final Path expectedFile) throws IOException {
        final Path workflow = TEST_WORKFLOWS.resolve(name);
        assertTrue(Files.isRegularFile(workflow.resolve("workflow.knime")), "no workflow " + workflow);
        final Path output = tmp.resolve(name + "-output");
        final Runs.Result run = Runs.run("-workflowDir=" + workflow, "-reset", "-nosave", "-outputDir=" + output);
        assertEquals(0, run.exitCode(), run.toString());

        final Properties expected = new Properties();
        try (InputStream in = Files.newInputStream(expectedFile)) {
            expected.load(in);
        }
        final double tolerance = Double.parseDouble(expected.getProperty("tolerance"));
        final Map<String, Double> pushed = pushedDoubles(output.resolve("flow-variables.csv"));
        for (final String key : expected.stringPropertyNames()) {
            if (key.equals("tolerance")) {
                continue;
            }
            assertTrue(pushed.containsKey(key), name + ": flow variable " + key + " was not pushed: " + pushed);
            assertEquals(Double.parseDouble(expected.getProperty(key)), pushed.get(key), tolerance, name + ": " + key);
        }
    }

    private static Map<String, Double> pushedDoubles(final Path csv) throws IOException {
        final Map<String, Double> values = new HashMap<>();
        final List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (final String line : lines.subList(1, lines.size())) {
            final String[] f = line.split(",");
            if (f.length == 5 && f[3].equals("double")) {
                values.put(f[2], Double.parseDouble(f[4]));
            }
        }
        return values;
    }

    @TestFactory
    Stream<DynamicTest> committedWorkflowsAreWhatTheirDefinitionsGenerate() throws IOException {
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final Path generated = tmp.resolve("generated");
        final int exit = new WorkflowGenerator(new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8), NodeFactories.onClassPath())
            .run(TEST_WORKFLOWS.resolve("definitions").toString(), generated.toString());
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        final List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> workflows = Files.list(generated)) {
            for (final Path workflow : workflows.toList()) {
                final Path committed = TEST_WORKFLOWS.resolve(workflow.getFileName());
                tests.add(DynamicTest.dynamicTest(workflow.getFileName().toString(),
                    () -> assertSameFiles(workflow, committed)));
            }
        }
        assertFalse(tests.isEmpty());
        return tests.stream();
    }

    private static void assertSameFiles(final Path generated, final Path committed) throws IOException {
        try (Stream<Path> files = Files.walk(generated)) {
            for (final Path file : files.filter(Files::isRegularFile).toList()) {
                final Path other = committed.resolve(generated.relativize(file).toString());
                assertTrue(Files.isRegularFile(other), other + " is missing: regenerate test-workflows (README)");
                assertEquals(Files.readString(file), Files.readString(other),
                    other + " differs from what its definition generates: regenerate test-workflows (README)");
            }
        }
    }

    private static List<Path> expectedFiles() throws IOException {
        try (Stream<Path> files = Files.list(TEST_WORKFLOWS.resolve("expected"))) {
            return files.filter(f -> f.toString().endsWith(".properties")).sorted().toList();
        }
    }
}
