package org.knime.core.node.port;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Reflection helpers for serializers: finding a class's serializer when none is registered, and reading the class a
 * serializer handles from its generic super class ({@code class Serializer extends
 * AbstractPortObjectSerializer<MyPortObject> {}}).
 */
final class SerializerLookup {

    private SerializerLookup() {
    }

    /**
     * Looks for a serializer of {@code forClass}: a public static nested class extending {@code serializerBase}
     * (searched in the class and its super classes), else a static no-arg method {@code legacyMethod} returning one.
     *
     * @return a new serializer instance or null
     */
    static <S> S find(final Class<?> forClass, final Class<S> serializerBase, final String legacyMethod) {
        for (Class<?> c = forClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Class<?> nested : c.getDeclaredClasses()) {
                int mod = nested.getModifiers();
                if (serializerBase.isAssignableFrom(nested) && Modifier.isPublic(mod) && Modifier.isStatic(mod)
                    && !Modifier.isAbstract(mod) && handles(nested, serializerBase, forClass)) {
                    return instantiate(nested, serializerBase);
                }
            }
        }
        try {
            Method m = forClass.getMethod(legacyMethod);
            if (Modifier.isStatic(m.getModifiers()) && serializerBase.isAssignableFrom(m.getReturnType())) {
                return serializerBase.cast(m.invoke(null));
            }
        } catch (NoSuchMethodException e) {
            // no legacy accessor
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot call " + forClass.getName() + "." + legacyMethod + "()", e);
        }
        return null;
    }

    private static boolean handles(final Class<?> serializerClass, final Class<?> base, final Class<?> forClass) {
        Class<?> handled = handledClass(serializerClass, base);
        return handled == null || handled.isAssignableFrom(forClass);
    }

    static <S> S instantiate(final Class<?> serializerClass, final Class<S> base) {
        try {
            return base.cast(serializerClass.getConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                "Serializer " + serializerClass.getName() + " needs a public no-arg constructor", e);
        }
    }

    /**
     * @param serializerClass a concrete serializer class
     * @param genericBase the generic base class whose single type argument names the handled class
     * @return the handled class, or null if it is not given as a plain class
     */
    static Class<?> handledClass(final Class<?> serializerClass, final Class<?> genericBase) {
        for (Class<?> c = serializerClass; c != null && c != Object.class; c = c.getSuperclass()) {
            Type sup = c.getGenericSuperclass();
            if (sup instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
                && genericBase.isAssignableFrom(raw)) {
                Type arg = p.getActualTypeArguments()[0];
                if (arg instanceof Class<?> cls) {
                    return cls;
                }
                if (arg instanceof ParameterizedType pa && pa.getRawType() instanceof Class<?> cls) {
                    return cls;
                }
            }
        }
        return null;
    }
}
