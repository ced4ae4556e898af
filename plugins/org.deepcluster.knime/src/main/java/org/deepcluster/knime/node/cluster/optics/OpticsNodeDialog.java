package org.deepcluster.knime.node.cluster.optics;

import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;

import org.deepcluster.knime.node.cluster.ClusteringNodeDialog;
import org.deepcluster.knime.util.DialogFields;
import org.deepcluster.knime.util.FormPanel;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;

/** Dialog of the OPTICS node: the common clustering settings plus OPTICS' and the two extractions' fields. */
final class OpticsNodeDialog extends ClusteringNodeDialog<OpticsSettings> {

    private static final String[] EXTRACTIONS = {"ξ (steepness)", "eps cut"};

    private final JSpinner minSamples = new JSpinner(new SpinnerNumberModel(5, 2, Integer.MAX_VALUE, 1));
    private final JCheckBox useMaxEps = new JCheckBox(OpticsSettings.LABEL_USE_MAX_EPS);
    private final JTextField maxEps = new JTextField(10);
    private final JComboBox<String> extraction = new JComboBox<>(EXTRACTIONS);
    private final JTextField xi = new JTextField(10);
    private final JSpinner minClusterSize = new JSpinner(new SpinnerNumberModel(0, 0, Integer.MAX_VALUE, 1));
    private final JCheckBox predecessorCorrection = new JCheckBox(OpticsSettings.LABEL_PREDECESSOR_CORRECTION);
    private final JTextField eps = new JTextField(10);
    private final FormPanel xiGroup = new FormPanel();
    private final FormPanel epsGroup = new FormPanel();

    OpticsNodeDialog() {
        super(OpticsSettings::new);
        xiGroup.addRow(OpticsSettings.LABEL_XI, xi).addRow(OpticsSettings.LABEL_MIN_CLUSTER_SIZE, minClusterSize)
            .addWide(predecessorCorrection);
        epsGroup.addRow(OpticsSettings.LABEL_EPS, eps);
        algorithmForm().addRow(OpticsSettings.LABEL_MIN_SAMPLES, minSamples).addWide(useMaxEps)
            .addRow(OpticsSettings.LABEL_MAX_EPS, maxEps).addRow(OpticsSettings.LABEL_EXTRACTION, extraction)
            .addWide(xiGroup).addWide(epsGroup);
        useMaxEps.addActionListener(e -> maxEps.setEnabled(useMaxEps.isSelected()));
        extraction.addActionListener(e -> updateGroups());
    }

    private boolean xiSelected() {
        return extraction.getSelectedIndex() == 0;
    }

    private void updateGroups() {
        xiGroup.setGroupEnabled(xiSelected());
        epsGroup.setGroupEnabled(!xiSelected());
    }

    @Override
    protected void loadAlgorithm(final OpticsSettings s, final DataTableSpec spec) {
        minSamples.setValue(Math.max(2, s.minSamples));
        useMaxEps.setSelected(s.useMaxEps);
        maxEps.setText(Double.toString(s.maxEps));
        maxEps.setEnabled(s.useMaxEps);
        extraction.setSelectedIndex(OpticsSettings.EPS_CUT.equals(s.extraction) ? 1 : 0);
        xi.setText(Double.toString(s.xi));
        minClusterSize.setValue(Math.max(0, s.minClusterSize));
        predecessorCorrection.setSelected(s.predecessorCorrection);
        eps.setText(Double.toString(s.eps));
        updateGroups();
    }

    @Override
    protected void saveAlgorithm(final OpticsSettings s) throws InvalidSettingsException {
        s.minSamples = (Integer)minSamples.getValue();
        s.useMaxEps = useMaxEps.isSelected();
        s.maxEps = DialogFields.parseDouble(maxEps.getText(), OpticsSettings.LABEL_MAX_EPS, s.useMaxEps, s.maxEps);
        s.extraction = xiSelected() ? OpticsSettings.XI : OpticsSettings.EPS_CUT;
        s.xi = DialogFields.parseDouble(xi.getText(), OpticsSettings.LABEL_XI, xiSelected(), s.xi);
        s.minClusterSize = (Integer)minClusterSize.getValue();
        s.predecessorCorrection = predecessorCorrection.isSelected();
        s.eps = DialogFields.parseDouble(eps.getText(), OpticsSettings.LABEL_EPS, !xiSelected(), s.eps);
    }
}
