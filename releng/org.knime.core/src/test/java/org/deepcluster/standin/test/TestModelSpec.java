package org.deepcluster.standin.test;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;

/** Test spec: the number of clusters and the feature names. */
public final class TestModelSpec extends AbstractSimplePortObjectSpec {

    private int m_k;

    private String[] m_features = new String[0];

    /** Serializer found through the generic argument. */
    public static final class Serializer extends AbstractSimplePortObjectSpecSerializer<TestModelSpec> {
    }

    /** For loading. */
    public TestModelSpec() {
    }

    TestModelSpec(final int k, final String... features) {
        m_k = k;
        m_features = features;
    }

    int k() {
        return m_k;
    }

    String[] features() {
        return m_features;
    }

    @Override
    protected void save(final ModelContentWO model) {
        model.addInt("k", m_k);
        model.addStringArray("features", m_features);
    }

    @Override
    protected void load(final ModelContentRO model) throws InvalidSettingsException {
        m_k = model.getInt("k");
        m_features = model.getStringArray("features");
    }
}
