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
 * ends in measurably worse optima (see {@link KMeans}). The squared distances are computed exactly, as in the
 * iterations (scikit-learn uses |x|² + |c|² − 2 x·c, which loses precision on data far from the origin); they
 * differ from scikit-learn's only by rounding.
 */
final class KMeansSeeding {

    private KMeansSeeding() {
    }

    /**
     * @param points the rows
     * @param k the number of centres
     * @param random the generator of this restart
     * @param afterCentre called with the number of centres chosen so far (cancellation)
     * @return k × d centres, flat
     */
    static double[] kMeansPlusPlus(final Points points, final int k, final SplittableRandom random,
        final IntConsumer afterCentre) {
        final int n = points.n;
        final int d = points.d;
        final int trials = 2 + (int)Math.log(k);
        final RowChunks chunks = new RowChunks(n);
        final double[] centres = new double[k * d];
        int chosen = random.nextInt(n);
        System.arraycopy(points.x, chosen * d, centres, 0, d);
        final double[] closest0 = new double[n];
        final int first = chosen;
        chunks.forEach((chunk, from, to) -> {
            for (int b = from; b < to; b += RowChunks.BLOCK) {
                firstCentreBlock(points, b, Math.min(to, b + RowChunks.BLOCK), first, closest0);
            }
        });
        double[] closest = closest0;
        double potential = sumInChunks(closest, chunks);
        final double[] cumulative = new double[n];
        double[][] candidateDistances = new double[trials][n];
        final int[] candidates = new int[trials];
        final double[] candidatePotential = new double[trials];
        final int[] owner = new int[n]; // per row: the chosen centre it is nearest to (all start at centre 0)
        final double[] ownerToCandidate = new double[k * trials];
        final int[] offsets = new int[trials];
        final double[][] partial = new double[chunks.count][trials];
        double[] previous = null; // the "closest" of the round before, to see which rows the last centre took over
        afterCentre.accept(1);
        for (int c = 1; c < k; c++) {
            double running = 0;
            for (int i = 0; i < n; i++) {
                running += closest[i];
                cumulative[i] = running;
            }
            for (int t = 0; t < trials; t++) {
                candidates[t] = draw(cumulative, random.nextDouble() * potential);
                offsets[t] = candidates[t] * d;
            }
            for (int a = 0; a < c; a++) {
                for (int t = 0; t < trials; t++) {
                    ownerToCandidate[a * trials + t] = points.squaredDistance(candidates[t], centres, a * d);
                }
            }
            // One pass over the rows for all candidates (the rows are the large array; read them once).
            final Round round = new Round(points, offsets, closest, previous, c - 1, owner, ownerToCandidate,
                candidateDistances);
            chunks.forEach((chunk, from, to) -> {
                java.util.Arrays.fill(partial[chunk], 0.0);
                final Round.Scratch scratch = new Round.Scratch(trials);
                for (int b = from; b < to; b += RowChunks.BLOCK) {
                    round.block(b, Math.min(to, b + RowChunks.BLOCK), partial[chunk], scratch);
                }
            });
            for (int t = 0; t < trials; t++) {
                double total = 0;
                for (int chunk = 0; chunk < chunks.count; chunk++) {
                    total += partial[chunk][t];
                }
                candidatePotential[t] = total;
            }
            int winner = 0;
            for (int t = 1; t < trials; t++) {
                if (candidatePotential[t] < candidatePotential[winner]) {
                    winner = t;
                }
            }
            potential = candidatePotential[winner];
            // The winner's distances become the new "closest"; the old array is reused as a candidate buffer (and
            // read once more in the next round, before it is overwritten, to update the owners).
            previous = closest;
            closest = candidateDistances[winner];
            candidateDistances[winner] = previous;
            chosen = candidates[winner];
            System.arraycopy(points.x, chosen * d, centres, c * d, d);
            afterCentre.accept(c + 1);
        }
        return centres;
    }

    /** For the rows {@code [from, to)}: the squared distance to row {@code first}. */
    private static void firstCentreBlock(final Points points, final int from, final int to, final int first,
        final double[] distances) {
        for (int i = from; i < to; i++) {
            distances[i] = points.squaredDistance(i, first);
        }
    }

