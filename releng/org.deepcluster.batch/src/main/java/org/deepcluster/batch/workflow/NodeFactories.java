package org.deepcluster.batch.workflow;

import java.lang.reflect.InvocationTargetException;

import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;

/**
 * Creates node factories from their class names, as KNIME does for the {@code factory} entry of a settings.xml:
 * load the class and call its public no-arg constructor. Here the classes come from the runner's class path
 * instead of the installed extensions.
 */
public final class NodeFactories {

    private final ClassLoader m_loader;

    /** @param loader the class loader to find factories with */
    public NodeFactories(final ClassLoader loader) {
        m_loader = loader;
    }

    /** @return factories from the runner's own class path */
    public static NodeFactories onClassPath() {
        return new NodeFactories(NodeFactories.class.getClassLoader());
    }

    /** @return the class loader */
    public ClassLoader classLoader() {
        return m_loader;
    }

    /** A factory class cannot be used. */
    public static final class FactoryNotAvailableException extends Exception {
        private static final long serialVersionUID = 1L;

        /** Whether the class is missing (rather than broken). */
        private final boolean m_classMissing;

        FactoryNotAvailableException(final String message, final boolean classMissing, final Throwable cause) {
            super(message, cause);
            m_classMissing = classMissing;
        }

        /** @return whether the class is not on the class path at all (rather than broken) */
        public boolean isClassMissing() {
            return m_classMissing;
        }
    }

    /**
     * @param className a fully qualified factory class name
     * @return a new factory instance
     * @throws FactoryNotAvailableException if the class is missing, no node factory or cannot be instantiated
     */
    @SuppressWarnings("unchecked")
    public NodeFactory<NodeModel> create(final String className) throws FactoryNotAvailableException {
        final Class<?> c;
        try {
            c = Class.forName(className, true, m_loader);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new FactoryNotAvailableException("class " + className + " is not on the class path", true, e);
        }
        if (!NodeFactory.class.isAssignableFrom(c)) {
            throw new FactoryNotAvailableException(className + " is not a node factory (no subclass of "
                + NodeFactory.class.getName() + ")", false, null);
        }
        try {
            return (NodeFactory<NodeModel>)c.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new FactoryNotAvailableException(
                "the constructor of " + className + " failed: " + e.getCause(), false, e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new FactoryNotAvailableException(
                className + " has no public no-arg constructor, which KNIME needs: " + e, false, e);
        }
    }
}
