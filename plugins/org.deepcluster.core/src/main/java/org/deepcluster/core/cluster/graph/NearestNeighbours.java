package org.deepcluster.core.cluster.graph;

import java.util.stream.IntStream;

import org.deepcluster.core.cluster.density.BallTree;

import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.progress.Progress;

/**
 * Exact k nearest neighbours by Euclidean distance: of all rows among themselves with a ball tree
 * ({@link BallTree#nearestOthers}), of new rows among training rows by brute force over blocks of rows in parallel.
 *
 * <p>Written by hand because Smile 3.1.1's neighbour searches answer one query at a time (KD-tree: fast in few
 * dimensions only; cover tree and linear search: no batching), while the graph methods ask for every row's neighbours
 * at once: a blocked scan with the squared norms precomputed (|x−y|² = |x|² + |y|² − 2x·y) is cache-friendly,
 * parallel and exact. O(n² d) time, O(n k) memory. Ties in distance go to the lower row index, so the result does not
 * depend on the thread schedule.
 */
public final class NearestNeighbours {

    /** Rows per parallel task (and per cancellation check). */
    private static final int BLOCK = 64;

    private NearestNeighbours() {
    }

    /**
     * The k nearest other rows of every row of the data.
     *
     * @param data the rows, all finite
     * @param k the number of neighbours, 1 ≤ k < rows
     * @param progress progress and cancellation (checked once per block of rows)
     * @return row-major n × k indices, nearest first
     * @throws IllegalArgumentException if k is out of range
     */
    public static int[] of(final Matrix data, final int k, final Progress progress) {
        final int n = data.rows();
        if (k < 1 || k >= n) {
            throw new IllegalArgumentException("the number of neighbours k (" + k + ") must be at least 1 and less "
                + "than the number of rows (" + n + ")");
        }
        // A ball tree prunes whole clusters of rows (leaf-wise search, org.deepcluster.core.cluster.density); brute
        // force compares every pair (O(n²·d)), which for 100,000 cells took minutes.
        final double[] x = flat(data);
        return new BallTree(x, n, data.cols()).nearestOthers(x, k, progress);
    }

    /**
     * The k nearest reference rows of each query row.
     *
     * @param reference the rows to search among
     * @param queries the rows to find neighbours for (same number of columns)
     * @param k the number of neighbours, 1 ≤ k ≤ reference rows
     * @param excludeSelf whether query i is reference i and must not be its own neighbour
     * @param progress progress and cancellation
     * @return row-major queries × k indices into {@code reference}, nearest first
     */
    static int[] query(final Matrix reference, final Matrix queries, final int k, final boolean excludeSelf,
        final Progress progress) {
        final int n = reference.rows();
        final int q = queries.rows();
        final int d = reference.cols();
        final double[] ref = flat(reference);
        final double[] qry = queries == reference ? ref : flat(queries);
        final double[] refNorms = norms(ref, n, d);
        final double[] qryNorms = queries == reference ? refNorms : norms(qry, q, d);
        final int[] result = new int[q * k];
        final int blocks = (q + BLOCK - 1) / BLOCK;
        final int[] done = new int[1];
        IntStream.range(0, blocks).parallel().forEach(b -> {
            progress.checkCancelled();
            final int[] bestIndex = new int[k];
            final double[] bestDistance = new double[k];
            for (int i = b * BLOCK; i < Math.min(q, (b + 1) * BLOCK); i++) {
                java.util.Arrays.fill(bestDistance, Double.POSITIVE_INFINITY);
                java.util.Arrays.fill(bestIndex, Integer.MAX_VALUE);
                final int qi = i * d;
                for (int j = 0; j < n; j++) {
                    if (excludeSelf && j == i) {
                        continue;
                    }
                    double dot = 0;
                    final int rj = j * d;
                    for (int c = 0; c < d; c++) {
                        dot += qry[qi + c] * ref[rj + c];
                    }
                    final double dist = Math.max(0, qryNorms[i] + refNorms[j] - 2 * dot);
                    if (dist < bestDistance[k - 1]) { // j > every stored index, so an equal distance stays out
                        insert(bestIndex, bestDistance, j, dist);
                    }
                }
                System.arraycopy(bestIndex, 0, result, i * k, k);
            }
            synchronized (done) {
                done[0]++;
                progress.report((double)done[0] / blocks, "Nearest neighbours: " + Math.min(q, done[0] * BLOCK)
                    + " of " + q + " rows");
            }
        });
        return result;
    }

    /** Inserts into the sorted top-k lists (distance ascending, then index ascending), dropping the last. */
    private static void insert(final int[] index, final double[] distance, final int j, final double dist) {
        int p = index.length - 1;
        while (p > 0 && (distance[p - 1] > dist || distance[p - 1] == dist && index[p - 1] > j)) {
            distance[p] = distance[p - 1];
            index[p] = index[p - 1];
            p--;
        }
        distance[p] = dist;
        index[p] = j;
    }

    private static double[] flat(final Matrix m) {
        final int n = m.rows();
        final int d = m.cols();
        final double[] out = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                out[i * d + j] = m.get(i, j);
            }
        }
        return out;
    }

    private static double[] norms(final double[] values, final int n, final int d) {
        final double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int c = 0; c < d; c++) {
                s += values[i * d + c] * values[i * d + c];
            }
            out[i] = s;
        }
        return out;
    }
}
