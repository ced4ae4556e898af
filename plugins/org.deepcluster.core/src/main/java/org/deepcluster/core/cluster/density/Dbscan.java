package org.deepcluster.core.cluster.density;

import java.util.Arrays;

import org.deepcluster.core.cluster.ClusterModel;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.progress.Progress;

/**
 * DBSCAN (Ester et al. 1996) with scikit-learn's semantics ({@code sklearn.cluster.DBSCAN}, Euclidean metric):
 * a row is a <em>core point</em> when at least {@code minPts} rows, itself included, lie within distance ≤ eps;
 * clusters are the connected components of core points linked by distance ≤ eps; a non-core row within eps of a core
 * point is a <em>border point</em>; every other row is noise ({@link ClusterModel#NOISE}).
 *
 * <p>Numbering as scikit-learn's: clusters are numbered in the order of their lowest-index core point, and a border
 * point within reach of several clusters joins the one with the lowest number (scikit-learn's expansion visits
 * clusters in that order and labels a border point when it first reaches it). The result therefore does not depend on
 * neighbour order, thread schedule or tree shape.
 *
 * <p>Why not Smile's {@code DBSCAN}: it does not count the point itself towards minPts the same way (its kd-tree
 * skips the query by reference), numbers clusters by its own expansion order and runs single-threaded. Here one
 * radius query per row runs in parallel on a {@link BallTree} and the neighbour lists are kept (as scikit-learn
 * does) up to {@value #KEPT_NEIGHBOURS} entries; rows beyond that budget are counted (stopping at minPts) and
 * queried again when linking core points (union-find) and labelling border points.
 */
public final class Dbscan {

    /** Neighbour list entries kept in memory (4 bytes each) before rows are queried again instead. */
    private static final long KEPT_NEIGHBOURS = 50_000_000L;

    private Dbscan() {
    }

    /**
     * The settings.
     *
     * @param eps the neighbourhood radius, finite and &gt; 0 (scikit-learn's {@code eps})
     * @param minPts the number of rows within eps, the row itself included, that makes a core point; at least 1
     *            (scikit-learn's {@code min_samples})
     */
    public record Parameters(double eps, int minPts) {

        /**
         * Checks the values that can be checked without data.
         *
         * @throws IllegalArgumentException naming the invalid setting
         */
        public void validate() {
            if (!(eps > 0) || Double.isInfinite(eps)) {
                throw new IllegalArgumentException("eps must be a finite number > 0, got " + eps
                    + ": it is the neighbourhood radius in the units of the data");
            }
            if (minPts < 1) {
                throw new IllegalArgumentException("minPts must be at least 1, got " + minPts);
            }
        }
    }

    /**
     * Clusters the rows.
     *
     * @param data the rows, at least minPts of them, all values finite
     * @param parameters the settings
     * @param progress receives reports and is asked for cancellation between batches of rows
     * @return the model
     * @throws IllegalArgumentException if the settings are invalid or do not fit the data
     * @throws org.deepcluster.core.progress.CancelledException if cancelled
     */
    public static DbscanModel fit(final Matrix data, final Parameters parameters, final Progress progress) {
        return fit(data, parameters, progress, KEPT_NEIGHBOURS);
    }

