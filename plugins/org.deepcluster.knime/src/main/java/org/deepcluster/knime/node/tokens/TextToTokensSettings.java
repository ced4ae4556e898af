package org.deepcluster.knime.node.tokens;

import org.deepcluster.core.encode.EncoderParameters;
import org.deepcluster.core.text.Vocabulary;
import org.deepcluster.knime.util.NodeSettingsObject;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/**
 * The Text to Token Sequences node's settings: keys, defaults, validation. Shared by the node model and the dialog;
 * validation messages name the setting as the dialog labels it.
 */
final class TextToTokensSettings implements NodeSettingsObject {

    static final String KEY_TEXT_COLUMN = "text_column";
    static final String KEY_SEQUENCE_LENGTH = "sequence_length";
    static final String KEY_VOCABULARY_SIZE = "vocabulary_size";
    static final String KEY_MIN_DOCUMENT_FREQUENCY = "min_document_frequency";
    static final String KEY_REMOVE_STOP_WORDS = "remove_stop_words";
    static final String KEY_MISSING_TEXT = "missing_text";

    static final String LABEL_TEXT_COLUMN = "Text column";
    static final String LABEL_SEQUENCE_LENGTH = "Sequence length (tokens)";
    static final String LABEL_VOCABULARY_SIZE = "Vocabulary size";
    static final String LABEL_MIN_DOCUMENT_FREQUENCY = "Minimum document frequency";
    static final String LABEL_REMOVE_STOP_WORDS = "Remove English stop words";
    static final String LABEL_MISSING_TEXT = "Rows with missing text";

    /** The longest allowed sequence: longer ones would make an LSTM autoencoder impractically slow anyway. */
    static final int MAX_SEQUENCE_LENGTH = 10_000;

    /** What to do with a row whose text cell is missing. */
    enum MissingText {
        /** Keep the row; its token columns are all padding (0). */
        PAD("All padding (0)"),
        /** Leave the row out of the output. */
        SKIP("Skip row");

        private final String label;

        MissingText(final String label) {
            this.label = label;
        }

        /** @return the text shown in the dialog */
        String label() {
            return label;
        }
    }

    String textColumn = "";
    int sequenceLength = 32;
    int vocabularySize = 5000;
    int minDocumentFrequency = 2;
    boolean removeStopWords = true;
    MissingText missingText = MissingText.PAD;

    @Override
    public void saveTo(final NodeSettingsWO settings) {
        settings.addString(KEY_TEXT_COLUMN, textColumn);
        settings.addInt(KEY_SEQUENCE_LENGTH, sequenceLength);
        settings.addInt(KEY_VOCABULARY_SIZE, vocabularySize);
        settings.addInt(KEY_MIN_DOCUMENT_FREQUENCY, minDocumentFrequency);
        settings.addBoolean(KEY_REMOVE_STOP_WORDS, removeStopWords);
        settings.addString(KEY_MISSING_TEXT, missingText.name());
    }

    /**
     * Reads and validates settings (used by the node model; missing keys are errors).
     *
     * @param settings the settings to read
     * @return the settings
     * @throws InvalidSettingsException naming the first invalid or missing setting
     */
    static TextToTokensSettings load(final NodeSettingsRO settings) throws InvalidSettingsException {
        final TextToTokensSettings s = new TextToTokensSettings();
        s.textColumn = settings.getString(KEY_TEXT_COLUMN);
        s.sequenceLength = settings.getInt(KEY_SEQUENCE_LENGTH);
        s.vocabularySize = settings.getInt(KEY_VOCABULARY_SIZE);
        s.minDocumentFrequency = settings.getInt(KEY_MIN_DOCUMENT_FREQUENCY);
        s.removeStopWords = settings.getBoolean(KEY_REMOVE_STOP_WORDS);
        s.missingText = parseMissing(settings.getString(KEY_MISSING_TEXT));
        s.validate();
        return s;
    }

    /**
     * Reads settings for the dialog: missing or invalid values fall back to the defaults.
     *
     * @param settings the settings to read
     * @return the settings
     */
    static TextToTokensSettings loadForDialog(final NodeSettingsRO settings) {
        final TextToTokensSettings d = new TextToTokensSettings();
        final TextToTokensSettings s = new TextToTokensSettings();
        s.textColumn = settings.getString(KEY_TEXT_COLUMN, d.textColumn);
        s.sequenceLength = settings.getInt(KEY_SEQUENCE_LENGTH, d.sequenceLength);
        s.vocabularySize = settings.getInt(KEY_VOCABULARY_SIZE, d.vocabularySize);
        s.minDocumentFrequency = settings.getInt(KEY_MIN_DOCUMENT_FREQUENCY, d.minDocumentFrequency);
        s.removeStopWords = settings.getBoolean(KEY_REMOVE_STOP_WORDS, d.removeStopWords);
        try {
            s.missingText = parseMissing(settings.getString(KEY_MISSING_TEXT, d.missingText.name()));
        } catch (final InvalidSettingsException e) { // NOSONAR: the dialog shows the default instead
            s.missingText = d.missingText;
        }
        return s;
    }

    /**
     * Checks the values on their own (without an input table).
     *
     * @throws InvalidSettingsException naming the first invalid setting
     */
    void validate() throws InvalidSettingsException {
        if (textColumn == null || textColumn.isEmpty()) {
            throw new InvalidSettingsException("Setting '" + LABEL_TEXT_COLUMN + "' is not set: choose the String "
                + "column that holds the texts.");
        }
        if (sequenceLength < 1 || sequenceLength > MAX_SEQUENCE_LENGTH) {
            throw new InvalidSettingsException("Setting '" + LABEL_SEQUENCE_LENGTH + "' must be between 1 and "
                + MAX_SEQUENCE_LENGTH + " (is " + sequenceLength + ").");
        }
        if (vocabularySize < Vocabulary.RESERVED + 1 || vocabularySize > EncoderParameters.MAX_VOCABULARY_SIZE) {
            throw new InvalidSettingsException("Setting '" + LABEL_VOCABULARY_SIZE + "' must be between "
                + (Vocabulary.RESERVED + 1) + " and " + EncoderParameters.MAX_VOCABULARY_SIZE + " (is "
                + vocabularySize + "): indices 0 (padding) and 1 (unknown token) are reserved, so a vocabulary needs "
                + "room for at least one word.");
        }
        if (minDocumentFrequency < 1) {
            throw new InvalidSettingsException("Setting '" + LABEL_MIN_DOCUMENT_FREQUENCY + "' must be at least 1 "
                + "(is " + minDocumentFrequency + ").");
        }
        if (missingText == null) {
            throw new InvalidSettingsException("Setting '" + LABEL_MISSING_TEXT + "' is not set.");
        }
    }

    private static MissingText parseMissing(final String name) throws InvalidSettingsException {
        for (final MissingText m : MissingText.values()) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        throw new InvalidSettingsException("Unknown value '" + name + "' for setting '" + LABEL_MISSING_TEXT
            + "': use one of PAD, SKIP.");
    }
}
