package org.deepcluster.core.cluster;

/**
 * A block of at most {@link #SIZE} rows copied column by column (one array per feature, row {@code p} of the
 * block at index {@code p}), so that distances of the whole block to one centre run as loops over the rows.
 *
 * <p>Why: the JIT (C2, Java 17) turns a loop into SIMD instructions only when its arrays are indexed by the loop
 * variable alone; a row-major loop over the features ({@code x[row + j] - c[o + j]}) stays scalar. The loops here are
 * {@code acc[p] += (col[p] - c_j)²}, over the features {@code j = 0..d-1} in order, so each row's sum is built in the
 * same order as {@link Points#squaredDistance} and equals it bit for bit. One copy serves every candidate the block
 * is compared with.
 *
 * <p>Engine-internal (public only for the Gaussian mixture's E-step in {@code cluster.mixture}, which runs its
 * log-densities on the same blocks: after the k-means initialisation these loops are compiled already, which made the
 * mixture's second fit in a fresh JVM about a quarter faster).
 */
public final class BlockColumns {

    /** The most rows a block holds. */
    public static final int SIZE = RowChunks.BLOCK;

    /** {@code d} arrays of {@link #SIZE}: feature {@code j} of the block's row {@code p} at [j][p]. */
    private final double[][] columns;
    private final int d;
    /** The number of rows loaded. */
    int count;

    /** The shift of the last rows of {@link #load(Points, int, int)}: none (x − 0.0 is x, bit for bit, also −0.0). */
    private final double[] zeros;

    /** @param d the number of features */
    public BlockColumns(final int d) {
        this.d = d;
        this.columns = new double[d][RowChunks.BLOCK];
        this.zeros = new double[d];
    }

    /** @return the number of rows loaded */
    public int count() {
        return count;
    }

    /** Loads the rows {@code [from, to)} (at most {@link #SIZE}). */
    void load(final Points points, final int from, final int to) {
        count = to - from;
        final double[] x = points.x;
        int i = from;
        for (; i + 3 < to; i += 4) {
            loadRows4(x, i * d, i - from);
        }
        for (; i < to; i++) {
            loadRow(x, zeros, i * d, i - from);
        }
    }

    /**
     * Loads the rows {@code [from, to)} (at most {@link #SIZE}) of a flat row-major array with {@code d} columns,
     * each value minus its column's {@code shift}.
     */
    public void load(final double[] x, final double[] shift, final int from, final int to) {
        count = to - from;
        int i = from;
        for (; i + 3 < to; i += 4) {
            loadShiftedRows4(x, shift, i * d, i - from);
        }
        for (; i < to; i++) {
            loadRow(x, shift, i * d, i - from);
        }
    }

    /**
     * Four rows at a time: each column array is fetched once per four values instead of once per value (measured: a
     * pass over 100,000 × 32 rows 2.4–3.0 ms instead of 2.8–4.1 ms on one thread). Without a shift: the subtraction
     * of zeros made the k-means++ passes' transposition 5–10 % slower (2.34–2.85 vs 2.59–3.08 ms per 100,000 rows).
     */
    private void loadRows4(final double[] x, final int start, final int p) {
        final int s1 = start + d;
        final int s2 = s1 + d;
        final int s3 = s2 + d;
        for (int j = 0; j < d; j++) {
            final double[] column = columns[j];
            column[p] = x[start + j];
            column[p + 1] = x[s1 + j];
            column[p + 2] = x[s2 + j];
            column[p + 3] = x[s3 + j];
        }
    }

    private void loadShiftedRows4(final double[] x, final double[] shift, final int start, final int p) {
        final int s1 = start + d;
        final int s2 = s1 + d;
        final int s3 = s2 + d;
        for (int j = 0; j < d; j++) {
            final double[] column = columns[j];
            final double sj = shift[j];
            column[p] = x[start + j] - sj;
            column[p + 1] = x[s1 + j] - sj;
            column[p + 2] = x[s2 + j] - sj;
            column[p + 3] = x[s3 + j] - sj;
        }
    }

