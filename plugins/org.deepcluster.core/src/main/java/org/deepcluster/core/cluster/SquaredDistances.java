package org.deepcluster.core.cluster;

/**
 * Squared Euclidean distances from one row to several centres, four centres per pass over the row: the row's values
 * are loaded once for four independent sums, which keeps the CPU's pipelines full (one sum per centre would wait on
 * its own additions). Each sum still runs over the features in order, so the values equal
 * {@link Points#squaredDistance} bit for bit.
 */
final class SquaredDistances {

    private SquaredDistances() {
    }

    /**
     * @param x the rows (flat); @param row where the row starts in {@code x}; @param d its length
     * @param centres the centres (flat, d values each); @param offsets where each centre starts in {@code centres}
     * @param count how many centres (a prefix of {@code offsets})
     * @param out receives the squared distance to each centre
     */
    static void compute(final double[] x, final int row, final int d, final double[] centres, final int[] offsets,
        final int count, final double[] out) {
        int c = 0;
        for (; c + 3 < count; c += 4) {
            final int o0 = offsets[c];
            final int o1 = offsets[c + 1];
            final int o2 = offsets[c + 2];
            final int o3 = offsets[c + 3];
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int j = 0; j < d; j++) {
                final double v = x[row + j];
                final double e0 = v - centres[o0 + j];
                final double e1 = v - centres[o1 + j];
                final double e2 = v - centres[o2 + j];
                final double e3 = v - centres[o3 + j];
                s0 += e0 * e0;
                s1 += e1 * e1;
                s2 += e2 * e2;
                s3 += e3 * e3;
            }
            out[c] = s0;
            out[c + 1] = s1;
            out[c + 2] = s2;
            out[c + 3] = s3;
        }
        for (; c < count; c++) {
            final int o = offsets[c];
            double s = 0;
            for (int j = 0; j < d; j++) {
                final double e = x[row + j] - centres[o + j];
                s += e * e;
            }
            out[c] = s;
        }
    }

    /** @param k the number of centres; @param d their length; @return the offsets 0, d, 2d, ... */
    static int[] offsets(final int k, final int d) {
        final int[] offsets = new int[k];
        for (int c = 0; c < k; c++) {
            offsets[c] = c * d;
        }
        return offsets;
    }

    /**
     * Dot products of one row with several centres, four per pass (same layout as {@link #compute}). With precomputed
     * squared norms, {@code |x|² + |c|² - 2 x·c} is a squared distance at half the cost of {@link #compute}, but with
     * rounding error relative to the norms: used only where approximate distances suffice (k-means++ sampling).
     *
     * @param x the rows (flat); @param row where the row starts in {@code x}; @param d its length
     * @param centres the centres (flat); @param offsets where each starts; @param count how many
     * @param out receives the dot product with each centre
     */
    static void dots(final double[] x, final int row, final int d, final double[] centres, final int[] offsets,
        final int count, final double[] out) {
        int c = 0;
        for (; c + 3 < count; c += 4) {
            final int o0 = offsets[c];
            final int o1 = offsets[c + 1];
            final int o2 = offsets[c + 2];
            final int o3 = offsets[c + 3];
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int j = 0; j < d; j++) {
                final double v = x[row + j];
                s0 += v * centres[o0 + j];
                s1 += v * centres[o1 + j];
                s2 += v * centres[o2 + j];
                s3 += v * centres[o3 + j];
            }
            out[c] = s0;
            out[c + 1] = s1;
            out[c + 2] = s2;
            out[c + 3] = s3;
        }
        for (; c < count; c++) {
            final int o = offsets[c];
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += x[row + j] * centres[o + j];
            }
            out[c] = s;
        }
    }
}