    /** As {@link #fit(Matrix, Parameters, Progress)} with a given budget of kept neighbour entries (for tests). */
    static DbscanModel fit(final Matrix data, final Parameters parameters, final Progress progress,
        final long keptNeighbours) {
        parameters.validate();
        final double[] x = DensityInput.rowMajor(data, "DBSCAN");
        final int n = data.rows();
        final int d = data.cols();
        DensityInput.checkMinSamples("minPts", parameters.minPts(), 1, n);
        final double eps = parameters.eps();
        final int minPts = parameters.minPts();
        progress.checkCancelled();
        progress.report(0, "DBSCAN: building the neighbour index");
        final BallTree tree = new BallTree(x, n, d);

        // One radius query per row; the neighbour lists are kept (as scikit-learn does) up to a memory budget,
        // beyond which the remaining rows are queried again when needed.
        final int[][] neighbours = new int[n][];
        final int[] counts = new int[n];
        final ThreadLocal<BallTree.Hits> hits = ThreadLocal.withInitial(BallTree.Hits::new);
        long stored = 0;
        for (int start = 0; start < n; start += ParallelRows.BATCH) {
            progress.checkCancelled();
            progress.report(0.05 + 0.6 * start / n, "DBSCAN: neighbourhoods");
            final int end = Math.min(n, start + ParallelRows.BATCH);
            final boolean keep = stored < keptNeighbours;
            java.util.stream.IntStream.range(start, end).parallel().forEach(i -> {
                if (keep) {
                    final BallTree.Hits h = hits.get();
                    tree.within(x, i * d, eps, h);
                    counts[i] = h.size();
                    neighbours[i] = h.indices();
                } else {
                    counts[i] = tree.countWithin(x, i * d, eps, minPts); // stops at minPts
                }
            });
            for (int i = start; i < end && keep; i++) {
                stored += neighbours[i].length;
            }
        }
        final boolean[] core = new boolean[n];
        for (int i = 0; i < n; i++) {
            core[i] = counts[i] >= minPts;
        }
        // Link core points within eps. Union-find keeps the lowest index as the root, which gives the numbering.
        final int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int start = 0; start < n; start += ParallelRows.BATCH) {
            progress.checkCancelled();
            progress.report(0.65 + 0.2 * start / n, "DBSCAN: linking core points");
            final int end = Math.min(n, start + ParallelRows.BATCH);
            final boolean[] fresh = queryMissing(neighbours, start, end, core, true, tree, x, d, eps, hits);
            for (int i = start; i < end; i++) {
                if (core[i]) {
                    for (final int j : neighbours[i]) {
                        if (core[j]) {
                            union(parent, i, j);
                        }
                    }
                }
                if (fresh[i - start]) {
                    neighbours[i] = null; // over the memory budget: not kept
                }
            }
        }
        final int[] labels = new int[n];
        Arrays.fill(labels, ClusterModel.NOISE);
        int clusters = 0;
        for (int i = 0; i < n; i++) {
            if (core[i]) {
                final int root = find(parent, i);
                labels[i] = root == i ? clusters++ : labels[root]; // root < i, already numbered
            }
        }
        // Border points: the lowest-numbered cluster among their core neighbours.
        for (int start = 0; start < n; start += ParallelRows.BATCH) {
            progress.checkCancelled();
            progress.report(0.85 + 0.1 * start / n, "DBSCAN: assigning border points");
            final int end = Math.min(n, start + ParallelRows.BATCH);
            final boolean[] fresh = queryMissing(neighbours, start, end, core, false, tree, x, d, eps, hits);
            for (int i = start; i < end; i++) {
                if (!core[i]) {
                    int best = ClusterModel.NOISE;
                    for (final int j : neighbours[i]) {
                        if (core[j] && (best == ClusterModel.NOISE || labels[j] < best)) {
                            best = labels[j];
                        }
                    }
                    labels[i] = best;
                }
                if (fresh[i - start]) {
                    neighbours[i] = null;
                }
            }
        }
        int coreCount = 0;
        for (final boolean c : core) {
            coreCount += c ? 1 : 0;
        }
        final double[] corePoints = new double[coreCount * d];
        final int[] coreLabels = new int[coreCount];
        final int[] coreRows = new int[coreCount];
        for (int i = 0, c = 0; i < n; i++) {
            if (core[i]) {
                System.arraycopy(x, i * d, corePoints, c * d, d);
                coreLabels[c] = labels[i];
                coreRows[c++] = i;
            }
        }
        progress.report(1, "DBSCAN done");
        return new DbscanModel(parameters, labels, coreRows, Matrix.wrap(coreCount, d, corePoints), d);
    }

    /**
     * Queries, in parallel, the rows in [start, end) with {@code core[i] == wanted} whose list was not kept.
     *
     * @return per row of the range whether it was queried now
     */
    private static boolean[] queryMissing(final int[][] neighbours, final int start, final int end,
        final boolean[] core, final boolean wanted, final BallTree tree, final double[] x, final int d,
        final double eps, final ThreadLocal<BallTree.Hits> hits) {
        final boolean[] fresh = new boolean[end - start];
        java.util.stream.IntStream.range(start, end).parallel().forEach(i -> {
            if (neighbours[i] == null && core[i] == wanted) {
                final BallTree.Hits h = hits.get();
                tree.within(x, i * d, eps, h);
                neighbours[i] = h.indices();
                fresh[i - start] = true;
            }
        });
        return fresh;
    }

    private static int find(final int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(final int[] parent, final int a, final int b) {
        final int ra = find(parent, a);
        final int rb = find(parent, b);
        if (ra < rb) {
            parent[rb] = ra;
        } else if (rb < ra) {
            parent[ra] = rb;
        }
    }
}
