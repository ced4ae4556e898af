package org.deepcluster.core.cluster.mixture;

import org.deepcluster.core.cluster.BlockColumns;

/**
 * The parameters of a Gaussian mixture (weights, means, covariances) together with what the E-step needs, derived
 * once per M-step: the Cholesky factors of the precision matrices and their log-determinants (scikit-learn's
 * {@code precisions_cholesky_} parameterisation, which keeps the log-densities stable), and for the diagonal and
 * spherical types the means and precisions transposed so that the per-row loop ({@link #weightedLogDensities}, used
 * to assign new rows) runs over components in its innermost loop, and the precisions row by row for the fit's E-step
 * over blocks of rows ({@link #blockLogDensities}). Immutable after construction; arrays are owned.
 *
 * <p>Layouts: {@code means} k × d row-major; {@code covariances} and {@code precisionCholesky} per component: full
 * d × d row-major (the precision factor P is upper triangular with precision = P Pᵀ), diagonal d values, spherical
 * one value.
 */
final class GaussianComponents {

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    final CovarianceType type;
    final int k;
    final int d;
    final double[] weights;
    final double[] means;
    final double[] covariances;
    final double[] precisionCholesky;
    /** Per component: log det P = ½ log det(precision). */
    final double[] logDet;
    /** Per component: log weight + log det P − d/2 log 2π, the row-independent part of the log-density. */
    private final double[] offset;
    /** Diagonal/spherical only: means transposed (d × k) and precisions (P², diagonal d × k; spherical k). */
    private final double[] meansT;
    private final double[] precisionT;
    /** Diagonal only: the precisions 1/σ² row-major (k × d), for {@link #blockLogDensities}. */
    private final double[] precisionRows;

