package org.deepcluster.core.cluster;

import org.deepcluster.core.data.Matrix;

/**
 * The rows of a data matrix as one flat row-major {@code double[]}, for the distance loops of the hand-written
 * clustering algorithms (no per-row objects, no bounds-checked accessors in the hot loops).
 */
final class Points {

    /** The number of rows. */
    final int n;
    /** The number of columns. */
    final int d;
    /** The values, row {@code i} at {@code [i * d, (i + 1) * d)}; read-only (may be a matrix's backing array). */
    final double[] x;

    private Points(final int n, final int d, final double[] x) {
        this.n = n;
        this.d = d;
        this.x = x;
    }

    /**
     * @param data the matrix
     * @return its rows, sharing the matrix's backing array (no copy: at a million rows a copy costs hundreds of
     *         megabytes and a noticeable part of a k-means run); the algorithms only read {@link #x}
     */
    static Points of(final Matrix data) {
        return new Points(data.rows(), data.cols(), data.backingArrayReadOnly());
    }

    /** @param i a row; @param c a flat array of centres; @param offset where the centre starts in {@code c} */
    double squaredDistance(final int i, final double[] c, final int offset) {
        final int base = i * d;
        double sum = 0;
        for (int j = 0; j < d; j++) {
            final double diff = x[base + j] - c[offset + j];
            sum += diff * diff;
        }
        return sum;
    }

    /** @param i a row; @param k another row; @return the squared Euclidean distance between them */
    double squaredDistance(final int i, final int k) {
        return squaredDistance(i, x, k * d);
    }

    /** @param i a row; @return a copy of it */
    double[] row(final int i) {
        final double[] r = new double[d];
        System.arraycopy(x, i * d, r, 0, d);
        return r;
    }

    /**
     * @return the mean of each column; summed per {@link RowChunks} chunk in parallel, the chunk sums added in chunk
     *         order, so the result does not depend on the number of threads
     */
    double[] columnMeans() {
        final RowChunks chunks = new RowChunks(n, d);
        final double[][] partial = new double[chunks.count][];
        chunks.forEach((chunk, from, to) -> {
            final double[] sum = new double[d];
            for (int b = from; b < to; b += RowChunks.BLOCK) {
                addRows(b, Math.min(to, b + RowChunks.BLOCK), sum);
            }
            partial[chunk] = sum;
        });
        final double[] mean = new double[d];
        for (final double[] p : partial) {
            for (int j = 0; j < d; j++) {
                mean[j] += p[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        return mean;
    }

    /**
     * @return the mean over the columns of each column's (population) variance, as scikit-learn's tolerance uses;
     *         computed in parallel chunks like {@link #columnMeans()}, in one pass over the data
     */
    double meanColumnVariance() {
        // One pass instead of scikit-learn's two (means, then squared deviations): per column the sums of x - s and
        // (x - s)² for a shift s, the first row, give n·var = S2 - S1²/n. Shifting by a data row bounds the
        // cancellation: |mean - s| is at most the column's range R, and n·var ≥ R²/2, so the rounding error relative
        // to the variance stays below about (n + chunk length) × 2^-52 (far below what a stopping tolerance needs).
        // Measured: the second 100,000 × 32 fit's checks took about half the time with one pass.
        final double[] shift = row(0);
        final RowChunks chunks = new RowChunks(n, d);
        final double[][] sums = new double[chunks.count][];
        final double[][] squares = new double[chunks.count][];
        chunks.forEach((chunk, from, to) -> {
            final double[] sum = new double[d];
            final double[] square = new double[d];
            for (int b = from; b < to; b += RowChunks.BLOCK) {
                addShiftedMoments(b, Math.min(to, b + RowChunks.BLOCK), shift, sum, square);
            }
            sums[chunk] = sum;
            squares[chunk] = square;
        });
        final double[] sum = new double[d];
        final double[] square = new double[d];
        for (int chunk = 0; chunk < chunks.count; chunk++) {
            for (int j = 0; j < d; j++) {
                sum[j] += sums[chunk][j];
                square[j] += squares[chunk][j];
            }
        }
        double total = 0;
        for (int j = 0; j < d; j++) {
            total += Math.max(0.0, square[j] - sum[j] * sum[j] / n) / n;
        }
        return total / d;
    }

    /**
     * Adds the rows {@code [from, to)} to {@code sum}, column by column. The work is in a method called per row: this
     * one is called only once per block, and per-block loops run in the slow JIT tiers for the first fits.
     */
    private void addRows(final int from, final int to, final double[] sum) {
        for (int i = from; i < to; i++) {
            addRow(i, sum);
        }
    }

    private void addRow(final int i, final double[] sum) {
        final int base = i * d;
        for (int j = 0; j < d; j++) {
            sum[j] += x[base + j];
        }
    }

    /** Adds the rows {@code [from, to)} minus {@code shift}, and their squares, to the per-column sums. */
    private void addShiftedMoments(final int from, final int to, final double[] shift, final double[] sum,
        final double[] square) {
        for (int i = from; i < to; i++) {
            addShiftedMoments(i, shift, sum, square);
        }
    }

    private void addShiftedMoments(final int i, final double[] shift, final double[] sum, final double[] square) {
        final int base = i * d;
        for (int j = 0; j < d; j++) {
            final double e = x[base + j] - shift[j];
            sum[j] += e;
            square[j] += e * e;
        }
    }
}
