package org.deepcluster.knime.node.cluster.kmeans;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.deepcluster.core.cluster.KMeans;
import org.deepcluster.knime.node.cluster.ClusteringSettings;
import org.deepcluster.knime.port.ClusterDistance;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/**
 * The k-Means node's settings: the common clustering settings plus k, initialisation, algorithm (Lloyd or Elkan),
 * restarts, iterations, tolerance and seed.
 */
final class KMeansSettings extends ClusteringSettings {

    static final String KEY_K = "k";
    static final String KEY_RESTARTS = "restarts";
    static final String KEY_MAX_ITERATIONS = "max_iterations";
    static final String KEY_TOLERANCE = "tolerance";
    static final String KEY_SEED = "seed";
    static final String KEY_INIT = "init";
    static final String KEY_KMEANS_ALGORITHM = "kmeans_algorithm";

    static final String LABEL_K = "Number of clusters (k)";
    static final String LABEL_RESTARTS = "Restarts";
    static final String LABEL_MAX_ITERATIONS = "Maximum iterations";
    static final String LABEL_TOLERANCE = "Tolerance";
    static final String LABEL_SEED = "Random seed";
    static final String LABEL_INIT = "Initialisation";
    static final String LABEL_KMEANS_ALGORITHM = "Algorithm";

    int k = 3;
    int restarts = 10;
    int maxIterations = 300;
    double tolerance = 1e-4;
    long seed = 42;
    KMeans.Init init = KMeans.Init.K_MEANS_PLUS_PLUS;
    KMeans.Algorithm algorithm = KMeans.Algorithm.LLOYD;

    KMeans.Parameters parameters() {
        return new KMeans.Parameters(k, restarts, maxIterations, tolerance, seed, init, algorithm, null);
    }

    /** k-means on L2-normalised rows groups them by cosine similarity (spherical k-means up to the centroid norm). */
    @Override
    public Set<ClusterDistance> allowedDistances() {
        return EnumSet.allOf(ClusterDistance.class);
    }

    @Override
    protected void saveAlgorithmTo(final NodeSettingsWO settings) {
        settings.addInt(KEY_K, k);
        settings.addInt(KEY_RESTARTS, restarts);
        settings.addInt(KEY_MAX_ITERATIONS, maxIterations);
        settings.addDouble(KEY_TOLERANCE, tolerance);
        settings.addLong(KEY_SEED, seed);
        settings.addString(KEY_INIT, init.name());
        settings.addString(KEY_KMEANS_ALGORITHM, algorithm.name());
    }

    @Override
    protected void loadAlgorithmFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        k = settings.getInt(KEY_K);
        restarts = settings.getInt(KEY_RESTARTS);
        maxIterations = settings.getInt(KEY_MAX_ITERATIONS);
        tolerance = settings.getDouble(KEY_TOLERANCE);
        seed = settings.getLong(KEY_SEED);
        // Added after the first release of the node: workflows saved without them get the former behaviour.
        init = parseInit(settings.getString(KEY_INIT, KMeans.Init.K_MEANS_PLUS_PLUS.name()));
        algorithm = parseAlgorithm(settings.getString(KEY_KMEANS_ALGORITHM, KMeans.Algorithm.LLOYD.name()));
    }

    @Override
    protected void loadAlgorithmForDialog(final NodeSettingsRO settings) {
        k = settings.getInt(KEY_K, k);
        restarts = settings.getInt(KEY_RESTARTS, restarts);
        maxIterations = settings.getInt(KEY_MAX_ITERATIONS, maxIterations);
        tolerance = settings.getDouble(KEY_TOLERANCE, tolerance);
        seed = settings.getLong(KEY_SEED, seed);
        try {
            init = parseInit(settings.getString(KEY_INIT, init.name()));
            algorithm = parseAlgorithm(settings.getString(KEY_KMEANS_ALGORITHM, algorithm.name()));
        } catch (final InvalidSettingsException e) { // NOSONAR: the dialog shows the default instead
            // keep the defaults
        }
    }

    @Override
    protected void validateAlgorithm() throws InvalidSettingsException {
        check(k >= 1, LABEL_K, "must be at least 1 (is " + k + ")");
        check(restarts >= 1, LABEL_RESTARTS, "must be at least 1 (is " + restarts + ")");
        check(maxIterations >= 1, LABEL_MAX_ITERATIONS, "must be at least 1 (is " + maxIterations + ")");
        check(tolerance >= 0 && Double.isFinite(tolerance), LABEL_TOLERANCE,
            "must be a finite number ≥ 0 (is " + tolerance + ")");
    }

    /** @return the initialisation named by a stored value; GIVEN centres are not offered by the node */
    static KMeans.Init parseInit(final String value) throws InvalidSettingsException {
        if (KMeans.Init.K_MEANS_PLUS_PLUS.name().equals(value) || KMeans.Init.RANDOM.name().equals(value)) {
            return KMeans.Init.valueOf(value);
        }
        throw new InvalidSettingsException("Setting '" + LABEL_INIT + "': unknown initialisation '" + value
            + "'; use K_MEANS_PLUS_PLUS or RANDOM.");
    }

    /** @return the algorithm named by a stored value */
    static KMeans.Algorithm parseAlgorithm(final String value) throws InvalidSettingsException {
        try {
            return KMeans.Algorithm.valueOf(value == null ? "" : value.toUpperCase(Locale.ROOT));
        } catch (final IllegalArgumentException e) {
            throw new InvalidSettingsException("Setting '" + LABEL_KMEANS_ALGORITHM + "': unknown algorithm '" + value
                + "'; use LLOYD or ELKAN.", e);
        }
    }
}
