package org.knime.core.node.port;

import java.lang.reflect.Method;
import java.util.Objects;

/**
 * The type of a node port: a port object class (and its spec class), optional or not. Obtain instances through
 * {@link PortTypeRegistry#getPortType(Class, boolean)}.
 */
public final class PortType {

    /** Color of ports without a registered color (ARGB). */
    public static final int DEFAULT_COLOR = 0xff9b9b9b;

    private final Class<? extends PortObject> m_objectClass;

    private final Class<? extends PortObjectSpec> m_specClass;

    private final boolean m_optional;

    private final String m_name;

    private final int m_color;

    private final boolean m_hidden;

    /**
     * @param objectClass the port object class
     * @param isOptional whether the port may stay unconnected
     * @deprecated use {@link PortTypeRegistry#getPortType(Class, boolean)}
     */
    @Deprecated
    public PortType(final Class<? extends PortObject> objectClass, final boolean isOptional) {
        this(objectClass, getPortObjectSpecClass(objectClass), isOptional, objectClass.getSimpleName(), DEFAULT_COLOR,
            false);
    }

    /**
     * @param objectClass the port object class
     * @deprecated use {@link PortTypeRegistry#getPortType(Class)}
     */
    @Deprecated
    public PortType(final Class<? extends PortObject> objectClass) {
        this(objectClass, false);
    }

    PortType(final Class<? extends PortObject> objectClass, final Class<? extends PortObjectSpec> specClass,
        final boolean optional, final String name, final int color, final boolean hidden) {
        m_objectClass = Objects.requireNonNull(objectClass);
        m_specClass = Objects.requireNonNull(specClass);
        m_optional = optional;
        m_name = name;
        m_color = color;
        m_hidden = hidden;
    }

    /** @return the display name */
    public String getName() {
        return m_name;
    }

    /** @return the port color (ARGB) */
    public int getColor() {
        return m_color;
    }

    /** @return the spec class */
    public Class<? extends PortObjectSpec> getPortObjectSpecClass() {
        return m_specClass;
    }

    /** @return the port object class */
    public Class<? extends PortObject> getPortObjectClass() {
        return m_objectClass;
    }

    /** @return whether the port may stay unconnected */
    public boolean isOptional() {
        return m_optional;
    }

    /** @return whether the type is hidden from users */
    public boolean isHidden() {
        return m_hidden;
    }

    /**
     * @param subType another type
     * @return whether objects of the other type fit into this port
     */
    public boolean isSuperTypeOf(final PortType subType) {
        return m_objectClass.isAssignableFrom(subType.m_objectClass);
    }

    @Override
    public String toString() {
        return "PortType(" + m_specClass.getSimpleName() + "," + m_objectClass.getSimpleName() + ")";
    }

    @Override
    public int hashCode() {
        return m_objectClass.hashCode();
    }

    /** Types are equal when their object classes are (optionality does not count, as in KNIME). */
    @Override
    public boolean equals(final Object obj) {
        return obj == this || obj instanceof PortType t && t.m_objectClass.equals(m_objectClass);
    }

    /**
     * @param spec a spec or null
     * @return whether it fits this port (null always does)
     */
    public boolean acceptsPortObjectSpec(final PortObjectSpec spec) {
        return spec == null || m_specClass.isInstance(spec);
    }

    /**
     * @param portObjectClass a class
     * @return whether its objects fit this port
     */
    public boolean acceptsPortObjectClass(final Class<? extends PortObject> portObjectClass) {
        return m_objectClass.isAssignableFrom(portObjectClass);
    }

    /**
     * @param obj an object or null
     * @return whether it fits this port (null does not)
     */
    public boolean acceptsPortObject(final PortObject obj) {
        return m_objectClass.isInstance(obj);
    }

    /**
     * @param objectClass a port object class
     * @return the return type of its {@code getSpec()} method
     */
    public static Class<? extends PortObjectSpec> getPortObjectSpecClass(
        final Class<? extends PortObject> objectClass) {
        try {
            Method m = objectClass.getMethod("getSpec");
            return m.getReturnType().asSubclass(PortObjectSpec.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("getSpec() not found in " + objectClass.getName(), e);
        }
    }
}
