package org.deepcluster.standin.test;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;

import javax.swing.JComponent;

import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.AbstractPortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;

/** Test port object writing raw bytes into its own zip entry (like a network file). */
public final class TestBlobPortObject extends AbstractPortObject {

    private TestModelSpec m_spec;

    private byte[] m_weights;

    /** Serializer found through the generic argument. */
    public static final class Serializer extends AbstractPortObjectSerializer<TestBlobPortObject> {
    }

    /** For loading. */
    public TestBlobPortObject() {
    }

    TestBlobPortObject(final TestModelSpec spec, final byte[] weights) {
        m_spec = spec;
        m_weights = weights;
    }

    byte[] weights() {
        return m_weights;
    }

    @Override
    protected void save(final PortObjectZipOutputStream out, final ExecutionMonitor exec) throws IOException {
        out.putNextEntry(new ZipEntry("weights.bin"));
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(m_weights.length);
        data.write(m_weights);
        data.flush();
    }

    @Override
    protected void load(final PortObjectZipInputStream in, final PortObjectSpec spec, final ExecutionMonitor exec)
        throws IOException {
        ZipEntry e = in.getNextEntry();
        if (e == null || !"weights.bin".equals(e.getName())) {
            throw new IOException("weights.bin expected");
        }
        DataInputStream data = new DataInputStream(in);
        m_weights = new byte[data.readInt()];
        data.readFully(m_weights);
        m_spec = (TestModelSpec)spec;
    }

    @Override
    public String getSummary() {
        return m_weights.length + " bytes";
    }

    @Override
    public TestModelSpec getSpec() {
        return m_spec;
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }
}
