package org.deepcluster.batch.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.deepcluster.batch.testing.TestWorkflows;
import org.deepcluster.standin.SettingsXml;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.config.base.ConfigBase;

/** Each kind of broken workflow gives a load error that names the file and the key. */
class WorkflowReaderErrorsTest {

    @TempDir
    Path tmp;

    Path dir;

    @BeforeEach
    void writeValidWorkflow() throws Exception {
        dir = TestWorkflows.write(TestWorkflows.clusterAndScore("broken"), tmp);
    }

    private WorkflowLoadException loadError() {
        return assertThrows(WorkflowLoadException.class, () -> new WorkflowReader(NodeFactories.onClassPath(),
            ClassPathExtensions.scan(getClass().getClassLoader())).read(dir, new ArrayList<>()));
    }

    private interface Edit {
        void apply(NodeSettings s) throws Exception;
    }

    private void edit(final String file, final Edit edit) throws Exception {
        Path f = dir.resolve(file);
        NodeSettings s = SettingsXml.load(f);
        edit.apply(s);
        SettingsXml.save(s, f);
    }

    private static ConfigBase at(final ConfigBase root, final String... path) throws Exception {
        ConfigBase c = root;
        for (String key : path) {
            c = c.getConfigBase(key);
        }
        return c;
    }

    private static void assertError(final WorkflowLoadException e, final String file, final String key,
        final String... phrases) {
        assertTrue(e.file().endsWith(file), e.getMessage());
        assertEquals(key, e.key(), e.getMessage());
        assertTrue(e.getMessage().contains(file) && (key == null || e.getMessage().contains("\"" + key + "\"")),
            "the message names file and key: " + e.getMessage());
        for (String p : phrases) {
            assertTrue(e.getMessage().contains(p), "\"" + p + "\" missing in: " + e.getMessage());
        }
    }

    @Test
    void validWorkflowLoads() throws Exception {
        LoadedWorkflow wf = new WorkflowReader(NodeFactories.onClassPath(),
            ClassPathExtensions.scan(getClass().getClassLoader())).read(dir, new ArrayList<>());
        assertEquals(List.of(1, 2, 3, 4, 5), wf.executionOrder());
    }

    @Test
    void malformedWorkflowKnime() throws Exception {
        Files.writeString(dir.resolve("workflow.knime"), "<?xml version=\"1.0\"?><config key=\"workflow.knime\"><entry");
        assertError(loadError(), "workflow.knime", null, "malformed XML");
    }

    @Test
    void malformedSettingsXml() throws Exception {
        Files.writeString(dir.resolve("Clusterer (#2)/settings.xml"), "not xml at all");
        assertError(loadError(), "Clusterer (#2)/settings.xml", null, "malformed XML");
    }

    @Test
    void missingNodesConfig() throws Exception {
        edit("workflow.knime", s -> s.removeConfig("nodes"));
        assertError(loadError(), "workflow.knime", "nodes", "missing");
    }

    @Test
    void missingFactoryEntry() throws Exception {
        edit("Clusterer (#2)/settings.xml", s -> s.removeConfig("factory"));
        assertError(loadError(), "Clusterer (#2)/settings.xml", "factory", "missing");
    }

    @Test
    void missingConnectionEntry() throws Exception {
        edit("workflow.knime", s -> at(s, "connections", "connection_1").removeConfig("sourceID"));
        assertError(loadError(), "workflow.knime", "connections/connection_1/sourceID", "missing");
    }

    @Test
    void missingSettingsFile() throws Exception {
        Files.delete(dir.resolve("Image Maker (#5)/settings.xml"));
        assertError(loadError(), "workflow.knime", "nodes/node_5/node_settings_file", "not found");
    }

    @Test
    void wrongTypeOfNodeId() throws Exception {
        edit("workflow.knime", s -> at(s, "nodes", "node_2").addString("id", "2"));
        assertError(loadError(), "workflow.knime", "nodes/node_2/id", "wrong type: expected xint, found xstring");
    }

    @Test
    void wrongTypeOfModel() throws Exception {
        edit("Clusterer (#2)/settings.xml", s -> s.addString("model", "k=3"));
        assertError(loadError(), "Clusterer (#2)/settings.xml", "model", "expected config, found xstring");
    }

    @Test
    void unsupportedLoadVersion() throws Exception {
        edit("workflow.knime", s -> s.addString("version", "6.0.0"));
        assertError(loadError(), "workflow.knime", "version", "6.0.0", "5.1.0");
    }

    @Test
    void metanodesAreNotSupported() throws Exception {
        edit("workflow.knime", s -> at(s, "nodes", "node_5").addString("node_type", "MetaNode"));
        assertError(loadError(), "workflow.knime", "nodes/node_5/node_type", "MetaNode", "native nodes only");
    }

