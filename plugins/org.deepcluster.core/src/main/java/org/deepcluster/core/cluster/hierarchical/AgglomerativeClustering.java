package org.deepcluster.core.cluster.hierarchical;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.deepcluster.core.cluster.MemoryGuard;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.progress.Progress;

/**
 * Agglomerative (hierarchical) clustering with Euclidean or cosine distances ({@link Metric}), with the semantics of
 * scikit-learn's {@code AgglomerativeClustering} and SciPy's {@code linkage}: ward, complete and average linkage by the
 * nearest-neighbour chain on a pairwise distance matrix ({@link NearestNeighborChain}, O(n²) memory), single linkage
 * by Prim's minimum spanning tree ({@link MinimumSpanningTree}, O(n) memory). The full tree is built, then cut into k
 * clusters or below a height.
 *
 * <p>With the cosine metric the rows are scaled to length 1 and the tree is built on cosine distances
 * 1 − cos(a, b) themselves, so merge heights and the distance threshold are cosine distances. (Euclidean distances of
 * the scaled rows would give the same complete and single linkage trees with other heights, but a different average
 * linkage tree: the mean of square roots is not the square root of the mean.)
 *
 * <p>Because the distance matrix grows with the square of the rows (20,000 rows: 1.5 GB), ward, complete and average
 * linkage refuse to start when it would exceed {@link Parameters#memoryLimitMb()} or the free Java heap.
 *
 * <p>The result is deterministic (no randomness; ties are broken by row order as in SciPy).
 */
public final class AgglomerativeClustering {

    private AgglomerativeClustering() {
    }

    /**
     * The settings of agglomerative clustering.
     *
     * @param linkage the linkage
     * @param metric the distance between rows; ward allows only {@link Metric#EUCLIDEAN}
     * @param clusters the number of clusters to cut the tree into (scikit-learn's {@code n_clusters}), at least 1; or
     *            0 to cut by height
     * @param distanceThreshold with {@code clusters == 0}: keep every merge whose height is below this value
     *            (scikit-learn's {@code distance_threshold}; for ward the height is the ward distance of
     *            {@link Linkage#WARD}; for the cosine metric a cosine distance), finite and > 0; otherwise NaN
     * @param memoryLimitMb the largest distance matrix, in MB, that ward, complete and average linkage may allocate
     */
    public record Parameters(Linkage linkage, Metric metric, int clusters, double distanceThreshold,
        long memoryLimitMb) {

        /** Euclidean parameters, as before the metric existed. */
        public Parameters(final Linkage linkage, final int clusters, final double distanceThreshold,
            final long memoryLimitMb) {
            this(linkage, Metric.EUCLIDEAN, clusters, distanceThreshold, memoryLimitMb);
        }

        /**
         * @param linkage the linkage
         * @param k the number of clusters
         * @return parameters that cut the tree into k clusters, with the Euclidean metric and the default memory limit
         */
        public static Parameters clusters(final Linkage linkage, final int k) {
            return new Parameters(linkage, k, Double.NaN, MemoryGuard.DEFAULT_LIMIT_MB);
        }

        /**
         * @param linkage the linkage
         * @param threshold the height below which merges are kept
         * @return parameters that cut the tree by height, with the Euclidean metric and the default memory limit
         */
        public static Parameters height(final Linkage linkage, final double threshold) {
            return new Parameters(linkage, 0, threshold, MemoryGuard.DEFAULT_LIMIT_MB);
        }

        /** @param limitMb the memory limit in MB; @return a copy with that limit */
        public Parameters withMemoryLimitMb(final long limitMb) {
            return new Parameters(linkage, metric, clusters, distanceThreshold, limitMb);
        }

        /** @param m the metric; @return a copy with that metric */
        public Parameters withMetric(final Metric m) {
            return new Parameters(linkage, m, clusters, distanceThreshold, memoryLimitMb);
        }

        /** @return whether the tree is cut by height rather than into a number of clusters */
        public boolean cutByHeight() {
            return clusters == 0;
        }

        /**
         * Checks the values that can be checked without data.
         *
         * @throws IllegalArgumentException naming the first invalid setting
         */
        public void validate() {
            if (linkage == null) {
                throw new IllegalArgumentException("the linkage must be set (ward, complete, average or single)");
            }
            if (metric == null) {
                throw new IllegalArgumentException("the metric must be set (euclidean or cosine)");
            }
            if (!metric.allows(linkage)) {
                throw new IllegalArgumentException("ward linkage works only with the Euclidean metric (it minimises "
                    + "the Euclidean within-cluster variance), not with " + metric.id() + ": use complete, average or "
                    + "single linkage with the " + metric.id() + " metric, or the Euclidean metric with ward");
            }
            if (clusters < 0) {
                throw new IllegalArgumentException("the number of clusters must be at least 1 (or 0 to cut by "
                    + "distance threshold), got " + clusters);
            }
            if (clusters == 0 && !(distanceThreshold > 0 && Double.isFinite(distanceThreshold))) {
                throw new IllegalArgumentException("the distance threshold must be a finite number > 0, got "
                    + distanceThreshold);
            }
            MemoryGuard.validateLimit(memoryLimitMb);
        }
    }

