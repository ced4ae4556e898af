package org.deepcluster.core.cluster;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.progress.Progress;

/**
 * k-medoids clustering with Euclidean distances: each cluster is represented by one of its rows (the medoid), chosen
 * to minimise the total deviation, the sum of the distances of all rows to their nearest medoid. More robust to
 * outliers than k-means, and the medoids are real observations (e.g. a representative cell or sample).
 *
 * <ul>
 * <li>{@link Method#PAM}: BUILD + SWAP on the full distance matrix ({@link Pam}, FastPAM1 swap evaluation). Needs
 * {@code rows² × 8} bytes for the distances and O(rows²) time per swap, so it is refused above {@link #PAM_MAX_ROWS}
 * rows.</li>
 * <li>{@link Method#CLARA}: PAM on several random samples (Kaufman and Rousseeuw 1990); each sample's medoids are
 * scored on all rows, the lowest total deviation wins. As in R's {@code cluster::clara}, every sample after the first
 * contains the best medoids so far. Linear in the number of rows.</li>
 * <li>{@link Method#AUTOMATIC}: PAM up to {@link #AUTOMATIC_PAM_MAX_ROWS} rows, CLARA above.</li>
 * </ul>
 * Cosine distance: the node layer normalises rows to unit length, which makes Euclidean distance a monotone function
 * of cosine distance. Clusters are numbered in order of first appearance in the data.
 */
public final class KMedoids {

    /** Automatic mode uses PAM up to this many rows (its distance matrix then needs at most 72 MB). */
    public static final int AUTOMATIC_PAM_MAX_ROWS = 3000;
    /** PAM refuses more rows than this (its distance matrix would need more than 1.8 GB). */
    public static final int PAM_MAX_ROWS = 15000;

    private KMedoids() {
    }

    /** How the medoids are searched. */
    public enum Method {
        /** PAM up to {@link KMedoids#AUTOMATIC_PAM_MAX_ROWS} rows, CLARA above. */
        AUTOMATIC,
        /** PAM (BUILD + SWAP) on all rows. */
        PAM,
        /** PAM on samples, the best sample's medoids win. */
        CLARA
    }

    /**
     * The settings of a k-medoids run.
     *
     * @param k the number of clusters, at least 1
     * @param method PAM, CLARA or automatic
     * @param maxIterations the maximum number of SWAP iterations of each PAM run, at least 0 (0: BUILD only)
     * @param claraSamples how many samples CLARA draws, at least 1
     * @param claraSampleSize the rows per CLARA sample, at least k, or 0 for the default {@code 80 + 4k} (Schubert
     *            and Rousseeuw's recommendation for FastPAM-based CLARA); capped at the number of rows
     * @param seed the seed of the CLARA samples (PAM itself is deterministic)
     */
    public record Parameters(int k, Method method, int maxIterations, int claraSamples, int claraSampleSize,
        long seed) {

        /**
         * @param k the number of clusters
         * @return automatic method, at most 100 SWAP iterations, 5 CLARA samples of the default size, seed 42
         */
        public static Parameters defaults(final int k) {
            return new Parameters(k, Method.AUTOMATIC, 100, 5, 0, 42L);
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
            if (method == null) {
                throw new IllegalArgumentException("method must be set (AUTOMATIC, PAM or CLARA)");
            }
            if (maxIterations < 0) {
                throw new IllegalArgumentException("maxIterations must be at least 0, got " + maxIterations);
            }
            if (claraSamples < 1) {
                throw new IllegalArgumentException("claraSamples must be at least 1, got " + claraSamples);
            }
            if (claraSampleSize != 0 && claraSampleSize < k) {
                throw new IllegalArgumentException("claraSampleSize must be at least k (" + k + ") or 0 for the "
                    + "default, got " + claraSampleSize);
            }
        }

        /** @param rows the number of rows; @return the CLARA sample size for them */
        int sampleSize(final int rows) {
            return Math.min(rows, claraSampleSize == 0 ? 80 + 4 * k : claraSampleSize);
        }
    }

    /**
     * Clusters the rows of a matrix.
     *
     * @param data the rows; at least {@code k} distinct rows, all values finite
     * @param parameters the settings
     * @param progress receives reports per BUILD medoid, SWAP iteration and CLARA sample, and is asked for
     *            cancellation at each of them
     * @return the model
     * @throws IllegalArgumentException if the parameters are invalid or do not fit the data
     * @throws org.deepcluster.core.progress.CancelledException if {@code progress} cancels
     */
    public static KMedoidsModel fit(final Matrix data, final Parameters parameters, final Progress progress) {
        parameters.validate();
        DataChecks.requireClusterable(data, parameters.k(), "k-medoids");
        final int n = data.rows();
        final Method method = parameters.method() == Method.AUTOMATIC
            ? (n <= AUTOMATIC_PAM_MAX_ROWS ? Method.PAM : Method.CLARA) : parameters.method();
        if (method == Method.PAM && n > PAM_MAX_ROWS) {
            throw new IllegalArgumentException("PAM on " + n + " rows would need "
                + String.format("%.1f", (double)n * n * Double.BYTES / (1L << 30)) + " GB for its distance matrix; "
                + "it is limited to " + PAM_MAX_ROWS + " rows: choose CLARA (or automatic)");
        }
        final Points points = Points.of(data);
        progress.checkCancelled();
        final KMedoidsModel model = method == Method.PAM ? pam(points, parameters, progress)
            : clara(points, parameters, progress);
        progress.report(1.0, "k-medoids done");
        return model;
    }

