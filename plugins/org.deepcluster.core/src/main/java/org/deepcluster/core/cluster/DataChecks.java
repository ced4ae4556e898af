package org.deepcluster.core.cluster;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.deepcluster.core.data.Matrix;

/** Checks of the input data shared by the centre-based algorithms (k-means, k-medoids), with messages users can act on. */
final class DataChecks {

    private DataChecks() {
    }

    /**
     * Rejects data that cannot be split into {@code k} clusters: no rows or columns, fewer rows than k, a non-finite
     * value, fewer distinct rows than k (some clusters would have to be empty).
     *
     * @param data the rows
     * @param k the number of clusters
     * @param algorithm the name used in messages, e.g. "k-means"
     * @throws IllegalArgumentException naming the problem and what to do
     */
    static void requireClusterable(final Matrix data, final int k, final String algorithm) {
        requireShape(data, k, algorithm);
        data.requireFinite("the data");
        requireDistinctRows(data, k);
    }

    /**
     * The checks of {@link #requireClusterable} that do not read the values: rows, columns, k.
     *
     * @param data the rows
     * @param k the number of clusters
     * @param algorithm the name used in messages
     */
    static void requireShape(final Matrix data, final int k, final String algorithm) {
        if (data.rows() == 0) {
            throw new IllegalArgumentException(
                "the data has no rows: " + algorithm + " needs at least k (" + k + ") rows");
        }
        if (data.cols() == 0) {
            throw new IllegalArgumentException("the data has no columns: select at least one numeric column");
        }
        if (k > data.rows()) {
            throw new IllegalArgumentException("k (" + k + ") is larger than the number of rows (" + data.rows()
                + "): lower k or provide more rows");
        }
    }

    /**
     * Rejects data with fewer than {@code k} distinct rows (reads only until k distinct rows are found).
     *
     * @param data the rows, all values finite
     * @param k the number of clusters
     */
    static void requireDistinctRows(final Matrix data, final int k) {
        final int distinct = countDistinctRows(data, k);
        if (distinct < k) {
            throw new IllegalArgumentException("k (" + k + ") is larger than the number of distinct rows ("
                + distinct + "): lower k to at most " + distinct + " or provide more varied rows");
        }
    }

    /** Counts distinct rows, stopping early once {@code limit} are found. */
    private static int countDistinctRows(final Matrix data, final int limit) {
        final Set<RowKey> seen = new HashSet<>();
        for (int i = 0; i < data.rows() && seen.size() < limit; i++) {
            seen.add(new RowKey(data.row(i)));
        }
        return seen.size();
    }

    /** A row compared by value, with -0.0 equal to 0.0 (their squared distance is zero). */
    private record RowKey(double[] values) {
        RowKey {
            for (int j = 0; j < values.length; j++) {
                values[j] += 0.0; // turns -0.0 into 0.0
            }
        }

        @Override
        public boolean equals(final Object o) {
            return o instanceof RowKey other && Arrays.equals(values, other.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }
}
