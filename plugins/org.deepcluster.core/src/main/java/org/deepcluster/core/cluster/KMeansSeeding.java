package org.deepcluster.core.cluster;

import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * Initial centres for k-means.
 *
 * <p>k-means++ is the greedy variant of Arthur and Vassilvitskii (2007) exactly as scikit-learn implements it: the
 * first centre is a uniformly random row; each further centre is the best of {@code 2 + floor(ln k)} candidates drawn
 * with probability proportional to the squared distance to the nearest centre chosen so far, "best" meaning the one
 * that minimises the resulting potential (sum of those squared distances). Smile draws a single candidate, which
 * ends in measurably worse optima (see {@link KMeans}).
 */
final class KMeansSeeding {

    private KMeansSeeding() {
    }

    /**
     * Initial centres and, per row, the one nearest to it.
     *
     * @param centres k × d, flat
     * @param nearest per row the index of its nearest centre (ties: the lower index), by the same squared distances
     *            as {@link Points#squaredDistance} computes: a hint with which the first k-means iteration skips most
     *            distance computations ({@link NearestCentres})
     */
    record Seeds(double[] centres, int[] nearest) {
    }

    /**
     * @param points the rows
     * @param k the number of centres
     * @param random the generator of this restart
     * @param afterCentre called with the number of centres chosen so far (cancellation)
     * @return the centres and each row's nearest centre
     */
    static Seeds kMeansPlusPlus(final Points points, final int k, final SplittableRandom random,
        final IntConsumer afterCentre) {
        final int n = points.n;
        final int d = points.d;
        final int trials = 2 + (int)Math.log(k);
        final CandidatePass pass = new CandidatePass(points, new RowChunks(n, d));
        final double[] centres = new double[k * d];
        // The first centre: a uniformly random row. Its distances are computed like the candidates' below, against
        // "no centre yet" (infinite distances).
        int chosen = random.nextInt(n);
        System.arraycopy(points.x, chosen * d, centres, 0, d);
        final double[] none = new double[n];
        java.util.Arrays.fill(none, 0, n, Double.POSITIVE_INFINITY); // the ranged fill: hot (and compiled) already
        double[] closest = new double[n];
        double potential = pass.run(new int[]{chosen}, none, new double[][]{closest})[0];
        final int[] nearest = new int[n]; // all rows start with the first centre
        final double[] cumulative = new double[n];
        double[][] candidateDistances = new double[trials][n];
        final int[] candidates = new int[trials];
        afterCentre.accept(1);
        for (int c = 1; c < k; c++) {
            prefixSums(closest, cumulative);
            for (int t = 0; t < trials; t++) {
                candidates[t] = draw(cumulative, random.nextDouble() * potential);
            }
            final double[] candidatePotential = pass.run(candidates, closest, candidateDistances);
            int winner = 0;
            for (int t = 1; t < trials; t++) {
                if (candidatePotential[t] < candidatePotential[winner]) {
                    winner = t;
                }
            }
            potential = candidatePotential[winner];
            // The winner's distances become the new "closest"; the old array is reused as a candidate buffer.
            final double[] before = closest;
            closest = candidateDistances[winner];
            candidateDistances[winner] = before;
            chosen = candidates[winner];
            System.arraycopy(points.x, chosen * d, centres, c * d, d);
            final double[] now = closest;
            final int centre = c;
            pass.chunks.forEach((chunk, from, to) -> takeNearest(from, to, before, now, nearest, centre));
            afterCentre.accept(c + 1);
        }
        return new Seeds(centres, nearest);
    }

    /**
     * The pass over the rows that evaluates candidate centres: for each candidate, each row's squared distance to its
     * nearest centre if the candidate joined the centres, and their sum (the potential). One pass serves all
     * candidates: the rows are the large array, and each block of them is read once, as columns, for every candidate.
     * Distances are sums of squared differences (scikit-learn computes |x|² + |c|² - 2 x·c, the same up to rounding;
     * the direct form needs no pass for the rows' norms and does not lose precision far from the origin). Every
     * pass of a seeding, the first centre's included, runs this same code: fewer distinct hot methods, which the
     * JIT's optimising compiler (busy through the first fits in a fresh JVM) reaches sooner.
     */
    private static final class CandidatePass {
        final RowChunks chunks;
        private final Points points;
        /**
         * Each pass copies every block of rows into columns again (BlockColumns) instead of keeping a copy of the
         * data: keeping the blocks (tried up to 1M values) was faster in single-thread steady state, but its
         * allocation (2.7 MB of small arrays per 10,000 × 32 fit) caused a young collection every other fit, 7-19 ms
         * each. The work space (a block's columns and a buffer) is one per task of the pass's parallel split
         * ({@link RowChunks#forEach(java.util.function.Supplier, RowChunks.BodyWithWork)}), not one per chunk (at
         * 100,000 rows that was 16 MB of garbage per fit).
         */
        private final java.util.function.Supplier<Workspace> newWorkspace;

        CandidatePass(final Points points, final RowChunks chunks) {
            this.points = points;
            this.chunks = chunks;
            this.newWorkspace = () -> new Workspace(points.d);
        }

