package org.deepcluster.core.cluster.hierarchical;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How agglomerative clustering measures the distance between two rows (scikit-learn's {@code metric} of
 * {@code AgglomerativeClustering}, SciPy's {@code metric} of {@code linkage}).
 */
public enum Metric {

    /** The Euclidean distance ‖a − b‖; the only metric ward linkage allows. */
    EUCLIDEAN("euclidean"),
    /**
     * The cosine distance 1 − a·b / (‖a‖ ‖b‖), between 0 and 2 (SciPy's {@code cosine}); for complete, average and
     * single linkage. Merge heights, and therefore the distance threshold, are cosine distances. Rows of zeros have no
     * direction and are refused.
     */
    COSINE("cosine");

    private final String id;

    Metric(final String id) {
        this.id = id;
    }

    /** @return the stable lower-case name used in saved models and messages, e.g. {@code "cosine"} */
    public String id() {
        return id;
    }

    /**
     * @param linkage a linkage
     * @return whether this metric can be used with it (ward minimises a Euclidean variance, so it needs Euclidean)
     */
    public boolean allows(final Linkage linkage) {
        return this == EUCLIDEAN || linkage != Linkage.WARD;
    }

    /**
     * @param id a name as returned by {@link #id()}
     * @return the metric
     * @throws IllegalArgumentException if the name is unknown, listing the known ones
     */
    public static Metric fromId(final String id) {
        for (final Metric m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown metric \"" + id + "\": use one of "
            + Arrays.stream(values()).map(Metric::id).collect(Collectors.joining(", ")));
    }

    /**
     * Scales every row of a row-major array to Euclidean length 1, in place, so that the cosine distance of two rows is
     * {@code 1 − dot product} ({@link #cosineDistance}).
     *
     * @param x the rows, row-major, n × d
     * @param n the number of rows
     * @param d the number of columns
     * @param what names the data in the message, e.g. "the data"
     * @throws IllegalArgumentException naming the (0-based) row if a row has only zeros
     */
    static void normaliseRows(final double[] x, final int n, final int d, final String what) {
        for (int i = 0; i < n; i++) {
            final int o = i * d;
            double sum = 0;
            for (int c = 0; c < d; c++) {
                sum += x[o + c] * x[o + c];
            }
            if (sum == 0) {
                throw new IllegalArgumentException("row " + i + " of " + what + " has only zeros: its cosine distance "
                    + "to other rows is undefined; remove such rows or use the Euclidean metric");
            }
            final double norm = Math.sqrt(sum);
            for (int c = 0; c < d; c++) {
                x[o + c] /= norm;
            }
        }
    }

    /**
     * The cosine distance of two rows of length 1: {@code 1 − a·b}, kept in [0, 2] against rounding (as SciPy does).
     * Four partial sums, as in {@link NearestNeighborChain#squaredDistance}.
     *
     * @param x the array of the first row
     * @param io where the first row starts
     * @param y the array of the second row (may be {@code x})
     * @param jo where the second row starts
     * @param d the number of columns
     * @return the cosine distance
     */
    static double cosineDistance(final double[] x, final int io, final double[] y, final int jo, final int d) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int c = 0;
        for (; c + 3 < d; c += 4) {
            s0 += x[io + c] * y[jo + c];
            s1 += x[io + c + 1] * y[jo + c + 1];
            s2 += x[io + c + 2] * y[jo + c + 2];
            s3 += x[io + c + 3] * y[jo + c + 3];
        }
        for (; c < d; c++) {
            s0 += x[io + c] * y[jo + c];
        }
        return Math.min(2.0, Math.max(0.0, 1.0 - ((s0 + s1) + (s2 + s3))));
    }
}
