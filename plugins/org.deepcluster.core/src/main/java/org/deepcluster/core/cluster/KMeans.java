package org.deepcluster.core.cluster;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.progress.Progress;

/**
 * k-means clustering with scikit-learn's algorithm: greedy k-means++ (or random, or given) initial centres, Lloyd or
 * Elkan iterations, scikit-learn's stopping rule, several restarts keeping the lowest inertia.
 *
 * <p>Written by hand rather than taken from Smile 3.1.1, because Smile's k-means (a) seeds with one k-means++
 * candidate per centre instead of scikit-learn's greedy choice among {@code 2 + ln k}, which measurably ends in worse
 * optima (on a raw single-cell count table, inertia 9,442,847 against scikit-learn's 9,391,155 and ARI 0.33 against
 * 0.98), (b) has no Elkan algorithm, (c) stops on a distortion change instead of scikit-learn's centre-shift rule, so
 * results could not be compared with the reference, and (d) cannot start from given centres.
 *
 * <p>The result follows scikit-learn's contract: the returned labels are the nearest centroid of each row for the
 * returned centroids, and the inertia is the sum of squared distances of the rows to those centroids. Clusters are
 * numbered in order of first appearance in the data, so row 0 is always in cluster 0.
 *
 * <p>Determinism: the same data and parameters give the same model, whatever the number of threads: the random
 * numbers come from a {@link SplittableRandom} per restart derived from the seed, and parallel sums are combined in a
 * fixed order.
 */
public final class KMeans {

    private KMeans() {
    }

    /** How the initial centres are chosen. */
    public enum Init {
        /** Greedy k-means++ as in scikit-learn (the default). */
        K_MEANS_PLUS_PLUS,
        /** k distinct rows chosen uniformly at random. */
        RANDOM,
        /** The centres given in {@link Parameters#initialCentroids()}; runs once, restarts are ignored. */
        GIVEN
    }

    /** How the iterations assign rows to centres. */
    public enum Algorithm {
        /** Lloyd: every row against every centre in each iteration. */
        LLOYD,
        /**
         * Elkan: the same result as Lloyd, skipping distance computations with triangle-inequality bounds; faster on
         * well-separated clusters, needs {@code rows × k} extra doubles.
         */
        ELKAN
    }

    /**
     * The settings of a k-means run.
     *
     * @param k the number of clusters, at least 1
     * @param restarts how many times k-means runs from a different initialisation, at least 1; the run with the lowest
     *            inertia wins (scikit-learn's {@code n_init})
     * @param maxIterations the maximum number of iterations per restart, at least 1
     * @param tolerance a restart stops when the sum over the centres of their squared shift in one iteration is at
     *            most {@code tolerance × (mean over the columns of their variance)}, scikit-learn's rule; at least 0.
     *            A restart also stops when an iteration changes no label
     * @param seed the seed from which the seeds of all restarts are derived
     * @param init how the initial centres are chosen
     * @param algorithm Lloyd or Elkan iterations
     * @param initialCentroids the initial centres (k rows) when {@code init} is {@link Init#GIVEN}, else null
     */
    public record Parameters(int k, int restarts, int maxIterations, double tolerance, long seed, Init init,
        Algorithm algorithm, Matrix initialCentroids) {

        /**
         * The settings with k-means++ initialisation and Lloyd iterations.
         *
         * @param k the number of clusters
         * @param restarts the number of restarts
         * @param maxIterations the maximum number of iterations per restart
         * @param tolerance the tolerance of the stopping rule
         * @param seed the seed
         */
        public Parameters(final int k, final int restarts, final int maxIterations, final double tolerance,
            final long seed) {
            this(k, restarts, maxIterations, tolerance, seed, Init.K_MEANS_PLUS_PLUS, Algorithm.LLOYD, null);
        }

        /**
         * The recommended settings for a number of clusters: k-means++, Lloyd, 10 restarts, at most 300 iterations,
         * tolerance 1e-4, seed 42 (scikit-learn's defaults).
         *
         * @param k the number of clusters
         * @return the parameters (not yet validated)
         */
        public static Parameters defaults(final int k) {
            return new Parameters(k, 10, 300, 1e-4, 42L);
        }

        /** @param newInit the initialisation (not {@link Init#GIVEN}); @return a copy with it */
        public Parameters withInit(final Init newInit) {
            return new Parameters(k, restarts, maxIterations, tolerance, seed, newInit, algorithm, null);
        }

        /** @param newAlgorithm the algorithm; @return a copy with it */
        public Parameters withAlgorithm(final Algorithm newAlgorithm) {
            return new Parameters(k, restarts, maxIterations, tolerance, seed, init, newAlgorithm, initialCentroids);
        }

        /**
         * @param centroids the initial centres, one row per cluster
         * @return a copy that starts from them ({@link Init#GIVEN}, k set to their number of rows)
         */
        public Parameters withInitialCentroids(final Matrix centroids) {
            return new Parameters(centroids.rows(), restarts, maxIterations, tolerance, seed, Init.GIVEN, algorithm,
                centroids);
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
            if (init == null || algorithm == null) {
                throw new IllegalArgumentException("init and algorithm must be set");
            }
            if ((init == Init.GIVEN) != (initialCentroids != null)) {
                throw new IllegalArgumentException(
                    "initialCentroids must be given exactly when init is GIVEN (init is " + init + ")");
            }
            if (initialCentroids != null) {
                if (initialCentroids.rows() != k) {
                    throw new IllegalArgumentException("initialCentroids has " + initialCentroids.rows()
                        + " rows but k is " + k + ": give one initial centre per cluster");
                }
                initialCentroids.requireFinite("initialCentroids");
            }
        }
    }

