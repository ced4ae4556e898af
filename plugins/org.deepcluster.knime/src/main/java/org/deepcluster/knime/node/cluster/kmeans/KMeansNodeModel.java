package org.deepcluster.knime.node.cluster.kmeans;

import org.deepcluster.core.cluster.ClusterModel;
import org.deepcluster.core.cluster.KMeans;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.progress.Progress;
import org.deepcluster.knime.node.cluster.ClusteringNodeModel;
import org.knime.core.node.InvalidSettingsException;

/** k-means on the base clustering node; the algorithm is the engine's {@link KMeans}. */
final class KMeansNodeModel extends ClusteringNodeModel<KMeansSettings> {

    KMeansNodeModel() {
        super(KMeansSettings::new);
    }

    @Override
    protected String algorithmName() {
        return "k-means";
    }

    @Override
    protected int knownClusterCount() {
        return settings().k;
    }

    /** The Assigner's distance column: Euclidean distance to the nearest centroid. */
    @Override
    protected boolean assignsDistances() {
        return true;
    }

    @Override
    protected void checkRows(final int rows, final int skippedRows) throws InvalidSettingsException {
        if (settings().k > rows) {
            throw new InvalidSettingsException("Setting '" + KMeansSettings.LABEL_K + "' (" + settings().k
                + ") is larger than the number of rows to cluster (" + rows
                + (skippedRows > 0 ? ", after skipping " + skippedRows + " rows with missing values" : "")
                + "): lower k or provide more rows.");
        }
    }

    @Override
    protected ClusterModel fit(final Matrix data, final Progress progress) {
        return KMeans.fit(data, settings().parameters(), progress);
    }
}
