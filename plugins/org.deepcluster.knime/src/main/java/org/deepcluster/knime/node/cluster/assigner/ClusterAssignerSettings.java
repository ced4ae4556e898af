package org.deepcluster.knime.node.cluster.assigner;

import org.deepcluster.knime.util.MissingValuePolicy;
import org.deepcluster.knime.util.NodeSettingsObject;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/** The Cluster Assigner's settings: missing values and the cluster column's name. */
final class ClusterAssignerSettings implements NodeSettingsObject {

    static final String KEY_MISSING = "missing_values";
    static final String KEY_CLUSTER_COLUMN = "cluster_column";

    static final String LABEL_MISSING = "Rows with missing values";
    static final String LABEL_CLUSTER_COLUMN = "Cluster column name";

    MissingValuePolicy missingValues = MissingValuePolicy.FAIL;
    String clusterColumn = "Cluster";

    @Override
    public void saveTo(final NodeSettingsWO settings) {
        settings.addString(KEY_MISSING, missingValues.name());
        settings.addString(KEY_CLUSTER_COLUMN, clusterColumn);
    }

    static ClusterAssignerSettings load(final NodeSettingsRO settings) throws InvalidSettingsException {
        final ClusterAssignerSettings s = new ClusterAssignerSettings();
        try {
            s.missingValues = MissingValuePolicy.parse(settings.getString(KEY_MISSING), LABEL_MISSING);
        } catch (final IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
        s.clusterColumn = settings.getString(KEY_CLUSTER_COLUMN);
        s.validate();
        return s;
    }

    static ClusterAssignerSettings loadForDialog(final NodeSettingsRO settings) {
        final ClusterAssignerSettings s = new ClusterAssignerSettings();
        try {
            s.missingValues = MissingValuePolicy.parse(settings.getString(KEY_MISSING, s.missingValues.name()),
                LABEL_MISSING);
        } catch (final IllegalArgumentException e) { // NOSONAR: the dialog shows the default instead
            s.missingValues = MissingValuePolicy.FAIL;
        }
        s.clusterColumn = settings.getString(KEY_CLUSTER_COLUMN, s.clusterColumn);
        return s;
    }

    void validate() throws InvalidSettingsException {
        if (missingValues == null) {
            throw new InvalidSettingsException("Setting '" + LABEL_MISSING + "' is not set.");
        }
        if (clusterColumn == null || clusterColumn.isBlank()) {
            throw new InvalidSettingsException("Setting '" + LABEL_CLUSTER_COLUMN + "' must not be empty.");
        }
    }
}
