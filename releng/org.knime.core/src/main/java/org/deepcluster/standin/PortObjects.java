package org.deepcluster.standin;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortUtil;

/**
 * Saves port objects (with their specs) the way KNIME does when a workflow is saved, through the serializers found
 * in the {@link org.knime.core.node.port.PortTypeRegistry}, and loads them back. Uses KNIME's
 * {@link PortUtil} zip layout.
 */
public final class PortObjects {

    private PortObjects() {
    }

    /**
     * @param po the object
     * @param out the target (not closed)
     * @throws IOException if writing fails or no serializer is known
     */
    public static void save(final PortObject po, final OutputStream out) throws IOException {
        try {
            PortUtil.writeObjectToStream(po, out, new ExecutionMonitor());
        } catch (CanceledExecutionException e) {
            throw new IOException("Canceled", e);
        }
    }

    /**
     * @param po the object
     * @param file the target zip file
     * @throws IOException if writing fails
     */
    public static void save(final PortObject po, final Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            save(po, out);
        }
    }

    /**
     * @param in a stream written by {@link #save(PortObject, OutputStream)}
     * @return the object
     * @throws IOException if reading fails
     */
    public static PortObject load(final InputStream in) throws IOException {
        try {
            return PortUtil.readObjectFromStream(in, new ExecutionMonitor());
        } catch (CanceledExecutionException e) {
            throw new IOException("Canceled", e);
        }
    }

    /**
     * @param file a zip file written by {@link #save(PortObject, Path)}
     * @return the object
     * @throws IOException if reading fails
     */
    public static PortObject load(final Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in);
        }
    }

    /**
     * Saves and loads an object in memory, as a workflow save and reload would.
     *
     * @param <T> the object class
     * @param po the object
     * @return the loaded copy
     * @throws IOException if saving or loading fails
     */
    @SuppressWarnings("unchecked")
    public static <T extends PortObject> T roundTrip(final T po) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        save(po, bytes);
        PortObject loaded = load(new ByteArrayInputStream(bytes.toByteArray()));
        if (loaded.getClass() != po.getClass()) {
            throw new IOException("Loaded a " + loaded.getClass().getName() + " instead of a "
                + po.getClass().getName());
        }
        return (T)loaded;
    }
}
