package org.deepcluster.knime.node.cluster.hdbscan;

import javax.swing.JCheckBox;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;

import org.deepcluster.knime.node.cluster.ClusteringNodeDialog;
import org.deepcluster.knime.util.DialogFields;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;

/** Dialog of the HDBSCAN node: the common clustering settings plus HDBSCAN's fields. */
final class HdbscanNodeDialog extends ClusteringNodeDialog<HdbscanSettings> {

    private final JSpinner minClusterSize = new JSpinner(new SpinnerNumberModel(5, 2, Integer.MAX_VALUE, 1));
    private final JSpinner minSamples = new JSpinner(new SpinnerNumberModel(0, 0, Integer.MAX_VALUE, 1));
    private final JTextField selectionEpsilon = new JTextField(10);
    private final JCheckBox allowSingleCluster = new JCheckBox(HdbscanSettings.LABEL_ALLOW_SINGLE_CLUSTER);

    HdbscanNodeDialog() {
        super(HdbscanSettings::new);
        algorithmForm().addRow(HdbscanSettings.LABEL_MIN_CLUSTER_SIZE, minClusterSize)
            .addRow(HdbscanSettings.LABEL_MIN_SAMPLES, minSamples)
            .addRow(HdbscanSettings.LABEL_SELECTION_EPSILON, selectionEpsilon).addWide(allowSingleCluster);
    }

    @Override
    protected void loadAlgorithm(final HdbscanSettings s, final DataTableSpec spec) {
        minClusterSize.setValue(Math.max(2, s.minClusterSize));
        minSamples.setValue(Math.max(0, s.minSamples));
        selectionEpsilon.setText(Double.toString(s.selectionEpsilon));
        allowSingleCluster.setSelected(s.allowSingleCluster);
    }

    @Override
    protected void saveAlgorithm(final HdbscanSettings s) throws InvalidSettingsException {
        s.minClusterSize = (Integer)minClusterSize.getValue();
        s.minSamples = (Integer)minSamples.getValue();
        s.selectionEpsilon =
            DialogFields.parseDouble(selectionEpsilon.getText(), HdbscanSettings.LABEL_SELECTION_EPSILON);
        s.allowSingleCluster = allowSingleCluster.isSelected();
    }
}
