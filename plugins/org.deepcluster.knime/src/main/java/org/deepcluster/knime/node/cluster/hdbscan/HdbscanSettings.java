package org.deepcluster.knime.node.cluster.hdbscan;

import java.util.EnumSet;
import java.util.Set;

import org.deepcluster.core.cluster.density.Hdbscan;
import org.deepcluster.knime.node.cluster.ClusteringSettings;
import org.deepcluster.knime.port.ClusterDistance;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/** The HDBSCAN node's settings: the common clustering settings plus HDBSCAN's (the libraries' defaults). */
final class HdbscanSettings extends ClusteringSettings {

    static final String KEY_MIN_CLUSTER_SIZE = "min_cluster_size";
    static final String KEY_MIN_SAMPLES = "min_samples";
    static final String KEY_SELECTION_EPSILON = "cluster_selection_epsilon";
    static final String KEY_ALLOW_SINGLE_CLUSTER = "allow_single_cluster";

    static final String LABEL_MIN_CLUSTER_SIZE = "Minimum cluster size";
    static final String LABEL_MIN_SAMPLES = "Minimum samples";
    static final String LABEL_SELECTION_EPSILON = "Cluster selection epsilon";
    static final String LABEL_ALLOW_SINGLE_CLUSTER = "Allow a single cluster";

    int minClusterSize = 5;
    int minSamples = 0;
    double selectionEpsilon = 0;
    boolean allowSingleCluster = false;

    Hdbscan.Parameters parameters() {
        return new Hdbscan.Parameters(minClusterSize, minSamples, selectionEpsilon, allowSingleCluster);
    }

    /** With cosine, rows are scaled to length 1 first, so distances are between unit vectors. */
    @Override
    public Set<ClusterDistance> allowedDistances() {
        return EnumSet.allOf(ClusterDistance.class);
    }

    @Override
    protected void saveAlgorithmTo(final NodeSettingsWO settings) {
        settings.addInt(KEY_MIN_CLUSTER_SIZE, minClusterSize);
        settings.addInt(KEY_MIN_SAMPLES, minSamples);
        settings.addDouble(KEY_SELECTION_EPSILON, selectionEpsilon);
        settings.addBoolean(KEY_ALLOW_SINGLE_CLUSTER, allowSingleCluster);
    }

    @Override
    protected void loadAlgorithmFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        minClusterSize = settings.getInt(KEY_MIN_CLUSTER_SIZE);
        minSamples = settings.getInt(KEY_MIN_SAMPLES);
        selectionEpsilon = settings.getDouble(KEY_SELECTION_EPSILON);
        allowSingleCluster = settings.getBoolean(KEY_ALLOW_SINGLE_CLUSTER);
    }

    @Override
    protected void loadAlgorithmForDialog(final NodeSettingsRO settings) {
        minClusterSize = settings.getInt(KEY_MIN_CLUSTER_SIZE, minClusterSize);
        minSamples = settings.getInt(KEY_MIN_SAMPLES, minSamples);
        selectionEpsilon = settings.getDouble(KEY_SELECTION_EPSILON, selectionEpsilon);
        allowSingleCluster = settings.getBoolean(KEY_ALLOW_SINGLE_CLUSTER, allowSingleCluster);
    }

    @Override
    protected void validateAlgorithm() throws InvalidSettingsException {
        check(minClusterSize >= 2, LABEL_MIN_CLUSTER_SIZE, "must be at least 2 (is " + minClusterSize + ")");
        check(minSamples >= 0, LABEL_MIN_SAMPLES,
            "must be at least 1, or 0 for the same as " + LABEL_MIN_CLUSTER_SIZE + " (is " + minSamples + ")");
        check(selectionEpsilon >= 0 && Double.isFinite(selectionEpsilon), LABEL_SELECTION_EPSILON,
            "must be a finite number ≥ 0 (is " + selectionEpsilon + ")");
    }
}
