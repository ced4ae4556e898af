package org.deepcluster.knime.node.cluster.mixture;

import java.util.Locale;

import org.deepcluster.core.cluster.mixture.CovarianceType;
import org.deepcluster.core.cluster.mixture.GaussianMixture;
import org.deepcluster.knime.node.cluster.ClusteringSettings;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/**
 * The Gaussian Mixture node's settings: the common clustering settings plus scikit-learn's GaussianMixture settings
 * (defaults as scikit-learn's, except k and the seed) and whether to append the probability columns.
 */
final class GaussianMixtureSettings extends ClusteringSettings {

    static final String KEY_K = "k";
    static final String KEY_COVARIANCE = "covariance_type";
    static final String KEY_INIT = "initialisation";
    static final String KEY_MAX_ITERATIONS = "max_iterations";
    static final String KEY_TOLERANCE = "tolerance";
    static final String KEY_REGULARISATION = "covariance_regularisation";
    static final String KEY_RESTARTS = "restarts";
    static final String KEY_SEED = "seed";
    static final String KEY_PROBABILITIES = "append_probabilities";

    static final String LABEL_K = "Number of components (k)";
    static final String LABEL_COVARIANCE = "Covariance type";
    static final String LABEL_INIT = "Initialisation";
    static final String LABEL_MAX_ITERATIONS = "Maximum EM iterations";
    static final String LABEL_TOLERANCE = "Tolerance";
    static final String LABEL_REGULARISATION = "Covariance regularisation";
    static final String LABEL_RESTARTS = "Restarts";
    static final String LABEL_SEED = "Random seed";
    static final String LABEL_PROBABILITIES = "Append probability columns";

    int k = 3;
    CovarianceType covarianceType = CovarianceType.FULL;
    GaussianMixture.Init init = GaussianMixture.Init.KMEANS;
    int maxIterations = 100;
    double tolerance = 1e-3;
    double regularisation = 1e-6;
    int restarts = 1;
    long seed = 42;
    boolean appendProbabilities = true;

    GaussianMixture.Parameters parameters() {
        return new GaussianMixture.Parameters(k, covarianceType, init, maxIterations, tolerance, regularisation,
            restarts, seed);
    }

    @Override
    protected void saveAlgorithmTo(final NodeSettingsWO settings) {
        settings.addInt(KEY_K, k);
        settings.addString(KEY_COVARIANCE, covarianceType.name());
        settings.addString(KEY_INIT, init.name());
        settings.addInt(KEY_MAX_ITERATIONS, maxIterations);
        settings.addDouble(KEY_TOLERANCE, tolerance);
        settings.addDouble(KEY_REGULARISATION, regularisation);
        settings.addInt(KEY_RESTARTS, restarts);
        settings.addLong(KEY_SEED, seed);
        settings.addBoolean(KEY_PROBABILITIES, appendProbabilities);
    }

    @Override
    protected void loadAlgorithmFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        k = settings.getInt(KEY_K);
        covarianceType = covariance(settings.getString(KEY_COVARIANCE));
        init = init(settings.getString(KEY_INIT));
        maxIterations = settings.getInt(KEY_MAX_ITERATIONS);
        tolerance = settings.getDouble(KEY_TOLERANCE);
        regularisation = settings.getDouble(KEY_REGULARISATION);
        restarts = settings.getInt(KEY_RESTARTS);
        seed = settings.getLong(KEY_SEED);
        appendProbabilities = settings.getBoolean(KEY_PROBABILITIES);
    }

    @Override
    protected void loadAlgorithmForDialog(final NodeSettingsRO settings) {
        k = settings.getInt(KEY_K, k);
        try {
            covarianceType = covariance(settings.getString(KEY_COVARIANCE, covarianceType.name()));
            init = init(settings.getString(KEY_INIT, init.name()));
        } catch (final InvalidSettingsException e) { // NOSONAR: the dialog shows the defaults instead
            covarianceType = CovarianceType.FULL;
            init = GaussianMixture.Init.KMEANS;
        }
        maxIterations = settings.getInt(KEY_MAX_ITERATIONS, maxIterations);
        tolerance = settings.getDouble(KEY_TOLERANCE, tolerance);
        regularisation = settings.getDouble(KEY_REGULARISATION, regularisation);
        restarts = settings.getInt(KEY_RESTARTS, restarts);
        seed = settings.getLong(KEY_SEED, seed);
        appendProbabilities = settings.getBoolean(KEY_PROBABILITIES, appendProbabilities);
    }

    @Override
    protected void validateAlgorithm() throws InvalidSettingsException {
        check(k >= 1, LABEL_K, "must be at least 1 (is " + k + ")");
        check(covarianceType != null, LABEL_COVARIANCE, "is not set");
        check(init != null, LABEL_INIT, "is not set");
        check(maxIterations >= 1, LABEL_MAX_ITERATIONS, "must be at least 1 (is " + maxIterations + ")");
        check(tolerance >= 0 && Double.isFinite(tolerance), LABEL_TOLERANCE,
            "must be a finite number ≥ 0 (is " + tolerance + ")");
        check(regularisation >= 0 && Double.isFinite(regularisation), LABEL_REGULARISATION,
            "must be a finite number ≥ 0 (is " + regularisation + ")");
        check(restarts >= 1, LABEL_RESTARTS, "must be at least 1 (is " + restarts + ")");
    }

    static CovarianceType covariance(final String name) throws InvalidSettingsException {
        try {
            return CovarianceType.valueOf(name);
        } catch (final IllegalArgumentException | NullPointerException e) {
            throw new InvalidSettingsException("Setting '" + LABEL_COVARIANCE + "': unknown value '" + name
                + "'; use FULL, DIAGONAL or SPHERICAL.", e);
        }
    }

    static GaussianMixture.Init init(final String name) throws InvalidSettingsException {
        try {
            return GaussianMixture.Init.valueOf(name);
        } catch (final IllegalArgumentException | NullPointerException e) {
            throw new InvalidSettingsException("Setting '" + LABEL_INIT + "': unknown value '" + name
                + "'; use KMEANS or RANDOM.", e);
        }
    }

    /** @param type a covariance type; @return how the dialog shows it */
    static String label(final CovarianceType type) {
        return switch (type) {
            case FULL -> "Full (any ellipsoid)";
            case DIAGONAL -> "Diagonal (axis-aligned ellipsoids)";
            case SPHERICAL -> "Spherical (one variance per component)";
        };
    }

    /** @param init an initialisation; @return how the dialog shows it */
    static String label(final GaussianMixture.Init init) {
        return init == GaussianMixture.Init.KMEANS ? "k-means" : "Random responsibilities";
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "GaussianMixtureSettings[k=%d, %s]", k, covarianceType);
    }
}