    /**
     * @param rows the number of rows
     * @param linkage the linkage
     * @return the bytes of the distance matrix that clustering so many rows needs (0 for single linkage)
     */
    public static long matrixBytes(final int rows, final Linkage linkage) {
        return linkage.needsDistanceMatrix() ? NearestNeighborChain.matrixBytes(rows) : 0;
    }

    /**
     * Clusters the rows of a matrix.
     *
     * @param data the rows, at least 2, all values finite
     * @param parameters the settings
     * @param progress receives progress reports and is asked for cancellation every few hundred rows or merges
     * @return the model
     * @throws IllegalArgumentException if the parameters are invalid, do not fit the data, or the distance matrix
     *             would exceed the memory limit
     * @throws org.deepcluster.core.progress.CancelledException if {@code progress} cancels
     */
    public static AgglomerativeModel fit(final Matrix data, final Parameters parameters, final Progress progress) {
        parameters.validate();
        checkData(data, parameters);
        final int n = data.rows();
        final int d = data.cols();
        final Linkage linkage = parameters.linkage();
        if (linkage.needsDistanceMatrix()) {
            if (n > NearestNeighborChain.maxRows()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s linkage can cluster at most %,d "
                    + "rows (its distance matrix would need %s for %,d rows): cluster a sample, or use single "
                    + "linkage (no matrix) or k-means", linkage.id(), NearestNeighborChain.maxRows(),
                    MemoryGuard.megabytes(matrixBytes(n, linkage)), n));
            }
            MemoryGuard.check(String.format(Locale.ROOT, "%s linkage on %,d rows needs a pairwise distance matrix of",
                linkage.id(), n), matrixBytes(n, linkage), parameters.memoryLimitMb(),
                "cluster a sample of the rows, or use single linkage (no distance matrix) or k-means");
        }
        final Metric metric = parameters.metric();
        final double[] x = rowsFor(data, metric);
        checkDistinctRows(Matrix.wrap(n, d, x), parameters);
        progress.checkCancelled();
        final Dendrogram tree = linkage == Linkage.SINGLE ? MinimumSpanningTree.run(x, n, d, metric, progress)
            : NearestNeighborChain.run(x, n, d, linkage, metric, progress);
        final int k = parameters.cutByHeight() ? tree.clusterCountBelow(parameters.distanceThreshold())
            : parameters.clusters();
        return AgglomerativeModel.of(linkage, metric, parameters.clusters(), parameters.distanceThreshold(), tree,
            tree.cut(k), metric == Metric.COSINE ? Matrix.wrap(n, d, x) : data);
    }

    /** The rows as the tree sees them, row-major: a copy, scaled to length 1 for the cosine metric. */
    private static double[] rowsFor(final Matrix data, final Metric metric) {
        final int n = data.rows();
        final int d = data.cols();
        final double[] x = new double[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(data.row(i), 0, x, i * d, d);
        }
        if (metric == Metric.COSINE) {
            Metric.normaliseRows(x, n, d, "the data");
        }
        return x;
    }

    private static void checkData(final Matrix data, final Parameters parameters) {
        if (data.rows() < 2) {
            throw new IllegalArgumentException("the data has " + data.rows() + " row" + (data.rows() == 1 ? "" : "s")
                + ": agglomerative clustering needs at least 2 rows");
        }
        if (data.cols() == 0) {
            throw new IllegalArgumentException("the data has no columns: select at least one numeric column");
        }
        if (parameters.clusters() > data.rows()) {
            throw new IllegalArgumentException("the number of clusters (" + parameters.clusters() + ") is larger "
                + "than the number of rows (" + data.rows() + "): lower it or provide more rows");
        }
        data.requireFinite("the data");
    }

    /**
     * The tree would have to split rows at distance 0, which no linkage can do meaningfully. For the cosine metric the
     * rows are already scaled, so rows pointing the same way count as one.
     */
    private static void checkDistinctRows(final Matrix rows, final Parameters parameters) {
        if (parameters.clusters() > 1) {
            final int distinct = countDistinctRows(rows, parameters.clusters());
            if (distinct < parameters.clusters()) {
                throw new IllegalArgumentException("the number of clusters (" + parameters.clusters() + ") is "
                    + "larger than the number of distinct rows (" + distinct + (parameters.metric() == Metric.COSINE
                        ? "; for the cosine metric rows that are positive multiples of each other are the same" : "")
                    + "): lower it to at most " + distinct + " or provide more varied rows");
            }
        }
    }

    /** Counts distinct rows, stopping once {@code limit} are found; -0.0 counts as 0.0. */
    private static int countDistinctRows(final Matrix data, final int limit) {
        final Set<RowKey> seen = new HashSet<>();
        for (int i = 0; i < data.rows() && seen.size() < limit; i++) {
            final double[] row = data.row(i);
            for (int j = 0; j < row.length; j++) {
                row[j] += 0.0;
            }
            seen.add(new RowKey(row));
        }
        return seen.size();
    }

    private record RowKey(double[] values) {
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
