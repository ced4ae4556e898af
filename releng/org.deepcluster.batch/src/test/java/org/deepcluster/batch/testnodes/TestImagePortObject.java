package org.deepcluster.batch.testnodes;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Base64;

import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObject;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/** A test port object shaped like KNIME's ImagePortObject: {@code getImageContent().save(OutputStream)}. */
public final class TestImagePortObject extends AbstractSimplePortObject {

    /** The port type. */
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(TestImagePortObject.class);

    private Spec m_spec = new Spec();

    private byte[] m_png = new byte[0];

    /** Serializer found through the generic argument. */
    public static final class Serializer extends AbstractSimplePortObjectSerializer<TestImagePortObject> {
    }

    /** The spec (no content). */
    public static final class Spec extends AbstractSimplePortObjectSpec {
        /** Serializer found through the generic argument. */
        public static final class Serializer extends AbstractSimplePortObjectSpecSerializer<Spec> {
        }

        @Override
        protected void save(final ModelContentWO model) {
            model.addString("format", "png");
        }

        @Override
        protected void load(final ModelContentRO model) {
            // nothing
        }
    }

    /** Like KNIME's ImageContent. */
    public static final class Content {
        private final byte[] m_bytes;

        Content(final byte[] bytes) {
            m_bytes = bytes;
        }

        /**
         * @param out the target
         * @throws IOException if writing fails
         */
        public void save(final OutputStream out) throws IOException {
            out.write(m_bytes);
        }
    }

    /** For loading. */
    public TestImagePortObject() {
    }

    TestImagePortObject(final byte[] png) {
        m_png = png.clone();
    }

    /** @return the image */
    public Content getImageContent() {
        return new Content(m_png);
    }

    @Override
    public String getSummary() {
        return "PNG image, " + m_png.length + " bytes";
    }

    @Override
    public Spec getSpec() {
        return m_spec;
    }

    @Override
    protected void save(final ModelContentWO model, final ExecutionMonitor exec) {
        model.addString("png", Base64.getEncoder().encodeToString(m_png));
    }

    @Override
    protected void load(final ModelContentRO model, final PortObjectSpec spec, final ExecutionMonitor exec)
        throws InvalidSettingsException {
        m_spec = (Spec)spec;
        m_png = Base64.getDecoder().decode(model.getString("png"));
    }
}
