package org.deepcluster.core.cluster.density;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.deepcluster.core.cluster.ClusterModel;

/**
 * HDBSCAN's condensed cluster tree (Campello, Moulavi &amp; Sander 2013) and what is read from it: cluster stability,
 * excess-of-mass selection, labels, membership probabilities and GLOSH outlier scores. A port of the {@code hdbscan}
 * library's {@code _hdbscan_tree} (condense_tree, compute_stability, get_clusters with the eom method, do_labelling,
 * get_probabilities), which scikit-learn ≥ 1.3 copied; no reference implementation was available to compare with
 * (scikit-learn 1.2.1 has no HDBSCAN), so the tests check hand-worked examples and properties instead.
 *
 * <p>Nodes: rows are 0 … n−1; clusters are n (the root) and up, numbered in breadth-first order as the library does.
 * Each entry says that {@code child} (a row, or a cluster of {@code childSize} rows) leaves {@code parent} at density
 * λ = 1/distance.
 */
final class CondensedTree {

    final int n;
    final int[] parent;
    final int[] child;
    final double[] lambda;
    final int[] childSize;
    /** The number of cluster nodes, root included (clusters are n … n + clusterNodes − 1). */
    final int clusterNodes;

    private CondensedTree(final int n, final List<double[]> entries, final int clusterNodes) {
        this.n = n;
        final int m = entries.size();
        parent = new int[m];
        child = new int[m];
        lambda = new double[m];
        childSize = new int[m];
        for (int i = 0; i < m; i++) {
            final double[] e = entries.get(i);
            parent[i] = (int)e[0];
            child[i] = (int)e[1];
            lambda[i] = e[2];
            childSize[i] = (int)e[3];
        }
        this.clusterNodes = clusterNodes;
    }

    /**
     * Builds the single-linkage dendrogram from sorted MST edges and condenses it.
     *
     * @param n the number of rows
     * @param mst the minimum spanning tree, edges sorted by weight
     * @param minClusterSize the smallest cluster
     * @return the condensed tree
     */
    static CondensedTree build(final int n, final MutualReachabilityMst.Edges mst, final int minClusterSize) {
        // Single linkage: merge i creates node n + i from the components of the edge's ends.
        final int merges = n - 1;
        final int[] left = new int[merges];
        final int[] right = new int[merges];
        final double[] height = new double[merges];
        final int[] size = new int[Math.max(1, 2 * n - 1)];
        Arrays.fill(size, 0, n, 1);
        final int[] uf = new int[Math.max(1, 2 * n - 1)];
        for (int i = 0; i < uf.length; i++) {
            uf[i] = i;
        }
        for (int i = 0; i < merges; i++) {
            final int a = find(uf, mst.from()[i]);
            final int b = find(uf, mst.to()[i]);
            left[i] = a;
            right[i] = b;
            height[i] = mst.weight()[i];
            size[n + i] = size[a] + size[b];
            uf[a] = n + i;
            uf[b] = n + i;
        }
        final List<double[]> entries = new ArrayList<>();
        if (n == 1) {
            return new CondensedTree(n, entries, 1);
        }
        final int root = 2 * n - 2;
        final int[] relabel = new int[2 * n - 1];
        final boolean[] ignore = new boolean[2 * n - 1];
        relabel[root] = n;
        int nextLabel = n + 1;
        final ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(root);
        while (!queue.isEmpty()) {
            final int node = queue.poll();
            if (node < n || ignore[node]) {
                continue;
            }
            final int l = left[node - n];
            final int r = right[node - n];
            queue.add(l);
            queue.add(r);
            final double distance = height[node - n];
            final double lam = distance > 0 ? 1 / distance : Double.POSITIVE_INFINITY;
            final int lc = size[l];
            final int rc = size[r];
            final int p = relabel[node];
            if (lc >= minClusterSize && rc >= minClusterSize) {
                relabel[l] = nextLabel++;
                entries.add(new double[]{p, relabel[l], lam, lc});
                relabel[r] = nextLabel++;
                entries.add(new double[]{p, relabel[r], lam, rc});
            } else if (lc < minClusterSize && rc < minClusterSize) {
                dropOut(l, p, lam, n, left, right, ignore, entries);
                dropOut(r, p, lam, n, left, right, ignore, entries);
            } else if (lc < minClusterSize) {
                relabel[r] = p;
                dropOut(l, p, lam, n, left, right, ignore, entries);
            } else {
                relabel[l] = p;
                dropOut(r, p, lam, n, left, right, ignore, entries);
            }
        }
        return new CondensedTree(n, entries, nextLabel - n);
    }

