package org.knime.core.node.port;

import java.io.OutputStream;
import java.util.zip.ZipOutputStream;

/**
 * The zip stream handed to a serializer; created by {@link PortUtil} only.
 */
public class PortObjectZipOutputStream extends ZipOutputStream {

    PortObjectZipOutputStream(final OutputStream outStream) {
        super(outStream);
    }
}
