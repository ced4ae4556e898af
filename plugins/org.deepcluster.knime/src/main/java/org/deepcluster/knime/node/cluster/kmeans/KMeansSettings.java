package org.deepcluster.knime.node.cluster.kmeans;

import java.util.EnumSet;
import java.util.Set;

import org.deepcluster.core.cluster.KMeans;
import org.deepcluster.knime.node.cluster.ClusteringSettings;
import org.deepcluster.knime.port.ClusterDistance;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/** The k-Means node's settings: the common clustering settings plus k, restarts, iterations, tolerance and seed. */
final class KMeansSettings extends ClusteringSettings {

    static final String KEY_K = "k";
    static final String KEY_RESTARTS = "restarts";
    static final String KEY_MAX_ITERATIONS = "max_iterations";
    static final String KEY_TOLERANCE = "tolerance";
    static final String KEY_SEED = "seed";

    static final String LABEL_K = "Number of clusters (k)";
    static final String LABEL_RESTARTS = "Restarts";
    static final String LABEL_MAX_ITERATIONS = "Maximum iterations";
    static final String LABEL_TOLERANCE = "Tolerance";
    static final String LABEL_SEED = "Random seed";

    int k = 3;
    int restarts = 10;
    int maxIterations = 300;
    double tolerance = 1e-4;
    long seed = 42;

    KMeans.Parameters parameters() {
        return new KMeans.Parameters(k, restarts, maxIterations, tolerance, seed);
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
    }

    @Override
    protected void loadAlgorithmFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        k = settings.getInt(KEY_K);
        restarts = settings.getInt(KEY_RESTARTS);
        maxIterations = settings.getInt(KEY_MAX_ITERATIONS);
        tolerance = settings.getDouble(KEY_TOLERANCE);
        seed = settings.getLong(KEY_SEED);
    }

    @Override
    protected void loadAlgorithmForDialog(final NodeSettingsRO settings) {
        k = settings.getInt(KEY_K, k);
        restarts = settings.getInt(KEY_RESTARTS, restarts);
        maxIterations = settings.getInt(KEY_MAX_ITERATIONS, maxIterations);
        tolerance = settings.getDouble(KEY_TOLERANCE, tolerance);
        seed = settings.getLong(KEY_SEED, seed);
    }

    @Override
    protected void validateAlgorithm() throws InvalidSettingsException {
        check(k >= 1, LABEL_K, "must be at least 1 (is " + k + ")");
        check(restarts >= 1, LABEL_RESTARTS, "must be at least 1 (is " + restarts + ")");
        check(maxIterations >= 1, LABEL_MAX_ITERATIONS, "must be at least 1 (is " + maxIterations + ")");
        check(tolerance >= 0 && Double.isFinite(tolerance), LABEL_TOLERANCE,
            "must be a finite number ≥ 0 (is " + tolerance + ")");
    }
}
