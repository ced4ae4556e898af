package org.deepcluster.core.cluster.som;

import java.util.SplittableRandom;

/**
 * The initial codebook of a self-organising map: random training rows, or the plane of the first two principal
 * components (as the SOM Toolbox's linear initialisation).
 */
final class CodebookInitialisation {

    /** At most this many rows (evenly spaced) estimate the principal components: it is only a starting point. */
    private static final int PCA_ROWS = 5_000;
    private static final int POWER_ITERATIONS = 300;

    private CodebookInitialisation() {
    }

    /**
     * Distinct random rows while there are enough rows, then rows drawn again.
     *
     * @return units × d values, row-major
     */
    static double[] randomRows(final double[][] data, final int units, final long seed) {
        final int n = data.length;
        final int d = data[0].length;
        final SplittableRandom random = new SplittableRandom(seed);
        final int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        final double[] codebook = new double[units * d];
        for (int u = 0; u < units; u++) {
            final int row;
            if (u < n) { // partial Fisher–Yates shuffle: distinct rows
                final int pick = u + random.nextInt(n - u);
                final int tmp = order[u];
                order[u] = order[pick];
                order[pick] = tmp;
                row = order[u];
            } else {
                row = random.nextInt(n);
            }
            System.arraycopy(data[row], 0, codebook, u * d, d);
        }
        return codebook;
    }

    /**
     * The units spread evenly over the plane of the first two principal components, centred at the column means,
     * spanning ± 2 standard deviations along each; the longer side of the grid follows the first component.
     *
     * @return units × d values, row-major
     */
    static double[] principalPlane(final double[][] data, final SomGrid grid) {
        final int d = data[0].length;
        final int step = Math.max(1, data.length / PCA_ROWS);
        final int m = (data.length + step - 1) / step;
        final double[] mean = new double[d];
        for (int i = 0; i < data.length; i += step) {
            for (int j = 0; j < d; j++) {
                mean[j] += data[i][j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= m;
        }
        final double[][] centred = new double[m][d];
        for (int i = 0, r = 0; i < data.length; i += step, r++) {
            for (int j = 0; j < d; j++) {
                centred[r][j] = data[i][j] - mean[j];
            }
        }
        final double[] first = new double[d];
        final double sd1 = principalComponent(centred, null, first);
        final double[] second = new double[d];
        final double sd2 = d > 1 ? principalComponent(centred, first, second) : 0.0;
        final boolean rowsAlongFirst = grid.rows() >= grid.cols();
        final double[] codebook = new double[grid.units() * d];
        for (int u = 0; u < grid.units(); u++) {
            final double a = spread(rowsAlongFirst ? grid.row(u) : grid.col(u),
                rowsAlongFirst ? grid.rows() : grid.cols());
            final double b = spread(rowsAlongFirst ? grid.col(u) : grid.row(u),
                rowsAlongFirst ? grid.cols() : grid.rows());
            for (int j = 0; j < d; j++) {
                codebook[u * d + j] = mean[j] + 2 * (a * sd1 * first[j] + b * sd2 * second[j]);
            }
        }
        return codebook;
    }

    /** Position i of m evenly spaced points in [−1, 1] (0 for a single point). */
    private static double spread(final int i, final int m) {
        return m == 1 ? 0.0 : -1.0 + 2.0 * i / (m - 1);
    }

    /**
     * The leading eigenvector of the covariance by power iteration (orthogonal to {@code exclude} if given), with a
     * fixed start and sign (largest entry positive), so the result is deterministic.
     *
     * @param out receives the unit vector (zero if the data has no variance left)
     * @return the standard deviation along it
     */
    private static double principalComponent(final double[][] x, final double[] exclude, final double[] out) {
        final int d = out.length;
        final double[] v = new double[d];
        for (int j = 0; j < d; j++) {
            v[j] = 1.0 + 0.01 * j; // not orthogonal to any axis in general
        }
        double eigenvalue = 0;
        for (int it = 0; it < POWER_ITERATIONS; it++) {
            orthogonalise(v, exclude);
            final double norm = norm(v);
            if (norm == 0) {
                break;
            }
            for (int j = 0; j < d; j++) {
                v[j] /= norm;
            }
            final double[] next = new double[d];
            for (final double[] row : x) {
                double dot = 0;
                for (int j = 0; j < d; j++) {
                    dot += row[j] * v[j];
                }
                for (int j = 0; j < d; j++) {
                    next[j] += dot * row[j];
                }
            }
            orthogonalise(next, exclude);
            final double value = norm(next);
            double change = 0;
            for (int j = 0; j < d; j++) {
                final double nj = value == 0 ? 0 : next[j] / value;
                change = Math.max(change, Math.abs(nj - v[j]));
                v[j] = next[j];
            }
            eigenvalue = value;
            if (value == 0 || change < 1e-10) {
                break;
            }
        }
        final double norm = norm(v);
        int largest = 0;
        for (int j = 0; j < d; j++) {
            out[j] = norm == 0 ? 0 : v[j] / norm;
            if (Math.abs(out[j]) > Math.abs(out[largest])) {
                largest = j;
            }
        }
        if (out[largest] < 0) {
            for (int j = 0; j < d; j++) {
                out[j] = -out[j];
            }
        }
        return x.length > 1 ? Math.sqrt(eigenvalue / (x.length - 1)) : 0.0;
    }

    private static void orthogonalise(final double[] v, final double[] exclude) {
        if (exclude == null) {
            return;
        }
        double dot = 0;
        for (int j = 0; j < v.length; j++) {
            dot += v[j] * exclude[j];
        }
        for (int j = 0; j < v.length; j++) {
            v[j] -= dot * exclude[j];
        }
    }

    private static double norm(final double[] v) {
        double sum = 0;
        for (final double value : v) {
            sum += value * value;
        }
        return Math.sqrt(sum);
    }
}
