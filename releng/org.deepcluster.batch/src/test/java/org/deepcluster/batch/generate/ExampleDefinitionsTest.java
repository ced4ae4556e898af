package org.deepcluster.batch.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.deepcluster.batch.testing.Runs;
import org.deepcluster.batch.workflow.NodeFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example definitions in examples/ generate workflows that run with the real nodes. */
class ExampleDefinitionsTest {

    @TempDir
    Path tmp;

    @Test
    void kmeansBlobsGeneratesAndRuns() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new WorkflowGenerator(new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8), NodeFactories.onClassPath())
            .run("examples/kmeans-blobs.json", tmp.toString());
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        Runs.Result r = Runs.run("-workflowDir=" + tmp.resolve("kmeans-blobs"), "-nosave");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("3 nodes: 3 executed") && r.out().contains("ARI = "), r.out());
    }
}
