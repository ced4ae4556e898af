package org.deepcluster.knime.node.cluster.mixture;

import java.awt.Component;

import javax.swing.DefaultListCellRenderer;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JList;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;

import org.deepcluster.core.cluster.mixture.CovarianceType;
import org.deepcluster.core.cluster.mixture.GaussianMixture;
import org.deepcluster.knime.node.cluster.ClusteringNodeDialog;
import org.deepcluster.knime.util.DialogFields;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;

/** Dialog of the Gaussian Mixture node: the common clustering settings plus the mixture's fields. */
final class GaussianMixtureNodeDialog extends ClusteringNodeDialog<GaussianMixtureSettings> {

    private final JSpinner k = new JSpinner(new SpinnerNumberModel(3, 1, Integer.MAX_VALUE, 1));
    private final JComboBox<CovarianceType> covariance = new JComboBox<>(CovarianceType.values());
    private final JComboBox<GaussianMixture.Init> init = new JComboBox<>(GaussianMixture.Init.values());
    private final JSpinner maxIterations = new JSpinner(new SpinnerNumberModel(100, 1, Integer.MAX_VALUE, 10));
    private final JTextField tolerance = new JTextField(10);
    private final JTextField regularisation = new JTextField(10);
    private final JSpinner restarts = new JSpinner(new SpinnerNumberModel(1, 1, 100_000, 1));
    private final JTextField seed = new JTextField(10);
    private final JCheckBox probabilities = new JCheckBox();

    GaussianMixtureNodeDialog() {
        super(GaussianMixtureSettings::new);
        covariance.setRenderer(new Renderer());
        init.setRenderer(new Renderer());
        algorithmForm().addRow(GaussianMixtureSettings.LABEL_K, k)
            .addRow(GaussianMixtureSettings.LABEL_COVARIANCE, covariance)
            .addRow(GaussianMixtureSettings.LABEL_INIT, init)
            .addRow(GaussianMixtureSettings.LABEL_MAX_ITERATIONS, maxIterations)
            .addRow(GaussianMixtureSettings.LABEL_TOLERANCE, tolerance)
            .addRow(GaussianMixtureSettings.LABEL_REGULARISATION, regularisation)
            .addRow(GaussianMixtureSettings.LABEL_RESTARTS, restarts)
            .addRow(GaussianMixtureSettings.LABEL_SEED, seed)
            .addRow(GaussianMixtureSettings.LABEL_PROBABILITIES, probabilities);
    }

    @Override
    protected void loadAlgorithm(final GaussianMixtureSettings s, final DataTableSpec spec) {
        k.setValue(s.k);
        covariance.setSelectedItem(s.covarianceType);
        init.setSelectedItem(s.init);
        maxIterations.setValue(s.maxIterations);
        tolerance.setText(Double.toString(s.tolerance));
        regularisation.setText(Double.toString(s.regularisation));
        restarts.setValue(s.restarts);
        seed.setText(Long.toString(s.seed));
        probabilities.setSelected(s.appendProbabilities);
    }

    @Override
    protected void saveAlgorithm(final GaussianMixtureSettings s) throws InvalidSettingsException {
        s.k = (Integer)k.getValue();
        s.covarianceType = (CovarianceType)covariance.getSelectedItem();
        s.init = (GaussianMixture.Init)init.getSelectedItem();
        s.maxIterations = (Integer)maxIterations.getValue();
        s.tolerance = DialogFields.parseDouble(tolerance.getText(), GaussianMixtureSettings.LABEL_TOLERANCE);
        s.regularisation =
            DialogFields.parseDouble(regularisation.getText(), GaussianMixtureSettings.LABEL_REGULARISATION);
        s.restarts = (Integer)restarts.getValue();
        s.seed = DialogFields.parseLong(seed.getText(), GaussianMixtureSettings.LABEL_SEED);
        s.appendProbabilities = probabilities.isSelected();
    }

    /** Shows the covariance types and initialisations by their labels. */
    private static final class Renderer extends DefaultListCellRenderer {
        private static final long serialVersionUID = 1L;

        @Override
        public Component getListCellRendererComponent(final JList<?> list, final Object value, final int index,
            final boolean isSelected, final boolean cellHasFocus) {
            final Object shown = value instanceof CovarianceType t ? GaussianMixtureSettings.label(t)
                : value instanceof GaussianMixture.Init i ? GaussianMixtureSettings.label(i) : value;
            return super.getListCellRendererComponent(list, shown, index, isSelected, cellHasFocus);
        }
    }
}
