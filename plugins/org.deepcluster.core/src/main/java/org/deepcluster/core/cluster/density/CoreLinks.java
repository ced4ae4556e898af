package org.deepcluster.core.cluster.density;

import org.deepcluster.core.progress.Progress;

/**
 * Step 3 of {@link Dbscan}: given core rows already partly joined (union-find), joins every pair of core rows within
 * eps that still lie in different components, so that the components become the connected components of the core
 * rows' eps-graph.
 *
 * <p>Round by round, every core row that may still have such a link searches the tree for one core row within eps in
 * another component, skipping nodes without core rows, nodes whose core rows all lie in its own component, and nodes
 * farther than eps; then the links found are joined. A row that found no link has none later either (components only
 * grow), so only the rows that found one search again. The rounds end when none is found. The resulting components
 * are unique, so the order of searches and joins (thread schedule) does not matter.
 */
final class CoreLinks {

    /** Node label: no core row in the node. */
    private static final int NO_CORE = -2;
    /** Node label: core rows of several components. */
    private static final int MIXED = -1;

    private final BallTree tree;
    private final double[] x;
    private final double eps;
    private final boolean[] core;
    private final int[] parent;
    private final int n;
    private final int d;
    /** The component (union-find root) of each core row in the current round. */
    private final int[] comp;
    /** The component of all core rows in a node, or NO_CORE or MIXED. */
    private final int[] nodeComp;

    CoreLinks(final BallTree tree, final double[] x, final double eps, final boolean[] core, final int[] parent) {
        this.tree = tree;
        this.x = x;
        this.eps = eps;
        this.core = core;
        this.parent = parent;
        this.n = tree.size();
        this.d = tree.dimensions();
        comp = new int[n];
        nodeComp = new int[tree.nodeCount];
    }

    /**
     * Runs the rounds.
     *
     * @param progress asked for cancellation between batches of rows
     * @param from the progress fraction at the start
     * @param to the progress fraction at the end
     */
    void complete(final Progress progress, final double from, final double to) {
        final boolean[] active = core.clone();
        final int[] link = new int[n];
        double done = 0;
        for (int round = 1;; round++) {
            for (int i = 0; i < n; i++) {
                comp[i] = core[i] ? Dbscan.find(parent, i) : -1;
            }
            updateNodeComponents();
            final double next = done + (1 - done) / 2;
            ParallelRows.forEach(n, tree.order, i -> {
                link[i] = -1;
                if (active[i]) {
                    link[i] = search(i);
                    active[i] = link[i] >= 0;
                }
            }, progress, from + (to - from) * done, from + (to - from) * next, "DBSCAN: linking core points (round "
                + round + ")");
            done = next;
            boolean any = false;
            for (int i = 0; i < n; i++) {
                if (link[i] >= 0) {
                    Dbscan.union(parent, i, link[i]);
                    any = true;
                }
            }
            if (!any) {
                return;
            }
        }
    }

    /** @return a core row within eps of core row a in another component, or -1 if there is none */
    private int search(final int a) {
        final double r2 = eps * eps;
        final int ao = a * d;
        final int own = comp[a];
        final int[] stack = new int[64];
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            final int node = stack[--top];
            final int c = nodeComp[node];
            if (c == NO_CORE || c == own) {
                continue;
            }
            final double centreDistance = Math.sqrt(BallTree.squaredDistance(x, ao, tree.nodeCentre, node * d, d));
            if (centreDistance - tree.nodeRadius[node] > eps) {
                continue;
            }
            if (tree.nodeLeft[node] < 0) {
                for (int p = tree.nodeStart[node]; p < tree.nodeEnd[node]; p++) {
                    final int b = tree.order[p];
                    if (core[b] && comp[b] != own
                        && BallTree.squaredDistance(x, ao, tree.points, p * d, d, r2) <= r2) {
                        return b;
                    }
                }
            } else {
                stack[top++] = tree.nodeLeft[node];
                stack[top++] = tree.nodeRight[node];
            }
        }
        return -1;
    }

    private void updateNodeComponents() {
        for (int node = tree.nodeCount - 1; node >= 0; node--) { // children have higher numbers than parents
            if (tree.nodeLeft[node] < 0) {
                int c = NO_CORE;
                for (int p = tree.nodeStart[node]; p < tree.nodeEnd[node] && c != MIXED; p++) {
                    final int b = comp[tree.order[p]];
                    if (b >= 0) {
                        c = c == NO_CORE || c == b ? b : MIXED;
                    }
                }
                nodeComp[node] = c;
            } else {
                nodeComp[node] = merge(nodeComp[tree.nodeLeft[node]], nodeComp[tree.nodeRight[node]]);
            }
        }
    }

    private static int merge(final int a, final int b) {
        if (a == NO_CORE) {
            return b;
        }
        if (b == NO_CORE || a == b) {
            return a;
        }
        return MIXED;
    }
}
