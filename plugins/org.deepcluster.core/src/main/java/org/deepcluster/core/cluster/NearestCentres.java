package org.deepcluster.core.cluster;

/**
 * The E-step of k-means: each row's nearest centre and its squared distance, with a skip test that makes most rows
 * cost one distance instead of k once the labels have settled.
 *
 * <p>The skip test (Hamerly's, 2010, for the centre a row had before): if the row is closer to its previous centre
 * {@code a} than half the distance from {@code a} to the nearest other centre, no other centre can be nearer (triangle
 * inequality), so the label stays {@code a} without computing the other k - 1 distances. The comparison keeps a
 * relative margin of {@link #MARGIN}, far above the rounding of the computed distances (about d × 1e-16), so a skipped
 * row gets exactly the label and distance the full computation would give: results equal plain Lloyd's bit for bit.
 * Rows that fail the test (and every row when there is no previous label) get all k distances, two rows at a time.
 */
final class NearestCentres {

    /** Relative safety margin of the skip test; see the class comment. */
    private static final double MARGIN = 1e-9;

    private final Points points;
    private final int k;
    private final int[] offsets;
    private final double[] centres;
    /** Per centre: a squared distance below which a row whose previous label is that centre keeps it. */
    private final double[] keepBelow;

    /**
     * @param points the rows
     * @param centres the centres (k × d, flat; not copied, must not change while this object is used)
     * @param k the number of centres
     */
    NearestCentres(final Points points, final double[] centres, final int k) {
        this.points = points;
        this.k = k;
        this.centres = centres;
        this.offsets = SquaredDistances.offsets(k, points.d);
        this.keepBelow = keepBelow(centres, k, points.d);
    }

    /** Per centre: (1 - margin) × (half the distance to the nearest other centre)²; 0 when two centres coincide. */
    private static double[] keepBelow(final double[] centres, final int k, final int d) {
        final double[] nearestOther = new double[k];
        java.util.Arrays.fill(nearestOther, Double.POSITIVE_INFINITY);
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                double sum = 0;
                for (int f = 0; f < d; f++) {
                    final double diff = centres[a * d + f] - centres[b * d + f];
                    sum += diff * diff;
                }
                nearestOther[a] = Math.min(nearestOther[a], sum);
                nearestOther[b] = Math.min(nearestOther[b], sum);
            }
        }
        final double[] keep = new double[k];
        for (int a = 0; a < k; a++) {
            keep[a] = nearestOther[a] / 4 * (1 - MARGIN); // k = 1: infinite, every row keeps centre 0
        }
        return keep;
    }

    /** Per-thread working space of {@link #block}. */
    static final class Scratch {
        final double[] first;
        final double[] second;
        final int[] pending = new int[RowChunks.BLOCK];

        /** @param k the number of centres */
        Scratch(final int k) {
            first = new double[k];
            second = new double[k];
        }
    }

    /**
     * Labels the rows {@code [from, to)} (at most {@link RowChunks#BLOCK} of them) with their nearest centre; ties go
     * to the lower index.
     *
     * @param previous per row the label from the previous E-step, or -1 (null: none for any row); only read
     * @param outLabels receives the label of row {@code i} at {@code i - base}
     * @param base see above
     * @param squared receives at {@code i} the squared distance of row {@code i} to its centre
     * @param scratch this thread's working space
     */
    void block(final int from, final int to, final int[] previous, final int[] outLabels, final int base,
        final double[] squared, final Scratch scratch) {
        final int[] pending = scratch.pending;
        int count = 0;
        for (int i = from; i < to; i++) {
            final int a = previous == null ? -1 : previous[i];
            if (a >= 0) {
                final double s = points.squaredDistance(i, centres, offsets[a]);
                if (s < keepBelow[a]) {
                    outLabels[i - base] = a;
                    squared[i] = s;
                    continue;
                }
            }
            pending[count++] = i;
        }
        final int d = points.d;
        final double[] first = scratch.first;
        final double[] second = scratch.second;
        int p = 0;
        for (; p + 1 < count; p += 2) { // a 2 rows × 4 centres tile, see SquaredDistances#compute2
            final int i = pending[p];
            final int j = pending[p + 1];
            SquaredDistances.compute2(points.x, i * d, j * d, d, centres, offsets, k, first, second);
            final int a = nearest(first, k);
            final int b = nearest(second, k);
            outLabels[i - base] = a;
            squared[i] = first[a];
            outLabels[j - base] = b;
            squared[j] = second[b];
        }
        if (p < count) {
            final int i = pending[p];
            SquaredDistances.compute2(points.x, i * d, i * d, d, centres, offsets, k, first, second); // one row
            final int a = nearest(first, k);
            outLabels[i - base] = a;
            squared[i] = first[a];
        }
    }

    /**
     * Labels all rows, in parallel chunks.
     *
     * @param chunks the row chunks
     * @param previous per row a previous label or -1, or null; may be the same array as {@code labels}
     * @param labels receives every row's label
     * @param squared receives every row's squared distance to its centre
     */
    void all(final RowChunks chunks, final int[] previous, final int[] labels, final double[] squared) {
        chunks.forEach((chunk, from, to) -> {
            final Scratch scratch = new Scratch(k);
            for (int b = from; b < to; b += RowChunks.BLOCK) {
                block(b, Math.min(to, b + RowChunks.BLOCK), previous, labels, 0, squared, scratch);
            }
        });
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
}
