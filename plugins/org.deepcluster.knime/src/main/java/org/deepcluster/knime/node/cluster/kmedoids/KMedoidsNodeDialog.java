package org.deepcluster.knime.node.cluster.kmedoids;

import javax.swing.JComboBox;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;

import org.deepcluster.core.cluster.KMedoids;
import org.deepcluster.knime.node.cluster.ClusteringNodeDialog;
import org.deepcluster.knime.util.DialogFields;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;

/** Dialog of the k-Medoids node: the common clustering settings plus the k-medoids fields. */
final class KMedoidsNodeDialog extends ClusteringNodeDialog<KMedoidsSettings> {

    private final JSpinner k = new JSpinner(new SpinnerNumberModel(3, 1, Integer.MAX_VALUE, 1));
    private final JComboBox<KMedoids.Method> method = new JComboBox<>(KMedoids.Method.values());
    private final JSpinner claraSamples = new JSpinner(new SpinnerNumberModel(5, 1, 100_000, 1));
    private final JSpinner claraSampleSize = new JSpinner(new SpinnerNumberModel(0, 0, Integer.MAX_VALUE, 10));
    private final JSpinner maxIterations = new JSpinner(new SpinnerNumberModel(100, 0, Integer.MAX_VALUE, 10));
    private final JTextField seed = new JTextField(10);

    KMedoidsNodeDialog() {
        super(KMedoidsSettings::new);
        algorithmForm().addRow(KMedoidsSettings.LABEL_K, k)
            .addRow(KMedoidsSettings.LABEL_METHOD, method)
            .addRow(KMedoidsSettings.LABEL_CLARA_SAMPLES, claraSamples)
            .addRow(KMedoidsSettings.LABEL_CLARA_SAMPLE_SIZE + " (0 = 80 + 4k)", claraSampleSize)
            .addRow(KMedoidsSettings.LABEL_MAX_ITERATIONS, maxIterations)
            .addRow(KMedoidsSettings.LABEL_SEED, seed);
    }

    @Override
    protected void loadAlgorithm(final KMedoidsSettings s, final DataTableSpec spec) {
        k.setValue(s.k);
        method.setSelectedItem(s.method);
        claraSamples.setValue(s.claraSamples);
        claraSampleSize.setValue(s.claraSampleSize);
        maxIterations.setValue(s.maxIterations);
        seed.setText(Long.toString(s.seed));
    }

    @Override
    protected void saveAlgorithm(final KMedoidsSettings s) throws InvalidSettingsException {
        s.k = (Integer)k.getValue();
        s.method = (KMedoids.Method)method.getSelectedItem();
        s.claraSamples = (Integer)claraSamples.getValue();
        s.claraSampleSize = (Integer)claraSampleSize.getValue();
        s.maxIterations = (Integer)maxIterations.getValue();
        s.seed = DialogFields.parseLong(seed.getText(), KMedoidsSettings.LABEL_SEED);
    }
}
