package org.knime.core.node.port;

import java.io.InputStream;
import java.util.zip.ZipInputStream;

/**
 * The zip stream handed to a serializer; created by {@link PortUtil} only.
 */
public class PortObjectZipInputStream extends ZipInputStream {

    PortObjectZipInputStream(final InputStream inStream) {
        super(inStream);
    }
}
