package org.deepcluster.knime.node.scorer;

import org.deepcluster.knime.util.MissingValuePolicy;
import org.knime.core.data.DataTableSpec;
import org.deepcluster.knime.util.NodeSettingsObject;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/** The Clustering Scorer node's settings: keys, defaults and validation, shared by model and dialog. */
final class ClusteringScorerSettings implements NodeSettingsObject {

    static final String KEY_REFERENCE = "reference_column";
    static final String KEY_CLUSTER = "cluster_column";
    static final String KEY_MISSING = "missing_values";

    static final String LABEL_REFERENCE = "Reference column";
    static final String LABEL_CLUSTER = "Cluster column";
    static final String LABEL_MISSING = "Rows with missing values";

    String referenceColumn = "";
    String clusterColumn = "";
    MissingValuePolicy missingValues = MissingValuePolicy.FAIL;

    @Override
    public void saveTo(final NodeSettingsWO settings) {
        settings.addString(KEY_REFERENCE, referenceColumn);
        settings.addString(KEY_CLUSTER, clusterColumn);
        settings.addString(KEY_MISSING, missingValues.name());
    }

    static ClusteringScorerSettings load(final NodeSettingsRO settings) throws InvalidSettingsException {
        final ClusteringScorerSettings s = new ClusteringScorerSettings();
        s.referenceColumn = settings.getString(KEY_REFERENCE);
        s.clusterColumn = settings.getString(KEY_CLUSTER);
        try {
            s.missingValues = MissingValuePolicy.parse(settings.getString(KEY_MISSING), LABEL_MISSING);
        } catch (final IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
        if (s.referenceColumn == null || s.clusterColumn == null) {
            throw new InvalidSettingsException("Settings '" + LABEL_REFERENCE + "' and '" + LABEL_CLUSTER
                + "' must be set.");
        }
        return s;
    }

    static ClusteringScorerSettings loadForDialog(final NodeSettingsRO settings) {
        final ClusteringScorerSettings s = new ClusteringScorerSettings();
        s.referenceColumn = settings.getString(KEY_REFERENCE, "");
        s.clusterColumn = settings.getString(KEY_CLUSTER, "");
        try {
            s.missingValues =
                MissingValuePolicy.parse(settings.getString(KEY_MISSING, s.missingValues.name()), LABEL_MISSING);
        } catch (final IllegalArgumentException e) { // NOSONAR: the dialog shows the default instead
            s.missingValues = MissingValuePolicy.FAIL;
        }
        return s;
    }

    /**
     * Checks the two columns against a table.
     *
     * @param spec the input table spec
     * @return the indices of the reference and the cluster column
     * @throws InvalidSettingsException if a column is not set or not in the table
     */
    int[] resolve(final DataTableSpec spec) throws InvalidSettingsException {
        return new int[]{column(spec, referenceColumn, LABEL_REFERENCE, "the true labels"),
            column(spec, clusterColumn, LABEL_CLUSTER, "the cluster assignment")};
    }

    private static int column(final DataTableSpec spec, final String name, final String label, final String what)
        throws InvalidSettingsException {
        if (name == null || name.isEmpty()) {
            throw new InvalidSettingsException("No column selected in setting '" + label
                + "': open the dialog and choose the column with " + what + ".");
        }
        final int index = spec.findColumnIndex(name);
        if (index < 0) {
            throw new InvalidSettingsException("Column '" + name + "' (setting '" + label
                + "') is not in the input table: choose the column with " + what + " in the dialog.");
        }
        return index;
    }
}