    /** All rows under {@code node} leave cluster {@code p} at λ; the subtree is not condensed further. */
    private static void dropOut(final int node, final int p, final double lam, final int n, final int[] left,
        final int[] right, final boolean[] ignore, final List<double[]> entries) {
        final ArrayDeque<Integer> stack = new ArrayDeque<>();
        stack.push(node);
        while (!stack.isEmpty()) {
            final int s = stack.pop();
            ignore[s] = true;
            if (s < n) {
                entries.add(new double[]{p, s, lam, 1});
            } else {
                stack.push(right[s - n]);
                stack.push(left[s - n]);
            }
        }
    }

    private static int find(final int[] uf, int i) {
        while (uf[i] != i) {
            uf[i] = uf[uf[i]];
            i = uf[i];
        }
        return i;
    }

    /** @return per cluster node (index c − n) the λ at which it was born; 0 for the root */
    double[] births() {
        final double[] birth = new double[clusterNodes];
        for (int i = 0; i < child.length; i++) {
            if (child[i] >= n) {
                birth[child[i] - n] = lambda[i];
            }
        }
        return birth;
    }

    /** @return per cluster node the excess of mass: Σ over its entries (λ − birth) × size */
    double[] stability() {
        final double[] birth = births();
        final double[] stability = new double[clusterNodes];
        for (int i = 0; i < child.length; i++) {
            final double b = birth[parent[i] - n];
            // λ and birth both infinite (duplicates split at distance 0) add nothing rather than NaN.
            final double excess = lambda[i] == b ? 0 : lambda[i] - b;
            stability[parent[i] - n] += excess * childSize[i];
        }
        return stability;
    }

    /** @return per cluster node the parent cluster node (index − n), −1 for the root */
    int[] clusterParents() {
        final int[] up = new int[clusterNodes];
        up[0] = -1;
        for (int i = 0; i < child.length; i++) {
            if (child[i] >= n) {
                up[child[i] - n] = parent[i] - n;
            }
        }
        return up;
    }

    /**
     * Excess-of-mass selection, as the library's {@code get_clusters(..., 'eom')}, with its optional
     * cluster_selection_epsilon merge.
     *
     * @param allowSingleCluster whether the root may be selected
     * @param selectionEpsilon clusters born below this distance merge into their ancestor born above it; 0 = off
     * @return per cluster node whether it is selected
     */
    boolean[] selectEom(final boolean allowSingleCluster, final double selectionEpsilon) {
        final double[] stability = stability();
        final int[] up = clusterParents();
        final boolean[] selected = new boolean[clusterNodes];
        final List<List<Integer>> children = new ArrayList<>();
        for (int c = 0; c < clusterNodes; c++) {
            children.add(new ArrayList<>());
        }
        for (int c = 1; c < clusterNodes; c++) {
            children.get(up[c]).add(c);
        }
        final int last = allowSingleCluster ? 0 : 1;
        Arrays.fill(selected, last, clusterNodes, true);
        // Children have larger numbers than their parents: descending order visits children first.
        for (int c = clusterNodes - 1; c >= last; c--) {
            double subtree = 0;
            for (final int k : children.get(c)) {
                subtree += stability[k];
            }
            if (subtree > stability[c]) {
                selected[c] = false;
                stability[c] = subtree;
            } else {
                deselectDescendants(c, children, selected);
            }
        }
        if (selectionEpsilon > 0 && clusterNodes > 1) {
            return epsilonMerge(selected, up, children, allowSingleCluster, selectionEpsilon);
        }
        return selected;
    }

    private static void deselectDescendants(final int c, final List<List<Integer>> children,
        final boolean[] selected) {
        final ArrayDeque<Integer> stack = new ArrayDeque<>(children.get(c));
        while (!stack.isEmpty()) {
            final int s = stack.pop();
            selected[s] = false;
            stack.addAll(children.get(s));
        }
    }

    /** The library's epsilon_search/traverse_upwards. */
    private boolean[] epsilonMerge(final boolean[] eom, final int[] up, final List<List<Integer>> children,
        final boolean allowSingleCluster, final double epsilon) {
        final double[] birth = births();
        final boolean[] result = new boolean[clusterNodes];
        final boolean onlyRoot = eom[0] && countTrue(eom) == 1;
        if (onlyRoot) {
            result[0] = allowSingleCluster;
            return result;
        }
        final boolean[] processed = new boolean[clusterNodes];
        for (int leaf = 0; leaf < clusterNodes; leaf++) {
            if (!eom[leaf]) {
                continue;
            }
            final double eps = 1 / birth[leaf];
            if (eps < epsilon) {
                if (!processed[leaf]) {
                    int c = leaf;
                    while (true) {
                        final int p = up[c];
                        if (p == 0) {
                            c = allowSingleCluster ? 0 : c;
                            break;
                        }
                        if (1 / birth[p] > epsilon) {
                            c = p;
                            break;
                        }
                        c = p;
                    }
                    result[c] = true;
                    final ArrayDeque<Integer> stack = new ArrayDeque<>(children.get(c));
                    while (!stack.isEmpty()) {
                        final int s = stack.pop();
                        processed[s] = true;
                        stack.addAll(children.get(s));
                    }
                }
            } else {
                result[leaf] = true;
            }
        }
        return result;
    }

