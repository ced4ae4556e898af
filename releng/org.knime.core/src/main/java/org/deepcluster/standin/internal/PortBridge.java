package org.deepcluster.standin.internal;

import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObject.PortObjectSerializer;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectSpec.PortObjectSpecSerializer;

/** Internals of org.knime.core.node.port used by the harness. */
public interface PortBridge {

    /**
     * Registers a port type like a {@code <portType>} element of the {@code org.knime.core.PortType} extension.
     *
     * @param objectClass the port object class
     * @param objectSerializer its serializer
     * @param specClass the spec class
     * @param specSerializer its serializer (may be null for DataTableSpec)
     * @param name display name
     * @param color ARGB color
     * @param hidden whether hidden
     */
    void register(Class<? extends PortObject> objectClass, PortObjectSerializer<?> objectSerializer,
        Class<? extends PortObjectSpec> specClass, PortObjectSpecSerializer<?> specSerializer, String name,
        int color, boolean hidden);
}
