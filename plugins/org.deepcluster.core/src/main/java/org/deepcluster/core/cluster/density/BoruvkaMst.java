package org.deepcluster.core.cluster.density;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.deepcluster.core.progress.Progress;

/**
 * The minimum spanning tree of the mutual-reachability graph, mr(a, b) = max(core(a), core(b), |a − b|), by Borůvka's
 * algorithm on the {@link BallTree} (the single-tree variant of McInnes &amp; Healy 2017, "Accelerated hierarchical
 * density clustering"): each round finds, for every component, its lightest edge to another component, and adds them
 * all; components at least halve per round.
 *
 * <p>Why it is fast where Prim over all pairs is O(n²): an edge from row a weighs at least core(a), so rows are
 * visited in ascending core distance and a row is skipped once its core distance exceeds its component's best edge;
 * its k nearest rows (already known from the core distances) give an edge of weight max(core(a), core(b)) that is
 * provably the lightest from a whenever it equals core(a), and every listed edge is offered to both components; only
 * the remaining rows search a tree, which prunes nodes lying entirely in the row's component, nodes whose smallest
 * core distance or ball distance exceeds the bound, and rows of the own component. With more than
 * {@value Projection#AXES} columns that tree is built on the data projected on its leading principal axes
 * ({@link Projection}): distances between clusters survive the projection, so its balls bound them far more tightly
 * than balls in all dimensions, where they are about as wide as the gaps between clusters.
 *
 * <p>Exact and deterministic: edges are compared by (weight, lower row, higher row), a strict total order, so the
 * tree is the unique minimum under that order; {@link MutualReachabilityMst#prim} uses the same order and returns the
 * same edges. Parallel batches only read shared state and write their own rows' slots; components merge their
 * candidates sequentially.
 */
final class BoruvkaMst {

    /** Rows per parallel batch (progress and cancellation are checked between batches). */
    private static final int BATCH = 2048;
    /** Rows in the first batch of a round. */
    private static final int FIRST_BATCH = 64;

    /** Rows the search tree was built on: the data projected on its leading principal axes, or the data itself. */
    private final double[] y;
    /** The dimensions of y. */
    private final int m;
    /** The tree the searches walk, built on y. */
    private final BallTree tree;
    /** Whether y is a projection (then the searches also prefilter rows by their projected distance). */
    private final boolean projected;
    /** Subtracted from the tree's ball distances to cover rounding in the projection (0 without one). */
    private final double projectionSlack;
    private final double[] x;
    private final int n;
    private final int d;
    private final double[] core;
    /** The core distance of each tree position. */
    private final double[] coreByPosition;
    /** The rows (full dimensions) in the search tree's order, so that a leaf's rows are read contiguously. */
    private final double[] rowsByPosition;
    /** The tree position of each row. */
    private final int[] position;
    /** The smallest core distance in each node. */
    private final double[] minCore;
    /** The component of each row (its union-find root) in the current round. */
    private final int[] comp;
    /** The component of all rows in a node, or -1 if they belong to several. */
    private final int[] nodeComp;

    private BoruvkaMst(final BallTree dataTree, final double[] x, final double[] core) {
        this.x = x;
        this.n = dataTree.size();
        this.d = dataTree.dimensions();
        this.core = core;
        final Projection projection = Projection.of(x, n, d);
        if (projection == null) {
            y = x;
            m = d;
            tree = dataTree;
            projected = false;
            projectionSlack = 0;
        } else {
            y = projection.rows();
            m = projection.dimensions();
            tree = new BallTree(y, n, m);
            projected = true;
            projectionSlack = 1e-9 * projection.largestNorm();
        }
        if (tree == dataTree) {
            rowsByPosition = tree.points;
        } else {
            rowsByPosition = new double[n * d];
            for (int p = 0; p < n; p++) {
                System.arraycopy(x, tree.order[p] * d, rowsByPosition, p * d, d);
            }
        }
        coreByPosition = new double[n];
        position = new int[n];
        for (int p = 0; p < n; p++) {
            coreByPosition[p] = core[tree.order[p]];
            position[tree.order[p]] = p;
        }
        minCore = new double[tree.nodeCount];
        for (int node = tree.nodeCount - 1; node >= 0; node--) { // children before parents
            if (tree.nodeLeft[node] < 0) {
                double low = Double.POSITIVE_INFINITY;
                for (int p = tree.nodeStart[node]; p < tree.nodeEnd[node]; p++) {
                    low = Math.min(low, coreByPosition[p]);
                }
                minCore[node] = low;
            } else {
                minCore[node] = Math.min(minCore[tree.nodeLeft[node]], minCore[tree.nodeRight[node]]);
            }
        }
        comp = new int[n];
        nodeComp = new int[tree.nodeCount];
    }

