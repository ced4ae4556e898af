package org.deepcluster.knime.node.cluster.spectral;

import java.util.Arrays;

import javax.swing.JComboBox;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;

import org.deepcluster.core.cluster.spectral.Affinity;
import org.deepcluster.knime.node.cluster.ClusteringNodeDialog;
import org.deepcluster.knime.util.DialogFields;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;

/** Dialog of the Spectral Clustering node: the common clustering settings plus the spectral fields. */
final class SpectralClusteringNodeDialog extends ClusteringNodeDialog<SpectralClusteringSettings> {

    private final JSpinner k = new JSpinner(new SpinnerNumberModel(3, 1, Integer.MAX_VALUE, 1));
    private final JComboBox<String> affinity =
        new JComboBox<>(Arrays.stream(Affinity.values()).map(Affinity::id).toArray(String[]::new));
    private final JSpinner neighbors = new JSpinner(new SpinnerNumberModel(10, 2, Integer.MAX_VALUE, 1));
    private final JTextField gamma = new JTextField(10);
    private final JTextField seed = new JTextField(10);
    private final JSpinner memoryLimit = new JSpinner(new SpinnerNumberModel(2048, 1, Integer.MAX_VALUE, 256));

    SpectralClusteringNodeDialog() {
        super(SpectralClusteringSettings::new);
        algorithmForm().addRow(SpectralClusteringSettings.LABEL_K, k)
            .addRow(SpectralClusteringSettings.LABEL_AFFINITY, affinity)
            .addRow(SpectralClusteringSettings.LABEL_NEIGHBORS, neighbors)
            .addRow(SpectralClusteringSettings.LABEL_GAMMA, gamma)
            .addRow(SpectralClusteringSettings.LABEL_SEED, seed)
            .addRow(SpectralClusteringSettings.LABEL_MEMORY_LIMIT, memoryLimit);
        affinity.addActionListener(e -> enableAffinityFields());
    }

    /** Neighbours also set the vote of new rows, so they stay enabled; gamma and the memory limit are RBF only. */
    private void enableAffinityFields() {
        final boolean rbf = Affinity.RBF.id().equals(affinity.getSelectedItem());
        gamma.setEnabled(rbf);
        memoryLimit.setEnabled(rbf);
    }

    @Override
    protected void loadAlgorithm(final SpectralClusteringSettings s, final DataTableSpec spec) {
        k.setValue(s.k);
        affinity.setSelectedItem(s.affinity);
        neighbors.setValue(Math.max(2, s.neighbors));
        gamma.setText(Double.toString(s.gamma));
        seed.setText(Long.toString(s.seed));
        memoryLimit.setValue((int)Math.min(Integer.MAX_VALUE, s.memoryLimitMb));
        enableAffinityFields();
    }

    @Override
    protected void saveAlgorithm(final SpectralClusteringSettings s) throws InvalidSettingsException {
        s.k = (Integer)k.getValue();
        s.affinity = (String)affinity.getSelectedItem();
        s.neighbors = (Integer)neighbors.getValue();
        s.gamma = DialogFields.parseDouble(gamma.getText(), SpectralClusteringSettings.LABEL_GAMMA);
        s.seed = DialogFields.parseLong(seed.getText(), SpectralClusteringSettings.LABEL_SEED);
        s.memoryLimitMb = (Integer)memoryLimit.getValue();
    }
}
