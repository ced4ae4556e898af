package org.deepcluster.core.cluster.mixture;

import java.util.Locale;
import java.util.SplittableRandom;

import org.deepcluster.core.cluster.KMeans;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.progress.Progress;

/**
 * Gaussian mixture clustering fitted by expectation–maximisation, with the semantics of scikit-learn's
 * {@code sklearn.mixture.GaussianMixture} (1.2): full, diagonal or spherical covariances; initial responsibilities
 * from one k-means run (scikit-learn's default {@code init_params='kmeans'}) or uniform random ones; EM that adds
 * {@code reg_covar} to every covariance diagonal and stops when the mean log-likelihood lower bound changes by less
 * than {@code tol}, or after {@code max_iter} iterations; {@code n_init} restarts keeping the highest lower bound; a
 * final E-step gives the labels; BIC and AIC with scikit-learn's parameter counts.
 *
 * <p>Written by hand because Smile 3.1.1's {@code MultivariateGaussianMixture} offers only full and diagonal
 * covariances (no spherical), no covariance regularisation (a collapsed component fails), no restarts, no tolerance
 * or iteration settings and a k-means++-like initialisation drawn from a thread-local generator; its E-step is not
 * parallel.
 *
 * <p>Differences from scikit-learn, all deliberate: the data is centred on its column means before EM (the mixture is
 * translation-equivariant; this only reduces rounding when the data sits far from the origin); variances of the
 * diagonal and spherical types are clamped at 0 before the regularisation is added, so rounding cannot make them
 * negative; {@link GaussianMixtureModel#converged()} is that of the best restart (scikit-learn reports whether any
 * restart converged); the random numbers differ, so results match scikit-learn's only up to the initialisation
 * (given the same initial responsibilities, {@link #fitFromLabels} follows scikit-learn's EM trajectory).
 *
 * <p>Determinism: the same data and parameters give the same model, whatever the number of threads.
 */
public final class GaussianMixture {

    /** How the initial responsibilities are chosen. */
    public enum Init {
        /** Hard responsibilities from one k-means run (k-means++ seeds), as scikit-learn's {@code 'kmeans'}. */
        KMEANS,
        /** Uniform random responsibilities, normalised per row, as scikit-learn's {@code 'random'}. */
        RANDOM;

        /** @return the name as the summary shows it */
        public String label() {
            return this == KMEANS ? "k-means" : "random";
        }
    }

