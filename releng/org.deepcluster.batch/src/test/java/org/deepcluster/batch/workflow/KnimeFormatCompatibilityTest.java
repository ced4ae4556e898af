package org.deepcluster.batch.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.deepcluster.batch.testing.TestWorkflows;
import org.deepcluster.standin.SettingsXml;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.config.base.AbstractConfigEntry;
import org.knime.core.node.config.base.ConfigBase;

/**
 * The keys we write, compared with what KNIME itself writes. The expected structures below were read (key, type
 * and order) from workflows that KNIME 5.x saved, in knime-core {@code releases/2025-12} (commit a37246e12882),
 * {@code org.knime.core.workflow.tests/src/org/knime/core/node/workflow/}:
 * <ul>
 * <li>{@code bugAP21890_UnsetVariablesOnReset/workflow.knime} (created_by 5.3.2, a release build) and its
 * {@code Concatenate (#4)/settings.xml};</li>
 * <li>{@code enhAP23840_NodeStatsAndApplicationHealth/workflow.knime} (5.5.0) and
 * {@code Table Creator (#1)/settings.xml};</li>
 * <li>{@code enhAP24247_MoreRobustStateNotification/Empty Table Creator (#1)/settings.xml} (5.5.0);</li>
 * <li>{@code enhAP12286_ExternalConfiguration/workflow.knime} (workflow_variables), {@code bugAP19046_...
 * /Table Reader (#715)/settings.xml} (variables tree, version V_2019_09_13) and
 * {@code bug5405_WorkflowLocationAfterSaveAs/File Reader (#1)/settings.xml} (a 5.1 nodeAnnotation).</li>
 * </ul>
 * A leading "?" marks a key KNIME writes only sometimes. The orders are KNIME's save order
 * ({@code FileWorkflowPersistor}, {@code FileSingleNodeContainerPersistor}, {@code FileNodePersistor}); all 65
 * workflow.knime files saved by KNIME 5.x in that folder, and all 219 settings.xml files of their native nodes,
 * follow them (the header keys are missing only inside metanodes, which we do not write). This test needs no KNIME
 * sources at run time.
 */
class KnimeFormatCompatibilityTest {

    /** The first two lines of every XMLConfig file KNIME writes (here: of workflow.knime). */
    static final String XMLCONFIG_HEADER = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<config xmlns=\"http://www.knime.org/2008/09/XMLConfig\" "
        + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        + "xsi:schemaLocation=\"http://www.knime.org/2008/09/XMLConfig http://www.knime.org/XMLConfig_2008_09.xsd\" "
        + "key=\"workflow.knime\">";

    static final List<String> WORKFLOW_KNIME = List.of("created_by xstring", "created_by_nightly xboolean",
        "version xstring", "?workflow_template_information config", "name xstring", "?authorInformation config",
        "?nodeAnnotation config", "customDescription xstring", "state xstring", "?workflow_variables config",
        "workflow_credentials config", "?tableBackend config", "?annotations config", "nodes config",
        "connections config", "?meta_in_ports config", "?meta_out_ports config",
        "?workflow_editor_settings config");

    static final List<String> AUTHOR_INFORMATION = List.of("authored-by xstring", "authored-when xstring",
        "lastEdited-by xstring", "lastEdited-when xstring");

    static final List<String> WORKFLOW_VARIABLE = List.of("name xstring", "class xstring", "value *");

    static final List<String> NODE_ENTRY = List.of("id xint", "node_settings_file xstring",
        "node_is_meta xboolean", "node_type xstring", "ui_classname xstring", "ui_settings config");

    static final List<String> UI_SETTINGS = List.of("extrainfo.node.bounds config");

    static final List<String> BOUNDS = List.of("array-size xint", "0 xint", "1 xint", "2 xint", "3 xint");

    static final List<String> CONNECTION = List.of("sourceID xint", "destID xint", "sourcePort xint",
        "destPort xint", "?ui_classname xstring", "?ui_settings config");

    static final List<String> EDITOR_SETTINGS = List.of("workflow.editor.snapToGrid xboolean",
        "workflow.editor.ShowGrid xboolean", "workflow.editor.gridX xint", "workflow.editor.gridY xint",
        "workflow.editor.zoomLevel xdouble", "workflow.editor.curvedConnections xboolean",
        "workflow.editor.connectionWidth xint");

