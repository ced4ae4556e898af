package org.deepcluster.core.cluster;

import java.util.Arrays;

/**
 * The M-step of k-means, as scikit-learn does it: per-chunk sums of the rows of each cluster (combined in chunk order,
 * so the result does not depend on the number of threads), empty clusters moved onto the rows farthest from their
 * centres, then the means and how far each centre moved.
 */
final class CentroidUpdate {

    private final Points points;
    private final int k;
    private final RowChunks chunks;
    private final double[][] sums;
    private final int[][] counts;

    CentroidUpdate(final Points points, final int k, final RowChunks chunks) {
        this.points = points;
        this.k = k;
        this.chunks = chunks;
        this.sums = new double[chunks.count][k * points.d];
        this.counts = new int[chunks.count][k];
    }

    /** Zeroes one chunk's sums; call before {@link #add} for that chunk. */
    void clear(final int chunk) {
        Arrays.fill(sums[chunk], 0.0);
        Arrays.fill(counts[chunk], 0);
    }

    /** Adds row {@code i} to cluster {@code label} in the sums of its chunk. */
    void add(final int chunk, final int i, final int label) {
        final double[] s = sums[chunk];
        final int d = points.d;
        final int to = label * d;
        final int from = i * d;
        for (int j = 0; j < d; j++) {
            s[to + j] += points.x[from + j];
        }
        counts[chunk][label]++;
    }

    /**
     * Combines the chunks into the new centres.
     *
     * @param old the centres the labels were computed with (k × d, flat)
     * @param labels the cluster of every row
     * @param next receives the new centres
     * @param shift receives, per cluster, the Euclidean distance between the old and the new centre
     * @return the sum of the squared shifts
     */
    double finish(final double[] old, final int[] labels, final double[] next, final double[] shift) {
        final int d = points.d;
        Arrays.fill(next, 0.0);
        final int[] size = new int[k];
        for (int c = 0; c < chunks.count; c++) {
            addInto(next, sums[c]);
            addInto(size, counts[c]);
        }
        relocateEmptyClusters(old, labels, next, size);
        double total = 0;
        for (int j = 0; j < k; j++) {
            double moved = 0;
            for (int f = 0; f < d; f++) {
                final int v = j * d + f;
                if (size[j] > 0) {
                    next[v] /= size[j];
                } else { // cannot happen after relocation unless rows < k; keep the old centre
                    next[v] = old[v];
                }
                final double diff = next[v] - old[v];
                moved += diff * diff;
            }
            shift[j] = Math.sqrt(moved);
            total += moved;
        }
        return total;
    }

    // The chunk sums are added in methods of their own: as loops in finish (up to 256 chunks × k × d values per
    // call), they made the JIT compile all of finish, empty-cluster relocation included, twice with its optimising
    // compiler (on-stack replacement, then normal: 112 ms of compiler time in LogCompilation, in the second and third
    // fits of a fresh JVM, delaying the compilation of the hot passes).

    private static void addInto(final double[] total, final double[] values) {
        for (int v = 0; v < total.length; v++) {
            total[v] += values[v];
        }
    }

    private static void addInto(final int[] total, final int[] values) {
        for (int v = 0; v < total.length; v++) {
            total[v] += values[v];
        }
    }

    /**
     * scikit-learn's rule: each empty cluster takes one of the rows farthest from their own centre (farthest first),
     * and that row's weight moves out of its old cluster's sum. The row keeps its label until the next E-step.
     */
    private void relocateEmptyClusters(final double[] old, final int[] labels, final double[] next, final int[] size) {
        int empty = 0;
        for (final int s : size) {
            if (s == 0) {
                empty++;
            }
        }
        if (empty == 0) {
            return;
        }
        final int d = points.d;
        final double[] distance = new double[points.n];
        for (int i = 0; i < points.n; i++) {
            distance[i] = points.squaredDistance(i, old, labels[i] * d);
        }
        final Integer[] order = new Integer[points.n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(distance[b], distance[a])); // stable: ties keep row order
        int taken = 0;
        for (int j = 0; j < k && taken < points.n; j++) {
            if (size[j] != 0) {
                continue;
            }
            final int far = order[taken++];
            final int from = labels[far];
            for (int f = 0; f < d; f++) {
                final double v = points.x[far * d + f];
                next[from * d + f] -= v;
                next[j * d + f] = v;
            }
            size[from]--;
            size[j] = 1;
        }
    }
}
