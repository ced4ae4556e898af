package org.deepcluster.knime.node.cluster;

import java.awt.Component;
import java.util.function.Supplier;

import javax.swing.DefaultListCellRenderer;
import javax.swing.JComboBox;
import javax.swing.JList;
import javax.swing.JTextField;

import org.deepcluster.knime.port.ClusterDistance;
import org.deepcluster.knime.util.ColumnSelectionPanel;
import org.deepcluster.knime.util.FormPanel;
import org.deepcluster.knime.util.MissingValuePolicy;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Base of the clustering nodes' dialogs: one "Options" tab with the feature column selection, the algorithm's own
 * fields, then the common settings (distance, only if the algorithm allows more than one; missing values; cluster
 * column name). A subclass creates its fields, adds them to {@link #algorithmForm()} in its constructor, and
 * implements {@link #loadAlgorithm} and {@link #saveAlgorithm}.
 *
 * @param <S> the node's settings type
 */
public abstract class ClusteringNodeDialog<S extends ClusteringSettings> extends NodeDialogPane {

    private final Supplier<S> settingsFactory;
    private final ColumnSelectionPanel columns = new ColumnSelectionPanel(ClusteringSettings.LABEL_COLUMNS);
    private final FormPanel algorithm = new FormPanel();
    private final JComboBox<ClusterDistance> distance;
    private final JComboBox<MissingValuePolicy> missing = new JComboBox<>(MissingValuePolicy.values());
    private final JTextField clusterColumn = new JTextField(15);

    /**
     * @param settingsFactory creates the settings with their defaults
     */
    protected ClusteringNodeDialog(final Supplier<S> settingsFactory) {
        this.settingsFactory = settingsFactory;
        final S defaults = settingsFactory.get();
        distance = new JComboBox<>(defaults.allowedDistances().toArray(new ClusterDistance[0]));
        distance.setRenderer(new LabelRenderer());
        missing.setRenderer(new LabelRenderer());
        final FormPanel form = new FormPanel().addWide(columns).addWide(algorithm);
        if (distance.getItemCount() > 1) {
            form.addRow(ClusteringSettings.LABEL_DISTANCE, distance);
        }
        form.addRow(ClusteringSettings.LABEL_MISSING, missing)
            .addRow(ClusteringSettings.LABEL_CLUSTER_COLUMN, clusterColumn);
        addTab("Options", form);
    }

    /** @return the form the subclass adds its fields to (between the column selection and the common settings) */
    protected final FormPanel algorithmForm() {
        return algorithm;
    }

    /**
     * Shows the algorithm's settings.
     *
     * @param settings the loaded settings (invalid or missing values replaced by defaults)
     * @param spec the input table spec
     */
    protected abstract void loadAlgorithm(S settings, DataTableSpec spec);

    /**
     * Copies the algorithm's fields into the settings (validation follows).
     *
     * @param settings the settings to fill
     * @throws InvalidSettingsException naming the setting if a field cannot be parsed
     */
    protected abstract void saveAlgorithm(S settings) throws InvalidSettingsException;

    @Override
    protected final void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        final DataTableSpec spec = (DataTableSpec)specs[0];
        if (spec == null || spec.getNumColumns() == 0) {
            throw new NotConfigurableException("Connect a table with numeric columns to the input port first.");
        }
        final S s = settingsFactory.get();
        s.loadForDialog(settings);
        columns.load(spec, s.allNumericColumns, s.includedColumnList());
        distance.setSelectedItem(s.distance);
        missing.setSelectedItem(s.missingValues);
        clusterColumn.setText(s.clusterColumn);
        loadAlgorithm(s, spec);
    }

    @Override
    protected final void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        final S s = settingsFactory.get();
        s.allNumericColumns = columns.isAllNumeric();
        s.includedColumns = columns.includedColumns().toArray(new String[0]);
        s.distance = (ClusterDistance)distance.getSelectedItem();
        s.missingValues = (MissingValuePolicy)missing.getSelectedItem();
        s.clusterColumn = clusterColumn.getText().trim();
        saveAlgorithm(s);
        s.validate();
        s.saveTo(settings);
    }

    /** Shows enum values by their labels. */
    static final class LabelRenderer extends DefaultListCellRenderer {
        private static final long serialVersionUID = 1L;

        @Override
        public Component getListCellRendererComponent(final JList<?> list, final Object value, final int index,
            final boolean isSelected, final boolean cellHasFocus) {
            final Object shown = value instanceof MissingValuePolicy p ? p.label()
                : value instanceof ClusterDistance d ? d.label() : value;
            return super.getListCellRendererComponent(list, shown, index, isSelected, cellHasFocus);
        }
    }
}
