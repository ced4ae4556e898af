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

    /**
     * Up to this many values (rows × features; 8M = 64 MB) the seeding works on a column-major copy of the rows
     * ({@link ColumnCopy}), made once and read by every round; beyond, each round copies small blocks of rows into
     * columns again ({@link BlockColumns}), so that large inputs do not need twice their memory. Why a copy at all:
     * see {@link ColumnCopy}.
     */
    private static final long COLUMN_COPY_LIMIT = 1L << 23;

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
        return kMeansPlusPlus(points, k, random, afterCentre, COLUMN_COPY_LIMIT);
    }

    /** As above; a column copy is made only up to {@code columnCopyLimit} values (tests compare both ways). */
    static double[] kMeansPlusPlus(final Points points, final int k, final SplittableRandom random,
        final IntConsumer afterCentre, final long columnCopyLimit) {
        final int n = points.n;
        final int d = points.d;
        final int trials = 2 + (int)Math.log(k);
        final RowChunks chunks = new RowChunks(n);
        final double[] centres = new double[k * d];
        int chosen = random.nextInt(n);
        System.arraycopy(points.x, chosen * d, centres, 0, d);
        final CandidatePass pass = (long)n * d <= columnCopyLimit ? new OnColumnCopy(points, chunks)
            : new OnBlocks(points, chunks);
        double[] closest = new double[n];
        final double[] norms = new double[n]; // squared norms, once: the candidate passes need them 2 + ln k times
        pass.firstCentre(chosen * d, closest, norms);
        double potential = sumInChunks(closest, chunks);
        final double[] cumulative = new double[n];
        final double[][] candidateDistances = new double[trials][n];
        final int[] candidates = new int[trials];
        final double[] candidatePotential = new double[trials];
        final int[] offsets = new int[trials];
        final double[] candidateNorms = new double[trials];
        afterCentre.accept(1);
        for (int c = 1; c < k; c++) {
            prefixSums(closest, cumulative);
            for (int t = 0; t < trials; t++) {
                candidates[t] = draw(cumulative, random.nextDouble() * potential);
                offsets[t] = candidates[t] * d;
                candidateNorms[t] = norms[candidates[t]];
            }
            // One pass over the rows for all candidates (each part of the rows is read once and serves every
            // candidate), with scikit-learn's |x|² + |c|² - 2 x·c: sampling weights need no more precision than that.
            final double[][] partial = pass.candidates(offsets, norms, candidateNorms, closest, candidateDistances);
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
            // The winner's distances become the new "closest"; the old array is reused as a candidate buffer.
            final double[] previous = closest;
            closest = candidateDistances[winner];
            candidateDistances[winner] = previous;
            chosen = candidates[winner];
            System.arraycopy(points.x, chosen * d, centres, c * d, d);
            afterCentre.accept(c + 1);
        }
        return centres;
    }

    /**
     * The passes over all rows that k-means++ makes, computed from a column layout of the rows (see
     * {@link ColumnCopy}); two implementations that give identical numbers.
     */
    private interface CandidatePass {
        /**
         * @param offset where the first centre starts in the rows' flat array
         * @param distances receives each row's squared distance to the first centre
         * @param norms receives each row's squared norm
         */
        void firstCentre(int offset, double[] distances, double[] norms);

        /**
         * @param offsets per candidate, where it starts in the rows' flat array
         * @param norms the rows' squared norms
         * @param candidateNorms the candidates' squared norms
         * @param best each row's squared distance to its nearest centre so far
         * @param distances receives per candidate each row's squared distance to its nearest centre if the candidate
         *            joined the centres
         * @return per chunk, per candidate, the sum of those distances over the chunk's rows
         */
        double[][] candidates(int[] offsets, double[] norms, double[] candidateNorms, double[] best,
            double[][] distances);
    }

    /** The passes on one column-major copy of all rows, made once. */
    private static final class OnColumnCopy implements CandidatePass {
        private final Points points;
        private final RowChunks chunks;
        private final ColumnCopy columns;

        OnColumnCopy(final Points points, final RowChunks chunks) {
            this.points = points;
            this.chunks = chunks;
            this.columns = ColumnCopy.of(points, chunks);
        }

        @Override
        public void firstCentre(final int offset, final double[] distances, final double[] norms) {
            chunks.forEach((chunk, from, to) -> {
                columns.squaredDistances(points.x, offset, from, to, distances);
                columns.squaredNorms(from, to, norms);
            });
        }

        @Override
        public double[][] candidates(final int[] offsets, final double[] norms, final double[] candidateNorms,
            final double[] best, final double[][] distances) {
            final double[][] partial = new double[chunks.count][offsets.length];
            chunks.forEach((chunk, from, to) -> {
                for (int t = 0; t < offsets.length; t++) {
                    columns.dots(points.x, offsets[t], from, to, distances[t]); // dot products, turned into distances
                    partial[chunk][t] = distancesFromDots(from, to, norms, candidateNorms[t], best, distances[t]);
                }
            });
            return partial;
        }
    }

    /** The passes on blocks of rows copied into columns again in every pass (inputs too large for a full copy). */
    private static final class OnBlocks implements CandidatePass {
        private final Points points;
        private final RowChunks chunks;

        OnBlocks(final Points points, final RowChunks chunks) {
            this.points = points;
            this.chunks = chunks;
        }

        @Override
        public void firstCentre(final int offset, final double[] distances, final double[] norms) {
            chunks.forEach((chunk, from, to) -> {
                final BlockColumns block = new BlockColumns(points.d);
                final double[] values = new double[RowChunks.BLOCK];
                for (int b = from; b < to; b += RowChunks.BLOCK) {
                    firstCentreBlock(points, b, Math.min(to, b + RowChunks.BLOCK), offset, distances, norms, block,
                        values);
                }
            });
        }

        @Override
        public double[][] candidates(final int[] offsets, final double[] norms, final double[] candidateNorms,
            final double[] best, final double[][] distances) {
            final double[][] partial = new double[chunks.count][offsets.length];
            chunks.forEach((chunk, from, to) -> {
                final BlockColumns block = new BlockColumns(points.d);
                final double[] dots = new double[RowChunks.BLOCK];
                for (int b = from; b < to; b += RowChunks.BLOCK) {
                    block.load(points, b, Math.min(to, b + RowChunks.BLOCK));
                    candidateBlock(points.x, b, offsets, norms, candidateNorms, best, distances, partial[chunk],
                        block, dots);
                }
            });
            return partial;
        }
    }

    /**
     * For the rows {@code [from, to)}: the squared distance to the row starting at {@code offset} and the squared
     * norm.
     */
    private static void firstCentreBlock(final Points points, final int from, final int to, final int offset,
        final double[] distances, final double[] norms, final BlockColumns block, final double[] values) {
        block.load(points, from, to);
        block.squaredDistances(points.x, offset, values);
        System.arraycopy(values, 0, distances, from, to - from);
        block.squaredNorms(values);
        System.arraycopy(values, 0, norms, from, to - from);
    }

    /**
     * For the block's rows (starting at row {@code from}): each row's squared distance to its nearest centre if each
     * candidate joined the centres, from its dot products with the candidates (computed over the block's columns, see
     * {@link BlockColumns}); adds them to the chunk's per-candidate sums.
     */
    private static void candidateBlock(final double[] x, final int from, final int[] offsets, final double[] norms,
        final double[] candidateNorms, final double[] best, final double[][] distances, final double[] sums,
        final BlockColumns block, final double[] dots) {
        final int to = from + block.count;
        for (int t = 0; t < offsets.length; t++) {
            block.dots(x, offsets[t], dots);
            sums[t] = candidateDistances(from, to, dots, norms, candidateNorms[t], best, distances[t], sums[t]);
        }
    }

    /** @return {@code sum} plus the candidate distances of the rows {@code [from, to)}, stored in {@code out} */
    private static double candidateDistances(final int from, final int to, final double[] dots, final double[] norms,
        final double candidateNorm, final double[] best, final double[] out, final double sum) {
        double s = sum;
        for (int i = from; i < to; i++) {
            final double squared = Math.max(0.0, norms[i] + candidateNorm - 2 * dots[i - from]);
            final double v = Math.min(best[i], squared);
            out[i] = v;
            s += v;
        }
        return s;
    }

    /**
     * The same as {@link #candidateDistances} for the rows {@code [from, to)} when the dot products are stored at the
     * rows' own indices: turns them in place into the distances.
     *
     * @return the sum of the distances, added in row order
     */
    private static double distancesFromDots(final int from, final int to, final double[] norms,
        final double candidateNorm, final double[] best, final double[] dotsThenDistances) {
        double s = 0;
        for (int i = from; i < to; i++) {
            final double squared = Math.max(0.0, norms[i] + candidateNorm - 2 * dotsThenDistances[i]);
            final double v = Math.min(best[i], squared);
            dotsThenDistances[i] = v;
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
