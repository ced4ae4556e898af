package org.deepcluster.knime.node.cluster.graph;

import org.deepcluster.core.cluster.ClusterModel;
import org.deepcluster.core.cluster.graph.CommunityDetection;
import org.deepcluster.core.cluster.graph.GraphClustering;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.progress.Progress;
import org.deepcluster.knime.node.cluster.ClusteringNodeModel;
import org.knime.core.node.InvalidSettingsException;

/** Louvain/Leiden on the shared-nearest-neighbour graph, on the base clustering node ({@link GraphClustering}). */
final class GraphClusteringNodeModel extends ClusteringNodeModel<GraphClusteringSettings> {

    GraphClusteringNodeModel() {
        super(GraphClusteringSettings::new);
    }

    @Override
    protected String algorithmName() {
        return settings().method == CommunityDetection.Method.LEIDEN ? "Leiden" : "Louvain";
    }

    @Override
    protected void checkRows(final int rows, final int skippedRows) throws InvalidSettingsException {
        if (settings().neighbours >= rows) {
            throw new InvalidSettingsException("Setting '" + GraphClusteringSettings.LABEL_NEIGHBOURS + "' ("
                + settings().neighbours + ") must be less than the number of rows to cluster (" + rows
                + (skippedRows > 0 ? ", after skipping " + skippedRows + " rows with missing values" : "")
                + "): lower k or provide more rows.");
        }
    }

    @Override
    protected ClusterModel fit(final Matrix data, final Progress progress) {
        return GraphClustering.fit(data, settings().parameters(), progress);
    }
}
