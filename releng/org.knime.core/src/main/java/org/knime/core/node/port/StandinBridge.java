package org.knime.core.node.port;

import org.deepcluster.standin.internal.Bridges;
import org.deepcluster.standin.internal.PortBridge;
import org.knime.core.node.port.PortObject.PortObjectSerializer;
import org.knime.core.node.port.PortObjectSpec.PortObjectSpecSerializer;

/** Port type registration for the harness; installs itself into {@link Bridges} when loaded. */
final class StandinBridge implements PortBridge {

    static {
        Bridges.install(new StandinBridge());
    }

    private StandinBridge() {
    }

    @Override
    public void register(final Class<? extends PortObject> objectClass, final PortObjectSerializer<?> objectSerializer,
        final Class<? extends PortObjectSpec> specClass, final PortObjectSpecSerializer<?> specSerializer,
        final String name, final int color, final boolean hidden) {
        PortTypeRegistry.getInstance().register(objectClass, objectSerializer, specClass, specSerializer, name, color,
            hidden);
    }
}
