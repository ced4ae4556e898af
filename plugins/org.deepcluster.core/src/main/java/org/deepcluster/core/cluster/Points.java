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
     *         computed in parallel chunks like {@link #columnMeans()}
     */
    double meanColumnVariance() {
        final double[] mean = columnMeans();
        final RowChunks chunks = new RowChunks(n, d);
        final double[] partial = new double[chunks.count];
        chunks.forEach((chunk, from, to) -> {
            double sum = 0;
            for (int b = from; b < to; b += RowChunks.BLOCK) {
                sum = addSquaredDeviations(b, Math.min(to, b + RowChunks.BLOCK), mean, sum);
            }
            partial[chunk] = sum;
        });
        double sum = 0;
        for (final double p : partial) {
            sum += p;
        }
        return sum / n / d;
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

    /** @return {@code sum} plus the squared deviations from {@code mean} of the rows {@code [from, to)}, in order */
    private double addSquaredDeviations(final int from, final int to, final double[] mean, final double sum) {
        double s = sum;
        for (int i = from; i < to; i++) {
            s = addSquaredDeviations(i, mean, s);
        }
        return s;
    }

    private double addSquaredDeviations(final int i, final double[] mean, final double sum) {
        final int base = i * d;
        double s = sum;
        for (int j = 0; j < d; j++) {
            final double diff = x[base + j] - mean[j];
            s += diff * diff;
        }
        return s;
    }
}
