package org.deepcluster.core.cluster;

/**
 * Squared Euclidean distances from two rows to several centres, in tiles of 2 rows × 4 centres: each centre value
 * loaded serves both rows, each row value serves four centres, and the eight independent sums keep the CPU's pipelines
 * full (one sum per centre would wait on its own additions). Each sum still runs over the features in order, so the
 * values equal {@link Points#squaredDistance} bit for bit.
 *
 * <p>Why the tiles are separate methods: callers may use different numbers of centres (k-means++ used this kernel
 * with {@code 2 + ln k} candidates before it moved to {@link BlockColumns}). In one method with a remainder loop, the
 * JIT compiles the shape seen first (e.g. four candidates, no remainder) and throws the compiled code away when the
 * other shape arrives; measured, the kernel then ran in the slow profiling tier through the whole second fit. Each
 * tile method always runs the same shape, so it is compiled once.
 */
final class SquaredDistances {

    private SquaredDistances() {
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
     * @param x the rows (flat); @param rowA where the first row starts; @param rowB where the second starts (may equal
     *            rowA for a single row)
     * @param d the row length; @param centres the centres (flat); @param offsets where each starts
     * @param count how many centres (a prefix of {@code offsets}); @param outA receives the first row's distances;
     * @param outB the second's
     */
    static void compute2(final double[] x, final int rowA, final int rowB, final int d, final double[] centres,
        final int[] offsets, final int count, final double[] outA, final double[] outB) {
        int c = 0;
        for (; c + 3 < count; c += 4) {
            tile4(x, rowA, rowB, d, centres, offsets[c], offsets[c + 1], offsets[c + 2], offsets[c + 3], outA, outB,
                c);
        }
        for (; c < count; c++) {
            tile1(x, rowA, rowB, d, centres, offsets[c], outA, outB, c);
        }
    }

    /** Two rows against the four centres at {@code o0..o3}; results at {@code at..at + 3}. */
    private static void tile4(final double[] x, final int rowA, final int rowB, final int d, final double[] centres,
        final int o0, final int o1, final int o2, final int o3, final double[] outA, final double[] outB,
        final int at) {
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
        outA[at] = a0;
        outA[at + 1] = a1;
        outA[at + 2] = a2;
        outA[at + 3] = a3;
        outB[at] = b0;
        outB[at + 1] = b1;
        outB[at + 2] = b2;
        outB[at + 3] = b3;
    }

    /** Two rows against the centre at {@code o}; results at {@code at}. */
    private static void tile1(final double[] x, final int rowA, final int rowB, final int d, final double[] centres,
        final int o, final double[] outA, final double[] outB, final int at) {
        double a = 0;
        double b = 0;
        for (int j = 0; j < d; j++) {
            final double cv = centres[o + j];
            final double ea = x[rowA + j] - cv;
            final double eb = x[rowB + j] - cv;
            a += ea * ea;
            b += eb * eb;
        }
        outA[at] = a;
        outB[at] = b;
    }
}
