package org.deepcluster.batch.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.deepcluster.batch.ExitCodes;
import org.deepcluster.batch.testing.Runs;
import org.deepcluster.batch.testing.TestWorkflows;
import org.deepcluster.batch.workflow.NodeFactories;
import org.deepcluster.standin.SettingsXml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.NodeSettings;

/** Workflow definitions (JSON) to workflow folders that load and run. */
class WorkflowGeneratorTest {

    @TempDir
    Path tmp;

    static final String DEFINITION = """
        // two groups of points, clustered and scored
        {
          "name": "generated",
          "description": "Cluster two groups of points with k-means and score against the labels.",
          "author": "Deep Clustering tests",
          "created": "2026-01-15T10:00:00+01:00",
          "variables": { "k": 2, "greeting": "hello" },
          "nodes": [
            { "id": 1, "node": "%s",
              "settings": { "column_names": ["x", "y", "label"], "column_types": ["double", "double", "String"],
                            "rows": ["0,0,a", "0.1,0.2,a", "5,5,b", "5.1,4.9,b"] } },
            { "id": 2, "node": "k-Means", "settings": { "restarts": 2, "seed": 5, "tolerance": 0.001 },
              "variables": { "k": "k" }, "expose": { "seed": "seed_used" },
              "annotation": "k-means", "position": [250, 120] },
            { "id": 3, "node": "clustering scorer",
              "settings": { "reference_column": "label", "cluster_column": "Cluster" } },
            { "id": 4, "node": "%s", "settings": { "variable": "seed_used" } }
          ],
          "connections": [ { "from": 1, "to": 2 }, { "from": 2, "to": 3 }, { "from": 2, "fromPort": 0, "to": 4 },
                           { "from": 3, "to": 4, "flowVariables": true } ]
        }
        """.formatted(TestWorkflows.TABLE_CREATOR, TestWorkflows.VARIABLE_READER);

    private record Out(int exit, String out, String err) {
    }

    private Out generate(final String definition) throws Exception {
        Path file = tmp.resolve("def.json");
        Files.writeString(file, definition);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new WorkflowGenerator(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), NodeFactories.onClassPath())
            .run(file.toString(), tmp.resolve("workflows").toString());
        return new Out(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void generatesAWorkflowThatRuns() throws Exception {
        Out g = generate(DEFINITION);
        assertEquals(ExitCodes.SUCCESS, g.exit(), g.toString());
        Path wf = tmp.resolve("workflows/generated");
        assertTrue(g.out().contains("wrote " + wf), g.out());
        NodeSettings model = SettingsXml.load(wf.resolve("k_Means (#2)/settings.xml")).getNodeSettings("model");
        assertEquals(2, model.getInt("restarts"));
        assertEquals(5L, model.getLong("seed"), "a JSON number typed like the node's default (xlong)");
        assertEquals(0.001, model.getDouble("tolerance"));
        Runs.Result r = Runs.run("-workflowDir=" + wf, "-outputDir=" + tmp.resolve("out"), "-nosave");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("ARI = 1.0"), r.out());
        assertEquals("RowID,name,value\nRow0,seed_used,5\n",
            Files.readString(tmp.resolve("out/4_Variable_Reader_port0.csv")), "exposed setting as variable");
    }

    @Test
    void regeneratingReplacesTheWorkflow() throws Exception {
        assertEquals(0, generate(DEFINITION).exit());
        Path wf = tmp.resolve("workflows/generated");
        Runs.run("-workflowDir=" + wf, "-outputDir=" + tmp.resolve("out"));
        assertTrue(Files.exists(wf.resolve("k_Means (#2)/deepcluster-state")));
        assertEquals(0, generate(DEFINITION.replace("\"restarts\": 2", "\"restarts\": 4")).exit());
        assertFalse(Files.exists(wf.resolve("k_Means (#2)/deepcluster-state")), "a fresh folder");
        assertEquals(4, SettingsXml.load(wf.resolve("k_Means (#2)/settings.xml")).getNodeSettings("model")
            .getInt("restarts"));
    }

    @Test
    void errorsSayWhereInTheDefinition() throws Exception {
        assertError(DEFINITION.replace("\"restarts\": 2", "\"restart\": 2"),
            "nodes[1].settings.restart: the node has no setting \"restart\"", "restarts (whole number)");
        assertError(DEFINITION.replace("\"restarts\": 2", "\"restarts\": 2.5"),
            "nodes[1].settings.restarts: expected a whole number, got 2.5");
        assertError(DEFINITION.replace("\"restarts\": 2", "\"restarts\": \"two\""),
            "nodes[1].settings.restarts: expected a whole number");
        assertError(DEFINITION.replace("\"node\": \"k-Means\"", "\"node\": \"Clusterator\""),
            "nodes[1].node: no node named \"Clusterator\"", "k-means", "cluster assigner");
        assertError(DEFINITION.replace("\"restarts\": 2", "\"restarts\": 0"), "k-Means (#2): invalid settings",
            "must be at least 1");
        assertError(DEFINITION.replace("{ \"from\": 2, \"to\": 3 }", "{ \"from\": 2, \"to\": 3, \"toPort\": 1 }"),
            "Clustering Scorer (#3) has only 1 input port");
        assertError(DEFINITION.replace("\"variables\": { \"k\": \"k\" }", "\"variables\": { \"kk\": \"k\" }"),
            "flow variable binding of unknown setting \"kk\"");
        assertError(DEFINITION.replace("\"name\": \"generated\"", "\"nmae\": \"generated\""),
            "unknown field \"nmae\"");
        assertError("{ \"nodes\": [ }", "not valid JSON");
    }

    private void assertError(final String definition, final String... phrases) throws Exception {
        Out g = generate(definition);
        assertEquals(ExitCodes.LOAD_ERROR, g.exit(), g.toString());
        for (String p : phrases) {
            assertTrue(g.err().contains(p), "\"" + p + "\" missing in: " + g.err());
        }
    }

    @Test
    void usage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new WorkflowGenerator(System.out, new PrintStream(err, true, StandardCharsets.UTF_8),
            NodeFactories.onClassPath()).run("only-one-argument");
        assertEquals(ExitCodes.BAD_ARGUMENTS, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Usage: WorkflowGenerator"));
    }
}
