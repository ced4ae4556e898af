package org.knime.core.node.port;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.port.PortObject.PortObjectSerializer;
import org.knime.core.node.port.PortObjectSpec.PortObjectSpecSerializer;

/**
 * Writes a port object with its spec into one zip stream and reads it back, in KNIME's layout:
 * <ul>
 * <li>{@code content.xml}: ModelContent "content" with {@code version}, {@code port_spec_class},
 * {@code port_object_class};</li>
 * <li>{@code objectSpec.file}: a nested zip with entry {@code portSpec.file}, written by the spec serializer;</li>
 * <li>{@code object.file}: a nested zip with entry {@code portObject.file}, written by the object serializer.</li>
 * </ul>
 * File store port objects are not supported by the stand-in.
 */
public final class PortUtil {

    private static final String TOC_ENTRY = "content.xml";

    private static final String SPEC_ENTRY = "objectSpec.file";

    private static final String OBJECT_ENTRY = "object.file";

    private static final String INNER_SPEC_ENTRY = "portSpec.file";

    private static final String INNER_OBJECT_ENTRY = "portObject.file";

    private PortUtil() {
    }

    /**
     * @param <T> the spec class
     * @param c the spec class
     * @return its serializer
     * @throws IllegalStateException if there is none
     */
    @SuppressWarnings("unchecked")
    public static <T extends PortObjectSpec> PortObjectSpecSerializer<T> getPortObjectSpecSerializer(
        final Class<T> c) {
        return (PortObjectSpecSerializer<T>)PortTypeRegistry.getInstance().getSpecSerializer(c)
            .orElseThrow(() -> new IllegalStateException(
                "No serializer for spec class \"" + c.getName() + "\" available"));
    }

    /**
     * @param <T> the port object class
     * @param cl the port object class
     * @return its serializer
     * @throws IllegalStateException if there is none
     */
    @SuppressWarnings("unchecked")
    public static <T extends PortObject> PortObjectSerializer<T> getPortObjectSerializer(final Class<T> cl) {
        return (PortObjectSerializer<T>)PortTypeRegistry.getInstance().getObjectSerializer(cl)
            .orElseThrow(() -> new IllegalStateException(
                "No serializer for object class \"" + cl.getName() + "\" available"));
    }

    /**
     * @param in the target stream
     * @return a zip stream positioned in its single entry {@code portSpec.file}
     * @throws IOException if writing fails
     */
    public static PortObjectSpecZipOutputStream getPortObjectSpecZipOutputStream(final OutputStream in)
        throws IOException {
        PortObjectSpecZipOutputStream zip = new PortObjectSpecZipOutputStream(in);
        zip.putNextEntry(new ZipEntry(INNER_SPEC_ENTRY));
        return zip;
    }

    /**
     * @param in the target stream
     * @return a zip stream positioned in its single entry {@code portObject.file}
     * @throws IOException if writing fails
     */
    public static PortObjectZipOutputStream getPortObjectZipOutputStream(final OutputStream in) throws IOException {
        PortObjectZipOutputStream zip = new PortObjectZipOutputStream(in);
        zip.putNextEntry(new ZipEntry(INNER_OBJECT_ENTRY));
        return zip;
    }

    /**
     * @param in the source stream
     * @return a zip stream positioned in entry {@code portSpec.file}
     * @throws IOException if the stream does not start with that entry
     */
    public static PortObjectSpecZipInputStream getPortObjectSpecZipInputStream(final InputStream in)
        throws IOException {
        PortObjectSpecZipInputStream zip = new PortObjectSpecZipInputStream(in);
        expectEntry(zip, INNER_SPEC_ENTRY);
        return zip;
    }

    /**
     * @param in the source stream
     * @return a zip stream positioned in entry {@code portObject.file}
     * @throws IOException if the stream does not start with that entry
     */
    public static PortObjectZipInputStream getPortObjectZipInputStream(final InputStream in) throws IOException {
        PortObjectZipInputStream zip = new PortObjectZipInputStream(in);
        expectEntry(zip, INNER_OBJECT_ENTRY);
        return zip;
    }

    private static void expectEntry(final ZipInputStream zip, final String name) throws IOException {
        ZipEntry entry = zip.getNextEntry();
        if (entry == null || !name.equals(entry.getName())) {
            throw new IOException("Expected zip entry '" + name + "', got '"
                + (entry == null ? "end of stream" : entry.getName()) + "'");
        }
    }

    /**
     * @param po the object
     * @param file the target file
     * @param exec for progress and cancellation
     * @throws IOException if writing fails
     * @throws CanceledExecutionException if canceled
     */
    public static void writeObjectToFile(final PortObject po, final File file, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        try (OutputStream out = new FileOutputStream(file)) {
            writeObjectToStream(po, out, exec);
        }
    }