    static final List<String> SETTINGS_XML = List.of("node_file xstring", "flow_stack config",
        "internal_node_subsettings config", "model config", "?variables config", "?nodeAnnotation config",
        "customDescription xstring", "state xstring", "?nodecontainer_message config", "?isDeletable xboolean",
        "factory xstring", "node-name xstring", "node-bundle-name xstring", "node-bundle-symbolic-name xstring",
        "node-bundle-vendor xstring", "node-bundle-version xstring", "node-feature-name xstring",
        "node-feature-symbolic-name xstring", "node-feature-vendor xstring", "node-feature-version xstring",
        "?factory-id-uniquifier xstring", "factory_settings config", "?node_creation_config config",
        "name xstring", "hasContent xboolean", "isInactive xboolean", "ports config", "filestores config");

    static final List<String> INTERNAL_NODE_SUBSETTINGS = List.of("memory_policy xstring");

    static final List<String> PORT = List.of("index xint", "port_dir_location xstring");

    static final List<String> FILESTORES = List.of("file_store_location xstring", "file_store_id xstring");

    static final List<String> VARIABLES = List.of("tree config", "version xstring");

    static final List<String> VARIABLE_LEAF = List.of("used_variable xstring", "exposed_variable xstring");

    static final List<String> NODE_ANNOTATION = List.of("text xstring", "contentType xstring", "bgcolor xint",
        "x-coordinate xint", "y-coordinate xint", "width xint", "height xint", "alignment xstring",
        "borderSize xint", "borderColor xint", "defFontSize xint", "annotation-version xint", "styles config");

    @TempDir
    static Path tmp;

    static Path dir;

    @BeforeAll
    static void writeWorkflow() throws Exception {
        dir = TestWorkflows.write(TestWorkflows.clusterAndScore("compat"), tmp);
    }

    /**
     * @param config a config
     * @param expected KNIME's keys in KNIME's order ("?key type": optional; type "*": any value type)
     */
    static void assertStructure(final String where, final ConfigBase config, final List<String> expected) {
        List<String> actual = new ArrayList<>();
        for (String key : config.keySet()) {
            actual.add(key + " " + ConfigTrees.typeName(config.getEntry(key)).replace("array", "config"));
        }
        int pos = 0;
        for (String a : actual) {
            int found = -1;
            for (int i = pos; i < expected.size(); i++) {
                String e = expected.get(i).replaceFirst("^\\?", "");
                if (e.equals(a) || (e.endsWith(" *") && a.startsWith(e.substring(0, e.length() - 1)))) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                fail(where + ": \"" + a + "\" is not written by KNIME at this place; KNIME writes " + expected
                    + ", we write " + actual);
            }
            for (int i = pos; i < found; i++) {
                assertTrue(expected.get(i).startsWith("?"),
                    where + ": missing \"" + expected.get(i) + "\"; we write " + actual);
            }
            pos = found + 1;
        }
        for (int i = pos; i < expected.size(); i++) {
            assertTrue(expected.get(i).startsWith("?"), where + ": missing \"" + expected.get(i) + "\"");
        }
    }

    @Test
    void theStructureCheckNoticesDifferences() {
        NodeSettings wrongOrder = new NodeSettings("x");
        wrongOrder.addString("b", "");
        wrongOrder.addString("a", "");
        NodeSettings missing = new NodeSettings("x");
        missing.addString("a", "");
        NodeSettings extra = new NodeSettings("x");
        extra.addString("a", "");
        extra.addString("b", "");
        extra.addString("c", "");
        NodeSettings wrongType = new NodeSettings("x");
        wrongType.addInt("a", 1);
        wrongType.addString("b", "");
        List<String> expected = List.of("a xstring", "?o config", "b xstring");
        assertStructure("ok", missingNothing(), expected);
        for (NodeSettings bad : List.of(wrongOrder, missing, extra, wrongType)) {
            org.junit.jupiter.api.Assertions.assertThrows(org.opentest4j.AssertionFailedError.class,
                () -> assertStructure("bad", bad, expected));
        }
    }

    private static NodeSettings missingNothing() {
        NodeSettings s = new NodeSettings("x");
        s.addString("a", "");
        s.addNodeSettings("o");
        s.addString("b", "");
        return s;
    }

    static ConfigBase sub(final ConfigBase c, final String key) throws Exception {
        return c.getConfigBase(key);
    }