    private static KMedoidsModel pam(final Points points, final Parameters parameters, final Progress progress) {
        final int n = points.n;
        final int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        progress.report(0.0, "PAM: distance matrix of " + n + " rows");
        final double[] distances = Pam.distanceMatrix(points, all);
        final int k = parameters.k();
        final double steps = k + parameters.maxIterations();
        final Pam.Result result = Pam.run(n, distances, k, parameters.maxIterations(), step -> {
            progress.checkCancelled();
            progress.report(Math.min(step / steps, 1.0), step <= k ? "PAM BUILD: medoid " + step + " of " + k
                : "PAM SWAP: iteration " + (step - k));
        });
        return finish(points, result.medoids(), "PAM", result.iterations());
    }

    private static KMedoidsModel clara(final Points points, final Parameters parameters, final Progress progress) {
        final int n = points.n;
        final int k = parameters.k();
        final int size = parameters.sampleSize(n);
        final int samples = parameters.claraSamples();
        final SplittableRandom random = new SplittableRandom(parameters.seed());
        int[] bestMedoids = null;
        double bestDeviation = Double.POSITIVE_INFINITY;
        int bestIterations = 0;
        for (int s = 0; s < samples; s++) {
            progress.checkCancelled();
            progress.report((double)s / samples, "CLARA: sample " + (s + 1) + " of " + samples);
            final int[] sample = sample(n, size, bestMedoids, random);
            final Pam.Result result = Pam.run(size, Pam.distanceMatrix(points, sample), k,
                parameters.maxIterations(), step -> progress.checkCancelled());
            final int[] medoids = new int[k];
            for (int m = 0; m < k; m++) {
                medoids[m] = sample[result.medoids()[m]];
            }
            final double deviation = totalDeviation(points, medoids);
            if (deviation < bestDeviation) { // strictly: ties keep the earlier sample
                bestDeviation = deviation;
                bestMedoids = medoids;
                bestIterations = result.iterations();
            }
        }
        return finish(points, bestMedoids, "CLARA", bestIterations);
    }

    /** @return {@code size} distinct rows in increasing order: the given medoids first, the rest at random */
    private static int[] sample(final int n, final int size, final int[] include, final SplittableRandom random) {
        final boolean[] chosen = new boolean[n];
        int count = 0;
        if (include != null) {
            for (final int m : include) {
                chosen[m] = true;
                count++;
            }
        }
        // Floyd's algorithm would avoid the loop, but size ≪ n in CLARA, so rejection sampling rarely repeats.
        while (count < size) {
            final int candidate = random.nextInt(n);
            if (!chosen[candidate]) {
                chosen[candidate] = true;
                count++;
            }
        }
        final int[] sample = new int[size];
        int next = 0;
        for (int i = 0; i < n; i++) {
            if (chosen[i]) {
                sample[next++] = i;
            }
        }
        return sample;
    }

    private static double totalDeviation(final Points points, final int[] medoids) {
        final RowChunks chunks = new RowChunks(points.n, (long)points.d * medoids.length);
        final double[] nearest = new double[points.n];
        chunks.forEach((chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                double min = Double.POSITIVE_INFINITY;
                for (final int m : medoids) {
                    min = Math.min(min, points.squaredDistance(i, m));
                }
                nearest[i] = Math.sqrt(min);
            }
        });
        return KMeansSeeding.sumInChunks(nearest, chunks);
    }

    /** Assigns every row to its nearest medoid and numbers the clusters by first appearance. */
    private static KMedoidsModel finish(final Points points, final int[] medoids, final String method,
        final int iterations) {
        final int n = points.n;
        final int k = medoids.length;
        final int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int m = 0; m < k; m++) {
                final double d = points.squaredDistance(i, medoids[m]);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = m;
                }
            }
            labels[i] = best;
        }
        final int[] newId = new int[k];
        Arrays.fill(newId, -1);
        int next = 0;
        for (final int label : labels) {
            if (newId[label] < 0) {
                newId[label] = next++;
            }
        }
        for (int m = 0; m < k; m++) {
            if (newId[m] < 0) {
                newId[m] = next++;
            }
        }
        final int[] ordered = new int[k];
        final double[] coordinates = new double[k * points.d];
        for (int m = 0; m < k; m++) {
            ordered[newId[m]] = medoids[m];
            System.arraycopy(points.x, medoids[m] * points.d, coordinates, newId[m] * points.d, points.d);
        }
        for (int i = 0; i < n; i++) {
            labels[i] = newId[labels[i]];
        }
        return new KMedoidsModel(Matrix.wrap(k, points.d, coordinates), ordered, labels,
            totalDeviation(points, ordered), method, iterations);
    }
}
