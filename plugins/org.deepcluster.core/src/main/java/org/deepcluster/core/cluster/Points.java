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

    /** @return the mean of each column */
    double[] columnMeans() {
        final double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += x[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        return mean;
    }

    /** @return the mean over the columns of each column's (population) variance, as scikit-learn's tolerance uses */
    double meanColumnVariance() {
        final double[] mean = columnMeans();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                final double diff = x[i * d + j] - mean[j];
                sum += diff * diff;
            }
        }
        return sum / n / d;
    }
}