    @Test
    void unknownFactoryNamesTheMissingExtension() throws Exception {
        edit("Clusterer (#2)/settings.xml", s -> {
            s.addString("factory", "org.knime.base.node.mine.cluster.kmeans.ClusterNodeFactory2");
            s.addString("node-name", "k-Means");
            s.addString("node-bundle-name", "KNIME Base Nodes");
            s.addString("node-bundle-symbolic-name", "org.knime.base");
            s.addString("node-bundle-version", "5.8.0");
        });
        assertError(loadError(), "Clusterer (#2)/settings.xml", "factory",
            "org.knime.base.node.mine.cluster.kmeans.ClusterNodeFactory2", "folder \"Clusterer (#2)\"",
            "\"KNIME Base Nodes\" (org.knime.base 5.8.0)", "is missing", "only the nodes of org.deepcluster.knime");
    }

    @Test
    void settingsTheNodeRejects() throws Exception {
        edit("Clusterer (#2)/settings.xml", s -> at(s, "model").addInt("k", 0));
        assertError(loadError(), "Clusterer (#2)/settings.xml", "model", "Clusterer (#2) rejects its settings",
            "must be at least 1");
    }

    @Test
    void cycle() throws Exception {
        // Clustering Scorer's first output into the Clusterer: #2 -> #3 -> #2
        edit("workflow.knime", s -> at(s, "connections", "connection_0").addInt("sourceID", 3));
        assertError(loadError(), "workflow.knime", "connections", "cycle",
            "Clusterer (#2) -> Clustering Scorer (#3) -> Clusterer (#2)");
    }

    @Test
    void danglingConnectionToMissingNode() throws Exception {
        edit("workflow.knime", s -> at(s, "connections", "connection_2").addInt("destID", 9));
        assertError(loadError(), "workflow.knime", "connections/connection_2/destID", "dangling", "no node #9");
    }

    @Test
    void danglingConnectionToMissingPort() throws Exception {
        edit("workflow.knime", s -> at(s, "connections", "connection_0").addInt("sourcePort", 3));
        assertError(loadError(), "workflow.knime", "connections/connection_0/sourcePort", "dangling",
            "Table Creator (#1) has no output port 3", "data output ports are 1)");
    }

    @Test
    void twoConnectionsIntoOneInputPort() throws Exception {
        edit("workflow.knime", s -> {
            ConfigBase c = at(s, "connections").addConfigBase("connection_4");
            c.addInt("sourceID", 1);
            c.addInt("destID", 3);
            c.addInt("sourcePort", 1);
            c.addInt("destPort", 1);
        });
        assertError(loadError(), "workflow.knime", "connections/connection_4/destPort",
            "input port 1 of Clustering Scorer (#3) already has a connection (connections/connection_1)");
    }

    @Test
    void dataPortIntoFlowVariablePort() throws Exception {
        edit("workflow.knime", s -> at(s, "connections", "connection_2").addInt("destPort", 0));
        assertError(loadError(), "workflow.knime", "connections/connection_2/destPort",
            "port 0 is the flow variable port");
    }

    @Test
    void flowVariableConnectionsAreRead() throws Exception {
        edit("workflow.knime", s -> {
            ConfigBase c = at(s, "connections").addConfigBase("connection_4");
            c.addInt("sourceID", 4);
            c.addInt("destID", 5);
            c.addInt("sourcePort", 0);
            c.addInt("destPort", 0);
        });
        LoadedWorkflow wf = new WorkflowReader(NodeFactories.onClassPath(),
            ClassPathExtensions.scan(getClass().getClassLoader())).read(dir, new ArrayList<>());
        assertTrue(wf.definition().connections().contains(Connection.flowVariables(4, 5)));
        assertEquals(List.of(1, 2, 3, 4, 5), wf.executionOrder(), "#5 now waits for #4");
    }

    @Test
    void newerKnimeAndNightlyGiveWarnings() throws Exception {
        edit("workflow.knime", s -> {
            s.addString("created_by", "5.11.0.v202601010000");
            s.addBoolean("created_by_nightly", true);
        });
        List<String> warnings = new ArrayList<>();
        new WorkflowReader(NodeFactories.onClassPath(), ClassPathExtensions.scan(getClass().getClassLoader()))
            .read(dir, warnings);
        assertEquals(2, warnings.size(), warnings.toString());
    }

    @Test
    void folderNamesMatchCaseInsensitivelyLikeKnime() throws Exception {
        Files.move(dir.resolve("Image Maker (#5)"), dir.resolve("image maker (#5)"));
        new WorkflowReader(NodeFactories.onClassPath(), ClassPathExtensions.scan(getClass().getClassLoader()))
            .read(dir, new ArrayList<>());
    }

    @Test
    void settingsFileOutsideTheWorkflowIsRefused() throws Exception {
        edit("workflow.knime", s -> at(s, "nodes", "node_5").addString("node_settings_file", "../../x/settings.xml"));
        assertError(loadError(), "workflow.knime", "nodes/node_5/node_settings_file", "not found");
    }
}
