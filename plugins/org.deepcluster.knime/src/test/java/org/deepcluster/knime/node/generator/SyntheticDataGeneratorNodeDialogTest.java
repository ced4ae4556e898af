package org.deepcluster.knime.node.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.util.Arrays;
import java.util.List;

import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JTextField;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;

/** The dialog's kind selector and its handling of the fields of the kind that is not selected. */
class SyntheticDataGeneratorNodeDialogTest {

    private static final List<String> BLOBS_FIELDS = List.of(SyntheticDataGeneratorSettings.LABEL_BLOBS_ROWS,
        SyntheticDataGeneratorSettings.LABEL_BLOBS_DIMENSIONS, SyntheticDataGeneratorSettings.LABEL_BLOBS_CLUSTERS,
        SyntheticDataGeneratorSettings.LABEL_BLOBS_SPREAD, SyntheticDataGeneratorSettings.LABEL_BLOBS_CENTRE_BOX);

    private static final List<String> CELLS_FIELDS = List.of(SyntheticDataGeneratorSettings.LABEL_SC_CELLS,
        SyntheticDataGeneratorSettings.LABEL_SC_GENES, SyntheticDataGeneratorSettings.LABEL_SC_CELL_TYPES,
        SyntheticDataGeneratorSettings.LABEL_SC_DE_FRACTION, SyntheticDataGeneratorSettings.LABEL_SC_DE_LOCATION,
        SyntheticDataGeneratorSettings.LABEL_SC_LIBRARY_LOCATION, SyntheticDataGeneratorSettings.LABEL_SC_DROPOUT);

    /** @return the editor next to the label "label:" (FormPanel adds the label, then the field) */
    private static Component field(final Container root, final String label) {
        for (final Component c : root.getComponents()) {
            if (c instanceof JLabel l && (label + ":").equals(l.getText())) {
                final List<Component> siblings = Arrays.asList(root.getComponents());
                return siblings.get(siblings.indexOf(c) + 1);
            }
            if (c instanceof Container child) {
                final Component found = field(child, label);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static SyntheticDataGeneratorNodeDialog open(final SyntheticDataGeneratorSettings s) {
        final NodeSettings settings = new NodeSettings("model");
        s.saveTo(settings);
        final SyntheticDataGeneratorNodeDialog dialog = new SyntheticDataGeneratorNodeDialog();
        dialog.loadSettingsFrom(settings, new DataTableSpec[0]);
        return dialog;
    }

    private static Component field(final SyntheticDataGeneratorNodeDialog dialog, final String label) {
        final Component field = field(dialog.getPanel(), label);
        assertNotNull(field, "no field labelled " + label);
        return field;
    }

    @Test
    void theKindSelectorEnablesTheFieldsOfTheSelectedKindOnly() {
        final SyntheticDataGeneratorNodeDialog dialog = open(new SyntheticDataGeneratorSettings());
        for (final String label : BLOBS_FIELDS) {
            assertTrue(field(dialog, label).isEnabled(), label);
        }
        for (final String label : CELLS_FIELDS) {
            assertFalse(field(dialog, label).isEnabled(), label);
        }
        assertTrue(field(dialog, SyntheticDataGeneratorSettings.LABEL_SEED).isEnabled());
        assertTrue(field(dialog, SyntheticDataGeneratorSettings.LABEL_LABEL_COLUMN).isEnabled());

        @SuppressWarnings("unchecked")
        final JComboBox<DataKind> kind = (JComboBox<DataKind>)field(dialog, SyntheticDataGeneratorSettings.LABEL_KIND);
        kind.setSelectedItem(DataKind.SINGLE_CELL_COUNTS);
        for (final String label : BLOBS_FIELDS) {
            assertFalse(field(dialog, label).isEnabled(), label);
        }
        for (final String label : CELLS_FIELDS) {
            assertTrue(field(dialog, label).isEnabled(), label);
        }
        final Component midpoint = field(dialog, SyntheticDataGeneratorSettings.LABEL_SC_DROPOUT_MIDPOINT);
        assertFalse(midpoint.isEnabled(), "the midpoint needs dropout");
        ((JCheckBox)field(dialog, SyntheticDataGeneratorSettings.LABEL_SC_DROPOUT)).doClick();
        assertTrue(midpoint.isEnabled());
    }

    @Test
    void theDialogOpensOnSingleCellSettings() {
        final SyntheticDataGeneratorSettings s = new SyntheticDataGeneratorSettings();
        s.kind = DataKind.SINGLE_CELL_COUNTS;
        s.scDropout = true;
        final SyntheticDataGeneratorNodeDialog dialog = open(s);
        assertTrue(field(dialog, SyntheticDataGeneratorSettings.LABEL_SC_DROPOUT_MIDPOINT).isEnabled());
        assertFalse(field(dialog, SyntheticDataGeneratorSettings.LABEL_BLOBS_ROWS).isEnabled());
    }

    @Test
    void aBadNumberFailsOnlyForTheSelectedKind() throws Exception {
        final SyntheticDataGeneratorNodeDialog dialog = open(new SyntheticDataGeneratorSettings());
        ((JTextField)field(dialog, SyntheticDataGeneratorSettings.LABEL_SC_DE_LOCATION)).setText("lots");
        final NodeSettings saved = new NodeSettings("model");
        dialog.saveSettingsTo(saved); // single-cell fields are not used with blobs: the loaded value is kept
        assertEquals(1.5, saved.getDouble(SyntheticDataGeneratorSettings.KEY_SC_DE_LOCATION));

        ((JTextField)field(dialog, SyntheticDataGeneratorSettings.LABEL_BLOBS_SPREAD)).setText("wide");
        final var e = assertThrows(InvalidSettingsException.class, () -> dialog.saveSettingsTo(new NodeSettings("m")));
        assertTrue(e.getMessage().contains("'Cluster spread (standard deviation)'") && e.getMessage().contains("wide"),
            e.getMessage());

        ((JTextField)field(dialog, SyntheticDataGeneratorSettings.LABEL_BLOBS_SPREAD)).setText("-1");
        final var v = assertThrows(InvalidSettingsException.class, () -> dialog.saveSettingsTo(new NodeSettings("m")));
        assertTrue(v.getMessage().contains("'Cluster spread (standard deviation)'"), v.getMessage());

        ((JTextField)field(dialog, SyntheticDataGeneratorSettings.LABEL_SEED)).setText("1.5");
        ((JTextField)field(dialog, SyntheticDataGeneratorSettings.LABEL_BLOBS_SPREAD)).setText("1");
        final var seed = assertThrows(InvalidSettingsException.class,
            () -> dialog.saveSettingsTo(new NodeSettings("m")));
        assertTrue(seed.getMessage().contains("'Random seed'"), seed.getMessage());
    }
}
