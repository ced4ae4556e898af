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
 * skips the query by reference), numbers clusters by its own expansion order and runs single-threaded. Here the
 * neighbour queries run in parallel on a {@link BallTree}: one counting pass (stopping at minPts), one pass over
 * core points linking them with a union-find, and one pass that gives border points their cluster.
 */
public final class Dbscan {

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

        final boolean[] core = new boolean[n];
        ParallelRows.forEach(n, i -> core[i] = tree.countWithin(x, i * d, eps, minPts) >= minPts, progress, 0.05,
            0.4, "DBSCAN: finding core points");

        // Link core points within eps. Union-find keeps the lowest index as the root, which gives the numbering.
        final int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        final int[][] coreNeighbours = new int[ParallelRows.BATCH][];
        final ThreadLocal<BallTree.Hits> hits = ThreadLocal.withInitial(BallTree.Hits::new);
        for (int start = 0; start < n; start += ParallelRows.BATCH) {
            progress.checkCancelled();
            progress.report(0.4 + 0.4 * start / n, "DBSCAN: linking core points");
            final int batchStart = start;
            final int end = Math.min(n, start + ParallelRows.BATCH);
            java.util.stream.IntStream.range(start, end).parallel().forEach(i -> {
                coreNeighbours[i - batchStart] = core[i] ? coreWithin(tree, x, i * d, eps, core, hits.get()) : null;
            });
            for (int i = start; i < end; i++) {
                final int[] nb = coreNeighbours[i - start];
                if (nb != null) {
                    for (final int j : nb) {
                        union(parent, i, j);
                    }
                }
            }
        }
        final int[] labels = new int[n];
        Arrays.fill(labels, ClusterModel.NOISE);
        int clusters = 0;
        for (int i = 0; i < n; i++) {
            if (core[i]) {
                final int root = find(parent, i);
                if (root == i) {
                    labels[i] = clusters++;
                } else {
                    labels[i] = labels[root]; // root < i, already numbered
                }
            }
        }
        // Border points: the lowest-numbered cluster among their core neighbours.
        ParallelRows.forEach(n, i -> {
            if (!core[i]) {
                final int[] nb = coreWithin(tree, x, i * d, eps, core, hits.get());
                int best = ClusterModel.NOISE;
                for (final int j : nb) {
                    if (best == ClusterModel.NOISE || labels[j] < best) {
                        best = labels[j];
                    }
                }
                labels[i] = best;
            }
        }, progress, 0.8, 0.95, "DBSCAN: assigning border points");
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

    private static int[] coreWithin(final BallTree tree, final double[] x, final int offset, final double eps,
        final boolean[] core, final BallTree.Hits hits) {
        tree.within(x, offset, eps, hits);
        int count = 0;
        final int[] result = new int[hits.size()];
        for (int h = 0; h < hits.size(); h++) {
            if (core[hits.index(h)]) {
                result[count++] = hits.index(h);
            }
        }
        return Arrays.copyOf(result, count);
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
