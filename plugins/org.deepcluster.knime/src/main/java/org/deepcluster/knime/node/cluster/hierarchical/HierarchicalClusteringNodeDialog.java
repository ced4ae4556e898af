package org.deepcluster.knime.node.cluster.hierarchical;

import java.util.Arrays;

import javax.swing.JComboBox;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;

import org.deepcluster.core.cluster.hierarchical.Linkage;
import org.deepcluster.knime.node.cluster.ClusteringNodeDialog;
import org.deepcluster.knime.util.DialogFields;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;

/** Dialog of the Hierarchical Clustering node: the common clustering settings plus linkage, cut and memory limit. */
final class HierarchicalClusteringNodeDialog extends ClusteringNodeDialog<HierarchicalClusteringSettings> {

    private final JComboBox<String> linkage =
        new JComboBox<>(Arrays.stream(Linkage.values()).map(Linkage::id).toArray(String[]::new));
    private final JComboBox<String> cut = new JComboBox<>(
        new String[]{HierarchicalClusteringSettings.CUT_CLUSTERS, HierarchicalClusteringSettings.CUT_HEIGHT});
    private final JSpinner k = new JSpinner(new SpinnerNumberModel(3, 1, Integer.MAX_VALUE, 1));
    private final JTextField threshold = new JTextField(10);
    private final JSpinner memoryLimit = new JSpinner(new SpinnerNumberModel(2048, 1, Integer.MAX_VALUE, 256));

    HierarchicalClusteringNodeDialog() {
        super(HierarchicalClusteringSettings::new);
        algorithmForm().addRow(HierarchicalClusteringSettings.LABEL_LINKAGE, linkage)
            .addRow(HierarchicalClusteringSettings.LABEL_CUT, cut)
            .addRow(HierarchicalClusteringSettings.LABEL_K, k)
            .addRow(HierarchicalClusteringSettings.LABEL_THRESHOLD, threshold)
            .addRow(HierarchicalClusteringSettings.LABEL_MEMORY_LIMIT, memoryLimit);
        cut.addActionListener(e -> enableCutFields());
    }

    private void enableCutFields() {
        final boolean byHeight = HierarchicalClusteringSettings.CUT_HEIGHT.equals(cut.getSelectedItem());
        k.setEnabled(!byHeight);
        threshold.setEnabled(byHeight);
    }

    @Override
    protected void loadAlgorithm(final HierarchicalClusteringSettings s, final DataTableSpec spec) {
        linkage.setSelectedItem(s.linkage);
        cut.setSelectedItem(s.cut);
        k.setValue(s.k);
        threshold.setText(Double.toString(s.distanceThreshold));
        memoryLimit.setValue((int)Math.min(Integer.MAX_VALUE, s.memoryLimitMb));
        enableCutFields();
    }

    @Override
    protected void saveAlgorithm(final HierarchicalClusteringSettings s) throws InvalidSettingsException {
        s.linkage = (String)linkage.getSelectedItem();
        s.cut = (String)cut.getSelectedItem();
        s.k = (Integer)k.getValue();
        s.distanceThreshold =
            DialogFields.parseDouble(threshold.getText(), HierarchicalClusteringSettings.LABEL_THRESHOLD);
        s.memoryLimitMb = (Integer)memoryLimit.getValue();
    }
}
