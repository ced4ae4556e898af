package org.deepcluster.standin.internal;

/**
 * Access to package-private internals of the stand-in's org.knime packages without reflection. Each package has a
 * package-private class {@code StandinBridge} that implements one bridge interface and installs itself here in its
 * static initializer; the accessors below load that class on first use. (The same "shared secrets" idea the JDK
 * uses.) Only the stand-in harness and the stand-in's own classes should call this.
 */
public final class Bridges {

    private static volatile NodeBridge node;

    private static volatile ContainerBridge container;

    private static volatile PortBridge port;

    private Bridges() {
    }

    /** @param bridge the org.knime.core.node bridge (first install wins) */
    public static synchronized void install(final NodeBridge bridge) {
        if (node == null) {
            node = bridge;
        }
    }

    /** @param bridge the org.knime.core.data.container bridge (first install wins) */
    public static synchronized void install(final ContainerBridge bridge) {
        if (container == null) {
            container = bridge;
        }
    }

    /** @param bridge the org.knime.core.node.port bridge (first install wins) */
    public static synchronized void install(final PortBridge bridge) {
        if (port == null) {
            port = bridge;
        }
    }

    /** @return the org.knime.core.node bridge */
    public static NodeBridge node() {
        if (node == null) {
            load("org.knime.core.node.StandinBridge");
        }
        return node;
    }

    /** @return the org.knime.core.data.container bridge */
    public static ContainerBridge container() {
        if (container == null) {
            load("org.knime.core.data.container.StandinBridge");
        }
        return container;
    }

    /** @return the org.knime.core.node.port bridge */
    public static PortBridge port() {
        if (port == null) {
            load("org.knime.core.node.port.StandinBridge");
        }
        return port;
    }

    private static void load(final String className) {
        try {
            Class.forName(className, true, Bridges.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Stand-in bridge " + className + " missing", e);
        }
    }
}
