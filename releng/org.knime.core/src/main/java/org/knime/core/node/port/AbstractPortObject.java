package org.knime.core.node.port;

import java.io.IOException;
import java.util.zip.ZipEntry;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
import org.knime.core.node.ModelContentRO;

/**
 * A port object that writes itself into zip entries of its own choice. The framework first writes a {@code meta.xml}
 * entry naming the class, then calls {@link #save}; loading instantiates the class with its public no-arg
 * constructor and calls {@link #load}. Subclasses declare an empty
 * {@code public static final class Serializer extends AbstractPortObjectSerializer<MyObject> {}}.
 */
public abstract class AbstractPortObject implements PortObject {

    private static final String META_ENTRY = "meta.xml";

    /** Subclasses need a public no-arg constructor for loading. */
    public AbstractPortObject() {
    }

    /**
     * Writes the content; call {@code out.putNextEntry(new ZipEntry(..))} before writing.
     *
     * @param out the stream
     * @param exec for progress and cancellation
     * @throws IOException if writing fails
     * @throws CanceledExecutionException if canceled
     */
    protected abstract void save(PortObjectZipOutputStream out, ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    /**
     * Reads what {@link #save} wrote; call {@code in.getNextEntry()} to move to each entry.
     *
     * @param in the stream
     * @param spec the (already loaded) spec
     * @param exec for progress and cancellation
     * @throws IOException if reading fails
     * @throws CanceledExecutionException if canceled
     */
    protected abstract void load(PortObjectZipInputStream in, PortObjectSpec spec, ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    /**
     * Serializer for an {@link AbstractPortObject} subclass; the type argument names the class.
     *
     * @param <T> the port object class
     */
    public abstract static class AbstractPortObjectSerializer<T extends AbstractPortObject>
        extends PortObjectSerializer<T> {

        @Override
        public T loadPortObject(final PortObjectZipInputStream in, final PortObjectSpec spec,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            ZipEntry entry = in.getNextEntry();
            if (entry == null || !META_ENTRY.equals(entry.getName())) {
                throw new IOException("Expected meta.xml file in stream, got "
                    + (entry == null ? "end of stream" : entry.getName()));
            }
            ModelContentRO meta = ModelContent.loadFromXML(Streams.entryInput(in));
            T result = PortObjectClasses.instantiate(className(meta), getClass(),
                AbstractPortObjectSerializer.class, AbstractPortObject.class);
            result.load(in, spec, exec);
            return result;
        }

        @Override
        public void savePortObject(final T portObject, final PortObjectZipOutputStream out,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            out.putNextEntry(new ZipEntry(META_ENTRY));
            ModelContent meta = new ModelContent(META_ENTRY);
            meta.addInt("version", 1);
            meta.addString("class_name", portObject.getClass().getName());
            meta.saveToXML(Streams.entryOutput(out));
            portObject.save(out, exec);
        }

        private static String className(final ModelContentRO meta) throws IOException {
            try {
                return meta.getString("class_name");
            } catch (InvalidSettingsException e) {
                throw new IOException("Unable to load settings", e);
            }
        }
    }
}
