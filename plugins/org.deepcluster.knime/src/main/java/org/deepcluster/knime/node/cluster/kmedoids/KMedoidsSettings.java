package org.deepcluster.knime.node.cluster.kmedoids;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.deepcluster.core.cluster.KMedoids;
import org.deepcluster.knime.node.cluster.ClusteringSettings;
import org.deepcluster.knime.port.ClusterDistance;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/**
 * The k-Medoids node's settings: the common clustering settings plus k, the method (PAM, CLARA or automatic), the
 * CLARA samples and sample size, the maximum SWAP iterations and the seed.
 */
final class KMedoidsSettings extends ClusteringSettings {

    static final String KEY_K = "k";
    static final String KEY_METHOD = "method";
    static final String KEY_CLARA_SAMPLES = "clara_samples";
    static final String KEY_CLARA_SAMPLE_SIZE = "clara_sample_size";
    static final String KEY_MAX_ITERATIONS = "max_iterations";
    static final String KEY_SEED = "seed";

    static final String LABEL_K = "Number of clusters (k)";
    static final String LABEL_METHOD = "Method";
    static final String LABEL_CLARA_SAMPLES = "CLARA samples";
    static final String LABEL_CLARA_SAMPLE_SIZE = "CLARA sample size";
    static final String LABEL_MAX_ITERATIONS = "Maximum swap iterations";
    static final String LABEL_SEED = "Random seed";

    int k = 3;
    KMedoids.Method method = KMedoids.Method.AUTOMATIC;
    int claraSamples = 5;
    /** 0 = the default 80 + 4k. */
    int claraSampleSize = 0;
    int maxIterations = 100;
    long seed = 42;

    KMedoids.Parameters parameters() {
        return new KMedoids.Parameters(k, method, maxIterations, claraSamples, claraSampleSize, seed);
    }

    /** On L2-normalised rows the Euclidean distance is a monotone function of the cosine distance. */
    @Override
    public Set<ClusterDistance> allowedDistances() {
        return EnumSet.allOf(ClusterDistance.class);
    }

    @Override
    protected void saveAlgorithmTo(final NodeSettingsWO settings) {
        settings.addInt(KEY_K, k);
        settings.addString(KEY_METHOD, method.name());
        settings.addInt(KEY_CLARA_SAMPLES, claraSamples);
        settings.addInt(KEY_CLARA_SAMPLE_SIZE, claraSampleSize);
        settings.addInt(KEY_MAX_ITERATIONS, maxIterations);
        settings.addLong(KEY_SEED, seed);
    }

    @Override
    protected void loadAlgorithmFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        k = settings.getInt(KEY_K);
        method = parseMethod(settings.getString(KEY_METHOD));
        claraSamples = settings.getInt(KEY_CLARA_SAMPLES);
        claraSampleSize = settings.getInt(KEY_CLARA_SAMPLE_SIZE);
        maxIterations = settings.getInt(KEY_MAX_ITERATIONS);
        seed = settings.getLong(KEY_SEED);
    }

    @Override
    protected void loadAlgorithmForDialog(final NodeSettingsRO settings) {
        k = settings.getInt(KEY_K, k);
        try {
            method = parseMethod(settings.getString(KEY_METHOD, method.name()));
        } catch (final InvalidSettingsException e) { // NOSONAR: the dialog shows the default instead
            // keep the default
        }
        claraSamples = settings.getInt(KEY_CLARA_SAMPLES, claraSamples);
        claraSampleSize = settings.getInt(KEY_CLARA_SAMPLE_SIZE, claraSampleSize);
        maxIterations = settings.getInt(KEY_MAX_ITERATIONS, maxIterations);
        seed = settings.getLong(KEY_SEED, seed);
    }

    @Override
    protected void validateAlgorithm() throws InvalidSettingsException {
        check(k >= 1, LABEL_K, "must be at least 1 (is " + k + ")");
        check(method != null, LABEL_METHOD, "is not set");
        check(claraSamples >= 1, LABEL_CLARA_SAMPLES, "must be at least 1 (is " + claraSamples + ")");
        check(claraSampleSize == 0 || claraSampleSize >= k, LABEL_CLARA_SAMPLE_SIZE,
            "must be 0 (automatic: 80 + 4k) or at least k = " + k + " (is " + claraSampleSize + ")");
        check(maxIterations >= 0, LABEL_MAX_ITERATIONS, "must be at least 0 (is " + maxIterations + ")");
    }

    static KMedoids.Method parseMethod(final String value) throws InvalidSettingsException {
        try {
            return KMedoids.Method.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (final IllegalArgumentException | NullPointerException e) {
            throw new InvalidSettingsException("Setting '" + LABEL_METHOD + "': unknown method '" + value
                + "'; use AUTOMATIC, PAM or CLARA.", e);
        }
    }
}
