package org.deepcluster.knime.node.tokens;

import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;

import org.deepcluster.core.encode.EncoderParameters;
import org.deepcluster.knime.node.tokens.TextToTokensSettings.MissingText;
import org.deepcluster.knime.util.FormPanel;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.StringValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;

/**
 * Swing dialog of the Text to Token Sequences node; reads and writes {@link TextToTokensSettings}. The vocabulary
 * settings are disabled while a vocabulary table is connected to the second input, which then fixes the vocabulary.
 */
final class TextToTokensNodeDialog extends NodeDialogPane {

    private final JComboBox<String> textColumn = new JComboBox<>();
    private final JSpinner sequenceLength =
        new JSpinner(new SpinnerNumberModel(32, 1, TextToTokensSettings.MAX_SEQUENCE_LENGTH, 1));
    private final JSpinner vocabularySize =
        new JSpinner(new SpinnerNumberModel(5000, 3, EncoderParameters.MAX_VOCABULARY_SIZE, 100));
    private final JSpinner minDocumentFrequency = new JSpinner(new SpinnerNumberModel(2, 1, Integer.MAX_VALUE, 1));
    private final JCheckBox removeStopWords = new JCheckBox();
    private final JComboBox<MissingText> missingText = new JComboBox<>(MissingText.values());

    TextToTokensNodeDialog() {
        missingText.setRenderer(new javax.swing.DefaultListCellRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public java.awt.Component getListCellRendererComponent(final javax.swing.JList<?> list,
                final Object value, final int index, final boolean isSelected, final boolean cellHasFocus) {
                final Object shown = value instanceof MissingText m ? m.label() : value;
                return super.getListCellRendererComponent(list, shown, index, isSelected, cellHasFocus);
            }
        });
        addTab("Options", new FormPanel()
            .addRow(TextToTokensSettings.LABEL_TEXT_COLUMN, textColumn)
            .addRow(TextToTokensSettings.LABEL_SEQUENCE_LENGTH, sequenceLength)
            .addRow(TextToTokensSettings.LABEL_VOCABULARY_SIZE, vocabularySize)
            .addRow(TextToTokensSettings.LABEL_MIN_DOCUMENT_FREQUENCY, minDocumentFrequency)
            .addRow(TextToTokensSettings.LABEL_REMOVE_STOP_WORDS, removeStopWords)
            .addRow(TextToTokensSettings.LABEL_MISSING_TEXT, missingText));
    }

    @Override
    protected void loadSettingsFrom(final NodeSettingsRO settings, final DataTableSpec[] specs)
        throws NotConfigurableException {
        final DataTableSpec spec = specs[0];
        textColumn.removeAllItems();
        if (spec != null) {
            for (final DataColumnSpec column : spec) {
                if (column.getType().isCompatible(StringValue.class)) {
                    textColumn.addItem(column.getName());
                }
            }
        }
        if (textColumn.getItemCount() == 0) {
            throw new NotConfigurableException("Connect a table with a String column (the texts) to the first input "
                + "port first.");
        }
        final TextToTokensSettings s = TextToTokensSettings.loadForDialog(settings);
        textColumn.setSelectedItem(s.textColumn);
        if (textColumn.getSelectedIndex() < 0) {
            textColumn.setSelectedIndex(0);
        }
        sequenceLength.setValue(Math.max(1, Math.min(TextToTokensSettings.MAX_SEQUENCE_LENGTH, s.sequenceLength)));
        vocabularySize.setValue(Math.max(3, Math.min(EncoderParameters.MAX_VOCABULARY_SIZE, s.vocabularySize)));
        minDocumentFrequency.setValue(Math.max(1, s.minDocumentFrequency));
        removeStopWords.setSelected(s.removeStopWords);
        missingText.setSelectedItem(s.missingText);
        final boolean ownVocabulary = specs.length < 2 || specs[1] == null;
        vocabularySize.setEnabled(ownVocabulary);
        minDocumentFrequency.setEnabled(ownVocabulary);
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        final TextToTokensSettings s = new TextToTokensSettings();
        s.textColumn = (String)textColumn.getSelectedItem();
        s.sequenceLength = (Integer)sequenceLength.getValue();
        s.vocabularySize = (Integer)vocabularySize.getValue();
        s.minDocumentFrequency = (Integer)minDocumentFrequency.getValue();
        s.removeStopWords = removeStopWords.isSelected();
        s.missingText = (MissingText)missingText.getSelectedItem();
        s.validate();
        s.saveTo(settings);
    }
}
