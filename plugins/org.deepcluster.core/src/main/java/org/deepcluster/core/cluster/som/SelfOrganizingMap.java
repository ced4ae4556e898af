package org.deepcluster.core.cluster.som;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.deepcluster.core.cluster.KMeans;
import org.deepcluster.core.cluster.KMeansModel;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.progress.Progress;

/**
 * Self-organising map (Kohonen) on a rectangular grid with a Gaussian neighbourhood h = exp(−g² / 2σ²), g the grid
 * distance between two units. Each row's cluster is its best matching unit (BMU, the nearest codebook vector,
 * Euclidean; ties go to the lower unit); optionally the units are merged into k clusters by k-means on the codebook.
 *
 * <p>Training:
 * <ul>
 * <li><b>batch</b> (default, as the SOM Toolbox and kohonen's "batch" mode): each epoch finds every row's BMU, then
 * sets each unit to the neighbourhood-weighted mean of the rows, w_v = Σ_i h(v, bmu_i) x_i / Σ_i h(v, bmu_i); σ goes
 * from the start to the end radius over the epochs. No learning rate. Deterministic and parallel over rows.</li>
 * <li><b>online</b> (Kohonen's original, as MiniSom's {@code train_random}): the rows are visited in a seeded random
 * order every epoch, and after each row every unit moves towards it, w_v += α h(v, bmu) (x − w_v); α and σ decay
 * over all row visits.</li>
 * </ul>
 * Defaults: PCA-plane initialisation, batch training, 20 epochs, σ from max(rows, cols)/2 to 0.5 (so that at the end
 * a unit still pulls its direct neighbours with weight e⁻² ≈ 0.14), α (online only) from 0.5 (MiniSom's default) to
 * 0.01, linear decay.
 *
 * <p>Merging: k-means (the engine's, 10 restarts, the SOM's seed) on the codebook vectors of the units that won at
 * least one training row; units that won none join the nearest merged centre. Units without rows are left out of the
 * k-means because on well-separated data they interpolate between the clusters and would otherwise form clusters of
 * their own.
 *
 * <p>Written by hand because Smile 3.1.1's {@code smile.vq.SOM} trains online only (no batch mode), initialises from
 * random rows with Smile's thread-local generator (no PCA initialisation, no seed of its own), returns the BMU's
 * codebook vector rather than its index, and is single-threaded.
 */
public final class SelfOrganizingMap {

    /** How the codebook is trained. */
    public enum Training {
        /** Batch SOM: neighbourhood-weighted means of the rows once per epoch. */
        BATCH,
        /** Online SOM: one update per row visit, with a decaying learning rate. */
        ONLINE
    }

    /** How the codebook is initialised. */
    public enum Init {
        /** Units spread over the plane of the first two principal components (deterministic). */
        PCA,
        /** Units set to randomly chosen training rows (seeded). */
        RANDOM_ROWS
    }

