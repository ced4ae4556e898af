package org.deepcluster.core.cluster.mixture;

import java.util.stream.IntStream;

import org.deepcluster.core.cluster.BlockColumns;

/**
 * The passes over the data of one EM run for a Gaussian mixture: the E-step (responsibilities by log-sum-exp) and the
 * M-step (weights, means and covariances from the responsibilities, with the regularisation added to the diagonal),
 * as scikit-learn's {@code GaussianMixture._e_step}/{@code _m_step}.
 *
 * <p>Speed and determinism: the rows are processed in fixed blocks of {@link #BLOCK} rows in parallel; each block
 * sums into its own partial statistics, and the partials are added in block order, so the result does not depend on
 * the number of threads. The E-step and the first M-step pass (counts, sums, and for the diagonal and spherical types
 * the second moments) run in one pass over the data; full covariances need a second pass, centred at the new means,
 * parallel over components.
 */
final class ExpectationMaximization {

    static final int BLOCK = 1024;
    /** scikit-learn adds 10 × machine epsilon to each component's responsibility sum, so no weight is 0. */
    private static final double NK_EPS = 10 * Math.ulp(1.0);

    /** The rows, flat: row {@code i} at {@code [i * d, (i + 1) * d)}; not centred (see {@link #shift}). */
    private final double[] x;
    /**
     * The column means, subtracted from every value as it is read: EM works on centred data (which keeps the
     * cancellation in E[x²] − μ² small) without a centred copy of the data (at 100,000 × 32 rows that copy was
     * 26 MB per fit). {@code x[at + j] - shift[j]} is the same operation a copy would have made, so the results are
     * the same bit for bit.
     */
    private final double[] shift;
    private final int n;
    private final int d;
    private final int k;
    private final CovarianceType type;
    private final double regularisation;
    /** n × k responsibilities of the last E-step (or the initial ones). */
    final double[] responsibilities;

    /** Statistics accumulated over rows: Σ r, Σ r x, and (diagonal/spherical) Σ r x² per feature. */
    private static final class Sums {
        final double[] nk;
        final double[] sumX;
        final double[] sumXX;
        double logLikelihood;

        Sums(final int k, final int d, final boolean squares) {
            nk = new double[k];
            sumX = new double[k * d];
            sumXX = squares ? new double[k * d] : null;
        }

        void add(final Sums o) {
            addInto(nk, o.nk);
            addInto(sumX, o.sumX);
            if (sumXX != null) {
                addInto(sumXX, o.sumXX);
            }
            logLikelihood += o.logLikelihood;
        }

        private static void addInto(final double[] a, final double[] b) {
            for (int i = 0; i < a.length; i++) {
                a[i] += b[i];
            }
        }
    }

    /**
     * @param x the data, n rows of d values, flat (row-major); not copied, not modified
     * @param shift d values subtracted from every row (the column means), at least 1
     * @param k the number of components
     * @param type the covariance type
     * @param regularisation added to the diagonal of every covariance
     * @param initialResponsibilities n × k, row sums 1; owned (and overwritten) by this object
     */
    ExpectationMaximization(final double[] x, final double[] shift, final int k, final CovarianceType type,
        final double regularisation, final double[] initialResponsibilities) {
        this.x = x;
        this.shift = shift;
        this.d = shift.length;
        this.n = x.length / d;
        this.k = k;
        this.type = type;
        this.regularisation = regularisation;
        this.responsibilities = initialResponsibilities;
    }

    /**
     * The M-step from the current responsibilities, without an E-step (the initialisation). Like scikit-learn's
     * {@code _initialize}, the weights are the responsibility sums divided by n.
     *
     * @return the components
     */
    GaussianComponents initialComponents() {
        return maximise(accumulate(null, true), true);
    }

    /**
     * One EM iteration: E-step with {@code current}, then M-step.
     *
     * @param current the parameters of the previous iteration
     * @param logLikelihood receives at index 0 the mean log-likelihood of the rows under {@code current} (the lower
     *            bound of this iteration)
     * @return the new parameters
     */
    GaussianComponents iterate(final GaussianComponents current, final double[] logLikelihood) {
        final Sums sums = accumulate(current, true);
        logLikelihood[0] = sums.logLikelihood / n;
        return maximise(sums, false);
    }

    /**
     * A final E-step: fills {@link #responsibilities} and returns the mean log-likelihood.
     *
     * @param components the parameters
     * @return the mean log-likelihood of the rows (scikit-learn's {@code score})
     */
    double expectation(final GaussianComponents components) {
        return accumulate(components, false).logLikelihood / n; // no M-step follows: no sums
    }

