package org.deepcluster.knime.node.cluster.dbscan;

import org.deepcluster.core.cluster.ClusterModel;
import org.deepcluster.core.cluster.density.Dbscan;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.progress.Progress;
import org.deepcluster.knime.node.cluster.ClusteringNodeModel;
import org.deepcluster.knime.node.cluster.RowCountCheck;
import org.knime.core.node.InvalidSettingsException;

/** DBSCAN on the base clustering node; the algorithm is the engine's {@link Dbscan}. */
final class DbscanNodeModel extends ClusteringNodeModel<DbscanSettings> {

    DbscanNodeModel() {
        super(DbscanSettings::new);
    }

    @Override
    protected String algorithmName() {
        return "DBSCAN";
    }

    @Override
    protected boolean mayAssignNoise() {
        return true;
    }

    /** The Assigner's distance column: the distance to the nearest core point. */
    @Override
    protected boolean assignsDistances() {
        return true;
    }

    @Override
    protected void checkRows(final int rows, final int skippedRows) throws InvalidSettingsException {
        RowCountCheck.atMostRows(settings().minPts, DbscanSettings.LABEL_MIN_PTS, rows, skippedRows);
    }

    @Override
    protected ClusterModel fit(final Matrix data, final Progress progress) {
        return Dbscan.fit(data, settings().parameters(), progress);
    }
}
