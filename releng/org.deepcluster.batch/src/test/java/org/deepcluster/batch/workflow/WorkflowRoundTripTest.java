package org.deepcluster.batch.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.deepcluster.batch.testing.TestWorkflows;
import org.deepcluster.standin.SettingsXml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.workflow.FlowVariable;

/** Writer -> reader: everything the definition holds comes back, and the files say what KNIME expects. */
class WorkflowRoundTripTest {

    @TempDir
    Path tmp;

    private static LoadedWorkflow read(final Path dir) throws WorkflowLoadException {
        return new WorkflowReader(NodeFactories.onClassPath(),
            ClassPathExtensions.scan(WorkflowRoundTripTest.class.getClassLoader())).read(dir, new ArrayList<>());
    }

    @Test
    void writtenWorkflowReadsBackIdentically() throws Exception {
        WorkflowDefinition def = TestWorkflows.clusterAndScore("round-trip");
        Path dir = tmp.resolve("round-trip");
        WorkflowDefinition written = new WorkflowWriter(NodeFactories.onClassPath()).write(def, dir);
        WorkflowDefinition back = read(dir).definition();

        assertEquals("round-trip", back.name());
        assertEquals(def.description(), back.description());
        assertEquals("test author", back.author());
        assertEquals(TestWorkflows.CREATED.toInstant(), back.created().toInstant());
        assertEquals(List.of(new FlowVariable("k", 2)), back.variables());
        assertEquals(def.connections(), back.connections());
        assertEquals(written.nodes().size(), back.nodes().size());
        for (NodeDefinition w : written.nodes()) {
            NodeDefinition b = back.node(w.id()).orElseThrow();
            assertEquals(w.name(), b.name());
            assertEquals(w.factoryClass(), b.factoryClass());
            assertTrue(w.model().isIdentical(b.model()), () -> "model of " + w.nameWithId() + " changed:\n"
                + SettingsXml.toXml(w.model()) + "\n" + SettingsXml.toXml(b.model()));
            assertEquals(w.bounds(), b.bounds());
            assertEquals(w.variableBindings(), b.variableBindings());
            assertEquals(w.annotation(), b.annotation());
        }
        assertEquals(NodeBounds.at(300, 100), back.node(2).orElseThrow().bounds(), "given positions are kept");
        assertEquals("k-means", back.node(2).orElseThrow().annotation());
    }

    @Test
    void modelSettingsAreCompletedWithTheNodesDefaults() throws Exception {
        WorkflowDefinition written = new WorkflowWriter(NodeFactories.onClassPath())
            .write(TestWorkflows.clusterAndScore("defaults"), tmp.resolve("defaults"));
        NodeSettings clusterer = written.node(2).orElseThrow().model();
        assertEquals(3, clusterer.getInt("restarts"), "given");
        assertEquals(7L, clusterer.getLong("seed"), "given");
        assertEquals(300, clusterer.getInt("max_iterations"), "the Clusterer's default");
        assertEquals("Cluster", clusterer.getString("cluster_column"), "the Clusterer's default");
        // exactly what the model saves: same keys in the same order as a fresh model with these values
        NodeSettings fresh = ModelSettings.complete(NodeFactories.onClassPath().create(TestWorkflows.CLUSTERER),
            clusterer);
        assertEquals(SettingsXml.toXml(fresh), SettingsXml.toXml(clusterer));
    }

