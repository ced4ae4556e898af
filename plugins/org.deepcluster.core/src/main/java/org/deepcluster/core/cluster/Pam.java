package org.deepcluster.core.cluster;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Partitioning Around Medoids (Kaufman and Rousseeuw 1990) on a precomputed distance matrix: the greedy BUILD
 * initialisation, then SWAP iterations that each make the best swap of a medoid with a non-medoid, until no swap
 * lowers the total deviation (sum of distances to the nearest medoid). The swap costs are evaluated as in FastPAM1
 * (Schubert and Rousseeuw 2019): the same swaps as the original PAM, found in O(n²) per iteration instead of
 * O(k n²), using each row's distances to its nearest and second-nearest medoid.
 *
 * <p>Written by hand: Smile 3.1.1 has no k-medoids. PAM reaches a local optimum (no single swap improves it), not
 * necessarily the global one; on small data it usually finds the global one.
 */
final class Pam {

    /** The result: medoids as row indices (in the order BUILD chose them), SWAP iterations made, total deviation. */
    record Result(int[] medoids, int iterations, double totalDeviation) {
    }

    private final int n;
    private final double[] distances; // n × n, symmetric, zero diagonal
    private final int[] nearest; // per row: the index into medoids of the nearest medoid
    private final double[] nearestDistance;
    private final double[] secondDistance;

    private Pam(final int n, final double[] distances) {
        this.n = n;
        this.distances = distances;
        this.nearest = new int[n];
        this.nearestDistance = new double[n];
        this.secondDistance = new double[n];
    }

    /**
     * @param points the rows
     * @param rows which rows take part (e.g. a CLARA sample), in order
     * @return their Euclidean distance matrix, {@code rows.length²} doubles, row-major
     */
    static double[] distanceMatrix(final Points points, final int[] rows) {
        final int m = rows.length;
        final double[] distances = new double[Math.multiplyExact(m, m)];
        final IntStream indices = IntStream.range(0, m);
        (m > 256 ? indices.parallel() : indices).forEach(a -> {
            for (int b = a + 1; b < m; b++) {
                final double distance = Math.sqrt(points.squaredDistance(rows[a], rows[b]));
                distances[a * m + b] = distance;
                distances[b * m + a] = distance;
            }
        });
        return distances;
    }

    /**
     * @param n the number of rows
     * @param distances their distance matrix
     * @param k the number of medoids, 1 ≤ k ≤ n
     * @param maxIterations the maximum number of SWAP iterations (0: BUILD only)
     * @param onStep called after each BUILD medoid and each SWAP iteration with the step number (progress,
     *            cancellation)
     * @return the result
     */
    static Result run(final int n, final double[] distances, final int k, final int maxIterations,
        final IntConsumer onStep) {
        final Pam pam = new Pam(n, distances);
        final int[] medoids = pam.build(k, onStep);
        int iteration = 0;
        while (iteration < maxIterations) {
            final Swap swap = pam.bestSwap(medoids);
            // A swap must improve by more than rounding noise, or rounding could make two swaps cycle.
            if (swap == null || !(swap.delta < -1e-12 * Math.max(pam.totalDeviation(), Double.MIN_NORMAL))) {
                break;
            }
            medoids[swap.medoid] = swap.candidate;
            pam.updateNearest(medoids);
            iteration++;
            onStep.accept(k + iteration);
        }
        return new Result(medoids, iteration, pam.totalDeviation());
    }

    /** BUILD: the most central row first, then each time the row that lowers the total deviation most. */
    private int[] build(final int k, final IntConsumer onStep) {
        final int[] medoids = new int[k];
        final boolean[] isMedoid = new boolean[n];
        final double[] sums = new double[n];
        parallel(n).forEach(i -> {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += distances[i * n + j];
            }
            sums[i] = s;
        });
        int first = 0;
        for (int i = 1; i < n; i++) {
            if (sums[i] < sums[first]) {
                first = i;
            }
        }
        medoids[0] = first;
        isMedoid[first] = true;
        System.arraycopy(distances, first * n, nearestDistance, 0, n);
        onStep.accept(1);
        final double[] gains = new double[n];
        for (int m = 1; m < k; m++) {
            parallel(n).forEach(i -> {
                double gain = 0;
                if (!isMedoid[i]) {
                    for (int j = 0; j < n; j++) {
                        final double improvement = nearestDistance[j] - distances[i * n + j];
                        if (improvement > 0) {
                            gain += improvement;
                        }
                    }
                }
                gains[i] = gain;
            });
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (!isMedoid[i] && (best < 0 || gains[i] > gains[best])) {
                    best = i;
                }
            }
            medoids[m] = best;
            isMedoid[best] = true;
            for (int j = 0; j < n; j++) {
                nearestDistance[j] = Math.min(nearestDistance[j], distances[best * n + j]);
            }
            onStep.accept(m + 1);
        }
        updateNearest(medoids);
        return medoids;
    }

    /** Recomputes each row's nearest and second-nearest medoid (ties go to the earlier medoid). */
    private void updateNearest(final int[] medoids) {
        parallel(n).forEach(j -> {
            int best = -1;
            double d1 = Double.POSITIVE_INFINITY;
            double d2 = Double.POSITIVE_INFINITY;
            for (int m = 0; m < medoids.length; m++) {
                final double d = distances[medoids[m] * n + j];
                if (d < d1) {
                    d2 = d1;
                    d1 = d;
                    best = m;
                } else if (d < d2) {
                    d2 = d;
                }
            }
            nearest[j] = best;
            nearestDistance[j] = d1;
            secondDistance[j] = d2;
        });
    }

    private double totalDeviation() {
        double sum = 0;
        for (int j = 0; j < n; j++) {
            sum += nearestDistance[j];
        }
        return sum;
    }

    private record Swap(int medoid, int candidate, double delta) {
    }

    /**
     * FastPAM1: for each non-medoid candidate, one pass over the rows gives the change of the total deviation for
     * replacing each medoid by it. Candidates are evaluated in parallel; the best swap (smallest change, ties to the
     * lower candidate and medoid index) is the same for any number of threads.
     */
    private Swap bestSwap(final int[] medoids) {
        final int k = medoids.length;
        final boolean[] isMedoid = new boolean[n];
        for (final int m : medoids) {
            isMedoid[m] = true;
        }
        final Swap[] perCandidate = new Swap[n];
        parallel(n).forEach(c -> {
            if (isMedoid[c]) {
                return;
            }
            final double[] removalDelta = new double[k];
            double sharedDelta = 0;
            final int row = c * n;
            for (int o = 0; o < n; o++) {
                final double toCandidate = distances[row + o];
                final double dn = nearestDistance[o];
                final double moveToCandidate = Math.min(toCandidate - dn, 0.0); // whatever medoid leaves
                sharedDelta += moveToCandidate;
                // If o's own medoid leaves, o goes to c or to its second-nearest medoid instead.
                removalDelta[nearest[o]] += Math.min(toCandidate, secondDistance[o]) - dn - moveToCandidate;
            }
            int bestMedoid = 0;
            for (int m = 1; m < k; m++) {
                if (removalDelta[m] < removalDelta[bestMedoid]) {
                    bestMedoid = m;
                }
            }
            perCandidate[c] = new Swap(bestMedoid, c, removalDelta[bestMedoid] + sharedDelta);
        });
        Swap best = null;
        for (final Swap s : perCandidate) {
            if (s != null && (best == null || s.delta < best.delta)) {
                best = s;
            }
        }
        return best;
    }

    private static IntStream parallel(final int n) {
        final IntStream range = IntStream.range(0, n);
        return n > 256 ? range.parallel() : range;
    }
}
