package org.deepcluster.core.cluster;

import java.util.function.IntConsumer;

/**
 * Elkan's k-means (2003): the same iterations as {@link LloydIterations}, with the same stopping rule, but the
 * E-step skips most distance computations using the triangle inequality: an upper bound on each row's distance to
 * its centre, a lower bound on its distance to every other centre, and half the distances between the centres. It
 * computes the same labels as Lloyd (up to rounding in exact ties) and is much faster when clusters are separated;
 * it needs n × k extra doubles for the lower bounds. Follows scikit-learn's {@code _k_means_elkan.pyx}.
 */
final class ElkanIterations {

    private ElkanIterations() {
    }

    /**
     * @param points the rows
     * @param initial the initial centres (k × d, flat; not modified)
     * @param k the number of centres, at least 2
     * @param maxIterations at least 1
     * @param tolerance the absolute bound on the sum of squared centre shifts
     * @param beforeIteration called with the iteration index before each iteration (progress, cancellation)
     * @return the run
     */
    static LloydIterations.Run run(final Points points, final double[] initial, final int k, final int maxIterations,
        final double tolerance, final IntConsumer beforeIteration) {
        final int n = points.n;
        final int d = points.d;
        final RowChunks chunks = new RowChunks(n, d);
        final CentroidUpdate update = new CentroidUpdate(points, k, chunks);
        final int[] labels = new int[n];
        final double[] upper = new double[n];
        final double[] lower = new double[Math.multiplyExact(n, k)];
        final int[] changed = new int[chunks.count];
        final double[] shift = new double[k];
        double[] centres = initial.clone();
        double[] next = new double[k * d];
        double[] halfDistances = halfCentreDistances(centres, k, d);
        double[] nextCentreHalf = nearestOtherHalf(halfDistances, k);
        initialBounds(points, centres, k, halfDistances, chunks, labels, upper, lower);
        int iteration = 0;
        while (iteration < maxIterations) {
            beforeIteration.accept(iteration);
            final double[] current = centres;
            final double[] half = halfDistances;
            final double[] nextHalf = nextCentreHalf;
            final boolean first = iteration == 0; // the labels of the bound initialisation count as new
            chunks.forEach((chunk, from, to) -> {
                update.clear(chunk);
                int moves = 0;
                for (int i = from; i < to; i++) {
                    final int label = relabel(points, i, current, k, half, nextHalf, labels[i], upper, lower);
                    if (first || label != labels[i]) {
                        labels[i] = label;
                        moves++;
                    }
                    update.add(chunk, i, label);
                }
                changed[chunk] = moves;
            });
            final double squaredShift = update.finish(centres, labels, next, shift);
            shiftBounds(chunks, labels, shift, k, upper, lower);
            final double[] swap = centres;
            centres = next;
            next = swap;
            halfDistances = halfCentreDistances(centres, k, d);
            nextCentreHalf = nearestOtherHalf(halfDistances, k);
            iteration++;
            int moves = 0;
            for (final int c : changed) {
                moves += c;
            }
            if (moves == 0 || squaredShift <= tolerance) {
                break;
            }
        }
        // The final E-step for the returned centres, starting from the labels just computed (most rows keep theirs).
        final double[] squared = new double[n];
        new NearestCentres(points, centres, k).all(chunks, labels, labels, squared);
        return new LloydIterations.Run(centres, iteration, labels, squared);
    }

    private static int relabel(final Points points, final int i, final double[] centres, final int k,
        final double[] half, final double[] nextHalf, final int current, final double[] upper, final double[] lower) {
        int label = current;
        double bound = upper[i];
        if (nextHalf[label] >= bound) {
            return label; // no other centre can be closer
        }
        final int row = i * k;
        boolean tight = false;
        for (int j = 0; j < k; j++) {
            if (j != label && bound > lower[row + j] && bound > half[j * k + label]) {
                if (!tight) {
                    bound = Math.sqrt(points.squaredDistance(i, centres, label * points.d));
                    lower[row + label] = bound;
                    tight = true;
                }
                if (bound > lower[row + j] || bound > half[label * k + j]) {
                    final double distance = Math.sqrt(points.squaredDistance(i, centres, j * points.d));
                    lower[row + j] = distance;
                    if (distance < bound) {
                        label = j;
                        bound = distance;
                    }
                }
            }
        }
        upper[i] = bound;
        return label;
    }

    private static void initialBounds(final Points points, final double[] centres, final int k, final double[] half,
        final RowChunks chunks, final int[] labels, final double[] upper, final double[] lower) {
        chunks.forEach((chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                final int row = i * k;
                int best = 0;
                double min = Math.sqrt(points.squaredDistance(i, centres, 0));
                lower[row] = min;
                for (int j = 1; j < k; j++) {
                    if (min > half[best * k + j]) {
                        final double distance = Math.sqrt(points.squaredDistance(i, centres, j * points.d));
                        lower[row + j] = distance;
                        if (distance < min) {
                            min = distance;
                            best = j;
                        }
                    }
                }
                labels[i] = best;
                upper[i] = min;
            }
        });
    }

    private static void shiftBounds(final RowChunks chunks, final int[] labels, final double[] shift, final int k,
        final double[] upper, final double[] lower) {
        chunks.forEach((chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                upper[i] += shift[labels[i]];
                final int row = i * k;
                for (int j = 0; j < k; j++) {
                    lower[row + j] = Math.max(0.0, lower[row + j] - shift[j]);
                }
            }
        });
    }

    /** @return k × k half Euclidean distances between the centres */
    private static double[] halfCentreDistances(final double[] centres, final int k, final int d) {
        final double[] half = new double[k * k];
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                double sum = 0;
                for (int f = 0; f < d; f++) {
                    final double diff = centres[a * d + f] - centres[b * d + f];
                    sum += diff * diff;
                }
                half[a * k + b] = half[b * k + a] = Math.sqrt(sum) / 2;
            }
        }
        return half;
    }

    /** @return per centre, half the distance to its nearest other centre */
    private static double[] nearestOtherHalf(final double[] half, final int k) {
        final double[] nearest = new double[k];
        for (int a = 0; a < k; a++) {
            double min = Double.POSITIVE_INFINITY;
            for (int b = 0; b < k; b++) {
                if (b != a) {
                    min = Math.min(min, half[a * k + b]);
                }
            }
            nearest[a] = min;
        }
        return nearest;
    }
}
