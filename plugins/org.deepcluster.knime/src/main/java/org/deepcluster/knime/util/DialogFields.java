package org.deepcluster.knime.util;

import java.awt.Component;
import java.util.function.Function;

import javax.swing.DefaultListCellRenderer;
import javax.swing.JComboBox;
import javax.swing.JList;

import org.knime.core.node.InvalidSettingsException;

/** Parses numbers typed into dialog text fields, with messages that name the setting; builds labelled choices. */
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

    /**
     * Parses a number field of a settings group that may not be in use. A field of a group that is not selected
     * cannot be edited, so if its text is not a number the last loaded value is kept instead of failing over a
     * setting the user does not use.
     *
     * @param text the field's text
     * @param label the setting's label
     * @param used whether the field's group is in use
     * @param fallback the value to keep when the group is not in use and the text is not a number
     * @return the number
     * @throws InvalidSettingsException naming the setting if the group is in use and the text is not a number
     */
    public static double parseDouble(final String text, final String label, final boolean used,
        final double fallback) throws InvalidSettingsException {
        try {
            return parseDouble(text, label);
        } catch (final InvalidSettingsException e) {
            if (!used) {
                return fallback;
            }
            throw e;
        }
    }

    /**
     * A drop-down of fixed values shown by readable labels (e.g. engine enum constants).
     *
     * @param <E> the value type
     * @param values the choices, in display order
     * @param label the text shown for a value
     * @return the combo box; {@code getSelectedItem()} returns the value itself
     */
    @SafeVarargs
    public static <E> JComboBox<E> choice(final Function<E, String> label, final E... values) {
        final JComboBox<E> box = new JComboBox<>(values);
        box.setRenderer(new DefaultListCellRenderer() {
            private static final long serialVersionUID = 1L;

            @SuppressWarnings("unchecked")
            @Override
            public Component getListCellRendererComponent(final JList<?> list, final Object value, final int index,
                final boolean isSelected, final boolean cellHasFocus) {
                final Object shown = value == null ? null : label.apply((E)value);
                return super.getListCellRendererComponent(list, shown, index, isSelected, cellHasFocus);
            }
        });
        return box;
    }
}