    /**
     * The settings of a SOM fit.
     *
     * @param grid the grid
     * @param epochs the number of passes over the data, at least 1
     * @param training batch or online
     * @param init the codebook initialisation
     * @param radiusStart the neighbourhood radius σ at the start, in grid units, &gt; 0
     * @param radiusEnd σ at the end, &gt; 0
     * @param learningRateStart α at the start (online only), in (0, 1]
     * @param learningRateEnd α at the end (online only), in (0, 1]
     * @param decay how σ and α decay
     * @param mergeClusters 0 to keep one cluster per unit, else the number of clusters the units are merged into
     * @param seed the seed of the random initialisation, of the online visiting order and of the merging k-means
     */
    public record Parameters(SomGrid grid, int epochs, Training training, Init init, double radiusStart,
        double radiusEnd, double learningRateStart, double learningRateEnd, Decay decay, int mergeClusters,
        long seed) {

        /**
         * The defaults of the class comment for a grid.
         *
         * @param rows grid rows
         * @param cols grid columns
         * @return the parameters
         */
        public static Parameters defaults(final int rows, final int cols) {
            return new Parameters(new SomGrid(rows, cols), 20, Training.BATCH, Init.PCA,
                Math.max(1.0, Math.max(rows, cols) / 2.0), 0.5, 0.5, 0.01, Decay.LINEAR, 0, 42L);
        }

        /** @param k 0 or the number of merged clusters; @return a copy with that setting */
        public Parameters withMergeClusters(final int k) {
            return new Parameters(grid, epochs, training, init, radiusStart, radiusEnd, learningRateStart,
                learningRateEnd, decay, k, seed);
        }

        /** @param n the number of epochs; @return a copy with that setting */
        public Parameters withEpochs(final int n) {
            return new Parameters(grid, n, training, init, radiusStart, radiusEnd, learningRateStart,
                learningRateEnd, decay, mergeClusters, seed);
        }

        /** @param t the training mode; @return a copy with that setting */
        public Parameters withTraining(final Training t) {
            return new Parameters(grid, epochs, t, init, radiusStart, radiusEnd, learningRateStart,
                learningRateEnd, decay, mergeClusters, seed);
        }

        /** @param i the initialisation; @return a copy with that setting */
        public Parameters withInit(final Init i) {
            return new Parameters(grid, epochs, training, i, radiusStart, radiusEnd, learningRateStart,
                learningRateEnd, decay, mergeClusters, seed);
        }

        /**
         * @throws IllegalArgumentException naming the first invalid setting
         */
        public void validate() {
            if (grid == null || training == null || init == null || decay == null) {
                throw new IllegalArgumentException("the grid, training mode, initialisation and decay must be set");
            }
            if (epochs < 1) {
                throw new IllegalArgumentException("the number of epochs must be at least 1, got " + epochs);
            }
            positive("start radius", radiusStart);
            positive("end radius", radiusEnd);
            if (!(learningRateStart > 0 && learningRateStart <= 1)) {
                throw new IllegalArgumentException("the start learning rate must be in (0, 1], got "
                    + learningRateStart);
            }
            if (!(learningRateEnd > 0 && learningRateEnd <= 1)) {
                throw new IllegalArgumentException("the end learning rate must be in (0, 1], got " + learningRateEnd);
            }
            if (mergeClusters < 0 || mergeClusters > grid.units()) {
                throw new IllegalArgumentException("the number of merged clusters must be 0 (no merging) or between 1 "
                    + "and the number of units (" + grid.units() + "), got " + mergeClusters);
            }
        }

        private static void positive(final String name, final double value) {
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("the " + name + " must be a finite number > 0, got " + value);
            }
        }
    }

    private static final int BLOCK = 1024;

    private SelfOrganizingMap() {
    }

    /**
     * Trains a map.
     *
     * @param data at least 2 rows, all values finite
     * @param parameters the settings
     * @param progress one report and cancellation check per epoch (online: also every 10,000 rows)
     * @return the model
     * @throws IllegalArgumentException if the settings or data are invalid, or merging asks for more clusters than
     *             there are distinct used units
     * @throws org.deepcluster.core.progress.CancelledException if cancelled
     */
    public static SomModel fit(final Matrix data, final Parameters parameters, final Progress progress) {
        parameters.validate();
        if (data.cols() == 0 && data.rows() > 0) {
            throw new IllegalArgumentException("the data has no columns: select at least one numeric column");
        }
        if (data.rows() < 2) {
            throw new IllegalArgumentException("a self-organising map needs at least 2 rows, the data has "
                + data.rows() + ": provide more rows");
        }
        data.requireFinite("the data");
        final double[][] rows = data.toRowArrays();
        final SomGrid grid = parameters.grid();
        progress.checkCancelled();
        final double[] codebook = parameters.init() == Init.PCA ? CodebookInitialisation.principalPlane(rows, grid)
            : CodebookInitialisation.randomRows(rows, grid.units(), parameters.seed());
        final double[] history = parameters.training() == Training.BATCH
            ? trainBatch(rows, codebook, parameters, progress) : trainOnline(rows, codebook, parameters, progress);
        progress.checkCancelled();
        final int d = data.cols();
        final Matrix codebookMatrix = Matrix.wrap(grid.units(), d, codebook);
        final int[][] bmus = bestTwoUnits(rows, codebook, d, grid.units());
        final int[] unitToCluster = parameters.mergeClusters() == 0 ? identity(grid.units())
            : merge(codebook, d, bmus[0], parameters);
        double quantization = 0;
        int topographic = 0;
        for (int i = 0; i < rows.length; i++) {
            quantization += Math.sqrt(squaredDistance(rows[i], codebook, bmus[0][i] * d, d));
            if (grid.units() > 1 && !grid.adjacent(bmus[0][i], bmus[1][i])) {
                topographic++;
            }
        }
        progress.report(1.0, "self-organising map done");
        return new SomModel(parameters, codebookMatrix, unitToCluster, bmus[0], new SomModel.FitStatistics(
            quantization / rows.length, (double)topographic / rows.length, history));
    }

    private static double[] trainBatch(final double[][] rows, final double[] codebook, final Parameters p,
        final Progress progress) {
        final SomGrid grid = p.grid();
        final int units = grid.units();
        final int d = rows[0].length;
        final double[] history = new double[p.epochs()];
        final double[] sums = new double[units * d];
        final int[] counts = new int[units];
        final int[] bmu = new int[rows.length];
        final double[] distance = new double[rows.length];
        for (int epoch = 0; epoch < p.epochs(); epoch++) {
            progress.checkCancelled();
            progress.report((double)epoch / p.epochs(), String.format(Locale.ROOT,
                "self-organising map, batch epoch %d of %d", epoch + 1, p.epochs()));
            final double sigma = p.decay().value(p.radiusStart(), p.radiusEnd(), fraction(epoch, p.epochs()));
            bestUnits(rows, codebook, d, units, bmu, distance);
            java.util.Arrays.fill(sums, 0.0);
            java.util.Arrays.fill(counts, 0);
            double qe = 0;
            for (int i = 0; i < rows.length; i++) { // sequential: O(n·d), cheap next to the BMU search
                final int u = bmu[i];
                counts[u]++;
                final double[] x = rows[i];
                for (int j = 0, o = u * d; j < d; j++, o++) {
                    sums[o] += x[j];
                }
                qe += Math.sqrt(distance[i]);
            }
            history[epoch] = qe / rows.length;
            final double[] neighbourhood = neighbourhood(grid, sigma);
            // Each unit's new vector depends only on the sums: parallel over units, each in a fixed order.
            final double[] next = new double[units * d];
            IntStream.range(0, units).parallel().forEach(v -> {
                double weight = 0;
                final int o = v * d;
                for (int u = 0; u < units; u++) {
                    if (counts[u] == 0) {
                        continue;
                    }
                    final double h = neighbourhood[gridOffset(grid, v, u)];
                    weight += h * counts[u];
                    for (int j = 0; j < d; j++) {
                        next[o + j] += h * sums[u * d + j];
                    }
                }
                for (int j = 0; j < d; j++) {
                    // A unit too far from every used unit for the neighbourhood to reach keeps its vector.
                    next[o + j] = weight > 0 ? next[o + j] / weight : codebook[o + j];
                }
            });
            System.arraycopy(next, 0, codebook, 0, next.length);
        }
        return history;
    }

    private static double[] trainOnline(final double[][] rows, final double[] codebook, final Parameters p,
        final Progress progress) {
        final SomGrid grid = p.grid();
        final int units = grid.units();
        final int d = rows[0].length;
        final int n = rows.length;
        final double[] history = new double[p.epochs()];
        final SplittableRandom random = new SplittableRandom(p.seed());
        final int[] order = new int[n];
        final long total = (long)p.epochs() * n;
        long step = 0;
        for (int epoch = 0; epoch < p.epochs(); epoch++) {
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            for (int i = n - 1; i > 0; i--) { // Fisher–Yates
                final int j = random.nextInt(i + 1);
                final int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            double qe = 0;
            for (int visit = 0; visit < n; visit++, step++) {
                if (visit % 10_000 == 0) {
                    progress.checkCancelled();
                    progress.report((double)step / total, String.format(Locale.ROOT,
                        "self-organising map, online epoch %d of %d", epoch + 1, p.epochs()));
                }
                final double f = total > 1 ? (double)step / (total - 1) : 0.0;
                final double sigma = p.decay().value(p.radiusStart(), p.radiusEnd(), f);
                final double alpha = p.decay().value(p.learningRateStart(), p.learningRateEnd(), f);
                final double[] x = rows[order[visit]];
                int best = 0;
                double bestDistance = Double.POSITIVE_INFINITY;
                for (int u = 0; u < units; u++) {
                    final double dist = squaredDistance(x, codebook, u * d, d);
                    if (dist < bestDistance) {
                        bestDistance = dist;
                        best = u;
                    }
                }
                qe += Math.sqrt(bestDistance);
                final double scale = -1.0 / (2 * sigma * sigma);
                for (int u = 0; u < units; u++) {
                    final double rate = alpha * Math.exp(grid.squaredDistance(u, best) * scale);
                    for (int j = 0, o = u * d; j < d; j++, o++) {
                        codebook[o] += rate * (x[j] - codebook[o]);
                    }
                }
            }
            history[epoch] = qe / n;
        }
        return history;
    }

    private static double fraction(final int epoch, final int epochs) {
        return epochs == 1 ? 1.0 : (double)epoch / (epochs - 1);
    }

    /** h for every grid offset (Δrow, Δcol), indexed by {@link #gridOffset}. */
    private static double[] neighbourhood(final SomGrid grid, final double sigma) {
        final int rows = 2 * grid.rows() - 1;
        final int cols = 2 * grid.cols() - 1;
        final double[] h = new double[rows * cols];
        final double scale = -1.0 / (2 * sigma * sigma);
        for (int dr = -(grid.rows() - 1); dr < grid.rows(); dr++) {
            for (int dc = -(grid.cols() - 1); dc < grid.cols(); dc++) {
                h[(dr + grid.rows() - 1) * cols + dc + grid.cols() - 1] = Math.exp((dr * dr + dc * dc) * scale);
            }
        }
        return h;
    }

    private static int gridOffset(final SomGrid grid, final int v, final int u) {
        final int dr = grid.row(v) - grid.row(u) + grid.rows() - 1;
        final int dc = grid.col(v) - grid.col(u) + grid.cols() - 1;
        return dr * (2 * grid.cols() - 1) + dc;
    }

    /** Every row's BMU and squared distance, in parallel blocks of rows. */
    static void bestUnits(final double[][] rows, final double[] codebook, final int d, final int units,
        final int[] bmu, final double[] distance) {
        IntStream.range(0, (rows.length + BLOCK - 1) / BLOCK).parallel().forEach(b -> {
            for (int i = b * BLOCK; i < Math.min(rows.length, (b + 1) * BLOCK); i++) {
                int best = 0;
                double bestDistance = Double.POSITIVE_INFINITY;
                for (int u = 0; u < units; u++) {
                    final double dist = squaredDistance(rows[i], codebook, u * d, d);
                    if (dist < bestDistance) {
                        bestDistance = dist;
                        best = u;
                    }
                }
                bmu[i] = best;
                distance[i] = bestDistance;
            }
        });
    }

    /** The nearest and second-nearest unit of every row (the second equals the first on a one-unit grid). */
    private static int[][] bestTwoUnits(final double[][] rows, final double[] codebook, final int d,
        final int units) {
        final int[] first = new int[rows.length];
        final int[] second = new int[rows.length];
        IntStream.range(0, (rows.length + BLOCK - 1) / BLOCK).parallel().forEach(b -> {
            for (int i = b * BLOCK; i < Math.min(rows.length, (b + 1) * BLOCK); i++) {
                int best = 0;
                int next = 0;
                double bestDistance = Double.POSITIVE_INFINITY;
                double nextDistance = Double.POSITIVE_INFINITY;
                for (int u = 0; u < units; u++) {
                    final double dist = squaredDistance(rows[i], codebook, u * d, d);
                    if (dist < bestDistance) {
                        next = best;
                        nextDistance = bestDistance;
                        bestDistance = dist;
                        best = u;
                    } else if (dist < nextDistance) {
                        nextDistance = dist;
                        next = u;
                    }
                }
                first[i] = best;
                second[i] = units > 1 ? next : best;
            }
        });
        return new int[][] {first, second};
    }

    private static int[] merge(final double[] codebook, final int d, final int[] bmu, final Parameters p) {
        final int units = p.grid().units();
        final boolean[] used = new boolean[units];
        for (final int u : bmu) {
            used[u] = true;
        }
        final int usedCount = (int)IntStream.range(0, units).filter(u -> used[u]).count();
        final double[][] usedVectors = new double[usedCount][];
        for (int u = 0, r = 0; u < units; u++) {
            if (used[u]) {
                usedVectors[r++] = java.util.Arrays.copyOfRange(codebook, u * d, (u + 1) * d);
            }
        }
        final KMeansModel kmeans;
        try {
            kmeans = KMeans.fit(Matrix.of(usedVectors), new KMeans.Parameters(p.mergeClusters(), 10, 300, 1e-4,
                p.seed()), Progress.NONE);
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException("the SOM units cannot be merged into " + p.mergeClusters()
                + " clusters: only " + usedCount + " units won training rows (" + e.getMessage()
                + "); lower the number of merged clusters or enlarge the grid", e);
        }
        final int[] map = new int[units];
        for (int u = 0; u < units; u++) {
            map[u] = kmeans.predict(java.util.Arrays.copyOfRange(codebook, u * d, (u + 1) * d));
        }
        return map;
    }

    private static int[] identity(final int units) {
        return IntStream.range(0, units).toArray();
    }

    static double squaredDistance(final double[] x, final double[] codebook, final int offset, final int d) {
        double sum = 0;
        for (int j = 0; j < d; j++) {
            final double diff = x[j] - codebook[offset + j];
            sum += diff * diff;
        }
        return sum;
    }
}
