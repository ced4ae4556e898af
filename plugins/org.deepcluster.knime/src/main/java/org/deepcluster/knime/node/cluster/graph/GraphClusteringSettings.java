package org.deepcluster.knime.node.cluster.graph;

import java.util.EnumSet;
import java.util.Set;

import org.deepcluster.core.cluster.graph.CommunityDetection;
import org.deepcluster.core.cluster.graph.GraphClustering;
import org.deepcluster.core.cluster.graph.SharedNeighbourGraph;
import org.deepcluster.knime.node.cluster.ClusteringSettings;
import org.deepcluster.knime.port.ClusterDistance;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/** Settings of the Graph Clustering (Leiden/Louvain) node. */
final class GraphClusteringSettings extends ClusteringSettings {

    static final String KEY_METHOD = "method";
    static final String KEY_NEIGHBOURS = "neighbours";
    static final String KEY_RESOLUTION = "resolution";
    static final String KEY_ITERATIONS = "iterations";
    static final String KEY_PRUNE = "snn_prune";
    static final String KEY_SEED = "seed";

    static final String LABEL_METHOD = "Method";
    static final String LABEL_NEIGHBOURS = "Number of neighbours (k)";
    static final String LABEL_RESOLUTION = "Resolution";
    static final String LABEL_ITERATIONS = "Iterations";
    static final String LABEL_PRUNE = "SNN pruning threshold";
    static final String LABEL_SEED = "Random seed";

    CommunityDetection.Method method = CommunityDetection.Method.LEIDEN;
    int neighbours = 20;
    double resolution = 1.0;
    int iterations = 10;
    double prune = SharedNeighbourGraph.DEFAULT_PRUNE;
    long seed = 42;

    GraphClustering.Parameters parameters() {
        return new GraphClustering.Parameters(neighbours, method, resolution, iterations, prune, seed);
    }

    @Override
    public Set<ClusterDistance> allowedDistances() {
        return EnumSet.allOf(ClusterDistance.class);
    }

    @Override
    protected void saveAlgorithmTo(final NodeSettingsWO settings) {
        settings.addString(KEY_METHOD, method.name());
        settings.addInt(KEY_NEIGHBOURS, neighbours);
        settings.addDouble(KEY_RESOLUTION, resolution);
        settings.addInt(KEY_ITERATIONS, iterations);
        settings.addDouble(KEY_PRUNE, prune);
        settings.addLong(KEY_SEED, seed);
    }

    @Override
    protected void loadAlgorithmFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        method = parseMethod(settings.getString(KEY_METHOD));
        neighbours = settings.getInt(KEY_NEIGHBOURS);
        resolution = settings.getDouble(KEY_RESOLUTION);
        iterations = settings.getInt(KEY_ITERATIONS);
        prune = settings.getDouble(KEY_PRUNE);
        seed = settings.getLong(KEY_SEED);
    }

    @Override
    protected void loadAlgorithmForDialog(final NodeSettingsRO settings) {
        try {
            method = parseMethod(settings.getString(KEY_METHOD, method.name()));
        } catch (final InvalidSettingsException e) { // NOSONAR: the dialog shows the default
            // keep the default
        }
        neighbours = settings.getInt(KEY_NEIGHBOURS, neighbours);
        resolution = settings.getDouble(KEY_RESOLUTION, resolution);
        iterations = settings.getInt(KEY_ITERATIONS, iterations);
        prune = settings.getDouble(KEY_PRUNE, prune);
        seed = settings.getLong(KEY_SEED, seed);
    }

    static CommunityDetection.Method parseMethod(final String name) throws InvalidSettingsException {
        for (final CommunityDetection.Method m : CommunityDetection.Method.values()) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        throw new InvalidSettingsException("Unknown value '" + name + "' for setting '" + LABEL_METHOD
            + "': use LEIDEN or LOUVAIN");
    }

    @Override
    protected void validateAlgorithm() throws InvalidSettingsException {
        check(method != null, LABEL_METHOD, "is not set");
        check(neighbours >= 1, LABEL_NEIGHBOURS, "must be at least 1 (is " + neighbours + ")");
        check(resolution > 0 && Double.isFinite(resolution), LABEL_RESOLUTION,
            "must be a finite number > 0 (is " + resolution + ")");
        check(iterations >= 1, LABEL_ITERATIONS, "must be at least 1 (is " + iterations + ")");
        check(prune >= 0 && prune < 1, LABEL_PRUNE, "must be in [0, 1) (is " + prune + ")");
    }
}
