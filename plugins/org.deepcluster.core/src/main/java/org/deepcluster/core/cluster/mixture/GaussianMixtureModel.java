package org.deepcluster.core.cluster.mixture;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;

import org.deepcluster.core.cluster.Assignment;
import org.deepcluster.core.cluster.ClusterModel;
import org.deepcluster.core.cluster.ClusterSizes;
import org.deepcluster.core.cluster.ModelState;
import org.deepcluster.core.data.Matrix;

/**
 * A fitted Gaussian mixture: weights, means and covariances of the k components, the settings, the component of each
 * training row and the fit statistics (lower bound, log-likelihood, BIC, AIC, iterations, convergence). Immutable.
 *
 * <p>Assignment: each row goes to its most probable component (the highest posterior probability; ties go to the
 * lower index); {@link Assignment#probabilities()} holds the posterior probability of every component (they sum to
 * 1 per row) and {@link Assignment#distances()} the Mahalanobis distance to the assigned component's mean.
 */
public final class GaussianMixtureModel implements ClusterModel {

    /** The {@link ClusterModel#algorithm()} of Gaussian mixture models. */
    public static final String ALGORITHM = "gaussian-mixture";

    /**
     * How the fit went.
     *
     * @param lowerBound the mean log-likelihood per row at the last EM iteration of the best restart (scikit-learn's
     *            {@code lower_bound_})
     * @param logLikelihood the mean log-likelihood per training row under the final parameters (scikit-learn's
     *            {@code score(X)})
     * @param iterations the EM iterations of the best restart ({@code n_iter_})
     * @param converged whether the best restart stopped because the lower bound changed by less than the tolerance
     */
    public record FitStatistics(double lowerBound, double logLikelihood, int iterations, boolean converged) {
    }

    private final GaussianMixture.Parameters parameters;
    private final Matrix means;
    private final GaussianComponents components;
    private final int[] labels;
    private final int[] sizes;
    private final FitStatistics statistics;

    /**
     * @param parameters the settings of the fit (k and the covariance type must match the arrays)
     * @param weights k weights
     * @param means k × d means
     * @param covariances per component d × d (full), d (diagonal) or 1 (spherical) values, concatenated; copied
     * @param labels the component of each training row; copied
     * @param statistics the fit statistics
     * @throws IllegalArgumentException if the parts are inconsistent or a covariance is not positive definite
     */
    public GaussianMixtureModel(final GaussianMixture.Parameters parameters, final double[] weights,
        final Matrix means, final double[] covariances, final int[] labels, final FitStatistics statistics) {
        parameters.validate();
        final int k = parameters.k();
        final int d = means.cols();
        if (weights.length != k || means.rows() != k || d < 1
            || covariances.length != k * parameters.covarianceType().storedPerComponent(d)) {
            throw new IllegalArgumentException("the mixture's weights, means and covariances do not fit k = " + k
                + " components of type " + parameters.covarianceType().sklearnName());
        }
        this.parameters = parameters;
        this.means = means;
        this.components = new GaussianComponents(parameters.covarianceType(), weights.clone(),
            flatten(means), covariances.clone());
        this.labels = labels.clone();
        this.sizes = ClusterSizes.count(this.labels, k, "component");
        this.statistics = statistics;
    }

    private static double[] flatten(final Matrix m) {
        final double[] out = new double[m.rows() * m.cols()];
        for (int i = 0; i < m.rows(); i++) {
            System.arraycopy(m.row(i), 0, out, i * m.cols(), m.cols());
        }
        return out;
    }

    /** @return the settings the model was fitted with */
    public GaussianMixture.Parameters parameters() {
        return parameters;
    }

    /** @return the covariance type */
    public CovarianceType covarianceType() {
        return parameters.covarianceType();
    }

    /** @return a copy of the mixture weights, one per component, summing to 1 */
    public double[] weights() {
        return components.weights.clone();
    }

    /** @return the component means, one row per component */
    public Matrix means() {
        return means;
    }

