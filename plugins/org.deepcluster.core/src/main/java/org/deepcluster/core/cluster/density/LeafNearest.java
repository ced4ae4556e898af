package org.deepcluster.core.cluster.density;

import java.util.Arrays;

/**
 * The k nearest rows of all rows of one {@link BallTree} leaf at once (each row itself counted), with exactly the
 * result of {@link BallTree#nearest} per row: the k smallest by (squared distance, row index), the distances from
 * the same function, so the same values.
 *
 * <p>Why per leaf: in many dimensions a query scans its whole cluster, and with 100,000 rows of 32 columns a cluster
 * no longer fits in the CPU caches, so per-row queries waited on memory. Here the leaf's rows walk the tree together
 * and each candidate leaf, once loaded, serves all of them. A node is skipped when its ball is farther from the query
 * leaf's ball than every query's current k-th distance. One instance per thread.
 */
final class LeafNearest {

    private final BallTree tree;
    private final int d;
    private final int k;
    /** Per query slot i, a max-heap of its best k at [i·k, i·k + k): the root is the worst kept. */
    private final double[] heapDist;
    private final int[] heapIndex;
    private final int[] stack = new int[128];
    private final double[] stackGap = new double[128];

    /**
     * @param tree the tree
     * @param k the number of neighbours, 1 ≤ k ≤ rows
     * @param width the largest number of rows in a leaf
     */
    LeafNearest(final BallTree tree, final int k, final int width) {
        this.tree = tree;
        this.d = tree.dimensions();
        this.k = k;
        heapDist = new double[width * k];
        heapIndex = new int[width * k];
    }

    /**
     * @param leaf a leaf node
     * @param index receives for the leaf's i-th row (position start + i) its k row indices at [i·k, i·k + k), by
     *            ascending distance, then row index
     * @param distance receives the distances likewise
     */
    void run(final int leaf, final int[] index, final double[] distance) {
        final int qs = tree.nodeStart[leaf];
        final int m = tree.nodeEnd[leaf] - qs;
        Arrays.fill(heapDist, 0, m * k, Double.POSITIVE_INFINITY);
        Arrays.fill(heapIndex, 0, m * k, Integer.MAX_VALUE);
        final double[] points = tree.points;
        int top = 0;
        stack[top] = 0;
        stackGap[top++] = 0;
        while (top > 0) {
            top--;
            final int node = stack[top];
            final double gap = stackGap[top];
            if (gap > 0 && gap * gap > worstRoot(m)) {
                continue;
            }
            if (tree.nodeLeft[node] >= 0) {
                // Nearer child first (pushed last), so that the heaps tighten early.
                final int a = tree.nodeLeft[node];
                final int b = tree.nodeRight[node];
                final double ga = gap(leaf, a);
                final double gb = gap(leaf, b);
                final boolean aFirst = ga <= gb;
                stack[top] = aFirst ? b : a;
                stackGap[top++] = aFirst ? gb : ga;
                stack[top] = aFirst ? a : b;
                stackGap[top++] = aFirst ? ga : gb;
                continue;
            }
            final int ps = tree.nodeStart[node];
            final int pe = tree.nodeEnd[node];
            for (int i = 0; i < m; i++) {
                final int h = i * k;
                final int qo = (qs + i) * d;
                for (int p = ps; p < pe; p++) {
                    final double root = heapDist[h];
                    final double dist2 = BallTree.squaredDistance(points, qo, points, p * d, d, root);
                    if (dist2 <= root) {
                        final int row = tree.order[p];
                        if (dist2 < root || row < heapIndex[h]) {
                            heapDist[h] = dist2;
                            heapIndex[h] = row;
                            siftDown(h, k);
                        }
                    }
                }
            }
        }
        // Heap sort each query's k into ascending order.
        for (int i = 0; i < m; i++) {
            final int h = i * k;
            for (int size = k; size > 0; size--) {
                index[h + size - 1] = heapIndex[h];
                distance[h + size - 1] = Math.sqrt(heapDist[h]);
                heapDist[h] = heapDist[h + size - 1];
                heapIndex[h] = heapIndex[h + size - 1];
                siftDown(h, size - 1);
            }
        }
    }

    /** The largest k-th squared distance so far among the leaf's m rows. */
    private double worstRoot(final int m) {
        double w = 0;
        for (int i = 0; i < m; i++) {
            w = Math.max(w, heapDist[i * k]);
        }
        return w;
    }

    /** A lower bound of the distance between any row of leaf q and any row of node p (≤ 0 when the balls meet). */
    private double gap(final int q, final int p) {
        return Math.sqrt(BallTree.squaredDistance(tree.nodeCentre, q * d, tree.nodeCentre, p * d, d))
            - tree.nodeRadius[q] - tree.nodeRadius[p];
    }

    /** Restores the max-heap at [h, h + size) after its root changed; ties ordered by row index. */
    private void siftDown(final int h, final int size) {
        int i = 0;
        while (true) {
            final int l = 2 * i + 1;
            if (l >= size) {
                return;
            }
            int worst = l;
            final int r = l + 1;
            if (r < size && worse(h + r, h + l)) {
                worst = r;
            }
            if (!worse(h + worst, h + i)) {
                return;
            }
            final double td = heapDist[h + i];
            heapDist[h + i] = heapDist[h + worst];
            heapDist[h + worst] = td;
            final int ti = heapIndex[h + i];
            heapIndex[h + i] = heapIndex[h + worst];
            heapIndex[h + worst] = ti;
            i = worst;
        }
    }

    private boolean worse(final int a, final int b) {
        return heapDist[a] > heapDist[b] || (heapDist[a] == heapDist[b] && heapIndex[a] > heapIndex[b]);
    }
}
