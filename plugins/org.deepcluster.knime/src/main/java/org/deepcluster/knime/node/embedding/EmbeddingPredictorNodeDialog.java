package org.deepcluster.knime.node.embedding;

import java.awt.Component;

import javax.swing.DefaultListCellRenderer;
import javax.swing.JComboBox;
import javax.swing.JList;
import javax.swing.JTextField;

import org.deepcluster.knime.util.FormPanel;
import org.deepcluster.knime.util.MissingValuePolicy;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortObjectSpec;

/** Swing dialog of the Embedding Predictor; reads and writes {@link EmbeddingPredictorSettings}. */
final class EmbeddingPredictorNodeDialog extends NodeDialogPane {

    private final JTextField columnPrefix = new JTextField(10);
    private final JComboBox<MissingValuePolicy> missing = new JComboBox<>(MissingValuePolicy.values());

    EmbeddingPredictorNodeDialog() {
        missing.setRenderer(new PolicyRenderer());
        final FormPanel form = new FormPanel()
            .addRow(EmbeddingPredictorSettings.LABEL_COLUMN_PREFIX, columnPrefix)
            .addRow(EmbeddingPredictorSettings.LABEL_MISSING, missing);
        addTab("Options", form);
    }

    @Override
    protected void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs) {
        // the settings do not depend on the inputs: the dialog opens before the model is trained, too
        final EmbeddingPredictorSettings s = EmbeddingPredictorSettings.loadForDialog(settings);
        columnPrefix.setText(s.columnPrefix);
        missing.setSelectedItem(s.missingValues);
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        final EmbeddingPredictorSettings s = new EmbeddingPredictorSettings();
        s.columnPrefix = columnPrefix.getText().trim();
        s.missingValues = (MissingValuePolicy)missing.getSelectedItem();
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
