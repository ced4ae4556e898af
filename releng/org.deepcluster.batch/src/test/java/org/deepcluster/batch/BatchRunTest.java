package org.deepcluster.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.deepcluster.batch.state.ExecutedState;
import org.deepcluster.batch.testing.Runs;
import org.deepcluster.batch.testing.Runs.Result;
import org.deepcluster.batch.testing.TestWorkflows;
import org.deepcluster.standin.SettingsXml;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.NodeSettings;

/** The command line: every flag, the exit codes, progress, summary and outputs. */
class BatchRunTest {

    @TempDir
    Path tmp;

    Path wf;

    Path out;

    @BeforeEach
    void writeWorkflow() throws Exception {
        wf = TestWorkflows.write(TestWorkflows.clusterAndScore("demo"), tmp);
        out = tmp.resolve("out");
    }

    private static String read(final Path file) throws Exception {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static String snapshot(final Path dir) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted().toList()) {
                sb.append(dir.relativize(f)).append('\n');
                if (Files.isRegularFile(f)) {
                    sb.append(read(f)).append('\n');
                }
            }
        }
        return sb.toString();
    }

    @Test
    void executesTheWorkflow() throws Exception {
        Result r = Runs.run("-workflowDir=" + wf, "-outputDir=" + out, "-nosave");
        assertEquals(ExitCodes.SUCCESS, r.exitCode(), r.toString());
        assertTrue(r.out().contains("5 nodes: 5 executed, 0 reused, 0 failed, 0 skipped"), r.out());
        assertTrue(r.out().contains("ARI = 1.0 (double, from Clustering Scorer (#3))"), "pushed variables: " + r.out());
        assertTrue(r.err().contains("[2/5] Clusterer (#2): executing"), r.err());
        assertTrue(r.err().matches("(?s).*\\[1/5\\] Table Creator \\(#1\\): \\d+% Row \\d of 6.*"),
            "progress with percent and message: " + r.err());
        assertTrue(r.err().contains("[2/5] Clusterer (#2): executed in"), r.err());
        // the Scorer's ARI reaches the node downstream as a flow variable
        assertEquals("RowID,name,value\nRow0,ARI,1.0\n", read(out.resolve("4_Variable_Reader_port0.csv")));
    }

    @Test
    void writesEveryOutputTableAsCsvAndImagesAsPng() throws Exception {
        Result r = Runs.run("-workflowDir=" + wf, "-outputDir=" + out, "-nosave");
        assertEquals(0, r.exitCode(), r.toString());
        List<String> files;
        try (Stream<Path> s = Files.list(out)) {
            files = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        // the Clusterer's port 1 is its Cluster Model: no file
        assertEquals(List.of("1_Table_Creator_port0.csv", "2_Clusterer_port0.csv",
            "3_Clustering_Scorer_port0.csv", "3_Clustering_Scorer_port1.csv", "4_Variable_Reader_port0.csv",
            "5_Image_Maker_port0.png", "flow-variables.csv"), files);
        List<String> clustered = Files.readAllLines(out.resolve("2_Clusterer_port0.csv"));
        assertEquals("RowID,x,y,label,Cluster", clustered.get(0), "header, RowID first");
        assertEquals(7, clustered.size());
        assertTrue(clustered.get(1).matches("Row0,0\\.0,0\\.1,a,Cluster_[01]"), clustered.get(1));
        byte[] png = Files.readAllBytes(out.resolve("5_Image_Maker_port0.png"));
        assertEquals((byte)0x89, png[0]);
        assertEquals('P', png[1]);
        String vars = read(out.resolve("flow-variables.csv"));
        assertTrue(vars.startsWith("node_id,node,name,type,value\n"), vars);
        assertTrue(vars.contains("3,Clustering Scorer,ARI,double,1.0\n"), vars);
        assertTrue(vars.contains("1,Table Creator,row_count,int,6\n"), vars);
    }

    @Test
    void defaultOutputDirIsNextToTheWorkflow() {
        Result r = Runs.run("-workflowDir=" + wf, "-nosave");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(Files.isRegularFile(tmp.resolve("demo-output/3_Clustering_Scorer_port0.csv")));
    }

    @Test
    void workflowVariableReachesBoundSetting() throws Exception {
        Result r = Runs.run("-workflowDir=" + wf, "-outputDir=" + out, "-nosave", "-workflow.variable=k,3,int");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(3, Files.readAllLines(out.resolve("2_Clusterer_port0.csv")).stream().skip(1)
            .map(line -> line.substring(line.lastIndexOf(',') + 1)).distinct().count(), "k=3: three clusters");
        Result quoted = Runs.run("-workflowDir=" + wf, "-outputDir=" + out, "-nosave",
            "-workflow.variable=label,\"a, b\",String");
        assertEquals(0, quoted.exitCode(), quoted.toString());
        assertTrue(quoted.err().contains("\"label\" is potentially unused"), quoted.err());
    }

    @Test
    void workflowVariableVisibleToNodes() throws Exception {
        Result r = Runs.run("-workflowDir=" + wf, "-outputDir=" + out, "-nosave",
            "-option=4,variable,greeting,String", "-workflow.variable=greeting,hello,String");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("RowID,name,value\nRow0,greeting,hello\n", read(out.resolve("4_Variable_Reader_port0.csv")));
    }

    @Test
    void optionChangesSettingAndIsSaved() throws Exception {
        Result r = Runs.run("-workflowDir=" + wf, "-outputDir=" + out, "-option=2,cluster_column,Group,String",
            "-option=3,cluster_column,Group,String");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(Files.readAllLines(out.resolve("2_Clusterer_port0.csv")).get(0).endsWith(",Group"));
        NodeSettings saved = SettingsXml.load(wf.resolve("Clusterer (#2)/settings.xml"));
        assertEquals("Group", saved.getNodeSettings("model").getString("cluster_column"), "saved like KNIME does");
    }

    @Test
    void optionTypes() throws Exception {
        Result r = Runs.run("-workflowDir=" + wf, "-outputDir=" + out, "-nosave", "-option=2,restarts,2,int",
            "-option=2,seed,11,long", "-option=2,tolerance,0.001,double", "-option=2,all_numeric_columns,true,boolean");
        assertEquals(0, r.exitCode(), r.toString());
    }

    @Test
    void optionOnMissingNodeIsIgnoredWithWarningLikeKnime() {
        Result r = Runs.run("-workflowDir=" + wf, "-outputDir=" + out, "-nosave", "-option=9,k,2,int");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.err().contains("no node with id 9 found"), r.err());
    }

    @Test
    void badArgumentsExitWith2AndPrintUsage() {
        for (String[] args : List.of(new String[0], new String[]{"-workflowDir=" + tmp.resolve("nope")},
            new String[]{"-workflowDir=" + wf, "-frobnicate"}, new String[]{"-workflowDir=" + wf, "-reset=yes"},
            new String[]{"-workflowDir=" + wf, "-workflow.variable=k,3,float"},
            new String[]{"-workflowDir=" + wf, "-workflow.variable=k,three,int"},
            new String[]{"-workflowDir=" + wf, "-workflow.variable=k,3"},
            new String[]{"-workflowDir=" + wf, "-option=2,k,3"}, new String[]{"-workflowDir=" + wf, "-option=x,k,3,int"},
            new String[]{"-workflowDir=" + wf, "-option=2,k,3,integer"},
            new String[]{"-workflowDir=" + wf, "-option=2,k,three,int"},
            new String[]{"-workflowDir=" + wf, "-option=2,k,3,IntCell"},
            new String[]{"-workflowDir=" + wf, "-workflowFile=" + wf.resolve("workflow.knime")},
            new String[]{"-workflowFile=" + tmp.resolve("missing.knwf")})) {
            Result r = Runs.run(args);
            assertEquals(ExitCodes.BAD_ARGUMENTS, r.exitCode(), String.join(" ", args) + "\n" + r);
            assertTrue(r.err().contains("Usage: knime-batch"), r.err());
        }
    }

    @Test
    void helpExitsWith0() {
        Result r = Runs.run("-help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("-workflow.variable=name,value,type"), r.out());
    }

    @Test
    void knimeLauncherArgumentsAreIgnored() {
        Result r = Runs.run("-nosplash", "-consoleLog", "-application", "org.knime.product.KNIME_BATCH_APPLICATION",
            "-data", tmp.resolve("ws").toString(), "-workflowDir=" + wf, "-reset", "-nosave", "-failonloaderror",
            "-outputDir=" + out, "-vmargs", "-Djava.awt.headless=true", "-Xmx2g");
        assertEquals(0, r.exitCode(), r.toString());
    }

    @Test
    void loadErrorExitsWith3() throws Exception {
        Files.writeString(wf.resolve("Clusterer (#2)/settings.xml"), "<config");
        Result r = Runs.run("-workflowDir=" + wf, "-nosave");
        assertEquals(ExitCodes.LOAD_ERROR, r.exitCode(), r.toString());
        assertTrue(r.err().contains("Cannot load workflow") && r.err().contains("Clusterer (#2)/settings.xml"),
            r.err());
    }

    @Test
    void optionTheNodeRejectsExitsWith3() {
        Result r = Runs.run("-workflowDir=" + wf, "-nosave", "-option=2,restarts,0,int");
        assertEquals(ExitCodes.LOAD_ERROR, r.exitCode(), r.toString());
        assertTrue(r.err().contains("Clusterer (#2) rejects the settings"), r.err());
        Result missingConfig = Runs.run("-workflowDir=" + wf, "-nosave", "-option=2,nested/k,3,int");
        assertEquals(ExitCodes.LOAD_ERROR, missingConfig.exitCode(), missingConfig.toString());
    }

    @Test
    void nodeFailureExitsWith4AndKeepsOutputsOfNodesThatSucceeded() throws Exception {
        // k = 10 > 6 rows: the Clusterer fails; the Scorer and Variable Reader behind it are skipped;
        // the Table Creator and the Image Maker (another branch) succeed
        Result r = Runs.run("-workflowDir=" + wf, "-outputDir=" + out, "-workflow.variable=k,10,int");
        assertEquals(ExitCodes.EXECUTION_ERROR, r.exitCode(), r.toString());
        assertTrue(r.err().contains("Clusterer (#2): FAILED: Setting 'Number of clusters (k)' (10) is larger"),
            r.err());
        assertTrue(r.err().contains("Workflow execution failed: Clusterer (#2)"), r.err());
        assertTrue(r.out().contains("2 executed, 0 reused, 1 failed, 2 skipped"), r.out());
        assertTrue(Files.isRegularFile(out.resolve("1_Table_Creator_port0.csv")));
        assertTrue(Files.isRegularFile(out.resolve("5_Image_Maker_port0.png")));
        assertFalse(Files.exists(out.resolve("2_Clusterer_port0.csv")));
        // saved: the successful nodes' state, the error as the Clusterer's node message
        assertTrue(Files.isDirectory(wf.resolve("Table Creator (#1)").resolve(ExecutedState.FOLDER)));
        assertFalse(Files.exists(wf.resolve("Clusterer (#2)").resolve(ExecutedState.FOLDER)));
        NodeSettings clusterer = SettingsXml.load(wf.resolve("Clusterer (#2)/settings.xml"));
        assertEquals("ERROR", clusterer.getNodeSettings("nodecontainer_message").getString("type"));
        assertEquals("CONFIGURED", clusterer.getString("state"));
    }

    @Test
    void nosaveLeavesTheWorkflowUntouched() throws Exception {
        String before = snapshot(wf);
        Result r = Runs.run("-workflowDir=" + wf, "-outputDir=" + out, "-nosave", "-option=2,restarts,2,int");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(before, snapshot(wf));
        assertTrue(r.out().contains("Workflow not saved (-nosave)"), r.out());
    }

    @Test
    void destDirGetsTheExecutedCopyAndTheSourceStaysAsItWas() throws Exception {
        String before = snapshot(wf);
        Path dest = tmp.resolve("executed");
        Result r = Runs.run("-workflowDir=" + wf, "-outputDir=" + out, "-destDir=" + dest,
            "-option=2,restarts,2,int");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(before, snapshot(wf));
        assertTrue(Files.isRegularFile(dest.resolve("workflow.knime")));
        assertTrue(Files.isRegularFile(dest.resolve("Clusterer (#2)").resolve(ExecutedState.FOLDER)
            .resolve(ExecutedState.STATE_FILE)));
        assertEquals(2, SettingsXml.load(dest.resolve("Clusterer (#2)/settings.xml")).getNodeSettings("model")
            .getInt("restarts"));
        // a rerun from the copy reuses everything
        Result again = Runs.run("-workflowDir=" + dest, "-outputDir=" + out, "-nosave");
        assertTrue(again.out().contains("0 executed, 5 reused"), again.out());
        // a non-workflow folder is not overwritten
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("notes.txt"), "mine");
        Result refused = Runs.run("-workflowDir=" + wf, "-destDir=" + other);
        assertEquals(ExitCodes.BAD_ARGUMENTS, refused.exitCode(), refused.toString());
        assertEquals("mine", read(other.resolve("notes.txt")));
    }

    @Test
    void workflowVariablesOfTheCommandLineAreSaved() throws Exception {
        Result r = Runs.run("-workflowDir=" + wf, "-outputDir=" + out, "-workflow.variable=k,3,int");
        assertEquals(0, r.exitCode(), r.toString());
        NodeSettings saved = SettingsXml.load(wf.resolve("workflow.knime"));
        assertEquals(3, saved.getNodeSettings("workflow_variables").getNodeSettings("Var_0").getInt("value"));
    }

    @Test
    void noexecuteAppliesOptionsAndSavesWithoutExecuting() throws Exception {
        Result r = Runs.run("-workflowDir=" + wf, "-noexecute", "-option=2,restarts,4,int");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("not executed (-noexecute)"), r.out());
        assertEquals(4, SettingsXml.load(wf.resolve("Clusterer (#2)/settings.xml")).getNodeSettings("model")
            .getInt("restarts"));
        assertFalse(Files.exists(wf.resolve("Clusterer (#2)").resolve(ExecutedState.FOLDER)));
    }

    @Test
    void warningsBecomeNodeMessages() throws Exception {
        // a missing x (the value of -option may contain commas, as in KNIME) with missing_values=SKIP: the Clusterer
        // warns about the skipped row
        Result r = Runs.run("-workflowDir=" + wf, "-outputDir=" + out,
            "-option=1,rows/0,?,0.1,a,String", "-option=2,missing_values,SKIP_ROW,String", "-option=3,missing_values,SKIP_ROW,String");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.err().contains("Clusterer (#2): WARNING: 1 of 6 rows were skipped"), r.err());
        NodeSettings clusterer = SettingsXml.load(wf.resolve("Clusterer (#2)/settings.xml"));
        assertEquals("WARNING", clusterer.getNodeSettings("nodecontainer_message").getString("type"));
    }
}