    /**
     * One round of candidate evaluation: for each row and candidate, the row's squared distance to its nearest centre
     * if the candidate joined the centres, and per chunk their sums (the candidates' potentials).
     *
     * <p>Rows far from every candidate are skipped: if a candidate is at least twice as far from the row's nearest
     * chosen centre as the row is, it cannot be nearer to the row than that centre (triangle inequality), and the
     * row's distance stays. On separated clusters this skips the rows of every cluster that already has a centre.
     * The test keeps a relative margin far above the rounding of the distances, so skipping changes no value.
     */
    private static final class Round {
        /** (2 × (1 + 5e-10))²: a candidate this many times the row's squared distance away cannot be nearer. */
        private static final double FAR = 4 * (1 + 1e-9);

        private final Points points;
        private final int[] offsets;
        private final double[] closest;
        private final double[] previous;
        private final int last;
        private final int[] owner;
        private final double[] ownerToCandidate;
        private final double[][] distances;

        /** Per-thread working space. */
        static final class Scratch {
            final double[] first;
            final double[] second;
            final int[] pending = new int[RowChunks.BLOCK];

            Scratch(final int trials) {
                first = new double[trials];
                second = new double[trials];
            }
        }

        /**
         * @param closest per row the squared distance to the nearest chosen centre
         * @param previous {@code closest} before centre {@code last} was chosen (null in the first round); rows whose
         *            distance dropped now belong to centre {@code last}. May be one of {@code distances}: each row
         *            reads it before its own entries are written
         * @param owner per row the nearest chosen centre; updated
         * @param ownerToCandidate squared distance from chosen centre a to candidate t at {@code a × trials + t}
         * @param distances receives per candidate and row the new squared distance
         */
        Round(final Points points, final int[] offsets, final double[] closest, final double[] previous,
            final int last, final int[] owner, final double[] ownerToCandidate, final double[][] distances) {
            this.points = points;
            this.offsets = offsets;
            this.closest = closest;
            this.previous = previous;
            this.last = last;
            this.owner = owner;
            this.ownerToCandidate = ownerToCandidate;
            this.distances = distances;
        }

        /** The rows {@code [from, to)} (at most one {@link RowChunks#BLOCK}); adds to {@code sums} in row order. */
        void block(final int from, final int to, final double[] sums, final Scratch scratch) {
            final int trials = offsets.length;
            final int[] pending = scratch.pending;
            int count = 0;
            for (int i = from; i < to; i++) {
                if (previous != null && closest[i] < previous[i]) {
                    owner[i] = last;
                }
                final double own = closest[i];
                final int base = owner[i] * trials;
                boolean far = true;
                final double bound = FAR * own;
                for (int t = 0; t < trials && far; t++) {
                    far = ownerToCandidate[base + t] >= bound;
                }
                if (far) {
                    for (int t = 0; t < trials; t++) {
                        distances[t][i] = own;
                    }
                } else {
                    pending[count++] = i;
                }
            }
            final int d = points.d;
            final double[] first = scratch.first;
            final double[] second = scratch.second;
            int p = 0;
            for (; p + 1 < count; p += 2) { // two rows at a time, see SquaredDistances#compute2
                final int i = pending[p];
                final int j = pending[p + 1];
                SquaredDistances.compute2(points.x, i * d, j * d, d, points.x, offsets, trials, first, second);
                candidateDistances(i, first);
                candidateDistances(j, second);
            }
            if (p < count) {
                final int i = pending[p];
                SquaredDistances.compute2(points.x, i * d, i * d, d, points.x, offsets, trials, first, second);
                candidateDistances(i, first);
            }
            for (int t = 0; t < trials; t++) {
                final double[] column = distances[t];
                double sum = sums[t];
                for (int i = from; i < to; i++) {
                    sum += column[i];
                }
                sums[t] = sum;
            }
        }

        /** Row {@code i}'s squared distance to its nearest centre if each candidate joined. */
        private void candidateDistances(final int i, final double[] squared) {
            for (int t = 0; t < squared.length; t++) {
                distances[t][i] = Math.min(closest[i], squared[t]);
            }
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
