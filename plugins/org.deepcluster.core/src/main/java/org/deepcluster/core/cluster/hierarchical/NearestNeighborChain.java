package org.deepcluster.core.cluster.hierarchical;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.deepcluster.core.progress.Progress;

/**
 * Ward, complete and average linkage by the nearest-neighbour-chain algorithm (Müllner 2011, the algorithm of SciPy's
 * {@code linkage}) on a condensed pairwise distance matrix: O(n²) time and n(n−1)/2 doubles of memory.
 *
 * <p>Written by hand because Smile's {@code HierarchicalClustering} (a generic O(n²) Lance–Williams search) was
 * measured about twice as slow as scikit-learn for ward. Ties are broken as SciPy does (the chain's predecessor wins,
 * then the lowest row index), and the merged cluster takes the larger slot of the pair, so results follow SciPy's
 * merge by merge.
 *
 * <p>With the Euclidean metric, ward and complete linkage work on squared distances (the order of merges is the same
 * and no square root is needed in the O(n²) loops); the heights are converted back at the end. With the cosine metric
 * the matrix holds the cosine distances of the rows (scaled to length 1 by the caller) and the heights are those.
 */
final class NearestNeighborChain {

    private static final int MERGES_PER_REPORT = 1024;
    private static final int ROWS_PER_BLOCK = 256;
    /** From this many active clusters on, a scan or update runs in parallel chunks. */
    static final int PARALLEL_ACTIVE = 8192;
    private static final int PROCESSORS = Runtime.getRuntime().availableProcessors();

    private final Linkage linkage;
    private final Metric metric;
    private final int n;
    private final double[] distances; // condensed: pair (i < j) at offset[i] + j
    private final int[] offset;
    private final int parallelFrom;

    private NearestNeighborChain(final Linkage linkage, final Metric metric, final int n, final int parallelFrom) {
        this.linkage = linkage;
        this.metric = metric;
        this.n = n;
        this.parallelFrom = parallelFrom;
        this.offset = new int[n];
        for (int i = 0; i < n; i++) {
            offset[i] = (int)((long)i * (2L * n - i - 1) / 2 - i - 1);
        }
        this.distances = new double[(int)((long)n * (n - 1) / 2)];
    }

    /** @param n the number of rows; @return the bytes the condensed distance matrix takes */
    static long matrixBytes(final int n) {
        return (long)n * (n - 1) / 2 * Double.BYTES;
    }

    /** @return the largest number of rows whose condensed matrix fits in one Java array */
    static int maxRows() {
        return 65_536;
    }

    /**
     * @param x the rows, row-major, n × d; for the cosine metric of length 1
     * @param n the number of rows, at least 2
     * @param d the number of columns
     * @param linkage ward, complete or average
     * @param metric the distance between rows (not cosine with ward)
     * @param progress progress between 0 and 1 and cancellation
     * @return the merge tree
     */
    static Dendrogram run(final double[] x, final int n, final int d, final Linkage linkage, final Metric metric,
        final Progress progress) {
        return run(x, n, d, linkage, metric, PARALLEL_ACTIVE, progress);
    }

    /** As {@link #run(double[], int, int, Linkage, Metric, Progress)}; scans of {@code parallelFrom} clusters or more
     * run in parallel. */
    static Dendrogram run(final double[] x, final int n, final int d, final Linkage linkage, final Metric metric,
        final int parallelFrom, final Progress progress) {
        if (!metric.allows(linkage)) {
            throw new IllegalArgumentException(linkage.id() + " linkage does not allow the " + metric.id() + " metric");
        }
        final NearestNeighborChain chain = new NearestNeighborChain(linkage, metric, n, parallelFrom);
        chain.fillDistances(x, d, progress);
        return chain.merge(progress);
    }

    /** @return whether the matrix holds squared Euclidean distances (whose square roots are the heights) */
    private boolean squared() {
        return metric == Metric.EUCLIDEAN && linkage != Linkage.AVERAGE;
    }

    /** Pairwise distances, rows in parallel, in blocks so that the calling thread can check for cancellation. */
    private void fillDistances(final double[] x, final int d, final Progress progress) {
        final boolean squared = squared();
        final boolean cosine = metric == Metric.COSINE;
        final long total = distances.length;
        long done = 0;
        for (int start = 0; start < n; start += ROWS_PER_BLOCK) {
            progress.checkCancelled();
            progress.report(0.3 * done / Math.max(1, total), "distance matrix: row " + start + " of " + n);
            final int end = Math.min(n, start + ROWS_PER_BLOCK);
            IntStream.range(start, end).parallel().forEach(i -> {
                final int base = offset[i];
                final int io = i * d;
                for (int j = i + 1; j < n; j++) {
                    if (cosine) {
                        distances[base + j] = Metric.cosineDistance(x, io, x, j * d, d);
                    } else {
                        final double sum = squaredDistance(x, io, j * d, d);
                        distances[base + j] = squared ? sum : Math.sqrt(sum);
                    }
                }
            });
            for (int i = start; i < end; i++) {
                done += n - 1 - i;
            }
        }
    }