    /**
     * @param component a component index
     * @return its d × d covariance matrix (diagonal for the diagonal and spherical types), regularisation included
     */
    public Matrix covariance(final int component) {
        final int d = components.d;
        final double[] out = new double[d * d];
        final double[] cov = components.covariances;
        switch (covarianceType()) {
            case FULL -> System.arraycopy(cov, component * d * d, out, 0, d * d);
            case DIAGONAL -> {
                for (int j = 0; j < d; j++) {
                    out[j * d + j] = cov[component * d + j];
                }
            }
            case SPHERICAL -> {
                for (int j = 0; j < d; j++) {
                    out[j * d + j] = cov[component];
                }
            }
        }
        return Matrix.wrap(d, d, out);
    }

    /** @return a copy of the stored covariances (see the constructor for the layout) */
    public double[] covariances() {
        return components.covariances.clone();
    }

    /** @return the fit statistics */
    public FitStatistics statistics() {
        return statistics;
    }

    /** @return whether the best restart converged */
    public boolean converged() {
        return statistics.converged();
    }

    /** @return the number of free parameters (scikit-learn's {@code _n_parameters}) */
    public long freeParameters() {
        final int k = parameters.k();
        return k * parameters.covarianceType().parametersPerComponent(components.d) + (long)k * components.d + k - 1;
    }

    /** @return the Bayesian information criterion on the training data, −2 n·ll + p ln n (lower is better) */
    public double bic() {
        final int n = labels.length;
        return -2 * statistics.logLikelihood() * n + freeParameters() * Math.log(n);
    }

    /** @return the Akaike information criterion on the training data, −2 n·ll + 2p (lower is better) */
    public double aic() {
        return -2 * statistics.logLikelihood() * labels.length + 2.0 * freeParameters();
    }

    /**
     * @return a warning for the user when EM stopped at the iteration limit before converging (scikit-learn's
     *         ConvergenceWarning), else empty
     */
    public Optional<String> warning() {
        if (statistics.converged()) {
            return Optional.empty();
        }
        return Optional.of("the Gaussian mixture did not converge within " + parameters.maxIterations()
            + " EM iterations (best of " + parameters.restarts() + " restarts): increase max iterations or the "
            + "tolerance, try more restarts, or check for degenerate data");
    }

    /** @return the number of training rows of each component */
    public int[] clusterSizes() {
        return sizes.clone();
    }

    @Override
    public String algorithm() {
        return ALGORITHM;
    }

    @Override
    public int featureCount() {
        return components.d;
    }