    /**
     * @param tree the ball tree over the rows
     * @param x the rows, row-major (the tree's data)
     * @param nearest the k nearest rows of every row: core distances and, if kept, the lists
     * @param progress asked for cancellation between batches; told progress between {@code from} and {@code to}
     * @param from the progress fraction at the start
     * @param to the progress fraction at the end
     * @return the n − 1 edges, (lower row, higher row), sorted by (weight, lower row, higher row)
     */
    static MutualReachabilityMst.Edges build(final BallTree tree, final double[] x, final BallTree.AllNearest nearest,
        final Progress progress, final double from, final double to) {
        return new BoruvkaMst(tree, x, nearest.kth()).run(nearest, progress, from, to);
    }

    private MutualReachabilityMst.Edges run(final BallTree.AllNearest nearest, final Progress progress,
        final double from, final double to) {
        final int[] edgeLo = new int[Math.max(0, n - 1)];
        final int[] edgeHi = new int[Math.max(0, n - 1)];
        final double[] edgeWeight = new double[Math.max(0, n - 1)];
        int edges = 0;
        final int[] uf = new int[n];
        for (int i = 0; i < n; i++) {
            uf[i] = i;
        }
        // Rows by ascending core distance (ties by row): the rows most likely to hold a component's lightest edge
        // come first and tighten its bound for the rest.
        final int[] byCore = IntStream.range(0, n).boxed()
            .sorted((a, b) -> a.equals(b) ? 0 : core[a] != core[b] ? Double.compare(core[a], core[b]) : a - b)
            .mapToInt(Integer::intValue).toArray();
        // Per row: its best edge found this round (weight, other end); per component (indexed by root): its best.
        final double[] rowW = new double[n];
        final int[] rowB = new int[n];
        final boolean[] resolved = new boolean[n];
        final double[] compW = new double[n];
        final int[] compLo = new int[n];
        final int[] compHi = new int[n];
        final ThreadLocal<Search> searches = ThreadLocal.withInitial(Search::new);
        int round = 0;
        while (edges < n - 1) {
            progress.checkCancelled();
            progress.report(from + (to - from) * edges / n, "HDBSCAN: minimum spanning tree (round " + ++round
                + ")");
            for (int i = 0; i < n; i++) {
                comp[i] = find(uf, i);
            }
            updateNodeComponents();
            Arrays.fill(compW, Double.POSITIVE_INFINITY);
            Arrays.fill(compLo, Integer.MAX_VALUE);
            Arrays.fill(compHi, Integer.MAX_VALUE);
            // Candidates from the nearest-neighbour lists.
            ParallelRows.forEach(n, a -> nearestCandidate(a, nearest, rowW, rowB, resolved), progress,
                from + (to - from) * edges / n, from + (to - from) * edges / n, "HDBSCAN: minimum spanning tree");
            for (int a = 0; a < n; a++) {
                offer(a, rowW[a], rowB[a], compW, compLo, compHi);
            }
            offerReverse(nearest, compW, compLo, compHi);
            // Tree searches for the rows whose list did not settle their best edge, by ascending core distance.
            // Batches grow from small: the first rows give every component a finite bound, which the rest prune by.
            for (int start = 0, size = FIRST_BATCH; start < n; start += size, size = Math.min(BATCH, 2 * size)) {
                progress.checkCancelled();
                final int end = Math.min(n, start + size);
                if (core[byCore[start]] > largestBest(compW)) {
                    break; // every remaining row's edges are heavier than its component's best
                }
                // Within a batch, rows in tree order: consecutive searches then touch the same data.
                final int[] batch = Arrays.copyOfRange(byCore, start, end);
                sortByPosition(batch);
                IntStream.range(0, batch.length).parallel().forEach(k -> {
                    final int a = batch[k];
                    final double bound = Math.min(compW[comp[a]], rowW[a]);
                    if (!resolved[a] && core[a] <= bound) {
                        searches.get().run(a, bound, rowW, rowB);
                    }
                });
                for (int k = start; k < end; k++) {
                    final int a = byCore[k];
                    offer(a, rowW[a], rowB[a], compW, compLo, compHi);
                }
            }
            // Add each component's best edge; under the strict order no cycle can form, but an edge chosen from
            // both ends comes twice.
            for (int r = 0; r < n; r++) {
                if (comp[r] != r || compLo[r] == Integer.MAX_VALUE) {
                    continue;
                }
                final int a = find(uf, compLo[r]);
                final int b = find(uf, compHi[r]);
                if (a != b) {
                    uf[Math.max(a, b)] = Math.min(a, b);
                    edgeLo[edges] = compLo[r];
                    edgeHi[edges] = compHi[r];
                    edgeWeight[edges++] = compW[r];
                }
            }
        }
        return MutualReachabilityMst.sorted(edgeLo, edgeHi, edgeWeight);
    }

