package org.knime.core.node.port;

import java.io.IOException;
import java.util.zip.ZipEntry;

import javax.swing.JComponent;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;

/**
 * A spec that saves itself into a {@link ModelContent} (zip entry {@code content.xml}, like
 * {@link AbstractSimplePortObject}). Subclasses need a public no-arg constructor and declare an empty
 * {@code public static final class Serializer extends AbstractSimplePortObjectSpecSerializer<MySpec> {}}.
 */
public abstract class AbstractSimplePortObjectSpec implements PortObjectSpec {

    private static final String CONTENT_ENTRY = "content.xml";

    /** Subclasses need a public no-arg constructor for loading. */
    public AbstractSimplePortObjectSpec() {
    }

    /** @param model receives the content */
    protected abstract void save(ModelContentWO model);

    /**
     * @param model the saved content
     * @throws InvalidSettingsException if the content is incomplete
     */
    protected abstract void load(ModelContentRO model) throws InvalidSettingsException;

    /**
     * Serializer for an {@link AbstractSimplePortObjectSpec} subclass; the type argument names the class.
     *
     * @param <T> the spec class
     */
    public abstract static class AbstractSimplePortObjectSpecSerializer<T extends AbstractSimplePortObjectSpec>
        extends PortObjectSpecSerializer<T> {

        @Override
        public T loadPortObjectSpec(final PortObjectSpecZipInputStream in) throws IOException {
            ZipEntry entry = in.getNextEntry();
            if (entry == null || !CONTENT_ENTRY.equals(entry.getName())) {
                throw new IOException("Expected zip entry content.xml, got "
                    + (entry == null ? "end of stream" : entry.getName()));
            }
            ModelContentRO model = ModelContent.loadFromXML(Streams.entryInput(in));
            try {
                T result = PortObjectClasses.instantiate(model.getString("class_name"), getClass(),
                    AbstractSimplePortObjectSpecSerializer.class, AbstractSimplePortObjectSpec.class);
                result.load(model.getModelContent("model"));
                return result;
            } catch (InvalidSettingsException e) {
                throw new IOException("Unable to load model content: " + e.getMessage(), e);
            }
        }

        @Override
        public void savePortObjectSpec(final T portObject, final PortObjectSpecZipOutputStream out)
            throws IOException {
            ModelContent model = new ModelContent("model.xml");
            model.addInt("version", 1);
            model.addString("class_name", portObject.getClass().getName());
            portObject.save(model.addModelContent("model"));
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
    public boolean equals(final Object ospec) {
        if (ospec == this) {
            return true;
        }
        if (ospec == null || ospec.getClass() != getClass()) {
            return false;
        }
        return content(this).isIdentical(content((AbstractSimplePortObjectSpec)ospec));
    }

    @Override
    public int hashCode() {
        return content(this).toString().hashCode();
    }

    private static ModelContent content(final AbstractSimplePortObjectSpec s) {
        ModelContent c = new ModelContent("ignored");
        s.save(c);
        return c;
    }
}
