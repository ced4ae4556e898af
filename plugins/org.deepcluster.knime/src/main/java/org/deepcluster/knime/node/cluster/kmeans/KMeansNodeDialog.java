package org.deepcluster.knime.node.cluster.kmeans;

import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;

import org.deepcluster.knime.node.cluster.ClusteringNodeDialog;
import org.deepcluster.knime.util.DialogFields;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;

/** Dialog of the k-Means node: the common clustering settings plus the k-means fields. */
final class KMeansNodeDialog extends ClusteringNodeDialog<KMeansSettings> {

    private final JSpinner k = new JSpinner(new SpinnerNumberModel(3, 1, Integer.MAX_VALUE, 1));
    private final JSpinner restarts = new JSpinner(new SpinnerNumberModel(10, 1, 100_000, 1));
    private final JSpinner maxIterations = new JSpinner(new SpinnerNumberModel(300, 1, Integer.MAX_VALUE, 10));
    private final JTextField tolerance = new JTextField(10);
    private final JTextField seed = new JTextField(10);

    KMeansNodeDialog() {
        super(KMeansSettings::new);
        algorithmForm().addRow(KMeansSettings.LABEL_K, k)
            .addRow(KMeansSettings.LABEL_RESTARTS, restarts)
            .addRow(KMeansSettings.LABEL_MAX_ITERATIONS, maxIterations)
            .addRow(KMeansSettings.LABEL_TOLERANCE, tolerance)
            .addRow(KMeansSettings.LABEL_SEED, seed);
    }

    @Override
    protected void loadAlgorithm(final KMeansSettings s, final DataTableSpec spec) {
        k.setValue(s.k);
        restarts.setValue(s.restarts);
        maxIterations.setValue(s.maxIterations);
        tolerance.setText(Double.toString(s.tolerance));
        seed.setText(Long.toString(s.seed));
    }

    @Override
    protected void saveAlgorithm(final KMeansSettings s) throws InvalidSettingsException {
        s.k = (Integer)k.getValue();
        s.restarts = (Integer)restarts.getValue();
        s.maxIterations = (Integer)maxIterations.getValue();
        s.tolerance = DialogFields.parseDouble(tolerance.getText(), KMeansSettings.LABEL_TOLERANCE);
        s.seed = DialogFields.parseLong(seed.getText(), KMeansSettings.LABEL_SEED);
    }
}