    /**
     * Clusters the rows of a matrix.
     *
     * @param data the rows to cluster; at least {@code k} distinct rows, all values finite
     * @param parameters the settings
     * @param progress receives reports per restart and iteration and is asked for cancellation before each
     *            iteration and after each k-means++ centre
     * @return the best model over all restarts
     * @throws IllegalArgumentException if the parameters are invalid or do not fit the data
     * @throws org.deepcluster.core.progress.CancelledException if {@code progress} cancels
     */
    public static KMeansModel fit(final Matrix data, final Parameters parameters, final Progress progress) {
        parameters.validate();
        DataChecks.requireShape(data, parameters.k(), "k-means");
        final Points points = Points.of(data);
        // The column variances are needed anyway (the tolerance); they are finite unless a value is not, so the
        // search for the offending cell runs only then, not as one more pass over the data.
        final double meanVariance = points.meanColumnVariance();
        if (!Double.isFinite(meanVariance)) {
            data.requireFinite("the data");
        }
        DataChecks.requireDistinctRows(data, parameters.k());
        if (parameters.initialCentroids() != null && parameters.initialCentroids().cols() != data.cols()) {
            throw new IllegalArgumentException("initialCentroids has " + parameters.initialCentroids().cols()
                + " columns but the data has " + data.cols() + ": give centres with one value per column");
        }
        if (parameters.algorithm() == Algorithm.ELKAN && (long)data.rows() * parameters.k() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("Elkan's algorithm keeps rows × k lower bounds (" + data.rows() + " × "
                + parameters.k() + " = " + (long)data.rows() * parameters.k() + ", more than an array can hold): "
                + "use Lloyd's algorithm");
        }
        final int k = parameters.k();
        if (k == 1) { // the answer is the mean: no iterations or restarts needed
            progress.checkCancelled();
            final double[] mean = points.columnMeans();
            final int[] labels = new int[points.n];
            final double[] squared = new double[points.n];
            new NearestCentres(points, mean, 1).all(new RowChunks(points.n, points.d), null, labels, squared);
            final KMeansModel model = finish(points, new LloydIterations.Run(mean, 0, labels, squared), 1);
            progress.report(1.0, "k-means done");
            return model;
        }
        final double tolerance = parameters.tolerance() * meanVariance;
        final int restarts = parameters.init() == Init.GIVEN ? 1 : parameters.restarts();
        final SplittableRandom restartSeeds = new SplittableRandom(parameters.seed());
        KMeansModel best = null;
        for (int r = 0; r < restarts; r++) {
            final int restart = r;
            progress.checkCancelled();
            progress.report((double)r / restarts, "k-means restart " + (r + 1) + " of " + restarts);
            final SplittableRandom random = new SplittableRandom(restartSeeds.nextLong());
            final KMeansSeeding.Seeds initial = switch (parameters.init()) {
                case K_MEANS_PLUS_PLUS -> KMeansSeeding.kMeansPlusPlus(points, k, random,
                    centres -> progress.checkCancelled());
                case RANDOM -> new KMeansSeeding.Seeds(KMeansSeeding.random(points, k, random), null);
                case GIVEN -> new KMeansSeeding.Seeds(Points.of(parameters.initialCentroids()).x, null);
            };
            final int maxIterations = parameters.maxIterations();
            final java.util.function.IntConsumer beforeIteration = iteration -> {
                progress.checkCancelled();
                if (iteration > 0) {
                    progress.report((restart + (double)iteration / maxIterations) / restarts,
                        "k-means restart " + (restart + 1) + " of " + restarts + ", iteration " + (iteration + 1));
                }
            };
            final LloydIterations.Run run = parameters.algorithm() == Algorithm.ELKAN
                ? ElkanIterations.run(points, initial.centres(), k, maxIterations, tolerance, beforeIteration)
                : LloydIterations.run(points, initial, k, maxIterations, tolerance, beforeIteration);
            final KMeansModel candidate = finish(points, run, k);
            // Strictly lower, so that ties keep the earlier restart and the result does not depend on rounding luck.
            if (best == null || candidate.inertia() < best.inertia()) {
                best = candidate;
            }
        }
        progress.report(1.0, "k-means done");
        return best;
    }

