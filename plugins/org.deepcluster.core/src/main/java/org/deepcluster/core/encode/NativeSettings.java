package org.deepcluster.core.encode;

import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Thread settings of ND4J's native CPU backend for the encoders, applied once per JVM before the first training.
 *
 * <p>ND4J runs matrix products in OpenBLAS (its own thread pool, whose idle threads spin for a while after each
 * product) and everything else (element-wise ops, reductions, custom ops) in libnd4j's OpenMP pool. By default both
 * pools use every core and fight for them: an OpenMP loop waits for its slowest thread, which shares a core with a
 * spinning BLAS thread. Measured on 2 cores (benchmarks/encoder/RESULTS.md), an epoch of the benchmark autoencoder
 * with DL4J's own training step took about 1.8–3.6 s with ND4J's defaults and about 0.9 s with
 * {@code OMP_NUM_THREADS=1}. The encoders spend most of their time in matrix products, so this class keeps BLAS on
 * every core and runs everything else on the calling thread: libnd4j's parallel loops take their thread count from
 * the "master threads" setting, and element-wise ops and reductions only go parallel above a size threshold; both
 * can be set from Java. That matches {@code OMP_NUM_THREADS=1} without needing an environment variable, so it works
 * inside KNIME.
 *
 * <p>What cannot be set from Java: {@code OMP_NUM_THREADS} itself (read once when the native library loads; ND4J's
 * {@code Environment.setMaxThreads} is a no-op in 1.0.0-M2.1), so libnd4j's idle OpenMP threads still exist.
 *
 * <p>System properties, read on first use:
 * <ul>
 * <li>{@value #BLAS_THREADS_PROPERTY}: BLAS threads (default: {@link Runtime#availableProcessors()}; on machines
 * with simultaneous multithreading the number of physical cores may be faster, which we could not measure here);</li>
 * <li>{@value #TUNING_PROPERTY}{@code =false}: leave ND4J's defaults alone (for comparison).</li>
 * </ul>
 *
 * <p>The settings are process-wide: they also apply to any other ND4J user in the same JVM.
 */
final class NativeSettings {

    /** System property: the number of threads of the BLAS library (matrix products). */
    static final String BLAS_THREADS_PROPERTY = "org.deepcluster.blasThreads";

    /** System property: {@code false} leaves ND4J's thread settings as they are. */
    static final String TUNING_PROPERTY = "org.deepcluster.nativeTuning";

    private static volatile String applied;

    private NativeSettings() {
    }

    /**
     * Applies the settings once per JVM; ND4J must be initialised.
     *
     * @return a description of the settings in force, for logs and benchmarks
     */
    static String apply() {
        String a = applied;
        if (a == null) {
            synchronized (NativeSettings.class) {
                a = applied;
                if (a == null) {
                    a = configure();
                    applied = a;
                }
            }
        }
        return a;
    }

    private static String configure() {
        final Environment environment = Nd4j.getEnvironment();
        if (!Boolean.parseBoolean(System.getProperty(TUNING_PROPERTY, "true"))) {
            return describe(environment, "ND4J defaults");
        }
        final int threads = Integer.getInteger(BLAS_THREADS_PROPERTY, Runtime.getRuntime().availableProcessors());
        Nd4j.factory().blas().setMaxThreads(Math.max(1, threads));
        environment.setElementwiseThreshold(Integer.MAX_VALUE);
        environment.setTadThreshold(Integer.MAX_VALUE);
        environment.setMaxMasterThreads(1);
        return describe(environment, "tuned");
    }

    private static String describe(final Environment environment, final String mode) {
        return mode + ": BLAS threads " + Nd4j.factory().blas().getMaxThreads() + ", OpenMP threads "
            + environment.maxThreads()
            + " (master " + environment.maxMasterThreads() + "), element-wise threshold "
            + environment.elementwiseThreshold() + ", TAD threshold " + environment.tadThreshold();
    }
}
