package org.deepcluster.knime.node.cluster.dbscan;

import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;

import org.deepcluster.knime.node.cluster.ClusteringNodeDialog;
import org.deepcluster.knime.util.DialogFields;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;

/** Dialog of the DBSCAN node: the common clustering settings plus eps and minPts. */
final class DbscanNodeDialog extends ClusteringNodeDialog<DbscanSettings> {

    private final JTextField eps = new JTextField(10);
    private final JSpinner minPts = new JSpinner(new SpinnerNumberModel(5, 1, Integer.MAX_VALUE, 1));

    DbscanNodeDialog() {
        super(DbscanSettings::new);
        algorithmForm().addRow(DbscanSettings.LABEL_EPS, eps).addRow(DbscanSettings.LABEL_MIN_PTS, minPts);
    }

    @Override
    protected void loadAlgorithm(final DbscanSettings s, final DataTableSpec spec) {
        eps.setText(Double.toString(s.eps));
        minPts.setValue(Math.max(1, s.minPts));
    }

    @Override
    protected void saveAlgorithm(final DbscanSettings s) throws InvalidSettingsException {
        s.eps = DialogFields.parseDouble(eps.getText(), DbscanSettings.LABEL_EPS);
        s.minPts = (Integer)minPts.getValue();
    }
}