    /**
     * The blocked parallel pass: E-step if {@code current} is not null, then (if {@code sums}) the sums of the
     * responsibilities for the M-step.
     */
    private Sums accumulate(final GaussianComponents current, final boolean sums) {
        final int blocks = (n + BLOCK - 1) / BLOCK;
        final boolean squares = type != CovarianceType.FULL;
        final Sums[] partial = new Sums[blocks];
        IntStream.range(0, blocks).parallel().forEach(
            b -> partial[b] = accumulateBlock(current, b * BLOCK, Math.min(n, (b + 1) * BLOCK), sums, squares));
        final Sums total = partial[0];
        for (int b = 1; b < blocks; b++) {
            total.add(partial[b]);
        }
        return total;
    }

    /**
     * The rows {@code [from, to)} in order. The work is in methods called per row or per 64 rows, not in this loop:
     * called only once per block, a loop here would run interpreted for most of the first fits.
     */
    private Sums accumulateBlock(final GaussianComponents current, final int from, final int to, final boolean sums,
        final boolean squares) {
        final Sums s = new Sums(k, d, squares);
        final double[] logDensity = new double[k];
        final double[] row = new double[d]; // one centred row
        if (current != null && current.type != CovarianceType.FULL) {
            // 64 rows at a time as columns: the log-densities run as vectorised loops over the rows (BlockColumns).
            final BlockColumns block = new BlockColumns(d);
            final double[][] densities = new double[k][BlockColumns.SIZE];
            for (int i = from; i < to; i += BlockColumns.SIZE) {
                final int end = Math.min(to, i + BlockColumns.SIZE);
                block.load(x, shift, i, end);
                current.blockLogDensities(block, densities);
                expectations(i, end, densities, logDensity, s);
                if (sums) { // false only in the final E-step: kept out of the per-row loop (see addRows)
                    addRows(i, end, s, row, squares);
                }
            }
            return s;
        }
        final double[] scratch = new double[Math.max(d, k)];
        for (int i = from; i < to; i++) {
            centre(i, row, 0);
            if (current != null) {
                current.weightedLogDensities(row, 0, logDensity, scratch);
                expectation(i, logDensity, s);
            }
            if (sums) {
                addRow(s, i, row, 0, squares);
            }
        }
        return s;
    }

    /**
     * The rows {@code [from, to)}: responsibilities from their log-densities (row {@code i} in column
     * {@code i - from} of {@code densities}); adds their log-likelihood to {@code s}.
     */
    private void expectations(final int from, final int to, final double[][] densities, final double[] logDensity,
        final Sums s) {
        for (int i = from; i < to; i++) {
            final int p = i - from;
            for (int c = 0; c < k; c++) {
                logDensity[c] = densities[c][p];
            }
            expectation(i, logDensity, s);
        }
    }

    /**
     * Adds the rows {@code [from, to)}, weighted by their responsibilities, to the sums of the M-step. A method of
     * its own rather than a branch in {@link #expectations}: the final E-step, which needs no sums, comes once at the
     * end of a fit, and a branch never taken before it would make the JIT throw away the compiled E-step there
     * (LogCompilation: "unstable_if").
     *
     * @param row work space for one centred row
     */
    private void addRows(final int from, final int to, final Sums s, final double[] row, final boolean squares) {
        for (int i = from; i < to; i++) {
            centre(i, row, 0);
            addRow(s, i, row, 0, squares);
        }
    }

    /** Row {@code i} minus the shift, into {@code out} from {@code at}. */
    private void centre(final int i, final double[] out, final int at) {
        final int row = i * d;
        for (int j = 0; j < d; j++) {
            out[at + j] = x[row + j] - shift[j];
        }
    }

    /** Row {@code i}'s responsibilities from its weighted log-densities; adds its log-likelihood to {@code s}. */
    private void expectation(final int i, final double[] logDensity, final Sums s) {
        final double lse = logSumExp(logDensity, k);
        s.logLikelihood += lse;
        final int r = i * k;
        for (int c = 0; c < k; c++) {
            responsibilities[r + c] = exp(logDensity[c] - lse);
        }
    }

