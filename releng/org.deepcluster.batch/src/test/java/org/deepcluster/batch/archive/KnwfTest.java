package org.deepcluster.batch.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.deepcluster.batch.ExitCodes;
import org.deepcluster.batch.state.ExecutedState;
import org.deepcluster.batch.testing.Runs;
import org.deepcluster.batch.testing.Runs.Result;
import org.deepcluster.batch.testing.TestWorkflows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** -workflowFile: running archived workflows, saving them back, and refusing unsafe archives. */
class KnwfTest {

    @TempDir
    Path tmp;

    Path knwf;

    @BeforeEach
    void archiveWorkflow() throws Exception {
        Path wf = TestWorkflows.write(TestWorkflows.clusterAndScore("demo"), tmp.resolve("src"));
        knwf = tmp.resolve("demo.knwf");
        WorkflowArchive.write(wf, knwf);
    }

    private static List<String> entries(final Path zip) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            List<String> names = new ArrayList<>();
            z.stream().forEach(e -> names.add(e.getName()));
            return names;
        }
    }

    @Test
    void runsAnArchiveAndSavesItBack() throws Exception {
        assertTrue(entries(knwf).contains("demo/workflow.knime"));
        Result r = Runs.run("-workflowFile=" + knwf);
        assertEquals(ExitCodes.SUCCESS, r.exitCode(), r.toString());
        assertTrue(Files.isRegularFile(tmp.resolve("demo-output/3_Clustering_Scorer_port0.csv")),
            "outputs next to the archive");
        assertTrue(entries(knwf).contains("demo/Clusterer (#2)/" + ExecutedState.FOLDER + "/state.xml"),
            "saved into the archive, as KNIME does without -destFile");
        Result again = Runs.run("-workflowFile=" + knwf, "-nosave");
        assertTrue(again.out().contains("0 executed, 5 reused"), again.out());
    }

    @Test
    void nosaveLeavesTheArchiveAlone() throws Exception {
        byte[] before = Files.readAllBytes(knwf);
        Result r = Runs.run("-workflowFile=" + knwf, "-nosave", "-outputDir=" + tmp.resolve("o"));
        assertEquals(ExitCodes.SUCCESS, r.exitCode(), r.toString());
        assertArrayEquals(before, Files.readAllBytes(knwf));
    }

    @Test
    void destFileAndDestDir() throws Exception {
        byte[] before = Files.readAllBytes(knwf);
        Path dest = tmp.resolve("executed.knwf");
        Result r = Runs.run("-workflowFile=" + knwf, "-destFile=" + dest, "-outputDir=" + tmp.resolve("o"));
        assertEquals(ExitCodes.SUCCESS, r.exitCode(), r.toString());
        assertArrayEquals(before, Files.readAllBytes(knwf));
        assertTrue(entries(dest).contains("demo/Table Creator (#1)/" + ExecutedState.FOLDER + "/state.xml"));
        Path dir = tmp.resolve("executed-dir");
        Result d = Runs.run("-workflowFile=" + knwf, "-destDir=" + dir, "-outputDir=" + tmp.resolve("o"));
        assertEquals(ExitCodes.SUCCESS, d.exitCode(), d.toString());
        assertTrue(Files.isRegularFile(dir.resolve("workflow.knime")));
    }

    private Path zip(final String name, final String... entryNames) throws IOException {
        Path zip = tmp.resolve(name);
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(os)) {
            for (String e : entryNames) {
                z.putNextEntry(new ZipEntry(e));
                z.write("evil".getBytes());
                z.closeEntry();
            }
        }
        return zip;
    }

    @Test
    void zipSlipIsRefused() throws Exception {
        for (String evil : List.of("../evil.txt", "demo/../../evil.txt", "/tmp/evil-knwf-test.txt",
            "..\\evil.txt", "C:/evil.txt", "C:\\evil.txt", "\\\\server\\evil.txt")) {
            Path zip = zip("slip.knwf", "demo/workflow.knime", evil);
            Result r = Runs.run("-workflowFile=" + zip, "-nosave");
            assertEquals(ExitCodes.LOAD_ERROR, r.exitCode(), evil + "\n" + r);
            assertTrue(r.err().contains("Cannot extract workflow archive"), r.err());
            assertTrue(r.err().contains("absolute") || r.err().contains("leaves the target folder"), r.err());
        }
        assertFalse(Files.exists(tmp.resolve("evil.txt")));
        assertFalse(Files.exists(Path.of("/tmp/evil-knwf-test.txt")));
    }

    @Test
    void zipBombsAreRefused() throws Exception {
        Path bomb = tmp.resolve("bomb.knwf");
        try (OutputStream os = Files.newOutputStream(bomb); ZipOutputStream z = new ZipOutputStream(os)) {
            z.putNextEntry(new ZipEntry("demo/workflow.knime"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 20; i++) {
                z.write(zeros); // 20 MiB of zeros compress to about 20 KiB
            }
            z.closeEntry();
        }
        Path target = tmp.resolve("x");
        UnsafeArchiveException total = assertThrows(UnsafeArchiveException.class,
            () -> SafeUnzip.extract(bomb, target, new SafeUnzip.Limits(1 << 20, 1L << 30, 100, 1000, 1L << 30)));
        assertTrue(total.getMessage().contains("more than 1048576 bytes uncompressed"), total.getMessage());
        UnsafeArchiveException entry = assertThrows(UnsafeArchiveException.class,
            () -> SafeUnzip.extract(bomb, target, new SafeUnzip.Limits(1L << 30, 1 << 20, 100, 1000, 1L << 30)));
        assertTrue(entry.getMessage().contains("is larger than"), entry.getMessage());
        UnsafeArchiveException ratio = assertThrows(UnsafeArchiveException.class,
            () -> SafeUnzip.extract(bomb, target, new SafeUnzip.Limits(1L << 30, 1L << 30, 100, 100, 1 << 20)));
        assertTrue(ratio.getMessage().contains("compression ratio above 100"), ratio.getMessage());
        Path many = zip("many.knwf", "a", "b", "c", "d");
        UnsafeArchiveException count = assertThrows(UnsafeArchiveException.class,
            () -> SafeUnzip.extract(many, target, new SafeUnzip.Limits(1L << 30, 1L << 30, 3, 100, 1L << 30)));
        assertTrue(count.getMessage().contains("more than 3 entries"), count.getMessage());
        // through the command line with the default limits (ratio 200 above 16 MiB): refused too, exit code 3
        Result r = Runs.run("-workflowFile=" + bomb, "-nosave");
        assertEquals(ExitCodes.LOAD_ERROR, r.exitCode(), r.toString());
        assertTrue(r.err().contains("zip bomb"), r.err());
    }

    @Test
    void archiveWithoutWorkflowIsALoadError() throws Exception {
        Result r = Runs.run("-workflowFile=" + zip("empty.knwf", "readme.txt"), "-nosave");
        assertEquals(ExitCodes.LOAD_ERROR, r.exitCode(), r.toString());
        assertTrue(r.err().contains("holds no workflow"), r.err());
        Files.writeString(tmp.resolve("not-a-zip.knwf"), "hello");
        Result notZip = Runs.run("-workflowFile=" + tmp.resolve("not-a-zip.knwf"), "-nosave");
        assertEquals(ExitCodes.LOAD_ERROR, notZip.exitCode(), notZip.toString());
    }

    @Test
    void safeEntryNamesResolveInsideTheTarget() throws Exception {
        Path base = tmp.toAbsolutePath().normalize();
        assertEquals(base.resolve("demo/Clusterer (#2)/settings.xml"),
            SafeUnzip.resolve(base, "demo/Clusterer (#2)/settings.xml", knwf));
        assertEquals(base.resolve("demo/a/b"), SafeUnzip.resolve(base, "demo\\a\\b", knwf));
        assertThrows(UnsafeArchiveException.class, () -> SafeUnzip.resolve(base, "a/../../b", knwf));
        assertThrows(UnsafeArchiveException.class, () -> SafeUnzip.resolve(base, "", knwf));
        assertThrows(UnsafeArchiveException.class, () -> SafeUnzip.resolve(base, "a\0b", knwf));
    }
}
