package org.deepcluster.knime.node.cluster.som;

import java.awt.Component;

import javax.swing.DefaultListCellRenderer;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JList;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;

import org.deepcluster.core.cluster.som.Decay;
import org.deepcluster.core.cluster.som.SelfOrganizingMap;
import org.deepcluster.core.cluster.som.SomGrid;
import org.deepcluster.knime.node.cluster.ClusteringNodeDialog;
import org.deepcluster.knime.util.DialogFields;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;

/** Dialog of the Self-Organizing Map node: the common clustering settings plus grid, schedule and merging. */
final class SelfOrganizingMapNodeDialog extends ClusteringNodeDialog<SelfOrganizingMapSettings> {

    private final JSpinner gridRows = new JSpinner(new SpinnerNumberModel(5, 1, SomGrid.MAX_UNITS, 1));
    private final JSpinner gridCols = new JSpinner(new SpinnerNumberModel(5, 1, SomGrid.MAX_UNITS, 1));
    private final JSpinner epochs = new JSpinner(new SpinnerNumberModel(20, 1, Integer.MAX_VALUE, 5));
    private final JComboBox<SelfOrganizingMap.Training> training =
        new JComboBox<>(SelfOrganizingMap.Training.values());
    private final JComboBox<SelfOrganizingMap.Init> init = new JComboBox<>(SelfOrganizingMap.Init.values());
    private final JTextField radiusStart = new JTextField(10);
    private final JTextField radiusEnd = new JTextField(10);
    private final JTextField rateStart = new JTextField(10);
    private final JTextField rateEnd = new JTextField(10);
    private final JComboBox<Decay> decay = new JComboBox<>(Decay.values());
    private final JSpinner merge = new JSpinner(new SpinnerNumberModel(0, 0, SomGrid.MAX_UNITS, 1));
    private final JTextField seed = new JTextField(10);
    private final JCheckBox unitColumns = new JCheckBox();

    SelfOrganizingMapNodeDialog() {
        super(SelfOrganizingMapSettings::new);
        training.setRenderer(new Renderer());
        init.setRenderer(new Renderer());
        decay.setRenderer(new Renderer());
        algorithmForm().addRow(SelfOrganizingMapSettings.LABEL_GRID_ROWS, gridRows)
            .addRow(SelfOrganizingMapSettings.LABEL_GRID_COLS, gridCols)
            .addRow(SelfOrganizingMapSettings.LABEL_EPOCHS, epochs)
            .addRow(SelfOrganizingMapSettings.LABEL_TRAINING, training)
            .addRow(SelfOrganizingMapSettings.LABEL_INIT, init)
            .addRow(SelfOrganizingMapSettings.LABEL_RADIUS_START, radiusStart)
            .addRow(SelfOrganizingMapSettings.LABEL_RADIUS_END, radiusEnd)
            .addRow(SelfOrganizingMapSettings.LABEL_RATE_START, rateStart)
            .addRow(SelfOrganizingMapSettings.LABEL_RATE_END, rateEnd)
            .addRow(SelfOrganizingMapSettings.LABEL_DECAY, decay)
            .addRow(SelfOrganizingMapSettings.LABEL_MERGE, merge)
            .addRow(SelfOrganizingMapSettings.LABEL_SEED, seed)
            .addRow(SelfOrganizingMapSettings.LABEL_UNIT_COLUMNS, unitColumns);
    }

    @Override
    protected void loadAlgorithm(final SelfOrganizingMapSettings s, final DataTableSpec spec) {
        gridRows.setValue(Math.max(1, Math.min(SomGrid.MAX_UNITS, s.gridRows)));
        gridCols.setValue(Math.max(1, Math.min(SomGrid.MAX_UNITS, s.gridCols)));
        epochs.setValue(Math.max(1, s.epochs));
        training.setSelectedItem(s.training);
        init.setSelectedItem(s.init);
        radiusStart.setText(Double.toString(s.radiusStart));
        radiusEnd.setText(Double.toString(s.radiusEnd));
        rateStart.setText(Double.toString(s.learningRateStart));
        rateEnd.setText(Double.toString(s.learningRateEnd));
        decay.setSelectedItem(s.decay);
        merge.setValue(Math.max(0, Math.min(SomGrid.MAX_UNITS, s.mergeClusters)));
        seed.setText(Long.toString(s.seed));
        unitColumns.setSelected(s.appendUnitColumns);
    }

    @Override
    protected void saveAlgorithm(final SelfOrganizingMapSettings s) throws InvalidSettingsException {
        s.gridRows = (Integer)gridRows.getValue();
        s.gridCols = (Integer)gridCols.getValue();
        s.epochs = (Integer)epochs.getValue();
        s.training = (SelfOrganizingMap.Training)training.getSelectedItem();
        s.init = (SelfOrganizingMap.Init)init.getSelectedItem();
        s.radiusStart = DialogFields.parseDouble(radiusStart.getText(), SelfOrganizingMapSettings.LABEL_RADIUS_START);
        s.radiusEnd = DialogFields.parseDouble(radiusEnd.getText(), SelfOrganizingMapSettings.LABEL_RADIUS_END);
        s.learningRateStart = DialogFields.parseDouble(rateStart.getText(), SelfOrganizingMapSettings.LABEL_RATE_START);
        s.learningRateEnd = DialogFields.parseDouble(rateEnd.getText(), SelfOrganizingMapSettings.LABEL_RATE_END);
        s.decay = (Decay)decay.getSelectedItem();
        s.mergeClusters = (Integer)merge.getValue();
        s.seed = DialogFields.parseLong(seed.getText(), SelfOrganizingMapSettings.LABEL_SEED);
        s.appendUnitColumns = unitColumns.isSelected();
    }

    /** Shows the enum values by readable labels. */
    private static final class Renderer extends DefaultListCellRenderer {
        private static final long serialVersionUID = 1L;

        @Override
        public Component getListCellRendererComponent(final JList<?> list, final Object value, final int index,
            final boolean isSelected, final boolean cellHasFocus) {
            final Object shown;
            if (value instanceof SelfOrganizingMap.Training t) {
                shown = t == SelfOrganizingMap.Training.BATCH ? "Batch" : "Online";
            } else if (value instanceof SelfOrganizingMap.Init i) {
                shown = i == SelfOrganizingMap.Init.PCA ? "PCA plane" : "Random rows";
            } else if (value instanceof Decay d) {
                shown = d == Decay.LINEAR ? "Linear" : "Exponential";
            } else {
                shown = value;
            }
            return super.getListCellRendererComponent(list, shown, index, isSelected, cellHasFocus);
        }
    }
}