    /**
     * The settings of a Gaussian mixture fit (scikit-learn's names in parentheses).
     *
     * @param k the number of components ({@code n_components}), at least 1 and at most the number of rows
     * @param covarianceType the covariance shape ({@code covariance_type})
     * @param init how the responsibilities are initialised ({@code init_params})
     * @param maxIterations the maximum number of EM iterations per restart ({@code max_iter}), at least 1
     * @param tolerance EM stops when the mean log-likelihood lower bound changes by less than this ({@code tol}), ≥ 0
     * @param regularisation added to the diagonal of each covariance ({@code reg_covar}), ≥ 0; keeps covariances
     *            positive definite for constant columns or collapsed components
     * @param restarts the number of initialisations ({@code n_init}), at least 1; the one with the highest lower bound
     *            wins
     * @param seed the seed of the initialisations ({@code random_state})
     */
    public record Parameters(int k, CovarianceType covarianceType, Init init, int maxIterations, double tolerance,
        double regularisation, int restarts, long seed) {

        /**
         * scikit-learn's defaults except k and seed: full covariances, k-means init, 100 iterations, tol 1e-3,
         * reg_covar 1e-6, one initialisation, seed 42.
         *
         * @param k the number of components
         * @return the parameters
         */
        public static Parameters defaults(final int k) {
            return new Parameters(k, CovarianceType.FULL, Init.KMEANS, 100, 1e-3, 1e-6, 1, 42L);
        }

        /** @param type the covariance type; @return a copy with that type */
        public Parameters withCovarianceType(final CovarianceType type) {
            return new Parameters(k, type, init, maxIterations, tolerance, regularisation, restarts, seed);
        }

        /**
         * @throws IllegalArgumentException naming the first invalid setting
         */
        public void validate() {
            if (k < 1) {
                throw new IllegalArgumentException("the number of components k must be at least 1, got " + k);
            }
            if (covarianceType == null || init == null) {
                throw new IllegalArgumentException("the covariance type and the initialisation must be set");
            }
            if (maxIterations < 1) {
                throw new IllegalArgumentException("max iterations must be at least 1, got " + maxIterations);
            }
            if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
                throw new IllegalArgumentException("the tolerance must be a finite number ≥ 0, got " + tolerance);
            }
            if (!(regularisation >= 0) || Double.isInfinite(regularisation)) {
                throw new IllegalArgumentException(
                    "the covariance regularisation (reg_covar) must be a finite number ≥ 0, got " + regularisation);
            }
            if (restarts < 1) {
                throw new IllegalArgumentException("restarts (n_init) must be at least 1, got " + restarts);
            }
        }
    }

    private GaussianMixture() {
    }

    /**
     * Fits a Gaussian mixture.
     *
     * @param data the rows, at least 2 and at least k distinct ones, all values finite
     * @param parameters the settings
     * @param progress one report and one cancellation check per EM iteration
     * @return the model of the restart with the highest lower bound
     * @throws IllegalArgumentException if the settings or data are invalid, or a covariance is not positive definite
     *             (raise the regularisation)
     * @throws org.deepcluster.core.progress.CancelledException if cancelled
     */
    public static GaussianMixtureModel fit(final Matrix data, final Parameters parameters, final Progress progress) {
        parameters.validate();
        final double[] columnMeans = checkData(data, parameters.k());
        final SplittableRandom seeds = new SplittableRandom(parameters.seed());
        Run best = null;
        for (int r = 0; r < parameters.restarts(); r++) {
            progress.checkCancelled();
            final double[] initial = initialResponsibilities(data, parameters, seeds.nextLong());
            final Run run = run(data, columnMeans, parameters, initial, progress, r);
            if (best == null || run.lowerBound > best.lowerBound) { // ties keep the earlier restart
                best = run;
            }
        }
        return finish(data, columnMeans, parameters, best, progress);
    }

    /**
     * Runs EM once from hard initial labels (responsibility 1 for the label's component, 0 elsewhere), as
     * scikit-learn does after its k-means initialisation; {@link Parameters#restarts()} and {@link Parameters#init()}
     * are ignored. Gives the same trajectory as scikit-learn for the same labels.
     *
     * @param data the rows
     * @param parameters the settings
     * @param labels per row a component in [0, k)
     * @param progress as in {@link #fit}
     * @return the model
     */
    public static GaussianMixtureModel fitFromLabels(final Matrix data, final Parameters parameters,
        final int[] labels, final Progress progress) {
        parameters.validate();
        final double[] columnMeans = checkData(data, parameters.k());
        if (labels.length != data.rows()) {
            throw new IllegalArgumentException(
                "there are " + labels.length + " initial labels for " + data.rows() + " rows");
        }
        final Run run = run(data, columnMeans, parameters, oneHot(labels, parameters.k()), progress, 0);
        return finish(data, columnMeans, parameters, run, progress);
    }

    /** @return the column means (EM centres the data on them), once the data is known to be usable */
    private static double[] checkData(final Matrix data, final int k) {
        if (data.cols() == 0 && data.rows() > 0) {
            throw new IllegalArgumentException("the data has no columns: select at least one numeric column");
        }
        if (data.rows() < 2) {
            throw new IllegalArgumentException("a Gaussian mixture needs at least 2 rows, the data has "
                + data.rows() + ": provide more rows");
        }
        if (k > data.rows()) {
            throw new IllegalArgumentException("the number of components k (" + k
                + ") is larger than the number of rows (" + data.rows() + "): lower k or provide more rows");
        }
        final double[] columnMeans = columnMeans(data);
        // The column means are finite unless a value is not: look for the offending cell only then, not as one more
        // pass over the data.
        for (final double mean : columnMeans) {
            if (!Double.isFinite(mean)) {
                data.requireFinite("the data");
            }
        }
        final int distinct = countDistinctRows(data, k);
        if (distinct < k) {
            throw new IllegalArgumentException("the number of components k (" + k + ") is larger than the number "
                + "of distinct rows (" + distinct + "): lower k to at most " + distinct
                + " or provide more varied rows");
        }
        return columnMeans;
    }

    /** Counts distinct rows, stopping once {@code limit} are found (usually after a few rows). */
    private static int countDistinctRows(final Matrix data, final int limit) {
        final java.util.Set<java.util.List<Double>> seen = new java.util.HashSet<>();
        for (int i = 0; i < data.rows() && seen.size() < limit; i++) {
            final java.util.List<Double> row = new java.util.ArrayList<>(data.cols());
            for (int j = 0; j < data.cols(); j++) {
                row.add(data.get(i, j) + 0.0); // -0.0 and 0.0 are the same point
            }
            seen.add(row);
        }
        return seen.size();
    }

    private static double[] initialResponsibilities(final Matrix data, final Parameters p, final long seed) {
        final int k = p.k();
        if (p.init() == Init.RANDOM) {
            final SplittableRandom random = new SplittableRandom(seed);
            final double[] resp = new double[data.rows() * k];
            for (int i = 0; i < data.rows(); i++) {
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    resp[i * k + c] = random.nextDouble();
                    sum += resp[i * k + c];
                }
                for (int c = 0; c < k; c++) {
                    resp[i * k + c] /= sum;
                }
            }
            return resp;
        }
        final int[] labels;
        try {
            labels = KMeans.fit(data, new KMeans.Parameters(k, 1, 300, 1e-4, seed), Progress.NONE).labels();
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException("the k-means initialisation of the Gaussian mixture failed: "
                + e.getMessage() + " (or use the random initialisation)", e);
        }
        return oneHot(labels, k);
    }

    private static double[] oneHot(final int[] labels, final int k) {
        final double[] resp = new double[labels.length * k];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= k) {
                throw new IllegalArgumentException("initial label " + labels[i] + " of row " + i
                    + " is not a component in [0, " + k + ")");
            }
            resp[i * k + labels[i]] = 1.0;
        }
        return resp;
    }

    /**
     * The outcome of one EM run; {@code responsibilities} is the run's n × k work array, which the final E-step
     * reuses instead of allocating another.
     */
    private record Run(GaussianComponents components, double lowerBound, int iterations, boolean converged,
        double[] responsibilities) {
    }

    private static Run run(final Matrix data, final double[] columnMeans, final Parameters p, final double[] initial,
        final Progress progress, final int restart) {
        final ExpectationMaximization em = new ExpectationMaximization(data.backingArrayReadOnly(), columnMeans,
            p.k(), p.covarianceType(), p.regularisation(), initial);
        GaussianComponents components = em.initialComponents();
        double lowerBound = Double.NEGATIVE_INFINITY;
        final double[] logLikelihood = new double[1];
        for (int iteration = 1; iteration <= p.maxIterations(); iteration++) {
            progress.checkCancelled();
            progress.report((restart + (iteration - 1.0) / p.maxIterations()) / p.restarts(), String.format(
                Locale.ROOT, "Gaussian mixture restart %d of %d, EM iteration %d", restart + 1, p.restarts(),
                iteration));
            final double previous = lowerBound;
            components = em.iterate(components, logLikelihood);
            lowerBound = logLikelihood[0];
            if (Math.abs(lowerBound - previous) < p.tolerance()) {
                return new Run(components, lowerBound, iteration, true, em.responsibilities);
            }
        }
        return new Run(components, lowerBound, p.maxIterations(), false, em.responsibilities);
    }

    private static GaussianMixtureModel finish(final Matrix data, final double[] columnMeans, final Parameters p,
        final Run best, final Progress progress) {
        progress.checkCancelled();
        // The final E-step (scikit-learn's fit_predict): labels consistent with predicting the training rows.
        final ExpectationMaximization em = new ExpectationMaximization(data.backingArrayReadOnly(), columnMeans, p.k(),
            p.covarianceType(), p.regularisation(), best.responsibilities);
        final double logLikelihood = em.expectation(best.components);
        final int[] labels = argmax(em.responsibilities, p.k());
        final GaussianComponents c = best.components;
        final double[] means = c.means.clone();
        for (int m = 0; m < p.k(); m++) {
            for (int j = 0; j < c.d; j++) {
                means[m * c.d + j] += columnMeans[j];
            }
        }
        progress.report(1.0, "Gaussian mixture done");
        return new GaussianMixtureModel(p, c.weights, Matrix.wrap(p.k(), c.d, means), c.covariances, labels,
            new GaussianMixtureModel.FitStatistics(best.lowerBound, logLikelihood, best.iterations, best.converged));
    }

    static int[] argmax(final double[] values, final int k) {
        final int[] labels = new int[values.length / k];
        for (int i = 0; i < labels.length; i++) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (values[i * k + c] > values[i * k + best]) {
                    best = c;
                }
            }
            labels[i] = best;
        }
        return labels;
    }

    /**
     * @return the mean of each column, the rows added in order. The work is in a method called per row: this one runs
     *         once per fit, so a loop over the values written here would run interpreted through the first fits.
     */
    private static double[] columnMeans(final Matrix data) {
        final int rows = data.rows();
        final int d = data.cols();
        final double[] values = data.backingArrayReadOnly();
        final double[] means = new double[d];
        for (int i = 0; i < rows; i++) {
            addRow(values, i * d, means);
        }
        for (int j = 0; j < d; j++) {
            means[j] /= rows;
        }
        return means;
    }

    private static void addRow(final double[] values, final int at, final double[] sum) {
        for (int j = 0; j < sum.length; j++) {
            sum[j] += values[at + j];
        }
    }
}
