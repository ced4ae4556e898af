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
                final int[] blockLabels = new int[RowChunks.BLOCK];
                final double[] blockSquared = new double[RowChunks.BLOCK];
                int moves = 0;
                for (int b = from; b < to; b += RowChunks.BLOCK) {
                    final int end = Math.min(to, b + RowChunks.BLOCK);
                    nearestBlock(points, b, end, current, offsets, blockLabels, blockSquared, b, distances, second);
                    moves += applyBlock(b, end, blockLabels, labels, update, chunk);
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

    /**
     * Labels the rows {@code [from, to)} with their nearest centre, two rows per pass over the centres (see
     * {@link SquaredDistances#compute2}).
     *
     * @param points the rows; @param from the first row; @param to one past the last
     * @param centres the centres (flat); @param offsets {@link SquaredDistances#offsets} of the centres
     * @param outLabels receives the label of row {@code i} at {@code i - base}
     * @param outSquared receives its squared distance to that centre at {@code i - base}
     * @param base see above; @param first scratch, one per centre; @param second scratch, one per centre
     */
    static void nearestBlock(final Points points, final int from, final int to, final double[] centres,
        final int[] offsets, final int[] outLabels, final double[] outSquared, final int base, final double[] first,
        final double[] second) {
        final int d = points.d;
        final int k = offsets.length;
        int i = from;
        for (; i + 1 < to; i += 2) {
            SquaredDistances.compute2(points.x, i * d, (i + 1) * d, d, centres, offsets, k, first, second);
            final int a = nearest(first, k);
            final int b = nearest(second, k);
            outLabels[i - base] = a;
            outSquared[i - base] = first[a];
            outLabels[i + 1 - base] = b;
            outSquared[i + 1 - base] = second[b];
        }
        if (i < to) {
            final int a = nearest(points, i, centres, offsets, first);
            outLabels[i - base] = a;
            outSquared[i - base] = first[a];
        }
    }

    /**
     * Stores the new labels of the rows {@code [from, to)} and adds the rows to their clusters' sums.
     *
     * @return how many labels changed
     */
    private static int applyBlock(final int from, final int to, final int[] blockLabels, final int[] labels,
        final CentroidUpdate update, final int chunk) {
        int moves = 0;
        for (int i = from; i < to; i++) {
            final int label = blockLabels[i - from];
            update.add(chunk, i, label);
            if (label != labels[i]) {
                labels[i] = label;
                moves++;
            }
        }
        return moves;
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
