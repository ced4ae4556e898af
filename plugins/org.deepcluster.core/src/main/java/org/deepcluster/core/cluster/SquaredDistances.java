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
     * {@link #compute} for two rows at once (a 2 rows × 4 centres tile): each centre value loaded serves both rows and
     * the eight independent sums keep more of the CPU busy. Every sum still runs over the features in order, so the
     * values equal {@link #compute}'s bit for bit.
     *
     * @param x the rows (flat); @param rowA where the first row starts; @param rowB where the second starts
     * @param d the row length; @param centres the centres (flat); @param offsets where each starts
     * @param count how many centres; @param outA receives the first row's distances; @param outB the second's
     */
    static void compute2(final double[] x, final int rowA, final int rowB, final int d, final double[] centres,
        final int[] offsets, final int count, final double[] outA, final double[] outB) {
        int c = 0;
        for (; c + 3 < count; c += 4) {
            final int o0 = offsets[c];
            final int o1 = offsets[c + 1];
            final int o2 = offsets[c + 2];
            final int o3 = offsets[c + 3];
            double a0 = 0;
            double a1 = 0;
            double a2 = 0;
            double a3 = 0;
            double b0 = 0;
            double b1 = 0;
            double b2 = 0;
            double b3 = 0;
            for (int j = 0; j < d; j++) {
                final double va = x[rowA + j];
                final double vb = x[rowB + j];
                final double c0 = centres[o0 + j];
                final double c1 = centres[o1 + j];
                final double c2 = centres[o2 + j];
                final double c3 = centres[o3 + j];
                final double ea0 = va - c0;
                final double ea1 = va - c1;
                final double ea2 = va - c2;
                final double ea3 = va - c3;
                final double eb0 = vb - c0;
                final double eb1 = vb - c1;
                final double eb2 = vb - c2;
                final double eb3 = vb - c3;
                a0 += ea0 * ea0;
                a1 += ea1 * ea1;
                a2 += ea2 * ea2;
                a3 += ea3 * ea3;
                b0 += eb0 * eb0;
                b1 += eb1 * eb1;
                b2 += eb2 * eb2;
                b3 += eb3 * eb3;
            }
            outA[c] = a0;
            outA[c + 1] = a1;
            outA[c + 2] = a2;
            outA[c + 3] = a3;
            outB[c] = b0;
            outB[c + 1] = b1;
            outB[c + 2] = b2;
            outB[c + 3] = b3;
        }
        for (; c + 1 < count; c += 2) {
            final int o0 = offsets[c];
            final int o1 = offsets[c + 1];
            double a0 = 0;
            double a1 = 0;
            double b0 = 0;
            double b1 = 0;
            for (int j = 0; j < d; j++) {
                final double va = x[rowA + j];
                final double vb = x[rowB + j];
                final double c0 = centres[o0 + j];
                final double c1 = centres[o1 + j];
                final double ea0 = va - c0;
                final double ea1 = va - c1;
                final double eb0 = vb - c0;
                final double eb1 = vb - c1;
                a0 += ea0 * ea0;
                a1 += ea1 * ea1;
                b0 += eb0 * eb0;
                b1 += eb1 * eb1;
            }
            outA[c] = a0;
            outA[c + 1] = a1;
            outB[c] = b0;
            outB[c + 1] = b1;
        }
        for (; c < count; c++) {
            final int o = offsets[c];
            double a = 0;
            double b = 0;
            for (int j = 0; j < d; j++) {
                final double ea = x[rowA + j] - centres[o + j];
                final double eb = x[rowB + j] - centres[o + j];
                a += ea * ea;
                b += eb * eb;
            }
            outA[c] = a;
            outB[c] = b;
        }
    }
}
