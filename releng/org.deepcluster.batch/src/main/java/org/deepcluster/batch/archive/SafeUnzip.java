package org.deepcluster.batch.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Extracts a zip archive (a .knwf workflow export) into a folder without trusting it:
 * <ul>
 * <li>entry names must be relative paths that stay inside the folder: no absolute paths ("/x", "C:\x", "\\x"),
 * no ".." segments, no NUL characters (zip slip);</li>
 * <li>the uncompressed size is counted while extracting (the sizes in the archive may lie) and limited in total
 * and per entry, as are the number of entries and the ratio of uncompressed to compressed bytes (zip bombs).</li>
 * </ul>
 * Only files and folders are created; nothing outside the target folder is written, not even on failure (what was
 * extracted stays in the target folder, which the caller should delete).
 */
public final class SafeUnzip {

    /**
     * @param maxTotalBytes the most uncompressed bytes in all
     * @param maxEntryBytes the most uncompressed bytes per entry
     * @param maxEntries the most entries
     * @param maxRatio the most uncompressed bytes per compressed byte, checked once more than
     *            {@code ratioThresholdBytes} are extracted
     * @param ratioThresholdBytes below this many uncompressed bytes the ratio is not checked
     */
    public record Limits(long maxTotalBytes, long maxEntryBytes, int maxEntries, int maxRatio,
        long ratioThresholdBytes) {
    }

    /** Generous for workflows with data: 4 GiB in all, 2 GiB per file, 100,000 entries, ratio 200 above 16 MiB. */
    public static final Limits DEFAULT_LIMITS = new Limits(4L << 30, 2L << 30, 100_000, 200, 16L << 20);

    private SafeUnzip() {
    }

    /**
     * @param zip the archive
     * @param target the folder to extract into (created)
     * @param limits the limits
     * @throws UnsafeArchiveException if an entry escapes the folder or a limit is exceeded
     * @throws IOException if reading or writing fails or the archive is corrupt
     */
    public static void extract(final Path zip, final Path target, final Limits limits) throws IOException {
        Path base = target.toAbsolutePath().normalize();
        Files.createDirectories(base);
        try (CountingInputStream raw = new CountingInputStream(Files.newInputStream(zip));
                ZipInputStream in = new ZipInputStream(raw)) {
            long total = 0;
            int entries = 0;
            ZipEntry e;
            byte[] buffer = new byte[64 * 1024];
            while ((e = in.getNextEntry()) != null) {
                if (++entries > limits.maxEntries()) {
                    throw new UnsafeArchiveException(zip + ": more than " + limits.maxEntries() + " entries");
                }
                Path dest = resolve(base, e.getName(), zip);
                if (e.isDirectory()) {
                    Files.createDirectories(dest);
                    continue;
                }
                Files.createDirectories(dest.getParent());
                long entryBytes = 0;
                try (OutputStream out = Files.newOutputStream(dest)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        entryBytes += n;
                        total += n;
                        if (entryBytes > limits.maxEntryBytes()) {
                            throw new UnsafeArchiveException(zip + ": entry \"" + e.getName()
                                + "\" is larger than " + limits.maxEntryBytes() + " bytes uncompressed");
                        }
                        if (total > limits.maxTotalBytes()) {
                            throw new UnsafeArchiveException(
                                zip + ": more than " + limits.maxTotalBytes() + " bytes uncompressed");
                        }
                        if (total > limits.ratioThresholdBytes()
                            && total > (long)limits.maxRatio() * Math.max(1, raw.count())) {
                            throw new UnsafeArchiveException(zip + ": compression ratio above " + limits.maxRatio()
                                + " (a zip bomb?) at entry \"" + e.getName() + "\"");
                        }
                        out.write(buffer, 0, n);
                    }
                }
            }
            if (entries == 0) {
                throw new ZipException(zip + ": not a zip archive or empty");
            }
        }
    }

    /**
     * @param base the target folder (absolute, normalized)
     * @param name an entry name
     * @param zip the archive (for messages)
     * @return the file the entry may be written to
     * @throws UnsafeArchiveException if the name is absolute or leaves the folder
     */
    static Path resolve(final Path base, final String name, final Path zip) throws UnsafeArchiveException {
        String n = name.replace('\\', '/');
        if (n.isEmpty() || n.indexOf('\0') >= 0 || n.startsWith("/") || n.matches("^[A-Za-z]:.*")) {
            throw new UnsafeArchiveException(zip + ": entry \"" + name + "\" has an absolute or invalid path");
        }
        for (String segment : n.split("/")) {
            if (segment.equals("..")) {
                throw new UnsafeArchiveException(zip + ": entry \"" + name + "\" leaves the target folder (..)");
            }
        }
        Path dest = base.resolve(n).normalize();
        if (!dest.startsWith(base) || dest.equals(base)) {
            throw new UnsafeArchiveException(zip + ": entry \"" + name + "\" leaves the target folder");
        }
        return dest;
    }

    /** Counts the compressed bytes read from the archive file. */
    private static final class CountingInputStream extends FilterInputStream {
        private long m_count;

        CountingInputStream(final InputStream in) {
            super(in);
        }

        long count() {
            return m_count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                m_count++;
            }
            return b;
        }

        @Override
        public int read(final byte[] b, final int off, final int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                m_count += n;
            }
            return n;
        }

        @Override
        public long skip(final long n) throws IOException {
            long s = super.skip(n);
            m_count += s;
            return s;
        }
    }
}
