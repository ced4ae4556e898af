package org.deepcluster.core.cluster.density;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.progress.Progress;

/**
 * OPTICS (Ankerst et al. 1999) with scikit-learn's semantics ({@code sklearn.cluster.OPTICS}, Euclidean metric),
 * followed by one of its two cluster extractions ({@link OpticsExtraction}).
 *
 * <p>As in scikit-learn 1.2: the core distance of a row is the distance to its {@code minSamples}-th nearest row, the
 * row itself counted, or infinity when that exceeds {@code maxEps}; the run starts at row 0 and always continues with
 * the unprocessed row of smallest reachability, ties (infinite ones included) going to the smaller row index; a
 * processed core row lowers the reachability of each unprocessed row within maxEps to max(distance, its own core
 * distance) when that is strictly smaller, and becomes that row's predecessor. Like scikit-learn, core distances and
 * reachability candidates are rounded to 15 decimal places (numpy's {@code around}), which makes ties independent of
 * rounding noise in the last bits; consequently distances below ~1e-13 lose precision, so rescale such data.
 *
 * <p>Speed: the next row comes from an indexed heap (scikit-learn scans all rows per step); neighbours come from a
 * {@link BallTree} when maxEps is finite, and from a parallel scan of the unprocessed rows when it is infinite (then
 * every unprocessed row is a neighbour anyway).
 */
public final class Optics {

    /** Unprocessed rows from which a step's distance scan runs in parallel. */
    private static final int PARALLEL_SCAN = 4096;

    private Optics() {
    }

    /**
     * The settings.
     *
     * @param minSamples the number of rows, the row itself included, within a row's core distance; at least 2
     *            (scikit-learn's {@code min_samples})
     * @param maxEps the largest neighbourhood radius considered, &gt; 0, may be infinite (scikit-learn's
     *            {@code max_eps}, default infinity)
     * @param extraction how clusters are cut from the reachability plot
     */
    public record Parameters(int minSamples, double maxEps, OpticsExtraction extraction) {

        /**
         * Checks the values that can be checked without data.
         *
         * @throws IllegalArgumentException naming the invalid setting
         */
        public void validate() {
            if (minSamples < 2) {
                throw new IllegalArgumentException("minSamples must be at least 2, got " + minSamples);
            }
            if (!(maxEps > 0)) {
                throw new IllegalArgumentException("maxEps must be > 0 (or infinite for no limit), got " + maxEps);
            }
            if (extraction == null) {
                throw new IllegalArgumentException("a cluster extraction (xi or eps cut) is required");
            }
            extraction.validate();
        }
    }

    /**
     * Runs OPTICS and extracts clusters.
     *
     * @param data the rows, at least minSamples (and the extraction's minimum cluster size) of them, finite values
     * @param parameters the settings
     * @param progress receives reports and is asked for cancellation regularly
     * @return the model
     * @throws IllegalArgumentException if the settings are invalid or do not fit the data
     * @throws org.deepcluster.core.progress.CancelledException if cancelled
     */
    public static OpticsModel fit(final Matrix data, final Parameters parameters, final Progress progress) {
        parameters.validate();
        final double[] x = DensityInput.rowMajor(data, "OPTICS");
        DensityInput.checkMinSamples("minSamples", parameters.minSamples(), 2, data.rows());
        parameters.extraction().checkRows(data.rows());
        final OpticsOrdering ordering = order(x, data.rows(), data.cols(), parameters.minSamples(),
            parameters.maxEps(), progress);
        final int[] labels = parameters.extraction().labels(ordering, parameters.minSamples());
        progress.report(1, "OPTICS done");
        return OpticsModel.of(parameters, ordering, labels, data);
    }

