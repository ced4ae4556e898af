package org.deepcluster.standin.test;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/** Test model port object: cluster centres saved as ModelContent. */
public final class TestModelPortObject extends AbstractSimplePortObject {

    /** The port type. */
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(TestModelPortObject.class);

    private TestModelSpec m_spec;

    private double[][] m_centres;

    /** Serializer found through the generic argument. */
    public static final class Serializer extends AbstractSimplePortObjectSerializer<TestModelPortObject> {
    }

    /** For loading. */
    public TestModelPortObject() {
    }

    TestModelPortObject(final TestModelSpec spec, final double[][] centres) {
        m_spec = spec;
        m_centres = centres;
    }

    double[][] centres() {
        return m_centres;
    }

    @Override
    public String getSummary() {
        return m_centres.length + " clusters";
    }

    @Override
    public TestModelSpec getSpec() {
        return m_spec;
    }

    @Override
    protected void save(final ModelContentWO model, final ExecutionMonitor exec) throws CanceledExecutionException {
        model.addInt("count", m_centres.length);
        for (int i = 0; i < m_centres.length; i++) {
            exec.checkCanceled();
            model.addDoubleArray("centre_" + i, m_centres[i]);
        }
    }

    @Override
    protected void load(final ModelContentRO model, final PortObjectSpec spec, final ExecutionMonitor exec)
        throws InvalidSettingsException, CanceledExecutionException {
        m_spec = (TestModelSpec)spec;
        m_centres = new double[model.getInt("count")][];
        for (int i = 0; i < m_centres.length; i++) {
            m_centres[i] = model.getDoubleArray("centre_" + i);
        }
    }
}
