package org.deepcluster.core.cluster;

import java.util.function.IntConsumer;

/**
 * Lloyd's k-means iterations with scikit-learn's stopping rule: stop when an E-step leaves every label unchanged
 * ("strict convergence"), or when the sum of the squared centre shifts of an iteration is at most the tolerance, or
 * after the maximum number of iterations. The E-step runs in parallel over fixed row chunks.
 */
final class LloydIterations {

    private LloydIterations() {
    }

    /** The outcome of one k-means run: the final centres (k × d, flat) and the number of iterations made. */
    record Run(double[] centres, int iterations) {
    }

    /**
     * @param points the rows
     * @param initial the initial centres (k × d, flat; not modified)
     * @param k the number of centres
     * @param maxIterations at least 1
     * @param tolerance the absolute bound on the sum of squared centre shifts
     * @param beforeIteration called with the iteration index before each iteration (progress, cancellation)
     * @return the run
     */
    static Run run(final Points points, final double[] initial, final int k, final int maxIterations,
        final double tolerance, final IntConsumer beforeIteration) {
        final int n = points.n;
        final int d = points.d;
        final RowChunks chunks = new RowChunks(n);
        final CentroidUpdate update = new CentroidUpdate(points, k, chunks);
        final int[] labels = new int[n];
        java.util.Arrays.fill(labels, -1);
        final int[] changed = new int[chunks.count];
        final double[] shift = new double[k];
        final int[] offsets = SquaredDistances.offsets(k, d);
        double[] centres = initial.clone();
        double[] next = new double[k * d];
        int iteration = 0;
        while (iteration < maxIterations) {
            beforeIteration.accept(iteration);
            final double[] current = centres;
            chunks.forEach((chunk, from, to) -> {
                update.clear(chunk);
                final double[] distances = new double[k];
                final double[] second = new double[k];
                int moves = 0;
                int i = from;
                for (; i + 1 < to; i += 2) { // two rows per pass over the centres (see SquaredDistances.compute2)
                    SquaredDistances.compute2(points.x, i * d, (i + 1) * d, d, current, offsets, k, distances, second);
                    moves += assign(i, nearest(distances, k), labels, update, chunk);
                    moves += assign(i + 1, nearest(second, k), labels, update, chunk);
                }
                if (i < to) {
                    moves += assign(i, nearest(points, i, current, offsets, distances), labels, update, chunk);
                }
                changed[chunk] = moves;
            });
            final double squaredShift = update.finish(centres, labels, next, shift);
            final double[] swap = centres;
            centres = next;
            next = swap;
            iteration++;
            if (sum(changed) == 0 || squaredShift <= tolerance) {
                break;
            }
        }
        return new Run(centres, iteration);
    }

    /** Labels row {@code i} and adds it to its cluster's sums; @return 1 if its label changed, else 0 */
    private static int assign(final int i, final int label, final int[] labels, final CentroidUpdate update,
        final int chunk) {
        update.add(chunk, i, label);
        if (label != labels[i]) {
            labels[i] = label;
            return 1;
        }
        return 0;
    }

    /**
     * @param distances the squared distances of a row to each centre; @param k how many
     * @return the index of the smallest; ties go to the lower index
     */
    static int nearest(final double[] distances, final int k) {
        int best = 0;
        for (int c = 1; c < k; c++) {
            if (distances[c] < distances[best]) {
                best = c;
            }
        }
        return best;
    }

    /**
     * @param points the rows; @param i a row; @param centres the centres (flat)
     * @param offsets {@link SquaredDistances#offsets} of the centres; @param distances scratch, one per centre; on
     *            return the squared distance to each centre
     * @return the index of the centre nearest to row {@code i}; ties go to the lower index
     */
    static int nearest(final Points points, final int i, final double[] centres, final int[] offsets,
        final double[] distances) {
        SquaredDistances.compute(points.x, i * points.d, points.d, centres, offsets, offsets.length, distances);
        return nearest(distances, offsets.length);
    }

    private static int sum(final int[] values) {
        int s = 0;
        for (final int v : values) {
            s += v;
        }
        return s;
    }
}