    /**
     * @throws IllegalArgumentException if a covariance is not positive definite (message names the component and
     *             the regularisation setting)
     */
    GaussianComponents(final CovarianceType type, final double[] weights, final double[] means,
        final double[] covariances) {
        this.type = type;
        this.k = weights.length;
        this.d = means.length / k;
        this.weights = weights;
        this.means = means;
        this.covariances = covariances;
        this.precisionCholesky = new double[covariances.length];
        this.logDet = new double[k];
        final int stored = type.storedPerComponent(d);
        for (int c = 0; c < k; c++) {
            logDet[c] = type == CovarianceType.FULL
                ? invertCholesky(covariances, precisionCholesky, c * stored, d, c)
                : inverseSqrt(covariances, precisionCholesky, c * stored, stored, type == CovarianceType.SPHERICAL
                    ? d : 1, c);
        }
        this.offset = new double[k];
        for (int c = 0; c < k; c++) {
            offset[c] = Math.log(weights[c]) + logDet[c] - 0.5 * d * LOG_2PI;
        }
        precisionRows = type == CovarianceType.DIAGONAL ? new double[k * d] : null;
        if (type == CovarianceType.FULL) {
            meansT = null;
            precisionT = null;
        } else {
            meansT = new double[d * k];
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < d; j++) {
                    meansT[j * k + c] = means[c * d + j];
                }
            }
            precisionT = new double[type == CovarianceType.DIAGONAL ? d * k : k];
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < stored; j++) {
                    final double p = precisionCholesky[c * stored + j];
                    precisionT[j * k + c] = p * p;
                    if (precisionRows != null) {
                        precisionRows[c * d + j] = p * p;
                    }
                }
            }
        }
    }

    /**
     * The weighted log-densities log(w_c) + log N(x | μ_c, Σ_c) of one row for every component.
     *
     * @param x rows, flat; @param at where the row starts (d values)
     * @param out receives k values
     * @param scratch at least max(d, k) doubles of working space
     */
    void weightedLogDensities(final double[] x, final int at, final double[] out, final double[] scratch) {
        if (type == CovarianceType.FULL) {
            for (int c = 0; c < k; c++) {
                out[c] = offset[c] - 0.5 * fullMahalanobis(x, at, c, scratch);
            }
            return;
        }
        // Σ_j (x_j − μ_cj)² p_cj accumulated over j, all components at once (the inner loop over c vectorises).
        final double[] acc = scratch;
        java.util.Arrays.fill(acc, 0, k, 0.0);
        if (type == CovarianceType.DIAGONAL) {
            for (int j = 0, base = 0; j < d; j++, base += k) {
                final double xj = x[at + j];
                for (int c = 0; c < k; c++) {
                    final double diff = xj - meansT[base + c];
                    acc[c] += diff * diff * precisionT[base + c];
                }
            }
            for (int c = 0; c < k; c++) {
                out[c] = offset[c] - 0.5 * acc[c];
            }
        } else {
            for (int j = 0, base = 0; j < d; j++, base += k) {
                final double xj = x[at + j];
                for (int c = 0; c < k; c++) {
                    final double diff = xj - meansT[base + c];
                    acc[c] += diff * diff;
                }
            }
            for (int c = 0; c < k; c++) {
                out[c] = offset[c] - 0.5 * acc[c] * precisionT[c];
            }
        }
    }

    /**
     * {@link #weightedLogDensities} of the diagonal or spherical type for a block of rows, as loops over the rows
     * that the JIT vectorises ({@link BlockColumns}). Every sum runs over the features in the same order with the
     * same operations, so the values equal {@link #weightedLogDensities}' bit for bit.
     *
     * @param block the rows (centred like the rows given to {@link #weightedLogDensities})
     * @param out receives at {@code [c][p]} component {@code c}'s value for the block's row {@code p}
     */
    void blockLogDensities(final BlockColumns block, final double[][] out) {
        final int rows = block.count();
        for (int c = 0; c < k; c++) {
            final double[] values = out[c];
            final double o = offset[c];
            if (type == CovarianceType.DIAGONAL) {
                block.weightedSquaredDistances(means, c * d, precisionRows, c * d, values);
                for (int p = 0; p < rows; p++) {
                    values[p] = o - 0.5 * values[p];
                }
            } else {
                block.squaredDistances(means, c * d, values);
                final double precision = precisionT[c];
                for (int p = 0; p < rows; p++) {
                    values[p] = o - 0.5 * values[p] * precision;
                }
            }
        }
    }

    /**
     * @param x rows, flat; @param at where the row starts
     * @param c a component
     * @param scratch at least d doubles
     * @return the squared Mahalanobis distance (x − μ_c)ᵀ Σ_c⁻¹ (x − μ_c)
     */
    double mahalanobisSquared(final double[] x, final int at, final int c, final double[] scratch) {
        if (type == CovarianceType.FULL) {
            return fullMahalanobis(x, at, c, scratch);
        }
        double sum = 0;
        for (int j = 0; j < d; j++) {
            final double diff = x[at + j] - means[c * d + j];
            final double p = type == CovarianceType.DIAGONAL ? precisionT[j * k + c] : precisionT[c];
            sum += diff * diff * p;
        }
        return sum;
    }

    /** ‖(x − μ_c) P_c‖² with P_c upper triangular: y_b = Σ_{a ≤ b} (x_a − μ_a) P_ab. */
    private double fullMahalanobis(final double[] x, final int at, final int c, final double[] y) {
        final int m = c * d;
        final int p = c * d * d;
        java.util.Arrays.fill(y, 0, d, 0.0);
        for (int a = 0; a < d; a++) {
            final double diff = x[at + a] - means[m + a];
            final int row = p + a * d;
            for (int b = a; b < d; b++) {
                y[b] += diff * precisionCholesky[row + b];
            }
        }
        double sum = 0;
        for (int b = 0; b < d; b++) {
            sum += y[b] * y[b];
        }
        return sum;
    }

    /**
     * Cholesky Σ = L Lᵀ, then P = (L⁻¹)ᵀ (upper triangular), so that Σ⁻¹ = P Pᵀ, as scikit-learn's
     * {@code _compute_precision_cholesky}.
     *
     * @return log det P = −Σ log L_jj
     */
    private static double invertCholesky(final double[] cov, final double[] out, final int off, final int d,
        final int component) {
        final double[] l = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = cov[off + i * d + j];
                for (int m = 0; m < j; m++) {
                    s -= l[i * d + m] * l[j * d + m];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        throw illDefined(component);
                    }
                    l[i * d + i] = Math.sqrt(s);
                } else {
                    l[i * d + j] = s / l[j * d + j];
                }
            }
        }
        // Inverse of the lower triangular L by forward substitution, column by column; written transposed into out.
        double logDet = 0;
        for (int col = 0; col < d; col++) {
            for (int i = col; i < d; i++) {
                double s = i == col ? 1.0 : 0.0;
                for (int m = col; m < i; m++) {
                    s -= l[i * d + m] * out[off + col * d + m]; // out[col][m] holds inv(L)[m][col]
                }
                out[off + col * d + i] = s / l[i * d + i];
            }
            logDet -= Math.log(l[col * d + col]);
        }
        return logDet;
    }

    /** P = 1/√σ² per stored value; @return log det P = multiplicity × Σ log P. */
    private static double inverseSqrt(final double[] cov, final double[] out, final int off, final int n,
        final int multiplicity, final int component) {
        double logDet = 0;
        for (int j = off; j < off + n; j++) {
            if (!(cov[j] > 0)) {
                throw illDefined(component);
            }
            out[j] = 1.0 / Math.sqrt(cov[j]);
            logDet += Math.log(out[j]);
        }
        return multiplicity * logDet;
    }

    private static IllegalArgumentException illDefined(final int component) {
        return new IllegalArgumentException("the Gaussian mixture failed because component " + component
            + " has an ill-defined (not positive definite) covariance, typically caused by collapsed or duplicate "
            + "rows or a constant column: increase the regularisation (reg_covar), lower k, or use the diagonal or "
            + "spherical covariance type");
    }
}