    private void sortByPosition(final int[] rows) {
        final long[] keys = new long[rows.length];
        for (int t = 0; t < rows.length; t++) {
            keys[t] = (long)position[rows[t]] << 32 | rows[t];
        }
        Arrays.sort(keys);
        for (int t = 0; t < rows.length; t++) {
            rows[t] = (int)keys[t];
        }
    }

    /** The heaviest of the components' current best edges (infinite while one has none). */
    private double largestBest(final double[] compW) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (comp[i] == i) {
                m = Math.max(m, compW[i]);
            }
        }
        return m;
    }

    /** The lightest edge from row a to another component among its nearest rows, and whether it is provably a's. */
    private void nearestCandidate(final int a, final BallTree.AllNearest nearest, final double[] rowW,
        final int[] rowB, final boolean[] resolved) {
        double w = Double.POSITIVE_INFINITY;
        int best = -1;
        final int[] index = nearest.index();
        if (index != null) {
            final int k = nearest.k();
            for (int j = a * k; j < a * k + k; j++) {
                final int b = index[j];
                if (comp[b] != comp[a]) {
                    // |a − b| ≤ core(a) for a listed neighbour (same sums, same rounding), so mr = max of the cores.
                    final double wb = Math.max(core[a], core[b]);
                    if (best < 0 || less(wb, a, b, w, a, best)) {
                        w = wb;
                        best = b;
                    }
                }
            }
        }
        rowW[a] = w;
        rowB[a] = best;
        // No edge from a weighs less than core(a); with every row within core(a) listed, ties are settled too.
        resolved[a] = best >= 0 && w == core[a] && nearest.complete()[a];
    }

    /**
     * Offers every listed edge (a, b) also to b's component: an edge with |a − b| ≤ core(a) is in a's list but maybe
     * not in b's, and b's component needs it as much as a's does.
     */
    private void offerReverse(final BallTree.AllNearest nearest, final double[] compW, final int[] compLo,
        final int[] compHi) {
        final int[] index = nearest.index();
        if (index == null) {
            return;
        }
        final int k = nearest.k();
        for (int a = 0; a < n; a++) {
            for (int j = a * k; j < a * k + k; j++) {
                final int b = index[j];
                if (comp[b] != comp[a]) {
                    offer(b, Math.max(core[a], core[b]), a, compW, compLo, compHi);
                }
            }
        }
    }

    private void offer(final int a, final double w, final int b, final double[] compW, final int[] compLo,
        final int[] compHi) {
        if (b < 0) {
            return;
        }
        final int c = comp[a];
        final int lo = Math.min(a, b);
        final int hi = Math.max(a, b);
        if (w < compW[c] || (w == compW[c] && (lo < compLo[c] || (lo == compLo[c] && hi < compHi[c])))) {
            compW[c] = w;
            compLo[c] = lo;
            compHi[c] = hi;
        }
    }

    /** Whether edge (a1, b1) of weight w1 comes before edge (a2, b2) of weight w2 in the strict order. */
    static boolean less(final double w1, final int a1, final int b1, final double w2, final int a2, final int b2) {
        if (w1 != w2) {
            return w1 < w2;
        }
        final int lo1 = Math.min(a1, b1);
        final int lo2 = Math.min(a2, b2);
        if (lo1 != lo2) {
            return lo1 < lo2;
        }
        return Math.max(a1, b1) < Math.max(a2, b2);
    }

    private void updateNodeComponents() {
        for (int node = tree.nodeCount - 1; node >= 0; node--) {
            if (tree.nodeLeft[node] < 0) {
                int c = comp[tree.order[tree.nodeStart[node]]];
                for (int p = tree.nodeStart[node] + 1; p < tree.nodeEnd[node] && c >= 0; p++) {
                    if (comp[tree.order[p]] != c) {
                        c = -1;
                    }
                }
                nodeComp[node] = c;
            } else {
                final int l = nodeComp[tree.nodeLeft[node]];
                nodeComp[node] = l == nodeComp[tree.nodeRight[node]] ? l : -1;
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

    /** One thread's search buffers: a depth-first stack of nodes with their lower bounds. */
    private final class Search {
        private final int[] stack = new int[128];
        private final double[] stackBound = new double[128];

        /**
         * Finds the lightest edge (in the strict order) from row a to another component among edges of weight ≤
         * bound, improving rowW[a], rowB[a] in place.
         */
        void run(final int a, final double bound0, final double[] rowW, final int[] rowB) {
            final int ao = a * d;
            final int own = comp[a];
            final double coreA = core[a];
            double bestW = rowW[a];
            int bestB = rowB[a];
            double bound = Math.min(bound0, bestW);
            int top = 0;
            stack[top] = 0;
            stackBound[top++] = coreA;
            while (top > 0) {
                top--;
                final int node = stack[top];
                if (stackBound[top] > bound || nodeComp[node] == own) {
                    continue;
                }
                if (tree.nodeLeft[node] < 0) {
                    for (int p = tree.nodeStart[node]; p < tree.nodeEnd[node]; p++) {
                        final int b = tree.order[p];
                        final double floor = Math.max(coreA, coreByPosition[p]);
                        if (floor > bound || comp[b] == own) {
                            continue;
                        }
                        if (projected && projectedGap(a, p, bound) > bound) {
                            continue; // the cheap bound from the projection already exceeds it
                        }
                        // Exact when ≤ the limit (same sums as Prim's); the margin covers rounding in the square.
                        final double dist2 = BallTree.squaredDistance(x, ao, rowsByPosition, p * d, d,
                            bound * bound * (1 + 1e-12));
                        final double w = Math.max(floor, Math.sqrt(dist2));
                        if (w <= bound && (bestB < 0 || less(w, a, b, bestW, a, bestB))) {
                            bestW = w;
                            bestB = b;
                            bound = w;
                        }
                    }
                } else {
                    final int l = tree.nodeLeft[node];
                    final int r = tree.nodeRight[node];
                    final double lb = lowerBound(a, coreA, l);
                    final double rb = lowerBound(a, coreA, r);
                    final boolean lFirst = lb <= rb;
                    stack[top] = lFirst ? r : l;
                    stackBound[top++] = lFirst ? rb : lb;
                    stack[top] = lFirst ? l : r;
                    stackBound[top++] = lFirst ? lb : rb;
                }
            }
            rowW[a] = bestW;
            rowB[a] = bestB;
        }

        /**
         * A lower bound of |a − b| for the row b at tree position p from the projected rows (half the columns, and
         * between clusters nearly the whole distance), or some value above {@code bound} once that is certain.
         */
        private double projectedGap(final int a, final int p, final double bound) {
            final double limit = (bound + 2 * projectionSlack) / (1 - 1e-12);
            final double proj2 = BallTree.squaredDistance(y, a * m, tree.points, p * m, m, limit * limit);
            return Math.sqrt(proj2) * (1 - 1e-12) - 2 * projectionSlack;
        }

        /** A lower bound of mr(a, b) for every row b of the node. */
        private double lowerBound(final int a, final double coreA, final int node) {
            // The ball distance (in the projection: a projection never lengthens a distance) is shrunk a little so
            // that rounding never prunes an edge that Prim would weigh ≤.
            final double ball = (Math.sqrt(BallTree.squaredDistance(y, a * m, tree.nodeCentre, node * m, m))
                - tree.nodeRadius[node]) * (1 - 1e-12) - projectionSlack;
            return Math.max(Math.max(coreA, minCore[node]), ball);
        }
    }
}
