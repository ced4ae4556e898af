package org.deepcluster.knime.node.cluster.kmedoids;

import org.deepcluster.core.cluster.ClusterModel;
import org.deepcluster.core.cluster.KMedoids;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.progress.Progress;
import org.deepcluster.knime.node.cluster.ClusteringNodeModel;
import org.knime.core.node.InvalidSettingsException;

/** k-medoids (PAM / CLARA) on the base clustering node; the algorithm is the engine's {@link KMedoids}. */
final class KMedoidsNodeModel extends ClusteringNodeModel<KMedoidsSettings> {

    KMedoidsNodeModel() {
        super(KMedoidsSettings::new);
    }

    @Override
    protected String algorithmName() {
        return "k-medoids";
    }

    @Override
    protected int knownClusterCount() {
        return settings().k;
    }

    /** The Assigner's distance column: Euclidean distance to the nearest medoid. */
    @Override
    protected boolean assignsDistances() {
        return true;
    }

    @Override
    protected void checkRows(final int rows, final int skippedRows) throws InvalidSettingsException {
        final String skipped = skippedRows > 0 ? ", after skipping " + skippedRows + " rows with missing values" : "";
        if (settings().k > rows) {
            throw new InvalidSettingsException("Setting '" + KMedoidsSettings.LABEL_K + "' (" + settings().k
                + ") is larger than the number of rows to cluster (" + rows + skipped + "): lower k or provide more "
                + "rows.");
        }
        if (settings().method == KMedoids.Method.PAM && rows > KMedoids.PAM_MAX_ROWS) {
            throw new InvalidSettingsException("Setting '" + KMedoidsSettings.LABEL_METHOD + "': PAM is limited to "
                + KMedoids.PAM_MAX_ROWS + " rows (its distance matrix grows with rows²), but there are " + rows
                + " rows to cluster" + skipped + ": choose CLARA or Automatic.");
        }
    }

    @Override
    protected ClusterModel fit(final Matrix data, final Progress progress) {
        return KMedoids.fit(data, settings().parameters(), progress);
    }
}