    /** Adds row {@code i} (centred, in {@code row} from {@code at}), weighted by its responsibilities, to the sums. */
    private void addRow(final Sums s, final int i, final double[] row, final int at, final boolean squares) {
        final int r = i * k;
        for (int c = 0; c < k; c++) {
            final double resp = responsibilities[r + c];
            if (resp == 0) {
                continue; // adds exactly nothing; frequent for well-separated clusters (exp underflow)
            }
            s.nk[c] += resp;
            final int m = c * d;
            if (squares) {
                for (int j = 0; j < d; j++) {
                    final double rx = resp * row[at + j];
                    s.sumX[m + j] += rx;
                    s.sumXX[m + j] += rx * row[at + j];
                }
            } else {
                for (int j = 0; j < d; j++) {
                    s.sumX[m + j] += resp * row[at + j];
                }
            }
        }
    }

    private GaussianComponents maximise(final Sums sums, final boolean weightsByRowCount) {
        final double[] nk = new double[k];
        double nkSum = 0;
        for (int c = 0; c < k; c++) {
            nk[c] = sums.nk[c] + NK_EPS;
            nkSum += nk[c];
        }
        final double[] weights = new double[k];
        final double[] means = new double[k * d];
        for (int c = 0; c < k; c++) {
            weights[c] = nk[c] / (weightsByRowCount ? n : nkSum);
            for (int j = 0; j < d; j++) {
                means[c * d + j] = sums.sumX[c * d + j] / nk[c];
            }
        }
        final double[] covariances = switch (type) {
            case FULL -> fullCovariances(nk, means);
            case DIAGONAL -> diagonalVariances(sums, nk, means);
            case SPHERICAL -> sphericalVariances(diagonalVariances(sums, nk, means));
        };
        return new GaussianComponents(type, weights, means, covariances);
    }

    /** E_r[x²] − μ² + reg per feature (the data is centred, which keeps the cancellation small). */
    private double[] diagonalVariances(final Sums sums, final double[] nk, final double[] means) {
        final double[] variances = new double[k * d];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                final double mu = means[c * d + j];
                // max(0, ·): rounding must not make a variance negative before the regularisation is added.
                variances[c * d + j] = Math.max(0.0, sums.sumXX[c * d + j] / nk[c] - mu * mu) + regularisation;
            }
        }
        return variances;
    }

    private double[] sphericalVariances(final double[] diagonal) {
        final double[] variances = new double[k];
        for (int c = 0; c < k; c++) {
            double sum = 0;
            for (int j = 0; j < d; j++) {
                sum += diagonal[c * d + j];
            }
            variances[c] = sum / d;
        }
        return variances;
    }

    /** Σ_i r_ic (x_i − μ_c)(x_i − μ_c)ᵀ / n_c + reg I, one component per task (rows in order: deterministic). */
    private double[] fullCovariances(final double[] nk, final double[] means) {
        final double[] covariances = new double[k * d * d];
        IntStream.range(0, k).parallel().forEach(c -> {
            final double[] acc = new double[d * d];
            final double[] diff = new double[d];
            final int m = c * d;
            for (int i = 0; i < n; i++) {
                final double r = responsibilities[i * k + c];
                if (r == 0) {
                    continue;
                }
                final int at = i * d;
                for (int j = 0; j < d; j++) {
                    diff[j] = x[at + j] - shift[j] - means[m + j];
                }
                for (int a = 0; a < d; a++) {
                    final double ra = r * diff[a];
                    final int row = a * d;
                    for (int b = a; b < d; b++) {
                        acc[row + b] += ra * diff[b];
                    }
                }
            }
            final int off = c * d * d;
            for (int a = 0; a < d; a++) {
                for (int b = a; b < d; b++) {
                    final double v = acc[a * d + b] / nk[c];
                    covariances[off + a * d + b] = v;
                    covariances[off + b * d + a] = v;
                }
                covariances[off + a * d + a] += regularisation;
            }
        });
        return covariances;
    }

    /**
     * Below this, {@link Math#exp} is exactly 0 (the smallest subnormal double is e^-744.4; anything under e^-745.2
     * rounds to 0).
     */
    private static final double EXP_UNDERFLOW = -746.0;

    /**
     * {@link Math#exp}, without the call where the result is exactly 0 or 1 anyway: on separated components most
     * log-density differences are hundreds or thousands below 0, and the E-step would otherwise spend most of its time
     * computing 2k exponentials per row that underflow.
     *
     * @param x the exponent
     * @return e^x, bit-identical to {@code Math.exp(x)}
     */
    static double exp(final double x) {
        if (x < EXP_UNDERFLOW) {
            return 0.0;
        }
        return x == 0.0 ? 1.0 : Math.exp(x);
    }

    static double logSumExp(final double[] values, final int count) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < count; c++) {
            max = Math.max(max, values[c]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (int c = 0; c < count; c++) {
            sum += exp(values[c] - max);
        }
        return max + Math.log(sum);
    }
}