    /** Four partial sums: independent additions that the CPU can overlap (about twice as fast for 32 columns). */
    static double squaredDistance(final double[] x, final int io, final int jo, final int d) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int c = 0;
        for (; c + 3 < d; c += 4) {
            final double d0 = x[io + c] - x[jo + c];
            final double d1 = x[io + c + 1] - x[jo + c + 1];
            final double d2 = x[io + c + 2] - x[jo + c + 2];
            final double d3 = x[io + c + 3] - x[jo + c + 3];
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; c < d; c++) {
            final double diff = x[io + c] - x[jo + c];
            s0 += diff * diff;
        }
        return (s0 + s1) + (s2 + s3);
    }

    private double get(final int i, final int j) {
        return i < j ? distances[offset[i] + j] : distances[offset[j] + i];
    }

    private Dendrogram merge(final Progress progress) {
        final int[] size = new int[n];
        Arrays.fill(size, 1);
        final int[] active = IntStream.range(0, n).toArray(); // ascending
        int activeCount = n;
        final int[] chain = new int[n];
        int chainLength = 0;
        final int[] mergedA = new int[n - 1];
        final int[] mergedB = new int[n - 1];
        final double[] heights = new double[n - 1];
        for (int k = 0; k < n - 1; k++) {
            if (k % MERGES_PER_REPORT == 0) {
                progress.checkCancelled();
                progress.report(0.3 + 0.7 * k / (n - 1), "merge " + k + " of " + (n - 1));
            }
            if (chainLength == 0) {
                chain[chainLength++] = active[0];
            }
            int x;
            int y;
            double best;
            while (true) { // grow the chain until its last two clusters are each other's nearest neighbours
                x = chain[chainLength - 1];
                if (chainLength > 1) {
                    y = chain[chainLength - 2];
                    best = get(x, y);
                } else {
                    y = -1;
                    best = Double.POSITIVE_INFINITY;
                }
                final int nearest = nearest(x, active, activeCount);
                if (nearest >= 0 && get(x, nearest) < best) { // strict: on a tie the chain's predecessor stays
                    best = get(x, nearest);
                    y = nearest;
                }
                if (chainLength > 1 && y == chain[chainLength - 2]) {
                    break;
                }
                chain[chainLength++] = y;
            }
            chainLength -= 2;
            if (x > y) {
                final int t = x;
                x = y;
                y = t;
            }
            mergedA[k] = x;
            mergedB[k] = y;
            heights[k] = squared() ? Math.sqrt(best) : best;
            update(x, y, best, size, active, activeCount);
            size[y] += size[x];
            size[x] = 0;
            final int position = Arrays.binarySearch(active, 0, activeCount, x);
            System.arraycopy(active, position + 1, active, position, activeCount - position - 1);
            activeCount--;
        }
        progress.report(1.0, "merges done");
        return Dendrogram.fromMerges(n, mergedA, mergedB, heights);
    }

    /**
     * The active cluster nearest to x (the lowest index among equals), or −1 if x is the only one. Large scans run in
     * parallel chunks, combined in order so that ties resolve as in the sequential scan.
     */
    private int nearest(final int x, final int[] active, final int activeCount) {
        if (activeCount < parallelFrom) {
            return nearest(x, active, 0, activeCount);
        }
        final int chunks = chunks(activeCount);
        final int chunkSize = (activeCount + chunks - 1) / chunks;
        final int[] found = new int[chunks];
        IntStream.range(0, chunks).parallel().forEach(
            c -> found[c] = nearest(x, active, c * chunkSize, Math.min(activeCount, (c + 1) * chunkSize)));
        int best = -1;
        for (final int candidate : found) {
            if (candidate >= 0 && (best < 0 || get(x, candidate) < get(x, best))) {
                best = candidate;
            }
        }
        return best;
    }

    private int nearest(final int x, final int[] active, final int from, final int to) {
        int best = -1;
        double bestValue = Double.POSITIVE_INFINITY;
        int p = from;
        for (; p < to && active[p] < x; p++) { // rows above x: one value per row of the condensed matrix
            final double v = distances[offset[active[p]] + x];
            if (best < 0 || v < bestValue) {
                bestValue = v;
                best = active[p];
            }
        }
        if (p < to && active[p] == x) {
            p++;
        }
        final int base = offset[x];
        for (; p < to; p++) { // rows below x: x's own row of the condensed matrix, read in order
            final double v = distances[base + active[p]];
            if (best < 0 || v < bestValue) {
                bestValue = v;
                best = active[p];
            }
        }
        return best;
    }

    private int chunks(final int activeCount) {
        return Math.max(1, Math.min(activeCount / Math.max(1, parallelFrom / 4), 4 * PROCESSORS));
    }

    /** Lance–Williams: the distance of every other cluster i to the union of x and y, stored in y's slot (x < y). */
    private void update(final int x, final int y, final double dxy, final int[] size, final int[] active,
        final int activeCount) {
        if (activeCount < parallelFrom) {
            update(x, y, dxy, size, active, 0, activeCount);
            return;
        }
        final int chunks = chunks(activeCount);
        final int chunkSize = (activeCount + chunks - 1) / chunks;
        IntStream.range(0, chunks).parallel().forEach(c -> update(x, y, dxy, size, active, c * chunkSize,
            Math.min(activeCount, (c + 1) * chunkSize)));
    }

    private void update(final int x, final int y, final double dxy, final int[] size, final int[] active,
        final int from, final int to) {
        final double nx = size[x];
        final double ny = size[y];
        for (int p = from; p < to; p++) {
            final int i = active[p];
            if (i == x || i == y) {
                continue;
            }
            final double dxi = get(x, i);
            final int yi = i < y ? offset[i] + y : offset[y] + i;
            final double dyi = distances[yi];
            final double updated;
            switch (linkage) {
                case WARD: {
                    final double ni = size[i];
                    updated = ((nx + ni) * dxi + (ny + ni) * dyi - ni * dxy) / (nx + ny + ni);
                    break;
                }
                case COMPLETE:
                    updated = Math.max(dxi, dyi);
                    break;
                case AVERAGE:
                    updated = (nx * dxi + ny * dyi) / (nx + ny);
                    break;
                default:
                    throw new IllegalStateException("no matrix update for " + linkage);
            }
            distances[yi] = updated;
        }
    }
}
