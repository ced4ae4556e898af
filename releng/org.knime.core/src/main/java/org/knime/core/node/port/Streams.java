package org.knime.core.node.port;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Wrappers that turn {@code close()} on a zip entry stream into "end of entry", so that code which closes the
 * stream it was given (like {@code saveToXML}) does not close the whole zip.
 */
final class Streams {

    private Streams() {
    }

    static OutputStream entryOutput(final ZipOutputStream zip) {
        return new FilterOutputStream(zip) {
            @Override
            public void write(final byte[] b, final int off, final int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
                zip.closeEntry();
            }
        };
    }

    static InputStream entryInput(final ZipInputStream zip) {
        return new FilterInputStream(zip) {
            @Override
            public void close() throws IOException {
                zip.closeEntry();
            }
        };
    }
}