    @Test
    void workflowKnimeHasKnimesKeys() throws Exception {
        NodeSettings wf = SettingsXml.load(dir.resolve("workflow.knime"));
        assertStructure("workflow.knime", wf, WORKFLOW_KNIME);
        assertStructure("authorInformation", sub(wf, "authorInformation"), AUTHOR_INFORMATION);
        assertStructure("workflow_variables/Var_0", sub(sub(wf, "workflow_variables"), "Var_0"), WORKFLOW_VARIABLE);
        assertStructure("workflow_editor_settings", sub(wf, "workflow_editor_settings"), EDITOR_SETTINGS);
        ConfigBase nodes = sub(wf, "nodes");
        for (String key : nodes.keySet()) {
            assertTrue(key.matches("node_\\d+"), key);
            ConfigBase node = sub(nodes, key);
            assertEquals(key, "node_" + node.getInt("id"), "KNIME names the config after the id");
            assertStructure(key, node, NODE_ENTRY);
            assertStructure(key + "/ui_settings", sub(node, "ui_settings"), UI_SETTINGS);
            assertStructure(key + "/bounds", sub(sub(node, "ui_settings"), "extrainfo.node.bounds"), BOUNDS);
            assertEquals("NativeNode", node.getString("node_type"));
        }
        ConfigBase connections = sub(wf, "connections");
        int i = 0;
        for (String key : connections.keySet()) {
            assertEquals("connection_" + i++, key);
            assertStructure(key, sub(connections, key), CONNECTION);
        }
        assertEquals("5.1.0", wf.getString("version"), "LoadVersion.V5100");
        assertEquals("5.8.0", wf.getString("created_by"), "never newer than the oldest KNIME we support");
    }

    @Test
    void settingsXmlHasKnimesKeys() throws Exception {
        try (var folders = Files.list(dir)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                String where = folder.getFileName() + "/settings.xml";
                NodeSettings s = SettingsXml.load(folder.resolve("settings.xml"));
                assertStructure(where, s, SETTINGS_XML);
                assertStructure(where + " internal_node_subsettings", sub(s, "internal_node_subsettings"),
                    INTERNAL_NODE_SUBSETTINGS);
                assertStructure(where + " filestores", sub(s, "filestores"), FILESTORES);
                ConfigBase ports = sub(s, "ports");
                int p = 1;
                for (String key : ports.keySet()) {
                    assertEquals("port_" + p, key, "ports from 1 (0 is the flow variable port)");
                    assertEquals(p++, sub(ports, key).getInt("index"));
                    assertStructure(where + " " + key, sub(ports, key), PORT);
                }
                if (s.containsKey("variables")) {
                    assertStructure(where + " variables", sub(s, "variables"), VARIABLES);
                    assertEquals("V_2019_09_13", sub(s, "variables").getString("version"));
                }
                if (s.containsKey("nodeAnnotation")) {
                    assertStructure(where + " nodeAnnotation", sub(s, "nodeAnnotation"), NODE_ANNOTATION);
                }
            }
        }
        NodeSettings clusterer = SettingsXml.load(dir.resolve("Clusterer (#2)/settings.xml"));
        assertStructure("variables/tree/k", sub(sub(sub(clusterer, "variables"), "tree"), "k"), VARIABLE_LEAF);
    }

    @Test
    void xmlTextIsKnimesXmlConfig() throws Exception {
        String text = Files.readString(dir.resolve("workflow.knime"), StandardCharsets.UTF_8);
        assertTrue(text.startsWith(XMLCONFIG_HEADER), text.substring(0, 300));
        assertTrue(text.contains("    <entry key=\"name\" type=\"xstring\" isnull=\"true\" value=\"\"/>\n"),
            "a null string as KNIME writes it");
        String settings = Files.readString(dir.resolve("Clusterer (#2)/settings.xml"), StandardCharsets.UTF_8);
        assertTrue(settings.contains(" key=\"settings.xml\">\n    <entry key=\"node_file\" type=\"xstring\" "
            + "value=\"settings.xml\"/>\n    <config key=\"flow_stack\"/>\n"), "root key and first entries");
    }

    @Test
    void everyEntryHasATypeKnimeKnows() throws Exception {
        List<String> types = List.of("xstring", "xint", "xdouble", "xfloat", "xlong", "xshort", "xbyte", "xchar",
            "xboolean", "xpassword", "xtransientstring", "config");
        try (var files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".xml") || p.toString().endsWith(".knime"))
                .filter(p -> !p.getFileName().toString().equals("workflow-metadata.xml")).toList()) {
                checkTypes(SettingsXml.load(f), types, f.toString());
            }
        }
    }

    private static void checkTypes(final ConfigBase c, final List<String> types, final String where) {
        for (String key : c.keySet()) {
            AbstractConfigEntry e = c.getEntry(key);
            assertTrue(types.contains(e.getType().name()), where + " " + key + ": " + e.getType());
            if (e instanceof ConfigBase child) {
                checkTypes(child, types, where);
            }
        }
    }
}
