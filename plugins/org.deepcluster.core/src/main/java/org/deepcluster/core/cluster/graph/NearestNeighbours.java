package org.deepcluster.core.cluster.graph;

import java.util.stream.IntStream;

import org.deepcluster.core.cluster.density.BallTree;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.progress.Progress;

/**
 * Exact k nearest neighbours by Euclidean distance on the engine's ball tree ({@link BallTree}, the one DBSCAN, OPTICS
 * and HDBSCAN use): all rows among themselves leaf by leaf ({@link BallTree#nearestOthers}), new rows among the
 * training rows one query at a time, in parallel blocks. Ties in distance go to the lower row index, so the result
 * does not depend on the thread schedule. Not Smile's searches: its KD-tree is fast in few dimensions only, and its
 * cover tree and linear search answer one query at a time without the leaf-wise batching.
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
     * @param progress progress and cancellation (checked once per batch of rows)
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
        final double[] x = data.backingArrayReadOnly(); // the tree only reads it
        return new BallTree(x, n, data.cols()).nearestOthers(x, k, progress);
    }

    /**
     * The k nearest reference rows of each query row, by a ball tree on the reference rows: ascending distance, ties
     * to the lower row index.
     *
     * @param reference the rows to search among
     * @param queries the rows to find neighbours for (same number of columns)
     * @param k the number of neighbours, 1 ≤ k ≤ reference rows
     * @param progress progress and cancellation (checked once per block of rows)
     * @return row-major queries × k indices into {@code reference}, nearest first
     */
    static int[] query(final Matrix reference, final Matrix queries, final int k, final Progress progress) {
        final int q = queries.rows();
        final int d = reference.cols();
        final BallTree tree = new BallTree(reference.backingArrayReadOnly(), reference.rows(), d);
        final double[] qry = queries.backingArrayReadOnly(); // only read
        final int[] result = new int[q * k];
        final int blocks = (q + BLOCK - 1) / BLOCK;
        final int[] done = new int[1];
        IntStream.range(0, blocks).parallel().forEach(b -> {
            progress.checkCancelled();
            final int[] index = new int[k];
            final double[] distance = new double[k];
            for (int i = b * BLOCK; i < Math.min(q, (b + 1) * BLOCK); i++) {
                tree.nearest(qry, i * d, k, index, distance);
                System.arraycopy(index, 0, result, i * k, k);
            }
            synchronized (done) {
                done[0]++;
                progress.report((double)done[0] / blocks, "Nearest neighbours: " + Math.min(q, done[0] * BLOCK)
                    + " of " + q + " rows");
            }
        });
        return result;
    }
}
