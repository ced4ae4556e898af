package org.deepcluster.core.cluster.density;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * The rows projected on the leading principal axes of the data, for lower bounds of distances: an orthonormal
 * projection never lengthens a distance, and on clustered data the leading axes carry the distances between clusters,
 * so a ball tree on the projection separates clusters by nearly their true distance. In many dimensions a ball tree
 * on the data itself cannot: its balls are about as wide as the clusters are apart (concentration of distances).
 *
 * @param rows the projected rows, row-major n × dimensions
 * @param dimensions the number of axes
 * @param largestNorm the largest distance of a row from the mean (scales the rounding error of the projection)
 */
record Projection(double[] rows, int dimensions, double largestNorm) {

    /** Axes kept. */
    static final int AXES = 16;
    /** Rows sampled for the covariance matrix (any orthonormal axes give valid bounds; these only need to be good). */
    private static final int SAMPLE = 20_000;
    /** Above this many columns the eigen decomposition costs more than it saves; no projection then. */
    private static final int MAX_COLUMNS = 512;

    /**
     * @param x the rows, row-major n × d
     * @param n the number of rows
     * @param d the number of columns
     * @return the projection, or null when it would not help (d ≤ {@value #AXES} or d &gt; {@value #MAX_COLUMNS})
     */
    static Projection of(final double[] x, final int n, final int d) {
        if (d <= AXES || d > MAX_COLUMNS) {
            return null;
        }
        final double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += x[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        final int step = Math.max(1, n / SAMPLE);
        final double[][] cov = new double[d][d];
        final double[] v = new double[d];
        for (int i = 0; i < n; i += step) {
            for (int j = 0; j < d; j++) {
                v[j] = x[i * d + j] - mean[j];
            }
            for (int a = 0; a < d; a++) {
                for (int b = a; b < d; b++) {
                    cov[a][b] += v[a] * v[b];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < a; b++) {
                cov[a][b] = cov[b][a];
            }
        }
        final EigenDecomposition evd = new EigenDecomposition(new Array2DRowRealMatrix(cov, false));
        final double[] values = evd.getRealEigenvalues();
        final Integer[] order = IntStream.range(0, d).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -values[i]).thenComparingInt(i -> i));
        final double[][] axes = new double[AXES][];
        for (int k = 0; k < AXES; k++) {
            axes[k] = evd.getEigenvector(order[k]).toArray();
        }
        final double[] rows = new double[n * AXES];
        double largest = 0;
        for (int i = 0; i < n; i++) {
            double norm2 = 0;
            for (int j = 0; j < d; j++) {
                v[j] = x[i * d + j] - mean[j];
                norm2 += v[j] * v[j];
            }
            largest = Math.max(largest, Math.sqrt(norm2));
            for (int k = 0; k < AXES; k++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += axes[k][j] * v[j];
                }
                rows[i * AXES + k] = s;
            }
        }
        return new Projection(rows, AXES, largest);
    }
}
