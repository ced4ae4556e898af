package org.knime.core.node.port;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.knime.core.node.port.PortObject.PortObjectSerializer;
import org.knime.core.node.port.PortObjectSpec.PortObjectSpecSerializer;

/**
 * Knows the port types and their serializers. KNIME fills it from the {@code org.knime.core.PortType} extension
 * point; the stand-in has no extension registry, so types are registered explicitly (the stand-in harness reads
 * plugin.xml files) or discovered on first use: a type is created for any class passed to {@link #getPortType},
 * and a serializer is found as a public static nested subclass of the serializer base class (or, like KNIME's
 * legacy lookup, a static {@code getPortObjectSerializer()} method).
 */
public final class PortTypeRegistry {

    private static final PortTypeRegistry INSTANCE = new PortTypeRegistry();

    /** What plugin.xml says about one port object class. */
    private record Registration(Class<? extends PortObjectSpec> specClass, String name, int color, boolean hidden) {
    }

    private final Map<Class<? extends PortObject>, Registration> m_registrations = new HashMap<>();

    private final Map<Class<? extends PortObject>, PortType[]> m_types = new LinkedHashMap<>();

    private final Map<Class<?>, PortObjectSerializer<?>> m_objectSerializers = new HashMap<>();

    private final Map<Class<?>, PortObjectSpecSerializer<?>> m_specSerializers = new HashMap<>();

    private final Map<String, Class<?>> m_classesByName = new HashMap<>();

    private PortTypeRegistry() {
    }

    /** @return the singleton */
    public static PortTypeRegistry getInstance() {
        return INSTANCE;
    }

    /** @return all port types created or registered so far (non-optional variants) */
    public synchronized Collection<PortType> availablePortTypes() {
        List<PortType> result = new ArrayList<>();
        for (PortType[] t : m_types.values()) {
            result.add(t[0]);
        }
        return result;
    }

    /**
     * @param portClass a port object class
     * @return its (non-optional) port type
     */
    public synchronized PortType getPortType(final Class<? extends PortObject> portClass) {
        return getPortType(portClass, false);
    }

    /**
     * @param portClass a port object class
     * @param isOptional whether the port may stay unconnected
     * @return its port type
     */
    public synchronized PortType getPortType(final Class<? extends PortObject> portClass, final boolean isOptional) {
        PortType[] types = m_types.computeIfAbsent(portClass, this::createTypes);
        return types[isOptional ? 1 : 0];
    }

    private PortType[] createTypes(final Class<? extends PortObject> portClass) {
        Registration r = m_registrations.get(portClass);
        Class<? extends PortObjectSpec> specClass =
            r != null ? r.specClass() : PortType.getPortObjectSpecClass(portClass);
        String name = r != null ? r.name() : defaultName(portClass);
        int color = r != null ? r.color() : PortType.DEFAULT_COLOR;
        boolean hidden = r != null && r.hidden();
        remember(portClass);
        remember(specClass);
        return new PortType[]{new PortType(portClass, specClass, false, name, color, hidden),
            new PortType(portClass, specClass, true, name, color, hidden)};
    }

    private static String defaultName(final Class<?> portClass) {
        return switch (portClass.getName()) {
            case "org.knime.core.node.BufferedDataTable" -> "Data";
            case "org.knime.core.node.port.PortObject" -> "Generic Port";
            default -> portClass.getSimpleName();
        };
    }

    private void remember(final Class<?> c) {
        m_classesByName.putIfAbsent(c.getName(), c);
    }

    /**
     * @param className a port object class name
     * @return the class if it is registered or loadable
     */
    public Optional<Class<? extends PortObject>> getObjectClass(final String className) {
        return lookup(className, PortObject.class);
    }

    /**
     * @param className a spec class name
     * @return the class if it is registered or loadable
     */
    public Optional<Class<? extends PortObjectSpec>> getSpecClass(final String className) {
        return lookup(className, PortObjectSpec.class);
    }

    private <T> Optional<Class<? extends T>> lookup(final String className, final Class<T> base) {
        Class<?> c;
        synchronized (this) {
            c = m_classesByName.get(className);
        }
        if (c == null) {
            c = loadClass(className);
        }
        return c != null && base.isAssignableFrom(c) ? Optional.of(c.asSubclass(base)) : Optional.empty();
    }

    private static Class<?> loadClass(final String className) {
        ClassLoader[] loaders = {Thread.currentThread().getContextClassLoader(), PortTypeRegistry.class.getClassLoader()};
        for (ClassLoader l : loaders) {
            if (l == null) {
                continue;
            }
            try {
                return Class.forName(className, false, l);
            } catch (ClassNotFoundException e) {
                // try the next loader
            }
        }
        return null;
    }

    /**
     * @param objectClass a port object class
     * @return its serializer if one is registered or can be found
     */
    @SuppressWarnings("unchecked")
    public Optional<PortObjectSerializer<PortObject>> getObjectSerializer(
        final Class<? extends PortObject> objectClass) {
        synchronized (this) {
            PortObjectSerializer<?> s = m_objectSerializers.get(objectClass);
            if (s == null) {
                s = SerializerLookup.find(objectClass, PortObjectSerializer.class, "getPortObjectSerializer");
                if (s == null && AbstractSimplePortObject.class.isAssignableFrom(objectClass)) {
                    s = new AbstractSimplePortObject.AbstractSimplePortObjectSerializer<AbstractSimplePortObject>() {
                    };
                }
                if (s != null) {
                    m_objectSerializers.put(objectClass, s);
                    remember(objectClass);
                }
            }
            return Optional.ofNullable((PortObjectSerializer<PortObject>)s);
        }
    }

    /**
     * @param specClass a spec class
     * @return its serializer if one is registered or can be found
     */
    @SuppressWarnings("unchecked")
    public Optional<PortObjectSpecSerializer<PortObjectSpec>> getSpecSerializer(
        final Class<? extends PortObjectSpec> specClass) {
        synchronized (this) {
            PortObjectSpecSerializer<?> s = m_specSerializers.get(specClass);
            if (s == null) {
                s = SerializerLookup.find(specClass, PortObjectSpecSerializer.class, "getPortObjectSpecSerializer");
                if (s != null) {
                    m_specSerializers.put(specClass, s);
                    remember(specClass);
                }
            }
            return Optional.ofNullable((PortObjectSpecSerializer<PortObjectSpec>)s);
        }
    }

    /**
     * Registers a port type the way a {@code <portType>} element in plugin.xml does (stand-in only; reached through
     * the stand-in harness). Must happen before the type is first used.
     */
    synchronized void register(final Class<? extends PortObject> objectClass,
        final PortObjectSerializer<?> objectSerializer, final Class<? extends PortObjectSpec> specClass,
        final PortObjectSpecSerializer<?> specSerializer, final String name, final int color, final boolean hidden) {
        m_registrations.put(objectClass, new Registration(specClass, name, color, hidden));
        m_types.remove(objectClass);
        m_objectSerializers.put(objectClass, objectSerializer);
        if (specSerializer != null) {
            m_specSerializers.put(specClass, specSerializer);
        }
        remember(objectClass);
        remember(specClass);
    }
}
