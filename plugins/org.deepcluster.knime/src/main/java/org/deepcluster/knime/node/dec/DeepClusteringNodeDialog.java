package org.deepcluster.knime.node.dec;

import java.awt.Component;

import javax.swing.DefaultListCellRenderer;
import javax.swing.JComboBox;
import javax.swing.JList;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;

import org.deepcluster.core.encode.Optimizer;
import org.deepcluster.knime.util.DialogFields;
import org.deepcluster.knime.util.FormPanel;
import org.deepcluster.knime.util.MissingValuePolicy;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortObjectSpec;

/** Swing dialog of the Deep Embedded Clustering node; reads and writes {@link DeepClusteringSettings}. */
final class DeepClusteringNodeDialog extends NodeDialogPane {

    private final JSpinner k = new JSpinner(new SpinnerNumberModel(3, 2, Integer.MAX_VALUE, 1));
    private final JTextField reconstructionWeight = new JTextField(10);
    private final JTextField alpha = new JTextField(10);
    private final JSpinner updateInterval = new JSpinner(new SpinnerNumberModel(140, 1, Integer.MAX_VALUE, 10));
    private final JTextField tolerance = new JTextField(10);
    private final JSpinner maxIterations = new JSpinner(new SpinnerNumberModel(10_000, 1, Integer.MAX_VALUE, 100));
    private final JSpinner batchSize = new JSpinner(new SpinnerNumberModel(256, 1, Integer.MAX_VALUE, 16));
    private final JComboBox<Optimizer> optimizer = new JComboBox<>(Optimizer.values());
    private final JTextField learningRate = new JTextField(10);
    private final JSpinner kMeansRestarts = new JSpinner(new SpinnerNumberModel(20, 1, 100_000, 1));
    private final JTextField seed = new JTextField(10);
    private final JComboBox<MissingValuePolicy> missing = new JComboBox<>(MissingValuePolicy.values());
    private final JTextField clusterColumn = new JTextField(15);

    DeepClusteringNodeDialog() {
        missing.setRenderer(new PolicyRenderer());
        final FormPanel form = new FormPanel()
            .addRow(DeepClusteringSettings.LABEL_K, k)
            .addRow(DeepClusteringSettings.LABEL_RECONSTRUCTION_WEIGHT, reconstructionWeight)
            .addRow(DeepClusteringSettings.LABEL_ALPHA, alpha)
            .addRow(DeepClusteringSettings.LABEL_UPDATE_INTERVAL, updateInterval)
            .addRow(DeepClusteringSettings.LABEL_TOLERANCE, tolerance)
            .addRow(DeepClusteringSettings.LABEL_MAX_ITERATIONS, maxIterations)
            .addRow(DeepClusteringSettings.LABEL_BATCH_SIZE, batchSize)
            .addRow(DeepClusteringSettings.LABEL_OPTIMIZER, optimizer)
            .addRow(DeepClusteringSettings.LABEL_LEARNING_RATE, learningRate)
            .addRow(DeepClusteringSettings.LABEL_KMEANS_RESTARTS, kMeansRestarts)
            .addRow(DeepClusteringSettings.LABEL_SEED, seed)
            .addRow(DeepClusteringSettings.LABEL_MISSING, missing)
            .addRow(DeepClusteringSettings.LABEL_CLUSTER_COLUMN, clusterColumn);
        addTab("Options", form);
    }

    @Override
    protected void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs) {
        // the settings do not depend on the inputs
        final DeepClusteringSettings s = DeepClusteringSettings.loadForDialog(settings);
        k.setValue(Math.max(2, s.k));
        reconstructionWeight.setText(Double.toString(s.reconstructionWeight));
        alpha.setText(Double.toString(s.alpha));
        updateInterval.setValue(Math.max(1, s.updateInterval));
        tolerance.setText(Double.toString(s.tolerance));
        maxIterations.setValue(Math.max(1, s.maxIterations));
        batchSize.setValue(Math.max(1, s.batchSize));
        optimizer.setSelectedItem(s.optimizer);
        learningRate.setText(Double.toString(s.learningRate));
        kMeansRestarts.setValue(Math.max(1, s.kMeansRestarts));
        seed.setText(Long.toString(s.seed));
        missing.setSelectedItem(s.missingValues);
        clusterColumn.setText(s.clusterColumn);
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        final DeepClusteringSettings s = new DeepClusteringSettings();
        s.k = (Integer)k.getValue();
        s.reconstructionWeight = DialogFields.parseDouble(reconstructionWeight.getText(),
            DeepClusteringSettings.LABEL_RECONSTRUCTION_WEIGHT);
        s.alpha = DialogFields.parseDouble(alpha.getText(), DeepClusteringSettings.LABEL_ALPHA);
        s.updateInterval = (Integer)updateInterval.getValue();
        s.tolerance = DialogFields.parseDouble(tolerance.getText(), DeepClusteringSettings.LABEL_TOLERANCE);
        s.maxIterations = (Integer)maxIterations.getValue();
        s.batchSize = (Integer)batchSize.getValue();
        s.optimizer = (Optimizer)optimizer.getSelectedItem();
        s.learningRate = DialogFields.parseDouble(learningRate.getText(), DeepClusteringSettings.LABEL_LEARNING_RATE);
        s.kMeansRestarts = (Integer)kMeansRestarts.getValue();
        s.seed = DialogFields.parseLong(seed.getText(), DeepClusteringSettings.LABEL_SEED);
        s.missingValues = (MissingValuePolicy)missing.getSelectedItem();
        s.clusterColumn = clusterColumn.getText().trim();
        s.validate();
        s.saveTo(settings);
    }

    /** Shows the policies by their labels. */
    private static final class PolicyRenderer extends DefaultListCellRenderer {
        private static final long serialVersionUID = 1L;

        @Override
        public Component getListCellRendererComponent(final JList<?> list, final Object value, final int index,
            final boolean isSelected, final boolean cellHasFocus) {
            final Object shown = value instanceof MissingValuePolicy p ? p.label() : value;
            return super.getListCellRendererComponent(list, shown, index, isSelected, cellHasFocus);
        }
    }
}
