package org.deepcluster.knime.node.cluster.assigner;

import javax.swing.JComboBox;
import javax.swing.JTextField;

import org.deepcluster.knime.util.FormPanel;
import org.deepcluster.knime.util.MissingValuePolicy;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortObjectSpec;

/** Dialog of the Cluster Assigner. */
final class ClusterAssignerNodeDialog extends NodeDialogPane {

    private final JComboBox<MissingValuePolicy> missing = new JComboBox<>(MissingValuePolicy.values());
    private final JTextField clusterColumn = new JTextField(15);

    ClusterAssignerNodeDialog() {
        missing.setRenderer(new javax.swing.DefaultListCellRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public java.awt.Component getListCellRendererComponent(final javax.swing.JList<?> list,
                final Object value, final int index, final boolean isSelected, final boolean cellHasFocus) {
                final Object shown = value instanceof MissingValuePolicy p ? p.label() : value;
                return super.getListCellRendererComponent(list, shown, index, isSelected, cellHasFocus);
            }
        });
        addTab("Options", new FormPanel().addRow(ClusterAssignerSettings.LABEL_MISSING, missing)
            .addRow(ClusterAssignerSettings.LABEL_CLUSTER_COLUMN, clusterColumn));
    }

    @Override
    protected void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs) {
        final ClusterAssignerSettings s = ClusterAssignerSettings.loadForDialog(settings);
        missing.setSelectedItem(s.missingValues);
        clusterColumn.setText(s.clusterColumn);
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        final ClusterAssignerSettings s = new ClusterAssignerSettings();
        s.missingValues = (MissingValuePolicy)missing.getSelectedItem();
        s.clusterColumn = clusterColumn.getText().trim();
        s.validate();
        s.saveTo(settings);
    }
}
