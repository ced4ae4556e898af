package org.deepcluster.batch.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.deepcluster.batch.ExitCodes;
import org.deepcluster.batch.testing.Runs;
import org.deepcluster.batch.testing.Runs.Result;
import org.deepcluster.batch.testing.TestWorkflows;
import org.deepcluster.standin.NodeHarness;
import org.deepcluster.standin.SettingsXml;
import org.deepcluster.standin.Tables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnDomainCreator;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.config.base.ConfigBase;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortType;
import org.knime.core.node.workflow.FlowVariable;

/** Executed state: saved next to the nodes, reused when nothing changed, re-executed when something did. */
class ExecutedStateTest {

    @TempDir
    Path tmp;

    Path wf;

    Path out;

    @BeforeEach
    void writeWorkflow() throws Exception {
        wf = TestWorkflows.write(TestWorkflows.clusterAndScore("state"), tmp);
        out = tmp.resolve("out");
    }

    private Result run(final String... extra) {
        String[] args = Stream.concat(Stream.of("-workflowDir=" + wf, "-outputDir=" + out), Stream.of(extra))
            .toArray(String[]::new);
        Result r = Runs.run(args);
        assertEquals(ExitCodes.SUCCESS, r.exitCode(), r.toString());
        return r;
    }

    private Map<String, String> outputs() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(out)) {
            for (Path p : s.sorted().toList()) {
                files.put(p.getFileName().toString(), p.toString().endsWith(".png") ? "png"
                    : Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    @Test
    void savedStateIsReusedWhenNothingChanged() throws Exception {
        run();
        Path state = wf.resolve("Clusterer (#2)").resolve(ExecutedState.FOLDER);
        assertTrue(Files.isRegularFile(state.resolve(ExecutedState.STATE_FILE)));
        assertTrue(Files.isRegularFile(state.resolve("port_0").resolve(TableFile.SPEC_FILE)));
        assertTrue(Files.isRegularFile(state.resolve("port_1").resolve(ExecutedState.PORT_OBJECT_FILE)),
            "the Cluster Model: KNIME's port object zip format");
        assertTrue(Files.isRegularFile(wf.resolve("Image Maker (#5)").resolve(ExecutedState.FOLDER)
            .resolve("port_0").resolve(ExecutedState.PORT_OBJECT_FILE)), "other port objects: KNIME's zip format");
        Map<String, String> first = outputs();

        Result again = run();
        assertTrue(again.out().contains("5 nodes: 0 executed, 5 reused"), again.out());
        assertTrue(again.err().contains("Clusterer (#2): reused saved outputs"), again.err());
        assertFalse(again.err().contains("executing"), again.err());
        assertTrue(again.out().contains("ARI = 1.0"), "reused nodes' variables: " + again.out());
        assertEquals(first, outputs(), "the same outputs from the saved state");
    }

    @Test
    void settingsXmlStaysLoadableByKnime() throws Exception {
        run();
        NodeSettings s = SettingsXml.load(wf.resolve("Clusterer (#2)/settings.xml"));
        assertEquals("CONFIGURED", s.getString("state"), "never EXECUTED: KNIME has no port data to load");
        assertFalse(s.getBoolean("hasContent"));
        assertNull(s.getNodeSettings("ports").getNodeSettings("port_1").getString("port_dir_location"));
    }

    @Test
    void changedSettingExecutesTheNodeAndEverythingDownstream() {
        run();
        Result r = run("-option=2,restarts,2,int");
        assertTrue(r.out().contains("3 executed, 2 reused"), r.out());
        assertTrue(r.err().contains("Table Creator (#1): reused"), r.err());
        assertTrue(r.err().contains("Image Maker (#5): reused"), r.err());
        assertTrue(r.err().contains("Clustering Scorer (#3): executing"), r.err());
        Result third = run();
        assertTrue(third.out().contains("0 executed, 5 reused"), "the new settings were saved: " + third.out());
    }

    @Test
    void changedVariableExecutesTheNodesThatSeeIt() {
        run();
        // a node may read any flow variable it sees, so a changed workflow variable (seen by all) re-executes all
        Result r = run("-workflow.variable=k,3,int");
        assertTrue(r.out().contains("5 executed, 0 reused"), r.out());
        Result same = run("-workflow.variable=k,3,int");
        assertTrue(same.out().contains("0 executed, 5 reused"), same.out());
    }

    @Test
    void resetExecutesEverything() {
        run();
        Result r = run("-reset");
        assertTrue(r.out().contains("5 executed, 0 reused"), r.out());
    }

    @Test
    void nosaveDoesNotReuseWhatWasNotSaved() {
        run("-nosave");
        Result r = run("-nosave");
        assertTrue(r.out().contains("5 executed, 0 reused"), r.out());
    }

    @Test
    void unreadableStateIsExecutedAgain() throws Exception {
        run();
        Files.writeString(wf.resolve("Table Creator (#1)").resolve(ExecutedState.FOLDER).resolve("port_0")
            .resolve(TableFile.DATA_FILE), "RowID,x,y,label\nRow0,not a number,1,a\n");
        Result r = run();
        assertTrue(r.err().contains("saved outputs of Table Creator (#1) cannot be used, executing it again"),
            r.err());
        assertTrue(r.out().contains("1 executed, 4 reused"), r.out());
    }

    @Test
    void knimeExecutedNodesAreReexecutedAndTheirKnimeDataDereferenced() throws Exception {
        Path file = wf.resolve("Table Creator (#1)/settings.xml");
        NodeSettings s = SettingsXml.load(file);
        s.addString("state", "EXECUTED");
        s.addBoolean("hasContent", true);
        ((ConfigBase)s.getNodeSettings("ports").getNodeSettings("port_1")).addString("port_dir_location", "port_1");
        SettingsXml.save(s, file);
        run();
        NodeSettings after = SettingsXml.load(file);
        assertEquals("CONFIGURED", after.getString("state"));
        assertFalse(after.getBoolean("hasContent"));
        assertNull(after.getNodeSettings("ports").getNodeSettings("port_1").getString("port_dir_location"));
    }

    @Test
    void tablesComeBackExactly(@TempDir final Path folder) throws Exception {
        DataColumnSpecCreator label = new DataColumnSpecCreator("label", StringCell.TYPE);
        label.setDomain(new DataColumnDomainCreator(new LinkedHashSet<>(List.of(new StringCell("a"),
            new StringCell("b, \"c\""), new StringCell("never used")))).createDomain());
        DataTableSpec spec = new DataTableSpec("scores", new DataColumnSpecCreator("x", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("n", IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator("big", LongCell.TYPE).createSpec(),
            new DataColumnSpecCreator("ok", BooleanCell.TYPE).createSpec(), label.createSpec());
        List<DataRow> rows = List.of(row("r,1", 0.1, 1, 1L << 40, true, "a"),
            row("r\"2\"", Double.NaN, null, -3L, false, "b, \"c\""), row("line\nbreak", null, -7, null, null, ""),
            row(" spaced ", 1e-300, 0, 0L, true, null));
        // made like a node makes tables (the spec's domain is kept and extended): the domain lists "never used"
        BufferedDataTable table = (BufferedDataTable)NodeHarness.forModel(new ReplayNodeModel(
            new PortType[]{BufferedDataTable.TYPE},
            new ReplayNodeModel.Output[]{new ReplayNodeModel.Output(new TableFile.Content(spec, rows), null)}))
            .execute()[0];
        ExecutedState.save(folder, "key", "factory", new PortObject[]{table}, List.of(new FlowVariable("v", 2.5)),
            "careful");
        assertEquals("key", ExecutedState.savedKey(folder).orElseThrow());
        ExecutedState.Saved saved = ExecutedState.load(folder, new PortType[]{BufferedDataTable.TYPE});
        BufferedDataTable back = (BufferedDataTable)saved.outputs()[0];
        assertEquals(table.getDataTableSpec(), back.getDataTableSpec(), "spec with domain");
        assertTrue(back.getDataTableSpec().getColumnSpec("label").getDomain().getValues()
            .contains(new StringCell("never used")), "the saved domain, not one recomputed from the rows");
        List<DataRow> expected = Tables.rows(table);
        List<DataRow> actual = Tables.rows(back);
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).getKey(), actual.get(i).getKey());
            for (int c = 0; c < spec.getNumColumns(); c++) {
                assertEquals(expected.get(i).getCell(c), actual.get(i).getCell(c), "row " + i + " column " + c);
            }
        }
        assertEquals(List.of(new FlowVariable("v", 2.5)), saved.pushedVariables());
        assertEquals("careful", saved.warning());
    }

    private static DataRow row(final String key, final Object... values) {
        return new DefaultRow(key, Arrays.stream(values).map(Tables::cell).toArray(DataCell[]::new));
    }

    @Test
    void cellsOfAnotherTypeThanTheColumnAreRefusedAndNothingIsLeftBehind(@TempDir final Path folder) {
        DataTableSpec spec = new DataTableSpec(new DataColumnSpecCreator("x", DoubleCell.TYPE).createSpec());
        BufferedDataTable table = Tables.table(spec, List.of(row("Row0", 3))); // an IntCell in a double column
        assertThrows(UnsupportedDataException.class, () -> ExecutedState.save(folder, "k", "f",
            new PortObject[]{table}, List.of(), null));
        assertFalse(Files.exists(folder.resolve(ExecutedState.FOLDER)));
        assertFalse(Files.exists(folder.resolve(ExecutedState.FOLDER + ".tmp")));
    }
}
