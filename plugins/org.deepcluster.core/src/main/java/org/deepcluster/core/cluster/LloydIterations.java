package org.deepcluster.core.cluster;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Lloyd's k-means iterations with scikit-learn's stopping rule: stop when an E-step leaves every label unchanged
 * ("strict convergence"), or when the sum of the squared centre shifts of an iteration is at most the tolerance, or
 * after the maximum number of iterations. The E-step runs in parallel over fixed row chunks and skips, for rows that
 * provably keep their label, the distances to the other centres ({@link NearestCentres}); the result is that of plain
 * Lloyd.
 */
final class LloydIterations {

    private LloydIterations() {
    }

    /**
     * The outcome of one k-means run: the final centres (k × d, flat), the number of iterations made, and each row's
     * nearest final centre and squared distance to it (the final E-step).
     */
    record Run(double[] centres, int iterations, int[] labels, double[] squared) {
    }

    /**
     * @param points the rows
     * @param initial the initial centres (k × d, flat; not modified) and, if known, each row's nearest initial centre
     *            (only a hint that saves distance computations in the first iteration; the result is the same without)
     * @param k the number of centres
     * @param maxIterations at least 1
     * @param tolerance the absolute bound on the sum of squared centre shifts
     * @param beforeIteration called with the iteration index before each iteration (progress, cancellation)
     * @return the run
     */
    static Run run(final Points points, final KMeansSeeding.Seeds initial, final int k, final int maxIterations,
        final double tolerance, final IntConsumer beforeIteration) {
        final int n = points.n;
        final int d = points.d;
        final RowChunks chunks = new RowChunks(n, d);
        final CentroidUpdate update = new CentroidUpdate(points, k, chunks);
        final int[] labels = new int[n]; // set by the first iteration
        final double[] squared = new double[n];
        final int[] changed = new int[chunks.count];
        final double[] shift = new double[k];
        double[] centres = initial.centres().clone();
        double[] next = new double[k * d];
        double[] assignedTo = null; // the centres of the last E-step
        int iteration = 0;
        while (iteration < maxIterations) {
            beforeIteration.accept(iteration);
            final NearestCentres nearest = new NearestCentres(points, centres, k);
            // The previous labels for the skip test; in the first iteration the seeding's nearest centres. The first
            // iteration counts every row as changed (scikit-learn's rule: its labels start at -1).
            final boolean first = iteration == 0;
            final int[] previous = first ? initial.nearest() : labels;
            chunks.forEach((chunk, from, to) -> {
                update.clear(chunk);
                final NearestCentres.Scratch scratch = new NearestCentres.Scratch(k);
                final int[] blockLabels = new int[RowChunks.BLOCK];
                int moves = 0;
                for (int b = from; b < to; b += RowChunks.BLOCK) {
                    final int end = Math.min(to, b + RowChunks.BLOCK);
                    nearest.block(b, end, previous, blockLabels, b, squared, scratch);
                    moves += applyBlock(b, end, blockLabels, labels, update, chunk, first);
                }
                changed[chunk] = moves;
            });
            final double squaredShift = update.finish(centres, labels, next, shift);
            assignedTo = centres;
            centres = next;
            next = assignedTo;
            iteration++;
            if (sum(changed) == 0 || squaredShift <= tolerance) {
                break;
            }
        }
        // The labels must be those of the returned centres (scikit-learn's final E-step). After strict convergence
        // the new centres are the old ones (same labels, same sums), and the last E-step already is that step.
        if (!Arrays.equals(centres, assignedTo)) {
            new NearestCentres(points, centres, k).all(chunks, labels, labels, squared);
        }
        return new Run(centres, iteration, labels, squared);
    }

    /**
     * Stores the new labels of the rows {@code [from, to)} and adds the rows to their clusters' sums.
     *
     * @param first whether this is the first iteration, in which every row counts as changed
     * @return how many labels changed
     */
    private static int applyBlock(final int from, final int to, final int[] blockLabels, final int[] labels,
        final CentroidUpdate update, final int chunk, final boolean first) {
        int moves = 0;
        for (int i = from; i < to; i++) {
            final int label = blockLabels[i - from];
            update.add(chunk, i, label);
            if (first || label != labels[i]) {
                labels[i] = label;
                moves++;
            }
        }
        return moves;
    }

    private static int sum(final int[] values) {
        int s = 0;
        for (final int v : values) {
            s += v;
        }
        return s;
    }
}
