package org.deepcluster.core.cluster;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.progress.Progress;

import smile.clustering.BBDTree;
import smile.math.MathEx;

/**
 * k-means clustering (Lloyd iterations accelerated by Smile's BBD tree, k-means++ initialisation), run several times
 * from different seeds, keeping the run with the lowest inertia.
 *
 * <p>The result follows scikit-learn's contract: the returned labels are the nearest centroid of each row for the
 * returned centroids, and the inertia is the sum of squared distances of the rows to those centroids. Clusters are
 * numbered in order of first appearance in the data, so row 0 is always in cluster 0.
 *
 * <p>Determinism: the same data and parameters give the same model. Smile draws its random numbers from a
 * thread-local generator in {@link MathEx}; each restart re-seeds the <em>calling thread's</em> generator with a
 * seed derived from {@link Parameters#seed()}, so other Smile code run later on the same thread sees a reseeded
 * generator.
 */
public final class KMeans {

    private KMeans() {
    }

    /**
     * The settings of a k-means run.
     *
     * @param k the number of clusters, at least 1
     * @param restarts how many times k-means runs from a different k-means++ initialisation, at least 1; the run with
     *            the lowest inertia wins
     * @param maxIterations the maximum number of Lloyd iterations per restart, at least 1
     * @param tolerance a restart stops when one iteration lowers the inertia by no more than
     *            {@code tolerance × (total sum of squares of the data about its mean)}; at least 0. Relative to the
     *            data's spread, so that the same value works whatever the scale of the data
     * @param seed the seed from which the seeds of all restarts are derived
     */
    public record Parameters(int k, int restarts, int maxIterations, double tolerance, long seed) {

        /**
         * The recommended settings for a number of clusters: 10 restarts, at most 300 iterations, tolerance 1e-4,
         * seed 42.
         *
         * @param k the number of clusters
         * @return the parameters (not yet validated)
         */
        public static Parameters defaults(final int k) {
            return new Parameters(k, 10, 300, 1e-4, 42L);
        }

        /**
         * Checks the values that can be checked without data.
         *
         * @throws IllegalArgumentException naming the first invalid parameter
         */
        public void validate() {
            if (k < 1) {
                throw new IllegalArgumentException("k must be at least 1, got " + k);
            }
            if (restarts < 1) {
                throw new IllegalArgumentException("restarts must be at least 1, got " + restarts);
            }
            if (maxIterations < 1) {
                throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
            }
            if (!(tolerance >= 0) || Double.isInfinite(tolerance)) { // also rejects NaN
                throw new IllegalArgumentException("tolerance must be a finite number ≥ 0, got " + tolerance);
            }
        }
    }

    /**
     * Clusters the rows of a matrix.
     *
     * @param data the rows to cluster; at least {@code k} distinct rows, all values finite
     * @param parameters the settings
     * @param progress receives one report per restart and is asked for cancellation before each restart
     * @return the best model over all restarts
     * @throws IllegalArgumentException if the parameters are invalid or do not fit the data
     * @throws org.deepcluster.core.progress.CancelledException if {@code progress} cancels
     */
    public static KMeansModel fit(final Matrix data, final Parameters parameters, final Progress progress) {
        parameters.validate();
        checkData(data, parameters.k());
        final double[][] rows = data.toRowArrays();
        if (parameters.k() == 1) {
            // Smile rejects k < 2; the answer is the mean anyway, no iterations or restarts needed.
            progress.checkCancelled();
            final Matrix centroid = Matrix.of(new double[][]{columnMeans(rows)});
            progress.report(1.0, "k-means done");
            return finish(rows, centroid);
        }
        // Smile stops when an iteration lowers its distortion by no more than an absolute amount.
        final double absoluteTolerance = parameters.tolerance() * totalSumOfSquares(rows);
        final BBDTree tree = new BBDTree(rows); // independent of the seed: built once, shared by all restarts
        final SplittableRandom seeds = new SplittableRandom(parameters.seed());
        KMeansModel best = null;
        for (int r = 0; r < parameters.restarts(); r++) {
            progress.checkCancelled();
            progress.report((double)r / parameters.restarts(),
                "k-means restart " + (r + 1) + " of " + parameters.restarts());
            MathEx.setSeed(seeds.nextLong());
            final smile.clustering.KMeans run = smile.clustering.KMeans.fit(tree, rows, parameters.k(),
                parameters.maxIterations(), absoluteTolerance);
            final KMeansModel candidate = finish(rows, Matrix.of(run.centroids));
            // Strictly lower, so that ties keep the earlier restart and the result does not depend on rounding luck.
            if (best == null || candidate.inertia() < best.inertia()) {
                best = candidate;
            }
        }
        progress.report(1.0, "k-means done");
        return best;
    }

    private static void checkData(final Matrix data, final int k) {
        if (data.rows() == 0) {
            throw new IllegalArgumentException("the data has no rows: k-means needs at least k (" + k + ") rows");
        }
        if (data.cols() == 0) {
            throw new IllegalArgumentException("the data has no columns: select at least one numeric column");
        }
        if (k > data.rows()) {
            throw new IllegalArgumentException("k (" + k + ") is larger than the number of rows (" + data.rows()
                + "): lower k or provide more rows");
        }
        data.requireFinite("the data");
        // Smile's k-means++ would pick the same point twice and then divide by an empty cluster's size (NaN
        // centroids), so duplicates are caught here with a message the user can act on.
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

    /**
     * Turns centroids into a model: assigns each row to its nearest centroid (Smile's labels belong to the centroids
     * before their last update), computes the inertia and renumbers clusters by first appearance.
     */
    private static KMeansModel finish(final double[][] rows, final Matrix centroids) {
        final int[] labels = new int[rows.length];
        final double[][] c = centroids.toRowArrays();
        for (int i = 0; i < rows.length; i++) {
            labels[i] = KMeansModel.nearest(c, rows[i]);
        }
        final int k = c.length;
        final int[] newId = new int[k];
        Arrays.fill(newId, -1);
        int next = 0;
        for (final int label : labels) {
            if (newId[label] < 0) {
                newId[label] = next++;
            }
        }
        for (int j = 0; j < k; j++) { // a cluster that lost all its rows goes last
            if (newId[j] < 0) {
                newId[j] = next++;
            }
        }
        final double[][] ordered = new double[k][];
        for (int j = 0; j < k; j++) {
            ordered[newId[j]] = c[j];
        }
        double inertia = 0;
        for (int i = 0; i < rows.length; i++) {
            labels[i] = newId[labels[i]];
            inertia += squaredDistance(rows[i], ordered[labels[i]]);
        }
        return new KMeansModel(Matrix.of(ordered), labels, inertia);
    }

    private static double[] columnMeans(final double[][] rows) {
        final double[] mean = new double[rows[0].length];
        for (final double[] row : rows) {
            for (int j = 0; j < mean.length; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < mean.length; j++) {
            mean[j] /= rows.length;
        }
        return mean;
    }

    private static double totalSumOfSquares(final double[][] rows) {
        final double[] mean = columnMeans(rows);
        double sum = 0;
        for (final double[] row : rows) {
            sum += squaredDistance(row, mean);
        }
        return sum;
    }

    static double squaredDistance(final double[] a, final double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            final double diff = a[j] - b[j];
            sum += diff * diff;
        }
        return sum;
    }
}
