package org.deepcluster.knime.node.clusterer;

import javax.swing.JComboBox;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;

import org.deepcluster.knime.util.ColumnSelectionPanel;
import org.deepcluster.knime.util.DialogFields;
import org.deepcluster.knime.util.FormPanel;
import org.deepcluster.knime.util.MissingValuePolicy;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;

/** Swing dialog of the Clusterer node; reads and writes {@link ClustererSettings}. */
final class ClustererNodeDialog extends NodeDialogPane {

    private final ColumnSelectionPanel columns = new ColumnSelectionPanel(ClustererSettings.LABEL_COLUMNS);
    private final JComboBox<String> algorithm = new JComboBox<>(new String[]{ClustererSettings.ALGORITHM_KMEANS});
    private final JSpinner k = new JSpinner(new SpinnerNumberModel(3, 1, Integer.MAX_VALUE, 1));
    private final JSpinner restarts = new JSpinner(new SpinnerNumberModel(10, 1, 100_000, 1));
    private final JSpinner maxIterations = new JSpinner(new SpinnerNumberModel(300, 1, Integer.MAX_VALUE, 10));
    private final JTextField tolerance = new JTextField(10);
    private final JTextField seed = new JTextField(10);
    private final JComboBox<MissingValuePolicy> missing = new JComboBox<>(MissingValuePolicy.values());
    private final JTextField clusterColumn = new JTextField(15);

    ClustererNodeDialog() {
        missing.setRenderer(new PolicyRenderer());
        final FormPanel form = new FormPanel()
            .addWide(columns)
            .addRow(ClustererSettings.LABEL_ALGORITHM, algorithm)
            .addRow(ClustererSettings.LABEL_K, k)
            .addRow(ClustererSettings.LABEL_RESTARTS, restarts)
            .addRow(ClustererSettings.LABEL_MAX_ITERATIONS, maxIterations)
            .addRow(ClustererSettings.LABEL_TOLERANCE, tolerance)
            .addRow(ClustererSettings.LABEL_SEED, seed)
            .addRow(ClustererSettings.LABEL_MISSING, missing)
            .addRow(ClustererSettings.LABEL_CLUSTER_COLUMN, clusterColumn);
        addTab("Options", form);
    }

    @Override
    protected void loadSettingsFrom(final NodeSettingsRO settings, final DataTableSpec[] specs)
        throws NotConfigurableException {
        final DataTableSpec spec = specs[0];
        if (spec == null || spec.getNumColumns() == 0) {
            throw new NotConfigurableException("Connect a table with numeric columns to the input port first.");
        }
        final ClustererSettings s = ClustererSettings.loadForDialog(settings);
        columns.load(spec, s.allNumericColumns, s.includedColumnList());
        algorithm.setSelectedItem(s.algorithm);
        k.setValue(s.k);
        restarts.setValue(s.restarts);
        maxIterations.setValue(s.maxIterations);
        tolerance.setText(Double.toString(s.tolerance));
        seed.setText(Long.toString(s.seed));
        missing.setSelectedItem(s.missingValues);
        clusterColumn.setText(s.clusterColumn);
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        final ClustererSettings s = new ClustererSettings();
        s.allNumericColumns = columns.isAllNumeric();
        s.includedColumns = columns.includedColumns().toArray(new String[0]);
        s.algorithm = (String)algorithm.getSelectedItem();
        s.k = (Integer)k.getValue();
        s.restarts = (Integer)restarts.getValue();
        s.maxIterations = (Integer)maxIterations.getValue();
        s.tolerance = DialogFields.parseDouble(tolerance.getText(), ClustererSettings.LABEL_TOLERANCE);
        s.seed = DialogFields.parseLong(seed.getText(), ClustererSettings.LABEL_SEED);
        s.missingValues = (MissingValuePolicy)missing.getSelectedItem();
        s.clusterColumn = clusterColumn.getText().trim();
        s.validate();
        s.saveTo(settings);
    }

    /** Shows the policies by their labels. */
    private static final class PolicyRenderer extends javax.swing.DefaultListCellRenderer {
        private static final long serialVersionUID = 1L;

        @Override
        public java.awt.Component getListCellRendererComponent(final javax.swing.JList<?> list, final Object value,
            final int index, final boolean isSelected, final boolean cellHasFocus) {
            final Object shown = value instanceof MissingValuePolicy p ? p.label() : value;
            return super.getListCellRendererComponent(list, shown, index, isSelected, cellHasFocus);
        }
    }
}
