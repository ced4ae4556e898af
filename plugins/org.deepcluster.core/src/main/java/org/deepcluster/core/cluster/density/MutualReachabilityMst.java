package org.deepcluster.core.cluster.density;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.deepcluster.core.progress.Progress;

/**
 * The minimum spanning tree of the mutual-reachability graph, mr(a, b) = max(core(a), core(b), |a − b|), by Prim's
 * algorithm on the complete graph: O(n²) distance evaluations, no extra memory, exact. Each step scans the rows not
 * yet in the tree in parallel chunks; a distance is skipped when max(core(a), core(b)) already cannot improve a
 * row's best edge. This is what scikit-learn ≥ 1.3 does for HDBSCAN (its {@code mst_from_data_matrix}).
 * {@link Hdbscan} uses {@link BoruvkaMst} instead, which is far faster on clustered data; this class stays as its
 * independent reference in the tests. Both compare edges by (weight, lower row, higher row), a strict order, so both
 * return the same unique tree, with the same tie decisions.
 */
final class MutualReachabilityMst {

    /** Rows not yet in the tree from which a step scans them in parallel. */
    private static final int PARALLEL_SCAN = 8192;

    /**
     * The tree's edges, ordered by (weight, from, to).
     *
     * @param from the lower row of each edge
     * @param to the higher row
     * @param weight the mutual reachability distance
     */
    record Edges(int[] from, int[] to, double[] weight) {
        double totalWeight() {
            double sum = 0;
            for (final double w : weight) {
                sum += w;
            }
            return sum;
        }
    }

    private MutualReachabilityMst() {
    }

    /**
     * @param x the rows, row-major
     * @param n the number of rows, at least 1
     * @param d the number of columns
     * @param core the core distance of each row
     * @param progress asked for cancellation every few hundred steps; told progress between {@code from} and
     *            {@code to}
     * @param from the progress fraction at the start
     * @param to the progress fraction at the end
     * @return the n − 1 edges sorted by weight
     */
    static Edges prim(final double[] x, final int n, final int d, final double[] core, final Progress progress,
        final double from, final double to) {
        final double[] best = new double[n];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        final int[] bestFrom = new int[n];
        final int[] rest = new int[n - 1];
        for (int i = 1; i < n; i++) {
            rest[i - 1] = i;
        }
        int restSize = n - 1;
        final int[] edgeFrom = new int[n - 1];
        final int[] edgeTo = new int[n - 1];
        final double[] edgeWeight = new double[n - 1];
        int current = 0;
        final int chunks = Math.max(1, Runtime.getRuntime().availableProcessors() * 4);
        final int[] chunkBest = new int[chunks];
        for (int step = 0; step < n - 1; step++) {
            if ((step & 255) == 0) {
                progress.checkCancelled();
                progress.report(from + (to - from) * step / n, "HDBSCAN: minimum spanning tree");
            }
            final int v = current;
            final int size = restSize;
            final int parts = size >= PARALLEL_SCAN ? chunks : 1;
            final IntStream range = IntStream.range(0, parts);
            (parts > 1 ? range.parallel() : range).forEach(c -> {
                final int lo = (int)((long)size * c / parts);
                final int hi = (int)((long)size * (c + 1) / parts);
                int arg = -1;
                for (int k = lo; k < hi; k++) {
                    final int u = rest[k];
                    final double floor = Math.max(core[v], core[u]);
                    if (floor < best[u] || (floor == best[u] && BoruvkaMst.less(floor, v, u, best[u], bestFrom[u], u))) {
                        final double bound = best[u] * best[u] * (1 + 1e-12); // margin for sqrt rounding
                        final double w = Math.max(floor, Math.sqrt(BallTree.squaredDistance(x, v * d, x, u * d, d,
                            bound)));
                        if (w < best[u] || (w == best[u] && BoruvkaMst.less(w, v, u, best[u], bestFrom[u], u))) {
                            best[u] = w;
                            bestFrom[u] = v;
                        }
                    }
                    if (arg < 0 || before(rest[k], rest[arg], best, bestFrom)) {
                        arg = k;
                    }
                }
                chunkBest[c] = arg;
            });
            int arg = chunkBest[0];
            for (int c = 1; c < parts; c++) {
                final int k = chunkBest[c];
                if (k >= 0 && before(rest[k], rest[arg], best, bestFrom)) {
                    arg = k;
                }
            }
            final int u = rest[arg];
            edgeFrom[step] = Math.min(bestFrom[u], u);
            edgeTo[step] = Math.max(bestFrom[u], u);
            edgeWeight[step] = best[u];
            // Keep the rest in row order (shift instead of swap): the scans then read the rows sequentially.
            System.arraycopy(rest, arg + 1, rest, arg, restSize - arg - 1);
            restSize--;
            current = u;
        }
        return sorted(edgeFrom, edgeTo, edgeWeight);
    }

    /** Whether row u's best edge into the tree comes before row w's in the order (weight, lower row, higher row). */
    private static boolean before(final int u, final int w, final double[] best, final int[] bestFrom) {
        if (best[u] != best[w]) {
            return best[u] < best[w];
        }
        if (best[u] == Double.POSITIVE_INFINITY) {
            return u < w;
        }
        return BoruvkaMst.less(best[u], bestFrom[u], u, best[w], bestFrom[w], w);
    }

    /**
     * Sorts edges by (weight, from, to), a strict order for edges given as (lower row, higher row): the single-linkage
     * merges then do not depend on which algorithm found the tree.
     */
    static Edges sorted(final int[] from, final int[] to, final double[] weight) {
        final Integer[] order = new Integer[weight.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> weight[a] != weight[b] ? Double.compare(weight[a], weight[b])
            : from[a] != from[b] ? Integer.compare(from[a], from[b]) : Integer.compare(to[a], to[b]));
        final int[] f = new int[order.length];
        final int[] t = new int[order.length];
        final double[] w = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            f[i] = from[order[i]];
            t[i] = to[order[i]];
            w[i] = weight[order[i]];
        }
        return new Edges(f, t, w);
    }
}
