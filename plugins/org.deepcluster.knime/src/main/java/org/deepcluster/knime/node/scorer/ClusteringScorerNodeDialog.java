package org.deepcluster.knime.node.scorer;

import javax.swing.JComboBox;

import org.deepcluster.knime.util.FormPanel;
import org.deepcluster.knime.util.MissingValuePolicy;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;

/** Swing dialog of the Clustering Scorer node; reads and writes {@link ClusteringScorerSettings}. */
final class ClusteringScorerNodeDialog extends NodeDialogPane {

    private final JComboBox<String> reference = new JComboBox<>();
    private final JComboBox<String> cluster = new JComboBox<>();
    private final JComboBox<MissingValuePolicy> missing = new JComboBox<>(MissingValuePolicy.values());

    ClusteringScorerNodeDialog() {
        addTab("Options", new FormPanel()
            .addRow(ClusteringScorerSettings.LABEL_REFERENCE, reference)
            .addRow(ClusteringScorerSettings.LABEL_CLUSTER, cluster)
            .addRow(ClusteringScorerSettings.LABEL_MISSING, missing));
    }

    @Override
    protected void loadSettingsFrom(final NodeSettingsRO settings, final DataTableSpec[] specs)
        throws NotConfigurableException {
        final DataTableSpec spec = specs[0];
        if (spec == null || spec.getNumColumns() < 2) {
            throw new NotConfigurableException(
                "Connect a table with a reference column and a cluster column to the input port first.");
        }
        final ClusteringScorerSettings s = ClusteringScorerSettings.loadForDialog(settings);
        reference.removeAllItems();
        cluster.removeAllItems();
        for (final DataColumnSpec column : spec) {
            reference.addItem(column.getName());
            cluster.addItem(column.getName());
        }
        // Sensible first choice: the last column holds the cluster (as the Clusterer appends it), the one before
        // it the reference.
        reference.setSelectedItem(spec.containsName(s.referenceColumn) ? s.referenceColumn
            : spec.getColumnSpec(spec.getNumColumns() - 2).getName());
        cluster.setSelectedItem(spec.containsName(s.clusterColumn) ? s.clusterColumn
            : spec.getColumnSpec(spec.getNumColumns() - 1).getName());
        missing.setSelectedItem(s.missingValues);
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        final ClusteringScorerSettings s = new ClusteringScorerSettings();
        s.referenceColumn = (String)reference.getSelectedItem();
        s.clusterColumn = (String)cluster.getSelectedItem();
        s.missingValues = (MissingValuePolicy)missing.getSelectedItem();
        if (s.referenceColumn != null && s.referenceColumn.equals(s.clusterColumn)) {
            throw new InvalidSettingsException("Settings '" + ClusteringScorerSettings.LABEL_REFERENCE + "' and '"
                + ClusteringScorerSettings.LABEL_CLUSTER + "' name the same column: choose two different columns.");
        }
        s.saveTo(settings);
    }
}
