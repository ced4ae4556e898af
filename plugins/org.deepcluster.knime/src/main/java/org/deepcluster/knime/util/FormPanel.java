package org.deepcluster.knime.util;

import java.awt.Component;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;

import javax.swing.JLabel;
import javax.swing.JPanel;

/** A two-column "label: field" form, the layout of every settings dialog of this extension. */
public final class FormPanel extends JPanel {

    private static final long serialVersionUID = 1L;

    private int row;

    /** Creates an empty form. */
    public FormPanel() {
        super(new GridBagLayout());
    }

    /**
     * Adds one labelled field.
     *
     * @param label the label (the setting's name, as used in the node description and error messages)
     * @param field the editor
     * @return this form
     */
    public FormPanel addRow(final String label, final Component field) {
        final GridBagConstraints c = new GridBagConstraints();
        c.gridy = row++;
        c.insets = new Insets(3, 5, 3, 5);
        c.anchor = GridBagConstraints.WEST;
        c.gridx = 0;
        add(new JLabel(label + ":"), c);
        c.gridx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        add(field, c);
        return this;
    }

    /**
     * Adds a component over both columns.
     *
     * @param component the component
     * @return this form
     */
    public FormPanel addWide(final Component component) {
        final GridBagConstraints c = new GridBagConstraints();
        c.gridy = row++;
        c.gridx = 0;
        c.gridwidth = 2;
        c.insets = new Insets(3, 5, 3, 5);
        c.fill = GridBagConstraints.BOTH;
        c.weightx = 1;
        c.weighty = 1;
        add(component, c);
        return this;
    }

    /**
     * Enables or disables the form and every label and field in it (e.g. the settings of an architecture or data
     * kind that is not selected).
     *
     * @param enabled whether the group can be edited
     */
    public void setGroupEnabled(final boolean enabled) {
        setEnabled(enabled);
        for (final Component c : getComponents()) {
            c.setEnabled(enabled);
        }
    }
}