    /**
     * Writes object and spec; the stream is not closed.
     *
     * @param po the object
     * @param output the target
     * @param exec for progress and cancellation
     * @throws IOException if writing fails or no serializer is known
     * @throws CanceledExecutionException if canceled
     */
    public static void writeObjectToStream(final PortObject po, final OutputStream output,
        final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
        PortObjectSpec spec = po.getSpec();
        PortObjectSpecSerializer<PortObjectSpec> specSer = PortTypeRegistry.getInstance()
            .getSpecSerializer(spec.getClass())
            .orElseThrow(() -> new IOException("No serializer for spec class " + spec.getClass().getName()));
        PortObjectSerializer<PortObject> objSer = PortTypeRegistry.getInstance().getObjectSerializer(po.getClass())
            .orElseThrow(() -> new IOException("No serializer for port object class " + po.getClass().getName()));

        BufferedOutputStream buffered = new BufferedOutputStream(output);
        ZipOutputStream zip = new ZipOutputStream(buffered);
        zip.putNextEntry(new ZipEntry(TOC_ENTRY));
        ModelContent toc = new ModelContent("content");
        toc.addInt("version", 1);
        toc.addString("port_spec_class", spec.getClass().getName());
        toc.addString("port_object_class", po.getClass().getName());
        toc.saveToXML(Streams.entryOutput(zip));

        zip.putNextEntry(new ZipEntry(SPEC_ENTRY));
        try (PortObjectSpecZipOutputStream specOut = getPortObjectSpecZipOutputStream(Streams.entryOutput(zip))) {
            specSer.savePortObjectSpec(spec, specOut);
        }
        zip.putNextEntry(new ZipEntry(OBJECT_ENTRY));
        try (PortObjectZipOutputStream objOut = getPortObjectZipOutputStream(Streams.entryOutput(zip))) {
            objSer.savePortObject(po, objOut, exec);
        }
        zip.finish();
        buffered.flush();
    }

    /**
     * @param file a file written by {@link #writeObjectToFile}
     * @param exec for progress and cancellation
     * @return the object
     * @throws IOException if reading fails
     * @throws CanceledExecutionException if canceled
     */
    public static PortObject readObjectFromFile(final File file, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        try (InputStream in = new BufferedInputStream(new FileInputStream(file))) {
            return readObjectFromStream(in, exec);
        }
    }

    /**
     * @param input a stream written by {@link #writeObjectToStream}
     * @param exec for progress and cancellation
     * @return the object
     * @throws IOException if reading fails
     * @throws CanceledExecutionException if canceled
     */
    public static PortObject readObjectFromStream(final InputStream input, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        ZipInputStream zip = new ZipInputStream(input);
        Toc toc = readToc(zip);
        PortObjectSpec spec = readSpec(toc.specClass(), zip);
        expectEntry(zip, OBJECT_ENTRY);
        Class<? extends PortObject> objClass = PortTypeRegistry.getInstance().getObjectClass(toc.objectClass())
            .orElseThrow(() -> new IOException("Can't load class \"" + toc.objectClass() + "\""));
        PortObjectSerializer<PortObject> ser = PortTypeRegistry.getInstance().getObjectSerializer(objClass)
            .orElseThrow(() -> new IOException("No serializer for port object class " + objClass.getName()));
        try (PortObjectZipInputStream objIn = getPortObjectZipInputStream(Streams.entryInput(zip))) {
            return ser.loadPortObject(objIn, spec, exec);
        }
    }

    /**
     * @param file a file written by {@link #writeObjectToFile}
     * @return the spec stored with the object
     * @throws IOException if reading fails
     */
    public static PortObjectSpec readObjectSpecFromFile(final File file) throws IOException {
        try (InputStream in = new BufferedInputStream(new FileInputStream(file))) {
            return readObjectSpecFromStream(in);
        }
    }

    /**
     * @param stream a stream written by {@link #writeObjectToStream}
     * @return the spec stored with the object
     * @throws IOException if reading fails
     */
    public static PortObjectSpec readObjectSpecFromStream(final InputStream stream) throws IOException {
        ZipInputStream zip = new ZipInputStream(stream);
        return readSpec(readToc(zip).specClass(), zip);
    }

    private record Toc(String specClass, String objectClass) {
    }

    private static Toc readToc(final ZipInputStream zip) throws IOException {
        expectEntry(zip, TOC_ENTRY);
        ModelContentRO toc = ModelContent.loadFromXML(Streams.entryInput(zip));
        try {
            return new Toc(toc.getString("port_spec_class"), toc.getString("port_object_class"));
        } catch (InvalidSettingsException e) {
            throw new IOException("Can't parse content file: " + e.getMessage(), e);
        }
    }

    private static PortObjectSpec readSpec(final String specClassName, final ZipInputStream zip)
        throws IOException {
        expectEntry(zip, SPEC_ENTRY);
        Class<? extends PortObjectSpec> specClass = PortTypeRegistry.getInstance().getSpecClass(specClassName)
            .orElseThrow(() -> new IOException("Can't load class \"" + specClassName + "\""));
        PortObjectSpecSerializer<PortObjectSpec> ser = PortTypeRegistry.getInstance().getSpecSerializer(specClass)
            .orElseThrow(() -> new IOException("No serializer for spec class " + specClassName));
        try (PortObjectSpecZipInputStream specIn = getPortObjectSpecZipInputStream(Streams.entryInput(zip))) {
            return ser.loadPortObjectSpec(specIn);
        }
    }
}
