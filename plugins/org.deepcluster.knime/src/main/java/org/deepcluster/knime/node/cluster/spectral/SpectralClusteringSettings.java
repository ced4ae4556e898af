package org.deepcluster.knime.node.cluster.spectral;

import org.deepcluster.core.cluster.MemoryGuard;
import org.deepcluster.core.cluster.spectral.Affinity;
import org.deepcluster.core.cluster.spectral.SpectralClustering;
import org.deepcluster.knime.node.cluster.ClusteringSettings;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/** The Spectral Clustering node's settings: the common clustering settings plus k, affinity, neighbours, gamma, seed
 * and the memory limit of the dense RBF affinity. */
final class SpectralClusteringSettings extends ClusteringSettings {

    static final String KEY_K = "k";
    static final String KEY_AFFINITY = "affinity";
    static final String KEY_NEIGHBORS = "neighbors";
    static final String KEY_GAMMA = "gamma";
    static final String KEY_SEED = "seed";
    static final String KEY_MEMORY_LIMIT = "memory_limit_mb";

    static final String LABEL_K = "Number of clusters (k)";
    static final String LABEL_AFFINITY = "Affinity";
    static final String LABEL_NEIGHBORS = "Number of neighbours";
    static final String LABEL_GAMMA = "RBF gamma";
    static final String LABEL_SEED = "Random seed";
    static final String LABEL_MEMORY_LIMIT = "Memory limit (MB)";

    int k = 3;
    String affinity = Affinity.NEAREST_NEIGHBORS.id();
    int neighbors = 10;
    double gamma = 1.0;
    long seed = 42;
    long memoryLimitMb = MemoryGuard.DEFAULT_LIMIT_MB;

    SpectralClustering.Parameters parameters() {
        return new SpectralClustering.Parameters(k, Affinity.fromId(affinity), neighbors, gamma, seed, memoryLimitMb);
    }

    @Override
    protected void saveAlgorithmTo(final NodeSettingsWO settings) {
        settings.addInt(KEY_K, k);
        settings.addString(KEY_AFFINITY, affinity);
        settings.addInt(KEY_NEIGHBORS, neighbors);
        settings.addDouble(KEY_GAMMA, gamma);
        settings.addLong(KEY_SEED, seed);
        settings.addLong(KEY_MEMORY_LIMIT, memoryLimitMb);
    }

    @Override
    protected void loadAlgorithmFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        k = settings.getInt(KEY_K);
        affinity = settings.getString(KEY_AFFINITY);
        neighbors = settings.getInt(KEY_NEIGHBORS);
        gamma = settings.getDouble(KEY_GAMMA);
        seed = settings.getLong(KEY_SEED);
        memoryLimitMb = settings.getLong(KEY_MEMORY_LIMIT);
    }

    @Override
    protected void loadAlgorithmForDialog(final NodeSettingsRO settings) {
        k = settings.getInt(KEY_K, k);
        affinity = settings.getString(KEY_AFFINITY, affinity);
        neighbors = settings.getInt(KEY_NEIGHBORS, neighbors);
        gamma = settings.getDouble(KEY_GAMMA, gamma);
        seed = settings.getLong(KEY_SEED, seed);
        memoryLimitMb = settings.getLong(KEY_MEMORY_LIMIT, memoryLimitMb);
    }

    @Override
    protected void validateAlgorithm() throws InvalidSettingsException {
        check(k >= 1, LABEL_K, "must be at least 1 (is " + k + ")");
        try {
            Affinity.fromId(affinity);
        } catch (final IllegalArgumentException e) {
            throw new InvalidSettingsException("Setting '" + LABEL_AFFINITY + "': " + e.getMessage() + ".", e);
        }
        check(neighbors >= 2, LABEL_NEIGHBORS, "must be at least 2, the row itself and one more (is " + neighbors
            + ")");
        check(gamma > 0 && Double.isFinite(gamma), LABEL_GAMMA, "must be a finite number > 0 (is " + gamma + ")");
        check(memoryLimitMb >= 1, LABEL_MEMORY_LIMIT, "must be at least 1 (is " + memoryLimitMb + ")");
    }
}
