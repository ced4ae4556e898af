package org.deepcluster.batch.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.deepcluster.batch.workflow.WorkflowKeys;

/**
 * KNIME workflow archives (.knwf, a zip with the workflow folder at its top level): finding the workflow in an
 * extracted archive, and writing a workflow folder as an archive.
 */
public final class WorkflowArchive {

    /** KNIME's lock file, never archived. */
    private static final String LOCK_FILE = ".knime.lock";

    private WorkflowArchive() {
    }

    /**
     * @param extracted the folder an archive was extracted into
     * @return the workflow folder: the folder itself if it has a workflow.knime, else its only sub-folder with one
     * @throws IOException if there is no workflow or more than one
     */
    public static Path locateWorkflow(final Path extracted) throws IOException {
        if (Files.isRegularFile(extracted.resolve(WorkflowKeys.WORKFLOW_FILE))) {
            return extracted;
        }
        List<Path> candidates;
        try (Stream<Path> children = Files.list(extracted)) {
            candidates = children.filter(Files::isDirectory)
                .filter(d -> Files.isRegularFile(d.resolve(WorkflowKeys.WORKFLOW_FILE))).toList();
        }
        if (candidates.size() != 1) {
            throw new IOException(candidates.isEmpty() ? "the archive holds no workflow (no workflow.knime)"
                : "the archive holds " + candidates.size() + " workflows; expected one");
        }
        return candidates.get(0);
    }

    /**
     * Writes the workflow folder into a zip (entries "&lt;folder name&gt;/..."); the file is replaced only once the
     * new archive is complete.
     *
     * @param workflowDir the workflow folder
     * @param zipFile the archive to write
     * @throws IOException if writing fails
     */
    public static void write(final Path workflowDir, final Path zipFile) throws IOException {
        Path dir = workflowDir.toAbsolutePath().normalize();
        Path parent = zipFile.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, zipFile.getFileName().toString(), ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(os)) {
                String root = dir.getFileName().toString();
                Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(final Path d, final BasicFileAttributes attrs)
                        throws IOException {
                        zip.putNextEntry(new ZipEntry(entryName(root, dir, d) + "/"));
                        zip.closeEntry();
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(final Path f, final BasicFileAttributes attrs)
                        throws IOException {
                        if (attrs.isRegularFile() && !f.getFileName().toString().equals(LOCK_FILE)) {
                            zip.putNextEntry(new ZipEntry(entryName(root, dir, f)));
                            Files.copy(f, zip);
                            zip.closeEntry();
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            }
            Files.move(tmp, zipFile, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String entryName(final String root, final Path dir, final Path p) {
        String relative = dir.relativize(p).toString().replace('\\', '/');
        return relative.isEmpty() ? root : root + "/" + relative;
    }
}