        /**
         * @param candidates the candidate rows
         * @param best each row's squared distance to its nearest centre so far (infinite when there is none)
         * @param distances receives per candidate each row's new squared distance to its nearest centre
         * @return per candidate the sum of these distances, summed in an order that does not depend on threads
         */
        double[] run(final int[] candidates, final double[] best, final double[][] distances) {
            final int d = points.d;
            final int trials = candidates.length;
            final int[] offsets = new int[trials];
            for (int t = 0; t < trials; t++) {
                offsets[t] = candidates[t] * d;
            }
            final double[][] partial = new double[chunks.count][trials];
            chunks.forEach(newWorkspace, (work, chunk, from, to) -> {
                for (int b = from; b < to; b += RowChunks.BLOCK) {
                    final int end = Math.min(to, b + RowChunks.BLOCK);
                    work.block.load(points, b, end);
                    candidateBlock(points.x, b, end, offsets, best, distances, partial[chunk], work.block,
                        work.values);
                }
            });
            final double[] potentials = new double[trials];
            for (int t = 0; t < trials; t++) {
                double total = 0;
                for (int chunk = 0; chunk < chunks.count; chunk++) {
                    total += partial[chunk][t];
                }
                potentials[t] = total;
            }
            return potentials;
        }
    }

    /** The rows {@code [from, to)} whose distance went down with the new centre have it as their nearest now. */
    private static void takeNearest(final int from, final int to, final double[] before, final double[] now,
        final int[] nearest, final int centre) {
        for (int i = from; i < to; i++) {
            if (now[i] < before[i]) {
                nearest[i] = centre;
            }
        }
    }

    /** One task's work space for a pass: a block's columns and a buffer of one value per block row. */
    private static final class Workspace {
        final BlockColumns block;
        final double[] values = new double[RowChunks.BLOCK];

        Workspace(final int d) {
            block = new BlockColumns(d);
        }
    }

    /**
     * For the rows {@code [from, to)}: each row's squared distance to its nearest centre if each candidate joined the
     * centres (the distances to the candidates computed over the block's columns, see {@link BlockColumns}); adds
     * them to the chunk's per-candidate sums.
     */
    private static void candidateBlock(final double[] x, final int from, final int to, final int[] offsets,
        final double[] best, final double[][] distances, final double[] sums, final BlockColumns block,
        final double[] squared) {
        for (int t = 0; t < offsets.length; t++) {
            block.squaredDistances(x, offsets[t], squared);
            sums[t] = lowerTo(from, to, squared, best, distances[t], sums[t]);
        }
    }

    /**
     * @return {@code sum} plus {@code min(best, squared)} of the rows {@code [from, to)}, added in order and stored in
     *         {@code out}
     */
    private static double lowerTo(final int from, final int to, final double[] squared, final double[] best,
        final double[] out, final double sum) {
        double s = sum;
        for (int i = from; i < to; i++) {
            final double v = Math.min(best[i], squared[i - from]);
            out[i] = v;
            s += v;
        }
        return s;
    }

    /** Running sums of {@code values} in order, into {@code out} (numpy's cumsum). */
    private static void prefixSums(final double[] values, final double[] out) {
        double running = 0;
        for (int i = 0; i < values.length; i++) {
            running += values[i];
            out[i] = running;
        }
    }

    /**
     * @return the first row whose cumulative weight exceeds {@code value} (numpy's searchsorted, clipped to the last
     *         row with positive weight)
     */
    private static int draw(final double[] cumulative, final double value) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            final int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > value) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        // Rounding can put value at or past the total: step back to a row that has weight.
        while (lo > 0 && cumulative[lo] == cumulative[lo - 1]) {
            lo--;
        }
        return lo;
    }

    /**
     * @param points the rows
     * @param k the number of centres
     * @param random the generator of this restart
     * @return k distinct rows chosen uniformly at random, as k × d centres (scikit-learn's {@code init="random"})
     */
    static double[] random(final Points points, final int k, final SplittableRandom random) {
        final int n = points.n;
        final int d = points.d;
        final int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        final double[] centres = new double[k * d];
        for (int c = 0; c < k; c++) { // partial Fisher-Yates shuffle
            final int pick = c + random.nextInt(n - c);
            final int tmp = order[c];
            order[c] = order[pick];
            order[pick] = tmp;
            System.arraycopy(points.x, order[c] * d, centres, c * d, d);
        }
        return centres;
    }

    /** Sums per chunk, then the chunk sums in order: the same total for any number of threads. */
    static double sumInChunks(final double[] values, final RowChunks chunks) {
        final double[] partial = new double[chunks.count];
        chunks.forEach((chunk, from, to) -> {
            double s = 0;
            for (int b = from; b < to; b += RowChunks.BLOCK) {
                s = addBlock(s, values, b, Math.min(to, b + RowChunks.BLOCK));
            }
            partial[chunk] = s;
        });
        double total = 0;
        for (final double p : partial) {
            total += p;
        }
        return total;
    }

    /** @return {@code s} plus the values {@code [from, to)}, added in order */
    private static double addBlock(final double s, final double[] values, final int from, final int to) {
        double sum = s;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum;
    }
}
