package org.knime.core.node.port;

import java.io.IOException;
import java.util.zip.ZipEntry;

import javax.swing.JComponent;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;

/**
 * A port object that saves itself into a {@link ModelContent}. The serializer writes one zip entry
 * {@code content.xml}: a ModelContent "model.xml" with {@code version}, {@code class_name} and the object's own
 * content under "model". Subclasses need a public no-arg constructor and declare an empty
 * {@code public static final class Serializer extends AbstractSimplePortObjectSerializer<MyObject> {}}.
 */
public abstract class AbstractSimplePortObject implements PortObject {

    private static final String CONTENT_ENTRY = "content.xml";

    /** Subclasses need a public no-arg constructor for loading. */
    public AbstractSimplePortObject() {
    }

    /**
     * @param model receives the content
     * @param exec for progress and cancellation
     * @throws CanceledExecutionException if canceled
     */
    protected abstract void save(ModelContentWO model, ExecutionMonitor exec) throws CanceledExecutionException;

    /**
     * @param model the saved content
     * @param spec the (already loaded) spec
     * @param exec for progress and cancellation
     * @throws InvalidSettingsException if the content is incomplete
     * @throws CanceledExecutionException if canceled
     */
    protected abstract void load(ModelContentRO model, PortObjectSpec spec, ExecutionMonitor exec)
        throws InvalidSettingsException, CanceledExecutionException;

    /**
     * Serializer for an {@link AbstractSimplePortObject} subclass; the type argument names the class.
     *
     * @param <T> the port object class
     */
    public abstract static class AbstractSimplePortObjectSerializer<T extends AbstractSimplePortObject>
        extends PortObjectSerializer<T> {

        @Override
        public T loadPortObject(final PortObjectZipInputStream in, final PortObjectSpec spec,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            ZipEntry entry = in.getNextEntry();
            if (entry == null || !CONTENT_ENTRY.equals(entry.getName())) {
                throw new IOException("Expected zip entry content.xml, got "
                    + (entry == null ? "end of stream" : entry.getName()));
            }
            ModelContentRO model = ModelContent.loadFromXML(Streams.entryInput(in));
            try {
                T result = PortObjectClasses.instantiate(model.getString("class_name"), getClass(),
                    AbstractSimplePortObjectSerializer.class, AbstractSimplePortObject.class);
                result.load(model.getModelContent("model"), spec, exec);
                return result;
            } catch (InvalidSettingsException e) {
                throw new IOException("Unable to load model content: " + e.getMessage(), e);
            }
        }

        @Override
        public void savePortObject(final T portObject, final PortObjectZipOutputStream out,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            ModelContent model = new ModelContent("model.xml");
            model.addInt("version", 1);
            model.addString("class_name", portObject.getClass().getName());
            portObject.save(model.addModelContent("model"), exec);
            out.putNextEntry(new ZipEntry(CONTENT_ENTRY));
            model.saveToXML(Streams.entryOutput(out));
        }
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    /** Equal when of the same class and saving identical content. */
    @Override
    public boolean equals(final Object oport) {
        if (oport == this) {
            return true;
        }
        if (oport == null || oport.getClass() != getClass()) {
            return false;
        }
        return content(this).isIdentical(content((AbstractSimplePortObject)oport));
    }

    @Override
    public int hashCode() {
        return content(this).toString().hashCode();
    }

    private static ModelContent content(final AbstractSimplePortObject o) {
        ModelContent c = new ModelContent("ignored");
        try {
            o.save(c, new ExecutionMonitor());
        } catch (CanceledExecutionException e) {
            throw new IllegalStateException(e);
        }
        return c;
    }
}