    @Override
    public int clusterCount() {
        return parameters.k();
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** Most probable component; probabilities = posteriors; distances = Mahalanobis distance to its mean. */
    @Override
    public Assignment assign(final Matrix rows) {
        if (rows.rows() > 0 && rows.cols() != components.d) {
            throw new IllegalArgumentException("the data has " + rows.cols() + " columns but the Gaussian mixture "
                + "was fitted on " + components.d + " columns");
        }
        rows.requireFinite("the data");
        final int n = rows.rows();
        final int k = parameters.k();
        final double[] posteriors = new double[n * k];
        final int[] assigned = new int[n];
        final double[] distances = new double[n];
        final int block = ExpectationMaximization.BLOCK;
        final double[] x = rows.backingArrayReadOnly();
        IntStream.range(0, (n + block - 1) / block).parallel().forEach(b -> {
            final double[] logDensity = new double[k];
            final double[] scratch = new double[Math.max(k, components.d)];
            for (int i = b * block; i < Math.min(n, (b + 1) * block); i++) {
                final int at = i * components.d;
                components.weightedLogDensities(x, at, logDensity, scratch);
                final double lse = ExpectationMaximization.logSumExp(logDensity, k);
                int best = 0;
                for (int c = 0; c < k; c++) {
                    posteriors[i * k + c] = ExpectationMaximization.exp(logDensity[c] - lse);
                    if (logDensity[c] > logDensity[best]) {
                        best = c;
                    }
                }
                assigned[i] = best;
                distances[i] = Math.sqrt(components.mahalanobisSquared(x, at, best, scratch));
            }
        });
        return new Assignment(assigned, Matrix.wrap(n, k, posteriors), distances);
    }

    @Override
    public String summary() {
        final GaussianMixture.Parameters p = parameters;
        final StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Gaussian mixture, k = %d, %s covariances, %d features, %d training rows%n",
            p.k(), p.covarianceType().sklearnName(), components.d, labels.length));
        s.append(String.format(Locale.ROOT,
            "settings: init %s, restarts %d, max iterations %d, tolerance %g, regularisation %g, seed %d%n",
            p.init().label(), p.restarts(), p.maxIterations(), p.tolerance(), p.regularisation(), p.seed()));
        s.append(String.format(Locale.ROOT, "converged: %s after %d EM iterations%n",
            statistics.converged() ? "yes" : "NO", statistics.iterations()));
        s.append(String.format(Locale.ROOT, "lower bound (mean log-likelihood per row): %.6f%n",
            statistics.lowerBound()));
        s.append(String.format(Locale.ROOT, "log-likelihood per row: %.6f, BIC: %.4f, AIC: %.4f, free parameters: %d%n",
            statistics.logLikelihood(), bic(), aic(), freeParameters()));
        s.append("weights: ").append(Arrays.toString(components.weights)).append('\n');
        s.append("cluster sizes: ").append(Arrays.toString(sizes));
        warning().ifPresent(w -> s.append("\nwarning: ").append(w));
        return s.toString();
    }

    @Override
    public void save(final ModelState state) {
        final GaussianMixture.Parameters p = parameters;
        state.put("k", p.k());
        state.put("covarianceType", p.covarianceType().name());
        state.put("init", p.init().name());
        state.put("maxIterations", p.maxIterations());
        state.put("tolerance", p.tolerance());
        state.put("regularisation", p.regularisation());
        state.put("restarts", p.restarts());
        state.put("seed", p.seed());
        state.put("weights", components.weights);
        state.put("means", means);
        state.put("covariances", Matrix.wrap(p.k(), components.covariances.length / p.k(),
            components.covariances.clone()));
        state.put("labels", labels);
        state.put("lowerBound", statistics.lowerBound());
        state.put("logLikelihood", statistics.logLikelihood());
        state.put("iterations", statistics.iterations());
        state.put("converged", statistics.converged());
    }

    /**
     * @param state a state written by {@link #save}
     * @return the model
     * @throws IOException if the state is incomplete or inconsistent
     */
    public static GaussianMixtureModel read(final ModelState state) throws IOException {
        final GaussianMixture.Parameters p;
        try {
            p = new GaussianMixture.Parameters(state.integer("k", 1, Integer.MAX_VALUE),
                CovarianceType.valueOf(state.string("covarianceType")),
                GaussianMixture.Init.valueOf(state.string("init")), state.integer("maxIterations", 1,
                    Integer.MAX_VALUE), state.number("tolerance"), state.number("regularisation"),
                state.integer("restarts", 1, Integer.MAX_VALUE), state.integer("seed"));
        } catch (final IllegalArgumentException e) {
            throw new IOException("the Gaussian mixture model has an unknown covariance type or initialisation: "
                + e.getMessage(), e);
        }
        final Matrix covariances = state.matrix("covariances");
        final double[] flat = flatten(covariances);
        return new GaussianMixtureModel(p, state.doubles("weights"), state.matrix("means"), flat,
            state.ints("labels"), new FitStatistics(state.number("lowerBound"), state.number("logLikelihood"),
                state.integer("iterations", 0, Integer.MAX_VALUE), state.bool("converged")));
    }

    @Override
    public String toString() {
        return "GaussianMixtureModel[k=" + parameters.k() + ", " + covarianceType().sklearnName() + ", sizes="
            + Arrays.toString(sizes) + "]";
    }
}
