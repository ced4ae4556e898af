package org.knime.core.node.port;

import java.io.IOException;

/**
 * Instantiates the class named in a saved port object or spec. The class is loaded through the class loader of
 * the class the serializer handles (its generic type argument), which in OSGi is the loader that can see it.
 */
final class PortObjectClasses {

    private PortObjectClasses() {
    }

    /**
     * @param className the saved class name
     * @param serializerClass the concrete serializer class
     * @param genericBase the generic serializer base whose type argument names the handled class
     * @param required the base class the result must extend
     */
    @SuppressWarnings("unchecked")
    static <T> T instantiate(final String className, final Class<?> serializerClass, final Class<?> genericBase,
        final Class<?> required) throws IOException {
        Class<?> handled = SerializerLookup.handledClass(serializerClass, genericBase);
        if (handled == null || !required.isAssignableFrom(handled)) {
            handled = required;
        }
        Class<?> c = className.equals(handled.getName()) ? handled : load(className, handled.getClassLoader());
        if (c == null) {
            throw new IOException("Unable to load class " + className);
        }
        if (!handled.isAssignableFrom(c)) {
            throw new IOException("Class \"" + className + "\" is not of type " + handled.getSimpleName());
        }
        try {
            return (T)c.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IOException("Failed to instantiate class \"" + className
                + "\" (failed to invoke public no-arg constructor): " + e, e);
        }
    }

    /** Through the given loader first, then through what the registry knows or can load. */
    private static Class<?> load(final String className, final ClassLoader loader) {
        try {
            return Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            PortTypeRegistry r = PortTypeRegistry.getInstance();
            return r.getObjectClass(className).<Class<?>>map(x -> x)
                .or(() -> r.getSpecClass(className).map(x -> x)).orElse(null);
        }
    }
}
