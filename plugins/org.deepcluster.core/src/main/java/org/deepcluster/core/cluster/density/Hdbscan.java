package org.deepcluster.core.cluster.density;

import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.progress.Progress;

/**
 * HDBSCAN (Campello, Moulavi &amp; Sander 2013), as the {@code hdbscan} library and scikit-learn ≥ 1.3 compute it
 * with the Euclidean metric: core distance = distance to the minSamples-th nearest row (the row itself counted);
 * mutual reachability mr(a, b) = max(core(a), core(b), |a − b|); its minimum spanning tree; the single-linkage
 * dendrogram; the condensed tree with minClusterSize; clusters selected by excess of mass (optionally the root as a
 * single cluster, optionally merged below cluster_selection_epsilon). Outputs labels (noise =
 * {@link org.deepcluster.core.cluster.ClusterModel#NOISE}), membership probabilities and GLOSH outlier scores.
 *
 * <p>Validation: scikit-learn 1.2.1 has no HDBSCAN and the {@code hdbscan} package is not installed, so there is no
 * reference fixture. The tests check a hand-worked example, the MST weight against a brute-force MST of the
 * mutual-reachability graph, recovery of blobs with noise, and that every cluster has at least minClusterSize rows.
 *
 * <p>Speed: core distances come from k-nearest-neighbour queries on a {@link BallTree}, the spanning tree from
 * {@link BoruvkaMst} (not Prim over all pairs, which is O(n²)).
 */
public final class Hdbscan {

    /** Nearest-neighbour list entries kept in memory (4 bytes each) for the spanning tree's candidate edges. */
    private static final long KEPT_NEIGHBOURS = 50_000_000L;

    private Hdbscan() {
    }

    /**
     * The settings.
     *
     * @param minClusterSize the smallest group of rows that counts as a cluster, at least 2
     * @param minSamples the number of rows, the row itself included, that defines a row's core distance; 0 means
     *            minClusterSize (the library's default); else at least 1
     * @param clusterSelectionEpsilon clusters that split below this distance are merged; 0 (default) = off, ≥ 0
     * @param allowSingleCluster whether the whole data may be returned as one cluster (default false)
     */
    public record Parameters(int minClusterSize, int minSamples, double clusterSelectionEpsilon,
        boolean allowSingleCluster) {

        /**
         * @param minClusterSize the smallest cluster
         * @return the library's defaults for the rest: minSamples = minClusterSize, no epsilon, no single cluster
         */
        public static Parameters defaults(final int minClusterSize) {
            return new Parameters(minClusterSize, 0, 0, false);
        }

        /** @return minSamples, or minClusterSize when it is 0 */
        public int effectiveMinSamples() {
            return minSamples == 0 ? minClusterSize : minSamples;
        }

        /**
         * Checks the values that can be checked without data.
         *
         * @throws IllegalArgumentException naming the invalid setting
         */
        public void validate() {
            if (minClusterSize < 2) {
                throw new IllegalArgumentException("minClusterSize must be at least 2, got " + minClusterSize);
            }
            if (minSamples < 0) {
                throw new IllegalArgumentException("minSamples must be at least 1 (or 0 for minClusterSize), got "
                    + minSamples);
            }
            if (!(clusterSelectionEpsilon >= 0) || Double.isInfinite(clusterSelectionEpsilon)) {
                throw new IllegalArgumentException("clusterSelectionEpsilon must be a finite number ≥ 0, got "
                    + clusterSelectionEpsilon);
            }
        }
    }

    /**
     * Clusters the rows.
     *
     * @param data the rows, at least minClusterSize and minSamples of them, not all identical, finite values
     * @param parameters the settings
     * @param progress receives reports and is asked for cancellation regularly
     * @return the model
     * @throws IllegalArgumentException if the settings are invalid or do not fit the data
     * @throws org.deepcluster.core.progress.CancelledException if cancelled
     */
    public static HdbscanModel fit(final Matrix data, final Parameters parameters, final Progress progress) {
        parameters.validate();
        final double[] x = DensityInput.rowMajor(data, "HDBSCAN");
        final int n = data.rows();
        final int d = data.cols();
        DensityInput.checkMinSamples("minClusterSize", parameters.minClusterSize(), 2, n);
        final int minSamples = parameters.effectiveMinSamples();
        DensityInput.checkMinSamples("minSamples", minSamples, 1, n);
        if (allIdentical(x, n, d)) {
            throw new IllegalArgumentException("all " + n + " rows are identical: HDBSCAN finds density differences "
                + "and there are none; check the column selection or the preprocessing");
        }
        progress.checkCancelled();
        progress.report(0, "HDBSCAN: building the neighbour index");
        final BallTree tree = new BallTree(x, n, d);
        // The neighbour lists seed the spanning tree's candidate edges; beyond a memory budget they are dropped and
        // every row searches the tree instead (same result, slower).
        final boolean keepLists = (long)n * minSamples <= KEPT_NEIGHBOURS;
        final BallTree.AllNearest nearest = tree.allNearest(x, minSamples, keepLists, progress, 0.02, 0.3,
            "HDBSCAN: core distances");
        final double[] core = nearest.kth();
        final MutualReachabilityMst.Edges mst = BoruvkaMst.build(tree, x, nearest, progress, 0.3, 0.9);
        progress.checkCancelled();
        progress.report(0.9, "HDBSCAN: condensed tree");
        final CondensedTree condensed = CondensedTree.build(n, mst, parameters.minClusterSize());
        final boolean[] selected = condensed.selectEom(parameters.allowSingleCluster(),
            parameters.clusterSelectionEpsilon());
        final int[] labels = condensed.labels(selected, parameters.allowSingleCluster(),
            parameters.clusterSelectionEpsilon());
        final double[] probabilities = condensed.probabilities(labels, selected);
        final double[] outlierScores = condensed.outlierScores();
        // For assignment: the distance below which each selected cluster exists (1 / its birth λ).
        final double[] births = condensed.births();
        final int[] nodes = CondensedTree.selectedNodes(selected);
        final double[] birthDistance = new double[nodes.length];
        for (int k = 0; k < nodes.length; k++) {
            birthDistance[k] = nodes[k] == 0 ? Double.POSITIVE_INFINITY : 1 / births[nodes[k]];
        }
        progress.report(1, "HDBSCAN done");
        return new HdbscanModel(parameters, labels, probabilities, outlierScores, core, birthDistance,
            mst.totalWeight(), data);
    }

    private static boolean allIdentical(final double[] x, final int n, final int d) {
        for (int i = 1; i < n; i++) {
            for (int j = 0; j < d; j++) {
                if (x[i * d + j] != x[j]) {
                    return false;
                }
            }
        }
        return true;
    }
}