    private static int countTrue(final boolean[] b) {
        int count = 0;
        for (final boolean v : b) {
            count += v ? 1 : 0;
        }
        return count;
    }

    /**
     * @param selected the selected cluster nodes
     * @param allowSingleCluster as for {@link #selectEom}
     * @param selectionEpsilon as for {@link #selectEom}
     * @return per row its cluster (selected clusters numbered 0, 1, … in node order) or NOISE
     */
    int[] labels(final boolean[] selected, final boolean allowSingleCluster, final double selectionEpsilon) {
        final int[] number = new int[clusterNodes];
        int k = 0;
        for (int c = 0; c < clusterNodes; c++) {
            number[c] = selected[c] ? k++ : ClusterModel.NOISE;
        }
        final int[] up = clusterParents();
        // Each cluster node's nearest selected ancestor-or-self (NOISE when none), parents first.
        final int[] owner = new int[clusterNodes];
        for (int c = 0; c < clusterNodes; c++) {
            owner[c] = selected[c] ? number[c] : (c == 0 ? ClusterModel.NOISE : owner[up[c]]);
        }
        final int[] labels = new int[n];
        Arrays.fill(labels, ClusterModel.NOISE);
        double rootMaxLambda = 0;
        for (int i = 0; i < child.length; i++) {
            if (parent[i] == n) {
                rootMaxLambda = Math.max(rootMaxLambda, lambda[i]);
            }
        }
        for (int i = 0; i < child.length; i++) {
            if (child[i] >= n) {
                continue;
            }
            final int c = parent[i] - n;
            if (selected[0]) { // the root is then the only cluster: every row's representative is the root
                // The library's single-cluster rule: rows leaving the root keep the cluster only if they stay
                // until the root's last split (or up to the selection epsilon).
                final double threshold = selectionEpsilon > 0 ? 1 / selectionEpsilon : rootMaxLambda;
                labels[child[i]] = lambda[i] >= threshold ? number[0] : ClusterModel.NOISE;
            } else {
                labels[child[i]] = owner[c];
            }
        }
        return labels;
    }

    /**
     * @param labels the labels from {@link #labels}
     * @param selected the selected cluster nodes
     * @return per row λ(row) / max λ of its cluster's direct entries, capped at 1 (the library's
     *         get_probabilities); 0 for noise
     */
    double[] probabilities(final int[] labels, final boolean[] selected) {
        final double[] deaths = directMaxLambda();
        final int[] node = selectedNodes(selected);
        final double[] result = new double[n];
        for (int i = 0; i < child.length; i++) {
            final int row = child[i];
            if (row >= n || labels[row] == ClusterModel.NOISE) {
                continue;
            }
            final double max = deaths[node[labels[row]]];
            result[row] = max == 0 || !Double.isFinite(lambda[i]) ? 1 : Math.min(lambda[i], max) / max;
        }
        return result;
    }

    /** @return GLOSH outlier scores: (λmax of the row's cluster subtree − λ(row)) / λmax, in [0, 1] */
    double[] outlierScores() {
        final double[] deaths = directMaxLambda();
        final int[] up = clusterParents();
        for (int c = clusterNodes - 1; c > 0; c--) { // children before parents
            deaths[up[c]] = Math.max(deaths[up[c]], deaths[c]);
        }
        final double[] result = new double[n];
        for (int i = 0; i < child.length; i++) {
            if (child[i] < n) {
                final double max = deaths[parent[i] - n];
                result[child[i]] = max == 0 || !Double.isFinite(lambda[i]) ? 0 : (max - lambda[i]) / max;
            }
        }
        return result;
    }

    /** @return per cluster node the largest λ among its direct entries (the library's max_lambdas) */
    double[] directMaxLambda() {
        final double[] deaths = new double[clusterNodes];
        for (int i = 0; i < child.length; i++) {
            deaths[parent[i] - n] = Math.max(deaths[parent[i] - n], lambda[i]);
        }
        return deaths;
    }

    /** @return the cluster node of each selected cluster number */
    static int[] selectedNodes(final boolean[] selected) {
        return java.util.stream.IntStream.range(0, selected.length).filter(c -> selected[c]).toArray();
    }
}
