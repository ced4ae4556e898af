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
 * skips the query by reference), numbers clusters by its own expansion order and runs single-threaded.
 *
 * <p>How (all queries on a {@link BallTree}, in parallel batches): scikit-learn computes every row's full neighbour
 * list, but in many dimensions a tree cannot prune inside a cluster, so that costs a scan of the whole cluster per
 * row. Here (1) a row's neighbours are counted only up to minPts, leaf by leaf with a blocked distance kernel
 * ({@link LeafCounts}), remembering those found (so a non-core row has its complete list); (2) core rows are joined (union-find) with the core rows among those;
 * (3) every core row then searches for a core row within eps in <em>another</em> component ({@link CoreLinks}),
 * skipping tree nodes whose core rows all lie in its own component (after step 2 usually whole clusters), round after
 * round until no link is found; (4) non-core rows take the lowest cluster among their listed core neighbours. Same
 * result as full lists: the clusters are the connected components of the core rows' eps-graph, which are unique, and
 * a border row's cluster follows from its complete list.
 */
public final class Dbscan {

    /** Neighbour entries kept in memory (4 bytes each); beyond this fewer per row are kept (same result, slower). */
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

        // 1. Count each row's neighbours up to minPts, keeping those found (up to minPts per row, within the memory
        // budget): a non-core row then has its complete list.
        final int links = (int)Math.min(minPts, keptNeighbours / n);
        final int[] found = new int[n * links];
        final int[] count = new int[n];
        final boolean[] core = new boolean[n];
        final int[] leaves = tree.leaves();
        final LeafCounts.Centred centred = LeafCounts.Centred.of(tree);
        final int width = maxLeafSize(tree, leaves);
        final ThreadLocal<LeafCounts> counters = ThreadLocal.withInitial(() -> new LeafCounts(tree, centred, width));
        final ThreadLocal<int[]> leafCount = ThreadLocal.withInitial(() -> new int[width]);
        final ThreadLocal<int[]> leafFound = ThreadLocal.withInitial(() -> new int[width * links]);
        int first = 0;
        while (first < leaves.length) {
            progress.checkCancelled();
            progress.report(0.05 + 0.4 * tree.nodeStart[leaves[first]] / n, "DBSCAN: counting neighbours");
            int last = first;
            while (last < leaves.length
                && tree.nodeStart[leaves[last]] - tree.nodeStart[leaves[first]] < ParallelRows.BATCH) {
                last++;
            }
            java.util.stream.IntStream.range(first, last).parallel().forEach(l -> {
                final int leaf = leaves[l];
                final int[] c = leafCount.get();
                final int[] f = leafFound.get();
                counters.get().run(leaf, eps, minPts, links, c, f);
                for (int p = tree.nodeStart[leaf]; p < tree.nodeEnd[leaf]; p++) {
                    final int slot = p - tree.nodeStart[leaf];
                    final int i = tree.order[p];
                    count[i] = c[slot];
                    core[i] = c[slot] >= minPts;
                    System.arraycopy(f, slot * links, found, i * links, Math.min(c[slot], links));
                }
            });
            first = last;
        }

        // 2. Join core rows with the core rows among their kept neighbours. Union-find keeps the lowest index as the
        // root, which gives scikit-learn's numbering.
        final int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            if (core[i]) {
                for (int t = i * links; t < i * links + Math.min(count[i], links); t++) {
                    if (core[found[t]]) {
                        union(parent, i, found[t]);
                    }
                }
            }
        }

        // 3. Complete the links: core rows search for a core row within eps in another component.
        new CoreLinks(tree, x, eps, core, parent).complete(progress, 0.45, 0.8);

        final int[] labels = new int[n];
        Arrays.fill(labels, ClusterModel.NOISE);
        int clusters = 0;
        for (int i = 0; i < n; i++) {
            if (core[i]) {
                final int root = find(parent, i);
                labels[i] = root == i ? clusters++ : labels[root]; // root < i, already numbered
            }
        }
        // 4. Border points: the lowest-numbered cluster among their core neighbours.
        final ThreadLocal<BallTree.Hits> hits = ThreadLocal.withInitial(BallTree.Hits::new);
        ParallelRows.forEach(n, tree.order, i -> {
            if (!core[i]) {
                int best = ClusterModel.NOISE;
                if (count[i] <= links) { // the kept list is complete
                    for (int t = i * links; t < i * links + count[i]; t++) {
                        best = lower(best, found[t], core, labels);
                    }
                } else {
                    final BallTree.Hits h = hits.get();
                    tree.within(x, i * d, eps, h);
                    for (int t = 0; t < h.size(); t++) {
                        best = lower(best, h.index(t), core, labels);
                    }
                }
                labels[i] = best; // core rows' labels are final; only this row's slot is written
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

    private static int maxLeafSize(final BallTree tree, final int[] leaves) {
        int width = 1;
        for (final int leaf : leaves) {
            width = Math.max(width, tree.nodeEnd[leaf] - tree.nodeStart[leaf]);
        }
        return width;
    }

    /** @return the lower of cluster {@code best} and row j's cluster if j is a core row */
    private static int lower(final int best, final int j, final boolean[] core, final int[] labels) {
        return core[j] && (best == ClusterModel.NOISE || labels[j] < best) ? labels[j] : best;
    }

    static int find(final int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    static void union(final int[] parent, final int a, final int b) {
        final int ra = find(parent, a);
        final int rb = find(parent, b);
        if (ra < rb) {
            parent[rb] = ra;
        } else if (rb < ra) {
            parent[ra] = rb;
        }
    }
}
