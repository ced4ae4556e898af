package org.deepcluster.core.backend;

import org.nd4j.common.config.ND4JClassLoading;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The one place that starts ND4J (the tensor library under Deeplearning4j). Every engine class that uses ND4J calls
 * {@link #ensureInitialised()} before its first ND4J call.
 *
 * <p>Why: ND4J finds its native backend with a {@code ServiceLoader} on the class loader it remembers when
 * {@code ND4JClassLoading} is first touched, which by default is the calling thread's context class loader. Inside
 * KNIME (OSGi) that loader cannot see the library bundle, and ND4J fails with {@code NoAvailableBackendException};
 * once ND4J's static initialiser has failed, ND4J is unusable until the JVM restarts. Pointing ND4J at the class
 * loader of the bundle that contains it, before anything else touches it, works for any context class loader.
 */
public final class Nd4jBackend {

    private static volatile String description;

    private Nd4jBackend() {
    }

    /**
     * Initialises ND4J once per JVM (thread-safe; later calls return at once).
     *
     * @return a one-line description of the backend, e.g. "CpuBackend, 2 threads"
     * @throws IllegalStateException if the native backend cannot be loaded (e.g. the platform fragment is missing)
     */
    public static String ensureInitialised() {
        String d = description;
        if (d == null) {
            synchronized (Nd4jBackend.class) {
                d = description;
                if (d == null) {
                    ND4JClassLoading.setNd4jClassloaderFromClass(Nd4j.class);
                    try {
                        final OpExecutioner executioner = Nd4j.getExecutioner();
                        d = Nd4j.getBackend().getClass().getSimpleName() + ", " + executioner.getClass().getSimpleName();
                    } catch (final RuntimeException | LinkageError e) {
                        throw new IllegalStateException("The native deep-learning backend (ND4J) could not be loaded on "
                            + System.getProperty("os.name") + "/" + System.getProperty("os.arch")
                            + ": is the platform fragment org.deepcluster.libs.<os>.<arch> installed? Cause: " + e, e);
                    }
                    description = d;
                }
            }
        }
        return d;
    }
}