    /**
     * Computes the OPTICS ordering, core distances, reachability and predecessors.
     *
     * @param x the rows, row-major, finite
     * @param n the number of rows
     * @param d the number of columns
     * @param minSamples at least 2, at most n
     * @param maxEps &gt; 0, may be infinite
     * @param progress receives reports between 0 and 0.95
     * @return the ordering
     */
    static OpticsOrdering order(final double[] x, final int n, final int d, final int minSamples, final double maxEps,
        final Progress progress) {
        progress.checkCancelled();
        progress.report(0, "OPTICS: building the neighbour index");
        final BallTree tree = new BallTree(x, n, d);
        final double[] core = new double[n];
        final ThreadLocal<double[]> dist = ThreadLocal.withInitial(() -> new double[minSamples]);
        final ThreadLocal<int[]> idx = ThreadLocal.withInitial(() -> new int[minSamples]);
        ParallelRows.forEach(n, i -> {
            final double[] di = dist.get();
            tree.nearest(x, i * d, minSamples, idx.get(), di);
            core[i] = di[minSamples - 1] > maxEps ? Double.POSITIVE_INFINITY : round15(di[minSamples - 1]);
        }, progress, 0.02, 0.2, "OPTICS: core distances");

        final double[] reach = new double[n];
        Arrays.fill(reach, Double.POSITIVE_INFINITY);
        final int[] predecessor = new int[n];
        Arrays.fill(predecessor, -1);
        final int[] ordering = new int[n];
        final ReachabilityHeap heap = new ReachabilityHeap(reach);
        // The unprocessed rows in row order, so that scans read the rows sequentially.
        final int[] rest = new int[n];
        for (int i = 0; i < n; i++) {
            rest[i] = i;
        }
        int restSize = n;
        final double[] candidate = new double[n];
        final BallTree.Hits hits = new BallTree.Hits();
        final boolean scanAll = Double.isInfinite(maxEps);
        for (int step = 0; step < n; step++) {
            if ((step & 255) == 0) {
                progress.checkCancelled();
                progress.report(0.2 + 0.75 * step / n, "OPTICS: ordering rows");
            }
            final int p = heap.poll();
            ordering[step] = p;
            final int at = Arrays.binarySearch(rest, 0, restSize, p);
            System.arraycopy(rest, at + 1, rest, at, restSize - at - 1);
            restSize--;
            if (core[p] == Double.POSITIVE_INFINITY) {
                continue;
            }
            final double coreP = core[p];
            final int po = p * d;
            if (scanAll) {
                final int size = restSize;
                final IntStream positions = IntStream.range(0, size);
                (size >= PARALLEL_SCAN ? positions.parallel() : positions).forEach(k -> {
                    final int q = rest[k];
                    // Rows farther than their current reachability cannot improve: stop summing early for them.
                    final double bound = reach[q] * reach[q] * (1 + 1e-12); // margin: sqrt and rounding
                    candidate[k] = round15(Math.max(Math.sqrt(BallTree.squaredDistance(x, po, x, q * d, d, bound)),
                        coreP));
                });
                for (int k = 0; k < size; k++) {
                    final int q = rest[k];
                    if (candidate[k] < reach[q]) {
                        heap.decrease(q, candidate[k]);
                        predecessor[q] = p;
                    }
                }
            } else {
                tree.within(x, po, maxEps, hits);
                for (int h = 0; h < hits.size(); h++) {
                    final int q = hits.index(h);
                    if (heap.contains(q)) {
                        final double r = round15(Math.max(hits.distance(h), coreP));
                        if (r < reach[q]) {
                            heap.decrease(q, r);
                            predecessor[q] = p;
                        }
                    }
                }
            }
        }
        progress.report(0.95, "OPTICS: extracting clusters");
        return new OpticsOrdering(ordering, reach, core, predecessor);
    }

    /** numpy's {@code around(v, 15)}: scale, round half to even, unscale (bit-identical to numpy). */
    static double round15(final double v) {
        return Double.isInfinite(v) ? v : Math.rint(v * 1e15) / 1e15;
    }
}
