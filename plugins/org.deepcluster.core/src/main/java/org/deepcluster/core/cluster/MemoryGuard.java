package org.deepcluster.core.cluster;

import java.util.Locale;

/**
 * Refuses an allocation of quadratic size (a pairwise distance or affinity matrix) before it is attempted, with a
 * message that says how much memory is needed and what the user can do, instead of an {@link OutOfMemoryError} that
 * can take the whole application down.
 *
 * <p>Two limits apply: the user's configurable limit (a setting of the algorithm, in MB) and the memory the Java heap
 * can still provide ({@code -Xmx} minus what is in use).
 */
public final class MemoryGuard {

    /** The default limit of the quadratic-memory algorithms in MB (1 MB = 2<sup>20</sup> bytes): 2 GB. */
    public static final long DEFAULT_LIMIT_MB = 2048;

    private static final long MB = 1L << 20;

    private MemoryGuard() {
    }

    /**
     * @param limitMb the limit in MB
     * @throws IllegalArgumentException if the limit is below 1 MB
     */
    public static void validateLimit(final long limitMb) {
        if (limitMb < 1) {
            throw new IllegalArgumentException("the memory limit must be at least 1 MB, got " + limitMb);
        }
    }

    /**
     * Throws unless {@code bytes} fit both the limit and the free heap.
     *
     * @param what what needs the memory, e.g. "ward linkage on 30,000 rows needs a pairwise distance matrix of"
     * @param bytes the memory needed
     * @param limitMb the configured limit in MB
     * @param alternatives what else the user can do, e.g. "cluster a sample, or use single linkage"
     * @throws IllegalArgumentException if the memory is not available
     */
    public static void check(final String what, final long bytes, final long limitMb, final String alternatives) {
        if (bytes > limitMb * MB) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                "%s %s, more than the memory limit of %,d MB: raise the memory limit setting (and the Java heap, "
                    + "-Xmx in knime.ini, if needed), %s",
                what, megabytes(bytes), limitMb, alternatives));
        }
        final Runtime runtime = Runtime.getRuntime();
        final long available = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        if (bytes > available) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                "%s %s, but the Java heap has only about %s free (of %s at most): raise the Java heap (-Xmx in "
                    + "knime.ini), %s",
                what, megabytes(bytes), megabytes(available), megabytes(runtime.maxMemory()), alternatives));
        }
    }

    /** @param bytes a size; @return it in MB, rounded up, with thousands separators, e.g. "1,527 MB" */
    public static String megabytes(final long bytes) {
        return String.format(Locale.ROOT, "%,d MB", (bytes + MB - 1) / MB);
    }
}
