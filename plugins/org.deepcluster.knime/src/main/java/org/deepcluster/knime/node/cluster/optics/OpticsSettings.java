package org.deepcluster.knime.node.cluster.optics;

import java.util.EnumSet;
import java.util.Set;

import org.deepcluster.core.cluster.density.Optics;
import org.deepcluster.core.cluster.density.OpticsExtraction;
import org.deepcluster.knime.node.cluster.ClusteringSettings;
import org.deepcluster.knime.port.ClusterDistance;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/** The OPTICS node's settings: the common clustering settings plus OPTICS' and the extraction's (scikit-learn's defaults). */
final class OpticsSettings extends ClusteringSettings {

    static final String KEY_MIN_SAMPLES = "min_samples";
    static final String KEY_USE_MAX_EPS = "use_max_eps";
    static final String KEY_MAX_EPS = "max_eps";
    static final String KEY_EXTRACTION = "extraction";
    static final String KEY_XI = "xi";
    static final String KEY_MIN_CLUSTER_SIZE = "min_cluster_size";
    static final String KEY_PREDECESSOR_CORRECTION = "predecessor_correction";
    static final String KEY_EPS = "eps";

    static final String LABEL_MIN_SAMPLES = "Minimum samples";
    static final String LABEL_USE_MAX_EPS = "Limit the neighbourhood (maximum eps)";
    static final String LABEL_MAX_EPS = "Maximum eps";
    static final String LABEL_EXTRACTION = "Cluster extraction";
    static final String LABEL_XI = "ξ (xi)";
    static final String LABEL_MIN_CLUSTER_SIZE = "Minimum cluster size";
    static final String LABEL_PREDECESSOR_CORRECTION = "Predecessor correction";
    static final String LABEL_EPS = "Cut distance (eps)";

    /** The extraction values as stored. */
    static final String XI = "xi";
    static final String EPS_CUT = "eps";

    int minSamples = 5;
    boolean useMaxEps = false;
    double maxEps = 5;
    String extraction = XI;
    double xi = 0.05;
    int minClusterSize = 0;
    boolean predecessorCorrection = true;
    double eps = 0.5;

    Optics.Parameters parameters() {
        final OpticsExtraction e = XI.equals(extraction)
            ? new OpticsExtraction.Xi(xi, minClusterSize, predecessorCorrection) : new OpticsExtraction.EpsCut(eps);
        return new Optics.Parameters(minSamples, useMaxEps ? maxEps : Double.POSITIVE_INFINITY, e);
    }

    /** With cosine, rows are scaled to length 1 first, so the eps settings are distances between unit vectors. */
    @Override
    public Set<ClusterDistance> allowedDistances() {
        return EnumSet.allOf(ClusterDistance.class);
    }

    @Override
    protected void saveAlgorithmTo(final NodeSettingsWO settings) {
        settings.addInt(KEY_MIN_SAMPLES, minSamples);
        settings.addBoolean(KEY_USE_MAX_EPS, useMaxEps);
        settings.addDouble(KEY_MAX_EPS, maxEps);
        settings.addString(KEY_EXTRACTION, extraction);
        settings.addDouble(KEY_XI, xi);
        settings.addInt(KEY_MIN_CLUSTER_SIZE, minClusterSize);
        settings.addBoolean(KEY_PREDECESSOR_CORRECTION, predecessorCorrection);
        settings.addDouble(KEY_EPS, eps);
    }

    @Override
    protected void loadAlgorithmFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        minSamples = settings.getInt(KEY_MIN_SAMPLES);
        useMaxEps = settings.getBoolean(KEY_USE_MAX_EPS);
        maxEps = settings.getDouble(KEY_MAX_EPS);
        extraction = settings.getString(KEY_EXTRACTION);
        xi = settings.getDouble(KEY_XI);
        minClusterSize = settings.getInt(KEY_MIN_CLUSTER_SIZE);
        predecessorCorrection = settings.getBoolean(KEY_PREDECESSOR_CORRECTION);
        eps = settings.getDouble(KEY_EPS);
    }

    @Override
    protected void loadAlgorithmForDialog(final NodeSettingsRO settings) {
        minSamples = settings.getInt(KEY_MIN_SAMPLES, minSamples);
        useMaxEps = settings.getBoolean(KEY_USE_MAX_EPS, useMaxEps);
        maxEps = settings.getDouble(KEY_MAX_EPS, maxEps);
        final String e = settings.getString(KEY_EXTRACTION, extraction);
        extraction = EPS_CUT.equals(e) ? EPS_CUT : XI;
        xi = settings.getDouble(KEY_XI, xi);
        minClusterSize = settings.getInt(KEY_MIN_CLUSTER_SIZE, minClusterSize);
        predecessorCorrection = settings.getBoolean(KEY_PREDECESSOR_CORRECTION, predecessorCorrection);
        eps = settings.getDouble(KEY_EPS, eps);
    }

    @Override
    protected void validateAlgorithm() throws InvalidSettingsException {
        check(minSamples >= 2, LABEL_MIN_SAMPLES, "must be at least 2 (is " + minSamples + ")");
        check(!useMaxEps || maxEps > 0 && Double.isFinite(maxEps), LABEL_MAX_EPS,
            "must be a finite number > 0 (is " + maxEps + ")");
        check(XI.equals(extraction) || EPS_CUT.equals(extraction), LABEL_EXTRACTION,
            "must be \"" + XI + "\" or \"" + EPS_CUT + "\" (is \"" + extraction + "\")");
        if (XI.equals(extraction)) {
            check(xi > 0 && xi < 1, LABEL_XI, "must be between 0 and 1, exclusive (is " + xi + ")");
            check(minClusterSize == 0 || minClusterSize >= 2, LABEL_MIN_CLUSTER_SIZE,
                "must be at least 2, or 0 for the same as " + LABEL_MIN_SAMPLES + " (is " + minClusterSize + ")");
        } else {
            check(eps > 0 && Double.isFinite(eps), LABEL_EPS, "must be a finite number > 0 (is " + eps + ")");
            check(!useMaxEps || eps <= maxEps, LABEL_EPS, "(" + eps + ") must not exceed '" + LABEL_MAX_EPS + "' ("
                + maxEps + "): the ordering knows no reachability beyond it");
        }
    }
}
