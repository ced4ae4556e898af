package org.deepcluster.knime.port;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.ZipEntry;

import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;

/**
 * Writes and reads the one zip entry in which a model port keeps its engine model (the engine's own format, no Java
 * object serialisation). The port's zip stream belongs to the framework, so the engine sees a view of it that does
 * not close it; reading checks the entry's name and turns every failure into an {@link IOException} that names the
 * port.
 */
final class PortEntries {

    /** Writes a model to a stream. */
    @FunctionalInterface
    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** Reads a model from a stream. */
    @FunctionalInterface
    interface Reader<T> {
        T read(InputStream in) throws IOException;
    }

    private PortEntries() {
    }

    /**
     * @param out the port's zip stream (left open)
     * @param entry the entry's name
     * @param writer writes the model
     * @throws IOException if writing fails
     */
    static void write(final PortObjectZipOutputStream out, final String entry, final Writer writer)
        throws IOException {
        out.putNextEntry(new ZipEntry(entry));
        writer.write(new FilterOutputStream(out) {
            @Override
            public void write(final byte[] b, final int off, final int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        });
        out.closeEntry();
    }

    /**
     * @param in the port's zip stream (left open)
     * @param entry the expected entry's name
     * @param port the port's name for messages, e.g. "Cluster Model"
     * @param writtenBy who writes such ports, for the message when the entry is missing
     * @param reader reads the model
     * @return the model
     * @throws IOException if the entry is missing or the model cannot be read; the message names the port
     */
    static <T> T read(final PortObjectZipInputStream in, final String entry, final String port,
        final String writtenBy, final Reader<T> reader) throws IOException {
        final ZipEntry found = in.getNextEntry();
        if (found == null || !entry.equals(found.getName())) {
            throw new IOException("Cannot load the " + port + ": the port data has no entry " + entry + " (found "
                + (found == null ? "no further entry" : "'" + found.getName() + "'") + "); it was not written by "
                + writtenBy + " or is damaged.");
        }
        try {
            return reader.read(new FilterInputStream(in) {
                @Override
                public void close() {
                    // the port's zip stream belongs to the framework
                }
            });
        } catch (final IOException e) {
            throw new IOException("Cannot load the " + port + ": " + e.getMessage(), e);
        } catch (final RuntimeException e) { // e.g. a reader that failed on inconsistent values, or no native backend
            throw new IOException("Cannot load the " + port + ": " + e, e);
        }
    }
}