    @Test
    void filesUseKnimesNamesAndPortNumbers() throws Exception {
        Path dir = TestWorkflows.write(TestWorkflows.clusterAndScore("files"), tmp);
        assertTrue(Files.isRegularFile(dir.resolve("Clustering Scorer (#3)/settings.xml")));
        assertTrue(Files.isRegularFile(dir.resolve("workflow-metadata.xml")));
        NodeSettings wf = SettingsXml.load(dir.resolve("workflow.knime"));
        assertEquals("5.1.0", wf.getString("version"));
        assertEquals("5.8.0", wf.getString("created_by"));
        assertFalse(wf.getBoolean("created_by_nightly"));
        NodeSettings node3 = wf.getNodeSettings("nodes").getNodeSettings("node_3");
        assertEquals("Clustering Scorer (#3)/settings.xml", node3.getString("node_settings_file"));
        NodeSettings c0 = wf.getNodeSettings("connections").getNodeSettings("connection_0");
        assertEquals(1, c0.getInt("sourcePort"), "data port 0 is port 1 in the file (0 = flow variables)");
        assertEquals(1, c0.getInt("destPort"));

        NodeSettings settings = SettingsXml.load(dir.resolve("Clusterer (#2)/settings.xml"));
        assertEquals(TestWorkflows.CLUSTERER, settings.getString("factory"));
        assertEquals("org.deepcluster.knime", settings.getString("node-bundle-symbolic-name"));
        assertEquals("Deep Clustering KNIME nodes", settings.getString("node-bundle-name"));
        assertEquals("Deep Clustering for KNIME", settings.getString("node-bundle-vendor"));
        assertEquals("0.1.0", settings.getString("node-bundle-version"));
        assertEquals("org.deepcluster.feature.feature.group", settings.getString("node-feature-symbolic-name"));
        assertEquals("Deep Clustering for Biological Data", settings.getString("node-feature-name"));
        assertEquals("CONFIGURED", settings.getString("state"));
        NodeSettings ports = settings.getNodeSettings("ports");
        assertEquals(List.of("port_1", "port_2"), new ArrayList<>(ports.keySet()), "two outputs, from 1");
        assertNull(ports.getNodeSettings("port_1").getString("port_dir_location"));
        NodeSettings variables = settings.getNodeSettings("variables");
        assertEquals("V_2019_09_13", variables.getString("version"));
        assertEquals("k", variables.getNodeSettings("tree").getNodeSettings("k").getString("used_variable"));

        NodeSettings testNode = SettingsXml.load(dir.resolve("Table Creator (#1)/settings.xml"));
        assertNull(testNode.getString("node-bundle-symbolic-name"), "a class outside any bundle, as KNIME writes");
        assertEquals("0.0.0", testNode.getString("node-bundle-version"));
    }

    @Test
    void nodeFolderNamesFollowKnimesRule() {
        assertEquals("Clustering Scorer (#3)", NodeFolderName.of("Clustering Scorer", 3));
        assertEquals("Deep Embedded Clustering _DEC_IDEC_ (#12)",
            NodeFolderName.of("Deep Embedded Clustering (DEC/IDEC)", 12));
        assertEquals("Caf__ (#1)", NodeFolderName.of("Café!", 1));
        assertEquals("_UL (#2)", NodeFolderName.of("NUL", 2), "Windows device names, as KNIME does on Windows");
    }

    @Test
    void unknownSettingsAreRejectedByTheWriter() {
        NodeSettings typo = new NodeSettings("model");
        typo.addInt("kk", 3);
        WorkflowDefinition def = new WorkflowDefinition("typo", "", null, null, List.of(),
            List.of(NodeDefinition.of(1, "Clusterer", TestWorkflows.CLUSTERER, typo)), List.of());
        WorkflowWriter.InvalidWorkflowException e = assertThrows(WorkflowWriter.InvalidWorkflowException.class,
            () -> new WorkflowWriter(NodeFactories.onClassPath()).write(def, tmp.resolve("typo")));
        assertTrue(e.getMessage().contains("unknown setting kk"), e.getMessage());
        assertTrue(e.getMessage().contains("restarts (xint)"), "lists the node's settings: " + e.getMessage());
    }

    @Test
    void invalidSettingsAreRejectedByTheNodeModel() {
        NodeSettings bad = new NodeSettings("model");
        bad.addInt("k", 0);
        WorkflowDefinition def = new WorkflowDefinition("bad", "", null, null, List.of(),
            List.of(NodeDefinition.of(1, "Clusterer", TestWorkflows.CLUSTERER, bad)), List.of());
        WorkflowWriter.InvalidWorkflowException e = assertThrows(WorkflowWriter.InvalidWorkflowException.class,
            () -> new WorkflowWriter(NodeFactories.onClassPath()).write(def, tmp.resolve("bad")));
        assertTrue(e.getMessage().contains("Clusterer (#1)") && e.getMessage().contains("must be at least 1"),
            e.getMessage());
    }

    @Test
    void nodesWithoutPositionAreLaidOutLeftToRight() throws Exception {
        WorkflowDefinition written = new WorkflowWriter(NodeFactories.onClassPath())
            .write(TestWorkflows.clusterAndScore("layout"), tmp.resolve("layout"));
        int x1 = written.node(1).orElseThrow().bounds().x();
        int x3 = written.node(3).orElseThrow().bounds().x();
        int x4 = written.node(4).orElseThrow().bounds().x();
        assertTrue(x1 < x3 && x3 < x4, "downstream nodes further right");
        assertEquals(-1, written.node(1).orElseThrow().bounds().width(), "KNIME 5.x default size");
    }
}