    /**
     * Turns a run into a model: the inertia from the final E-step's squared distances, summed in a thread-independent
     * order, and clusters renumbered by first appearance.
     */
    private static KMeansModel finish(final Points points, final LloydIterations.Run run, final int k) {
        final int n = points.n;
        final int d = points.d;
        final int[] labels = run.labels(); // owned by the run, renumbered in place
        final double[] centres = run.centres();
        final double inertia = KMeansSeeding.sumInChunks(run.squared(), new RowChunks(n, 1));
        final int[] newId = firstAppearanceOrder(labels, k);
        final double[] ordered = new double[k * d];
        for (int j = 0; j < k; j++) {
            System.arraycopy(centres, j * d, ordered, newId[j] * d, d);
        }
        renumber(labels, newId);
        return new KMeansModel(Matrix.wrap(k, d, ordered), labels, inertia, run.iterations());
    }

    /**
     * @param labels cluster labels in {@code [0, k)}
     * @param k the number of clusters
     * @return per label its new number: clusters numbered in order of first appearance, clusters without rows last
     */
    static int[] firstAppearanceOrder(final int[] labels, final int k) {
        final int[] newId = new int[k];
        Arrays.fill(newId, -1);
        int next = 0;
        for (int i = 0; i < labels.length && next < k; i++) { // stops once every cluster has appeared
            if (newId[labels[i]] < 0) {
                newId[labels[i]] = next++;
            }
        }
        for (int j = 0; j < k; j++) { // a cluster that lost all its rows goes last
            if (newId[j] < 0) {
                newId[j] = next++;
            }
        }
        return newId;
    }

    /** Replaces every label by its new number; in blocks, for the JIT (see {@link ClusterSizes}). */
    static void renumber(final int[] labels, final int[] newId) {
        for (int b = 0; b < labels.length; b += RowChunks.BLOCK) {
            renumberBlock(labels, newId, b, Math.min(labels.length, b + RowChunks.BLOCK));
        }
    }

    private static void renumberBlock(final int[] labels, final int[] newId, final int from, final int to) {
        for (int i = from; i < to; i++) {
            labels[i] = newId[labels[i]];
        }
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
