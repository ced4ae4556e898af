package org.deepcluster.knime.node.embedding;

import org.deepcluster.knime.util.MissingValuePolicy;
import org.deepcluster.knime.util.NodeSettingsObject;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/**
 * The Embedding Predictor's settings: keys, defaults, validation. Shared by the node model and the dialog, so that
 * the dialog never invents keys. Validation messages name the setting as the dialog labels it.
 */
final class EmbeddingPredictorSettings implements NodeSettingsObject {

    static final String KEY_COLUMN_PREFIX = "column_prefix";
    static final String KEY_MISSING = "missing_values";

    static final String LABEL_COLUMN_PREFIX = "Embedding column prefix";
    static final String LABEL_MISSING = "Rows with missing values";

    String columnPrefix = "z";
    MissingValuePolicy missingValues = MissingValuePolicy.FAIL;

    /**
     * @param dimension the embedding dimension, 0-based
     * @return the wanted name of its column (made unique against the input table by the node model)
     */
    String columnName(final int dimension) {
        return columnPrefix + dimension;
    }

    @Override
    public void saveTo(final NodeSettingsWO settings) {
        settings.addString(KEY_COLUMN_PREFIX, columnPrefix);
        settings.addString(KEY_MISSING, missingValues.name());
    }

    /**
     * Reads and validates settings (used by the node model; missing keys are errors).
     *
     * @param settings the settings to read
     * @return the settings
     * @throws InvalidSettingsException naming the first invalid or missing setting
     */
    static EmbeddingPredictorSettings load(final NodeSettingsRO settings) throws InvalidSettingsException {
        final EmbeddingPredictorSettings s = new EmbeddingPredictorSettings();
        s.columnPrefix = settings.getString(KEY_COLUMN_PREFIX);
        s.missingValues = parsePolicy(settings.getString(KEY_MISSING));
        s.validate();
        return s;
    }

    /**
     * Reads settings for the dialog: missing or invalid values fall back to the defaults.
     *
     * @param settings the settings to read
     * @return the settings
     */
    static EmbeddingPredictorSettings loadForDialog(final NodeSettingsRO settings) {
        final EmbeddingPredictorSettings d = new EmbeddingPredictorSettings();
        final EmbeddingPredictorSettings s = new EmbeddingPredictorSettings();
        s.columnPrefix = settings.getString(KEY_COLUMN_PREFIX, d.columnPrefix);
        if (s.columnPrefix == null) {
            s.columnPrefix = d.columnPrefix;
        }
        try {
            s.missingValues = parsePolicy(settings.getString(KEY_MISSING, d.missingValues.name()));
        } catch (final InvalidSettingsException e) { // NOSONAR: the dialog shows the default instead
            s.missingValues = d.missingValues;
        }
        return s;
    }

    /**
     * Checks the values on their own (without inputs).
     *
     * @throws InvalidSettingsException naming the first invalid setting
     */
    void validate() throws InvalidSettingsException {
        if (columnPrefix == null || columnPrefix.isBlank()) {
            throw new InvalidSettingsException("Setting '" + LABEL_COLUMN_PREFIX + "' must not be empty.");
        }
        if (missingValues == null) {
            throw new InvalidSettingsException("Setting '" + LABEL_MISSING + "' is not set.");
        }
    }

    private static MissingValuePolicy parsePolicy(final String value) throws InvalidSettingsException {
        try {
            return MissingValuePolicy.parse(value, LABEL_MISSING);
        } catch (final IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }
}
