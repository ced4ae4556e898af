package org.deepcluster.knime.node.cluster.dbscan;

import java.util.EnumSet;
import java.util.Set;

import org.deepcluster.core.cluster.density.Dbscan;
import org.deepcluster.knime.node.cluster.ClusteringSettings;
import org.deepcluster.knime.port.ClusterDistance;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/** The DBSCAN node's settings: the common clustering settings plus eps and minPts (scikit-learn's defaults). */
final class DbscanSettings extends ClusteringSettings {

    static final String KEY_EPS = "eps";
    static final String KEY_MIN_PTS = "min_pts";

    static final String LABEL_EPS = "Neighbourhood radius (eps)";
    static final String LABEL_MIN_PTS = "Minimum points (minPts)";

    double eps = 0.5;
    int minPts = 5;

    Dbscan.Parameters parameters() {
        return new Dbscan.Parameters(eps, minPts);
    }

    /** With cosine, rows are scaled to length 1 first, so eps is a distance between unit vectors. */
    @Override
    public Set<ClusterDistance> allowedDistances() {
        return EnumSet.allOf(ClusterDistance.class);
    }

    @Override
    protected void saveAlgorithmTo(final NodeSettingsWO settings) {
        settings.addDouble(KEY_EPS, eps);
        settings.addInt(KEY_MIN_PTS, minPts);
    }

    @Override
    protected void loadAlgorithmFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        eps = settings.getDouble(KEY_EPS);
        minPts = settings.getInt(KEY_MIN_PTS);
    }

    @Override
    protected void loadAlgorithmForDialog(final NodeSettingsRO settings) {
        eps = settings.getDouble(KEY_EPS, eps);
        minPts = settings.getInt(KEY_MIN_PTS, minPts);
    }

    @Override
    protected void validateAlgorithm() throws InvalidSettingsException {
        check(eps > 0 && Double.isFinite(eps), LABEL_EPS, "must be a finite number > 0 (is " + eps + ")");
        check(minPts >= 1, LABEL_MIN_PTS, "must be at least 1 (is " + minPts + ")");
    }
}
