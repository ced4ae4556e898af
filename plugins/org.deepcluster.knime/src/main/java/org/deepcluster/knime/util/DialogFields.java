package org.deepcluster.knime.util;

import org.knime.core.node.InvalidSettingsException;

/** Parses numbers typed into dialog text fields, with messages that name the setting. */
public final class DialogFields {

    private DialogFields() {
    }

    /**
     * @param text the field's text
     * @param label the setting's label
     * @return the number
     * @throws InvalidSettingsException naming the setting if the text is not a number
     */
    public static double parseDouble(final String text, final String label) throws InvalidSettingsException {
        try {
            return Double.parseDouble(text.trim());
        } catch (final NumberFormatException e) {
            throw new InvalidSettingsException("Setting '" + label + "': '" + text + "' is not a number.", e);
        }
    }

    /**
     * @param text the field's text
     * @param label the setting's label
     * @return the whole number
     * @throws InvalidSettingsException naming the setting if the text is not a whole number
     */
    public static long parseLong(final String text, final String label) throws InvalidSettingsException {
        try {
            return Long.parseLong(text.trim());
        } catch (final NumberFormatException e) {
            throw new InvalidSettingsException("Setting '" + label + "': '" + text + "' is not a whole number.", e);
        }
    }
}
