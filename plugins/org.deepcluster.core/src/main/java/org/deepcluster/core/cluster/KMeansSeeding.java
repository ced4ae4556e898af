package org.deepcluster.core.cluster;

import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
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
        final RowChunks chunks = new RowChunks(n, d);
        final double[] centres = new double[k * d];
        int chosen = random.nextInt(n);
        System.arraycopy(points.x, chosen * d, centres, 0, d);
        final double[] closest0 = new double[n];
        final double[] norms = new double[n]; // squared norms, once: the candidate passes need them 2 + ln k times
        final int first = chosen;
        // Each pass copies every block of rows into columns again (BlockColumns) instead of keeping a copy of the
        // data: keeping the blocks (tried up to 1M values) was faster in single-thread steady state, but its
        // allocation (2.7 MB of small arrays per 10,000 × 32 fit) caused a young collection every other fit,
        // 7-19 ms each. The work space (a block's columns and a buffer) comes from a pool shared by the passes'
        // tasks: one per thread instead of one per chunk and round (at 100,000 rows that was 16 MB of garbage per
        // fit).
        final Queue<Workspace> pool = new ConcurrentLinkedQueue<>();
        chunks.forEach((chunk, from, to) -> {
            final Workspace work = Workspace.take(pool, d);
            for (int b = from; b < to; b += RowChunks.BLOCK) {
                firstCentreBlock(points, b, Math.min(to, b + RowChunks.BLOCK), first, closest0, norms, work.block,
                    work.values);
            }
            pool.offer(work);
        });
        double[] closest = closest0;
        double potential = sumInChunks(closest, chunks);
        final double[] cumulative = new double[n];
        double[][] candidateDistances = new double[trials][n];
        final int[] candidates = new int[trials];
        final double[] candidatePotential = new double[trials];
        afterCentre.accept(1);
        for (int c = 1; c < k; c++) {
            prefixSums(closest, cumulative);
            for (int t = 0; t < trials; t++) {
                candidates[t] = draw(cumulative, random.nextDouble() * potential);
            }
            // One pass over the rows for all candidates (the rows are the large array; each block is read once, as
            // columns, and serves every candidate), with scikit-learn's |x|² + |c|² - 2 x·c: sampling weights need no
            // more precision than that.
            final double[] best = closest;
            final double[][] distances = candidateDistances;
            final int[] offsets = new int[trials];
            for (int t = 0; t < trials; t++) {
                offsets[t] = candidates[t] * d;
            }
            final double[] candidateNorms = new double[trials];
            for (int t = 0; t < trials; t++) {
                candidateNorms[t] = norms[candidates[t]];
            }
            final double[][] partial = new double[chunks.count][trials];
            chunks.forEach((chunk, from, to) -> {
                final Workspace work = Workspace.take(pool, d);
                for (int b = from; b < to; b += RowChunks.BLOCK) {
                    final int end = Math.min(to, b + RowChunks.BLOCK);
                    work.block.load(points, b, end);
                    candidateBlock(points.x, b, end, offsets, norms, candidateNorms, best, distances, partial[chunk],
                        work.block, work.values);
                }
                pool.offer(work);
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
            // The winner's distances become the new "closest"; the old array is reused as a candidate buffer.
            closest = candidateDistances[winner];
            candidateDistances[winner] = best;
            chosen = candidates[winner];
            System.arraycopy(points.x, chosen * d, centres, c * d, d);
            afterCentre.accept(c + 1);
        }
        return centres;
    }

    /** One thread's work space for the passes: a block's columns and a buffer of one value per block row. */
    private static final class Workspace {
        final BlockColumns block;
        final double[] values = new double[RowChunks.BLOCK];

        private Workspace(final int d) {
            block = new BlockColumns(d);
        }

        /** @return a work space from the pool, or a new one when all are in use */
        static Workspace take(final Queue<Workspace> pool, final int d) {
            final Workspace w = pool.poll();
            return w != null ? w : new Workspace(d);
        }
    }

    /** For the rows {@code [from, to)}: the squared distance to row {@code first} and the squared norm. */
    private static void firstCentreBlock(final Points points, final int from, final int to, final int first,
        final double[] distances, final double[] norms, final BlockColumns block, final double[] values) {
        block.load(points, from, to);
        block.squaredDistances(points.x, first * points.d, values);
        System.arraycopy(values, 0, distances, from, to - from);
        block.squaredNorms(values);
        System.arraycopy(values, 0, norms, from, to - from);
    }

    /**
     * For the rows {@code [from, to)}: each row's squared distance to its nearest centre if each candidate joined the
     * centres, from its dot products with the candidates (computed over the block's columns, see
     * {@link BlockColumns}); adds them to the chunk's per-candidate sums.
     */
    private static void candidateBlock(final double[] x, final int from, final int to, final int[] offsets,
        final double[] norms,
        final double[] candidateNorms, final double[] best, final double[][] distances, final double[] sums,
        final BlockColumns block, final double[] dots) {
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