    private void loadRow(final double[] x, final double[] shift, final int start, final int p) {
        for (int j = 0; j < d; j++) {
            columns[j][p] = x[start + j] - shift[j];
        }
    }

    /**
     * @param centres flat centres; @param offset where the centre starts
     * @param out receives at {@code p} the squared Euclidean distance of the block's row {@code p} to the centre
     */
    public void squaredDistances(final double[] centres, final int offset, final double[] out) {
        java.util.Arrays.fill(out, 0, count, 0.0);
        int j = 0;
        for (; j + 3 < d; j += 4) {
            addSquaredDifferences4(columns[j], columns[j + 1], columns[j + 2], columns[j + 3], centres[offset + j],
                centres[offset + j + 1], centres[offset + j + 2], centres[offset + j + 3], out, count);
        }
        for (; j < d; j++) {
            addSquaredDifferences(columns[j], centres[offset + j], out, count);
        }
    }

    /**
     * @param centres flat centres; @param offset where the centre starts
     * @param weights flat per-feature weights; @param weightOffset where the centre's weights start
     * @param out receives at {@code p} the weighted squared distance Σ_j w_j (x_pj − c_j)² of the block's row
     *            {@code p}, summed over the features in order as {@code sum += e * e * w}
     */
    public void weightedSquaredDistances(final double[] centres, final int offset, final double[] weights,
        final int weightOffset, final double[] out) {
        java.util.Arrays.fill(out, 0, count, 0.0);
        int j = 0;
        for (; j + 3 < d; j += 4) {
            final int c = offset + j;
            final int w = weightOffset + j;
            addWeightedSquaredDifferences4(columns[j], columns[j + 1], columns[j + 2], columns[j + 3], centres[c],
                centres[c + 1], centres[c + 2], centres[c + 3], weights[w], weights[w + 1], weights[w + 2],
                weights[w + 3], out, count);
        }
        for (; j < d; j++) {
            addWeightedSquaredDifferences(columns[j], centres[offset + j], weights[weightOffset + j], out, count);
        }
    }

    // The kernels: every array indexed by p alone, so C2 vectorises them (measured: the k-means++ seeding about 1.8x
    // slower with -XX:-UseSuperWord). Four features per pass keep the running sum in a register for four additions
    // instead of loading and storing it for each; the additions still come one feature after the other, in order.

    private static void addSquaredDifferences4(final double[] x0, final double[] x1, final double[] x2,
        final double[] x3, final double c0, final double c1, final double c2, final double c3, final double[] acc,
        final int count) {
        for (int p = 0; p < count; p++) {
            final double e0 = x0[p] - c0;
            final double e1 = x1[p] - c1;
            final double e2 = x2[p] - c2;
            final double e3 = x3[p] - c3;
            acc[p] = acc[p] + e0 * e0 + e1 * e1 + e2 * e2 + e3 * e3;
        }
    }

    private static void addSquaredDifferences(final double[] column, final double c, final double[] acc,
        final int count) {
        for (int p = 0; p < count; p++) {
            final double e = column[p] - c;
            acc[p] += e * e;
        }
    }

    private static void addWeightedSquaredDifferences4(final double[] x0, final double[] x1, final double[] x2,
        final double[] x3, final double c0, final double c1, final double c2, final double c3, final double w0,
        final double w1, final double w2, final double w3, final double[] acc, final int count) {
        for (int p = 0; p < count; p++) {
            final double e0 = x0[p] - c0;
            final double e1 = x1[p] - c1;
            final double e2 = x2[p] - c2;
            final double e3 = x3[p] - c3;
            acc[p] = acc[p] + e0 * e0 * w0 + e1 * e1 * w1 + e2 * e2 * w2 + e3 * e3 * w3;
        }
    }

    private static void addWeightedSquaredDifferences(final double[] column, final double c, final double w,
        final double[] acc, final int count) {
        for (int p = 0; p < count; p++) {
            final double e = column[p] - c;
            acc[p] += e * e * w;
        }
    }
}
