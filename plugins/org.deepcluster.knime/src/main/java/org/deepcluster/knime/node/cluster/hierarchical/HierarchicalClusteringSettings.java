package org.deepcluster.knime.node.cluster.hierarchical;

import java.util.EnumSet;
import java.util.Set;

import org.deepcluster.core.cluster.MemoryGuard;
import org.deepcluster.core.cluster.hierarchical.AgglomerativeClustering;
import org.deepcluster.core.cluster.hierarchical.Linkage;
import org.deepcluster.core.cluster.hierarchical.Metric;
import org.deepcluster.knime.node.cluster.ClusteringSettings;
import org.deepcluster.knime.port.ClusterDistance;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/**
 * The Hierarchical Clustering node's settings: the common clustering settings (with Euclidean or cosine distance)
 * plus linkage, how the tree is cut (number of clusters or distance threshold) and the memory limit of the distance
 * matrix. Ward linkage allows only the Euclidean distance.
 */
final class HierarchicalClusteringSettings extends ClusteringSettings {

    static final String KEY_LINKAGE = "linkage";
    static final String KEY_CUT = "cut";
    static final String KEY_K = "k";
    static final String KEY_THRESHOLD = "distance_threshold";
    static final String KEY_MEMORY_LIMIT = "memory_limit_mb";

    static final String LABEL_LINKAGE = "Linkage";
    static final String LABEL_CUT = "Cut the tree by";
    static final String LABEL_K = "Number of clusters (k)";
    static final String LABEL_THRESHOLD = "Distance threshold";
    static final String LABEL_MEMORY_LIMIT = "Memory limit (MB)";

    /** The values of {@link #cut}. */
    static final String CUT_CLUSTERS = "number of clusters";
    static final String CUT_HEIGHT = "distance threshold";

    String linkage = Linkage.WARD.id();
    String cut = CUT_CLUSTERS;
    int k = 3;
    double distanceThreshold = 1.0;
    long memoryLimitMb = MemoryGuard.DEFAULT_LIMIT_MB;

    /**
     * Cosine for complete, average and single linkage: the engine builds the tree on cosine distances 1 − cos (not on
     * Euclidean distances of the scaled rows, which would change average linkage and all heights).
     */
    @Override
    public Set<ClusterDistance> allowedDistances() {
        return EnumSet.allOf(ClusterDistance.class);
    }

    boolean cutByHeight() {
        return CUT_HEIGHT.equals(cut);
    }

    AgglomerativeClustering.Parameters parameters() {
        final Linkage l = Linkage.fromId(linkage);
        return (cutByHeight() ? AgglomerativeClustering.Parameters.height(l, distanceThreshold)
            : AgglomerativeClustering.Parameters.clusters(l, k)).withMemoryLimitMb(memoryLimitMb)
                .withMetric(distance() == ClusterDistance.COSINE ? Metric.COSINE : Metric.EUCLIDEAN);
    }

    @Override
    protected void saveAlgorithmTo(final NodeSettingsWO settings) {
        settings.addString(KEY_LINKAGE, linkage);
        settings.addString(KEY_CUT, cut);
        settings.addInt(KEY_K, k);
        settings.addDouble(KEY_THRESHOLD, distanceThreshold);
        settings.addLong(KEY_MEMORY_LIMIT, memoryLimitMb);
    }

    @Override
    protected void loadAlgorithmFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        linkage = settings.getString(KEY_LINKAGE);
        cut = settings.getString(KEY_CUT);
        k = settings.getInt(KEY_K);
        distanceThreshold = settings.getDouble(KEY_THRESHOLD);
        memoryLimitMb = settings.getLong(KEY_MEMORY_LIMIT);
    }

    @Override
    protected void loadAlgorithmForDialog(final NodeSettingsRO settings) {
        linkage = settings.getString(KEY_LINKAGE, linkage);
        cut = settings.getString(KEY_CUT, cut);
        k = settings.getInt(KEY_K, k);
        distanceThreshold = settings.getDouble(KEY_THRESHOLD, distanceThreshold);
        memoryLimitMb = settings.getLong(KEY_MEMORY_LIMIT, memoryLimitMb);
    }

    @Override
    protected void validateAlgorithm() throws InvalidSettingsException {
        try {
            Linkage.fromId(linkage);
        } catch (final IllegalArgumentException e) {
            throw new InvalidSettingsException("Setting '" + LABEL_LINKAGE + "': " + e.getMessage() + ".", e);
        }
        if (Linkage.WARD.id().equals(linkage) && distance() == ClusterDistance.COSINE) {
            throw new InvalidSettingsException("Setting '" + LABEL_DISTANCE + "': " + ClusterDistance.COSINE.label()
                + " distance cannot be used with ward linkage (setting '" + LABEL_LINKAGE + "'), which minimises the "
                + "Euclidean within-cluster variance: choose complete, average or single linkage, or the "
                + ClusterDistance.EUCLIDEAN.label() + " distance.");
        }
        check(CUT_CLUSTERS.equals(cut) || CUT_HEIGHT.equals(cut), LABEL_CUT,
            "must be '" + CUT_CLUSTERS + "' or '" + CUT_HEIGHT + "' (is '" + cut + "')");
        if (cutByHeight()) {
            check(distanceThreshold > 0 && Double.isFinite(distanceThreshold), LABEL_THRESHOLD,
                "must be a finite number > 0 (is " + distanceThreshold + ")");
        } else {
            check(k >= 1, LABEL_K, "must be at least 1 (is " + k + ")");
        }
        check(memoryLimitMb >= 1, LABEL_MEMORY_LIMIT, "must be at least 1 (is " + memoryLimitMb + ")");
    }
}
