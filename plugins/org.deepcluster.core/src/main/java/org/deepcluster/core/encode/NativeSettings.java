package org.deepcluster.core.encode;

/**
 * Thread settings of the native libraries under the encoders (to be tuned by the benchmark).
 */
final class NativeSettings {

    private static volatile boolean applied;

    private NativeSettings() {
    }

    /** Applies the settings once per JVM. */
    static void apply() {
        if (applied) {
            return;
        }
        synchronized (NativeSettings.class) {
            applied = true;
        }
    }
}
