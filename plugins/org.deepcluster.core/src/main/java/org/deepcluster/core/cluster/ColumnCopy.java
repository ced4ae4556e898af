package org.deepcluster.core.cluster;

import java.util.Arrays;

/**
 * A column-major copy of the rows (one array of n values per feature), for passes that compare every row with a few
 * centres.
 *
 * <p>Why a copy: Java 17's C2 compiler turns a loop into SIMD instructions only when every array in it is indexed by
 * the loop variable alone; the row-major loop over a row's features ({@code x[row * d + j] - c[j]}) stays scalar. Here
 * the loops run over the rows, {@code acc[i] += (column_j[i] - c_j)²} for a range of rows {@code i}, one feature after
 * the other (four per pass, so the running sum stays in a register), so every row's sum is built in feature order and
 * equals the row-major computation ({@link Points#squaredDistance}) bit for bit. {@link BlockColumns} does the same on
 * blocks of 64 rows copied again for every pass, for inputs too large to copy whole. Copying once and then comparing
 * ranges of a thousand rows per call (instead of 64) also means fewer, longer calls, which the JIT compiles sooner.
 */
final class ColumnCopy {

    /** {@code columns[j][i]} = feature j of row i. */
    private final double[][] columns;
    private final int d;

    private ColumnCopy(final double[][] columns, final int d) {
        this.columns = columns;
        this.d = d;
    }

    /**
     * @param points the rows
     * @param chunks the row chunks (the copy is made in parallel)
     * @return a column-major copy of the rows
     */
    static ColumnCopy of(final Points points, final RowChunks chunks) {
        final int d = points.d;
        final double[][] columns = new double[d][points.n];
        chunks.forEach((chunk, from, to) -> {
            for (int b = from; b < to; b += RowChunks.BLOCK) {
                transpose(points.x, d, b, Math.min(to, b + RowChunks.BLOCK), columns);
            }
        });
        return new ColumnCopy(columns, d);
    }

    /** Copies the rows {@code [from, to)} into the columns, four rows at a time. */
    private static void transpose(final double[] x, final int d, final int from, final int to,
        final double[][] columns) {
        int i = from;
        for (; i + 3 < to; i += 4) {
            final int s0 = i * d;
            final int s1 = s0 + d;
            final int s2 = s1 + d;
            final int s3 = s2 + d;
            for (int j = 0; j < d; j++) {
                final double[] column = columns[j];
                column[i] = x[s0 + j];
                column[i + 1] = x[s1 + j];
                column[i + 2] = x[s2 + j];
                column[i + 3] = x[s3 + j];
            }
        }
        for (; i < to; i++) {
            final int s = i * d;
            for (int j = 0; j < d; j++) {
                columns[j][i] = x[s + j];
            }
        }
    }

    /**
     * @param centres flat centres; @param offset where the centre starts
     * @param from the first row; @param to one past the last row
     * @param out receives at {@code i}, for the rows {@code [from, to)}, the row's dot product with the centre
     */
    void dots(final double[] centres, final int offset, final int from, final int to, final double[] out) {
        Arrays.fill(out, from, to, 0.0);
        int j = 0;
        for (; j + 3 < d; j += 4) {
            addProducts4(columns[j], columns[j + 1], columns[j + 2], columns[j + 3], centres[offset + j],
                centres[offset + j + 1], centres[offset + j + 2], centres[offset + j + 3], out, from, to);
        }
        for (; j < d; j++) {
            addProducts(columns[j], centres[offset + j], out, from, to);
        }
    }

    /**
     * @param centres flat centres; @param offset where the centre starts
     * @param from the first row; @param to one past the last row
     * @param out receives at {@code i}, for the rows {@code [from, to)}, the row's squared distance to the centre
     */
    void squaredDistances(final double[] centres, final int offset, final int from, final int to,
        final double[] out) {
        Arrays.fill(out, from, to, 0.0);
        int j = 0;
        for (; j + 3 < d; j += 4) {
            addSquaredDifferences4(columns[j], columns[j + 1], columns[j + 2], columns[j + 3], centres[offset + j],
                centres[offset + j + 1], centres[offset + j + 2], centres[offset + j + 3], out, from, to);
        }
        for (; j < d; j++) {
            addSquaredDifferences(columns[j], centres[offset + j], out, from, to);
        }
    }

    /**
     * @param from the first row; @param to one past the last row
     * @param out receives at {@code i}, for the rows {@code [from, to)}, the row's squared norm
     */
    void squaredNorms(final int from, final int to, final double[] out) {
        Arrays.fill(out, from, to, 0.0);
        for (int j = 0; j < d; j++) {
            addProducts(columns[j], columns[j], out, from, to);
        }
    }

    // The kernels: every array indexed by the loop variable alone (see the class comment); the additions run one
    // feature after the other, in order, as in the row-major code.

    private static void addProducts4(final double[] x0, final double[] x1, final double[] x2, final double[] x3,
        final double c0, final double c1, final double c2, final double c3, final double[] acc, final int from,
        final int to) {
        for (int i = from; i < to; i++) {
            acc[i] = acc[i] + x0[i] * c0 + x1[i] * c1 + x2[i] * c2 + x3[i] * c3;
        }
    }

    private static void addProducts(final double[] column, final double c, final double[] acc, final int from,
        final int to) {
        for (int i = from; i < to; i++) {
            acc[i] += column[i] * c;
        }
    }

    /** Element-wise products of two columns added to {@code acc} (the squared norms: both the same column). */
    private static void addProducts(final double[] a, final double[] b, final double[] acc, final int from,
        final int to) {
        for (int i = from; i < to; i++) {
            acc[i] += a[i] * b[i];
        }
    }

    private static void addSquaredDifferences4(final double[] x0, final double[] x1, final double[] x2,
        final double[] x3, final double c0, final double c1, final double c2, final double c3, final double[] acc,
        final int from, final int to) {
        for (int i = from; i < to; i++) {
            final double e0 = x0[i] - c0;
            final double e1 = x1[i] - c1;
            final double e2 = x2[i] - c2;
            final double e3 = x3[i] - c3;
            acc[i] = acc[i] + e0 * e0 + e1 * e1 + e2 * e2 + e3 * e3;
        }
    }

    private static void addSquaredDifferences(final double[] column, final double c, final double[] acc,
        final int from, final int to) {
        for (int i = from; i < to; i++) {
            final double e = column[i] - c;
            acc[i] += e * e;
        }
    }
}
