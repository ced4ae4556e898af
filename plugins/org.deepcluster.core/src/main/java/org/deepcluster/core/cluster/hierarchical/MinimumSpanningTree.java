package org.deepcluster.core.cluster.hierarchical;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.deepcluster.core.progress.Progress;

/**
 * Single linkage by Prim's minimum spanning tree on the rows themselves (SciPy's {@code mst_single_linkage}): O(n²)
 * distance evaluations but only O(n) memory, because no distance matrix is kept. The distance scans of a step run in
 * parallel chunks when the step is large enough to pay for it.
 *
 * <p>As in SciPy, step k records the edge from the row added last to the row added next, with the spanning-tree
 * distance of the row added next; sorted by height these give the single-linkage tree.
 *
 * <p>Euclidean: the scans compare squared distances and the heights are their square roots. Cosine: the rows are of
 * length 1 (scaled by the caller) and the scans and heights are cosine distances, computed as for the other linkages
 * ({@link Metric#cosineDistance}) so that all linkages see the same pairwise values.
 */
final class MinimumSpanningTree {

    private static final int STEPS_PER_REPORT = 256;
    private static final long PARALLEL_WORK = 1L << 15; // distance terms per step from which chunks run in parallel

    private MinimumSpanningTree() {
    }

    /**
     * @param x the rows, row-major, n × d; for the cosine metric of length 1
     * @param n the number of rows, at least 2
     * @param d the number of columns
     * @param metric the distance between rows
     * @param progress progress between 0 and 1 and cancellation
     * @return the merge tree
     */
    static Dendrogram run(final double[] x, final int n, final int d, final Metric metric, final Progress progress) {
        final boolean cosine = metric == Metric.COSINE;
        // The rows not yet in the tree, ascending, and their distance to the tree (squared Euclidean or cosine), kept
        // side by side.
        final int[] outside = IntStream.range(1, n).toArray();
        final double[] toTree = new double[n - 1];
        Arrays.fill(toTree, Double.POSITIVE_INFINITY);
        int count = n - 1;
        final int chunks = Math.max(1, Runtime.getRuntime().availableProcessors() * 4);
        final int[] chunkBest = new int[chunks];
        final double[] chunkValue = new double[chunks];
        final int[] a = new int[n - 1];
        final int[] b = new int[n - 1];
        final double[] heights = new double[n - 1];
        int last = 0;
        for (int k = 0; k < n - 1; k++) {
            if (k % STEPS_PER_REPORT == 0) {
                progress.checkCancelled();
                progress.report((double)k / (n - 1), "spanning tree: row " + k + " of " + (n - 1));
            }
            final int from = last;
            final int m = count;
            int bestPosition;
            if ((long)m * d >= PARALLEL_WORK) {
                final int chunkSize = (m + chunks - 1) / chunks;
                IntStream.range(0, chunks).parallel().forEach(c -> {
                    final int lo = c * chunkSize;
                    final int hi = Math.min(m, lo + chunkSize);
                    chunkBest[c] = relax(x, d, cosine, from, outside, toTree, lo, hi);
                    chunkValue[c] = chunkBest[c] < 0 ? Double.POSITIVE_INFINITY : toTree[chunkBest[c]];
                });
                bestPosition = -1;
                double bestValue = Double.POSITIVE_INFINITY;
                for (int c = 0; c < chunks; c++) { // chunks in order and strict <: the lowest row wins ties
                    if (chunkBest[c] >= 0 && (bestPosition < 0 || chunkValue[c] < bestValue)) {
                        bestPosition = chunkBest[c];
                        bestValue = chunkValue[c];
                    }
                }
            } else {
                bestPosition = relax(x, d, cosine, from, outside, toTree, 0, m);
            }
            final int next = outside[bestPosition];
            a[k] = from;
            b[k] = next;
            heights[k] = cosine ? toTree[bestPosition] : Math.sqrt(toTree[bestPosition]);
            System.arraycopy(outside, bestPosition + 1, outside, bestPosition, m - bestPosition - 1);
            System.arraycopy(toTree, bestPosition + 1, toTree, bestPosition, m - bestPosition - 1);
            count--;
            last = next;
        }
        progress.report(1.0, "spanning tree done");
        return Dendrogram.fromMerges(n, a, b, heights);
    }

    /**
     * Lowers the distance to the tree of the outside rows at positions lo … hi−1 by their distance to row {@code from}
     * and returns the position of the smallest (the first one on ties), or −1 for an empty range.
     */
    private static int relax(final double[] x, final int d, final boolean cosine, final int from, final int[] outside,
        final double[] toTree, final int lo, final int hi) {
        final int fo = from * d;
        int best = -1;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int p = lo; p < hi; p++) {
            final double distance = cosine ? Metric.cosineDistance(x, fo, x, outside[p] * d, d)
                : NearestNeighborChain.squaredDistance(x, fo, outside[p] * d, d);
            if (distance < toTree[p]) {
                toTree[p] = distance;
            }
            if (best < 0 || toTree[p] < bestValue) {
                best = p;
                bestValue = toTree[p];
            }
        }
        return best;
    }
}
