package org.deepcluster.knime.node.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JTextField;

import org.deepcluster.core.encode.Architecture;
import org.deepcluster.knime.testing.TestTables;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NotConfigurableException;

/** The dialog's architecture selector and its handling of the settings of architectures that are not selected. */
class EncoderLearnerNodeDialogTest {

    /** The architecture-specific fields, by the constant name of the architecture that uses them. */
    private static final Map<String, List<String>> SPECIFIC = Map.of(
        "DAE", List.of(EncoderLearnerSettings.LABEL_NOISE_TYPE, EncoderLearnerSettings.LABEL_NOISE_LEVEL),
        "VAE", List.of(EncoderLearnerSettings.LABEL_KL_WEIGHT),
        "SAE", List.of(EncoderLearnerSettings.LABEL_PRETRAIN_EPOCHS),
        EncoderLearnerSettings.CAE, List.of(EncoderLearnerSettings.LABEL_IMAGE_WIDTH,
            EncoderLearnerSettings.LABEL_IMAGE_HEIGHT, EncoderLearnerSettings.LABEL_IMAGE_CHANNELS),
        EncoderLearnerSettings.LSTM_AE, List.of(EncoderLearnerSettings.LABEL_SEQUENCE_LENGTH,
            EncoderLearnerSettings.LABEL_SEQUENCE_FEATURES),
        EncoderLearnerSettings.AAE, List.of(EncoderLearnerSettings.LABEL_ADVERSARIAL_WEIGHT));

    private static final DataTableSpec SPEC = TestTables.blobs(10, 3, 2, 1, 1).getDataTableSpec();

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

    static Component field(final EncoderLearnerNodeDialog dialog, final String label) {
        final Component field = field(dialog.getPanel(), label);
        assertNotNull(field, "no field labelled " + label);
        return field;
    }

    private static EncoderLearnerNodeDialog open(final EncoderLearnerSettings s) throws NotConfigurableException {
        final NodeSettings settings = new NodeSettings("model");
        s.saveTo(settings);
        final EncoderLearnerNodeDialog dialog = new EncoderLearnerNodeDialog();
        dialog.loadSettingsFrom(settings, new DataTableSpec[]{SPEC});
        return dialog;
    }

    @SuppressWarnings("unchecked")
    private static JComboBox<Architecture> architecture(final EncoderLearnerNodeDialog dialog) {
        return (JComboBox<Architecture>)field(dialog, EncoderLearnerSettings.LABEL_ARCHITECTURE);
    }

    @Test
    void theSelectorListsTheEnginesArchitecturesAndEnablesTheirSettingsOnly() throws Exception {
        final EncoderLearnerNodeDialog dialog = open(new EncoderLearnerSettings());
        final JComboBox<Architecture> selector = architecture(dialog);
        final Architecture[] listed = new Architecture[selector.getItemCount()];
        for (int i = 0; i < listed.length; i++) {
            listed[i] = selector.getItemAt(i);
        }
        assertArrayEquals(Architecture.values(), listed);
        for (final Architecture a : Architecture.values()) {
            selector.setSelectedItem(a);
            for (final Map.Entry<String, List<String>> e : SPECIFIC.entrySet()) {
                for (final String label : e.getValue()) {
                    assertEquals(e.getKey().equals(a.name()), field(dialog, label).isEnabled(), a + ": " + label);
                }
            }
            assertTrue(field(dialog, EncoderLearnerSettings.LABEL_HIDDEN_LAYERS).isEnabled());
        }
        assertEquals("VAE – variational autoencoder", EncoderLearnerNodeDialog.label(Architecture.VAE));
    }

    @Test
    void theDialogOpensOnTheSavedArchitecture() throws Exception {
        final EncoderLearnerSettings s = new EncoderLearnerSettings();
        s.architecture = Architecture.VAE;
        s.klWeight = 0.5;
        final EncoderLearnerNodeDialog dialog = open(s);
        assertEquals(Architecture.VAE, architecture(dialog).getSelectedItem());
        assertTrue(field(dialog, EncoderLearnerSettings.LABEL_KL_WEIGHT).isEnabled());
        assertFalse(field(dialog, EncoderLearnerSettings.LABEL_NOISE_LEVEL).isEnabled());
        assertEquals("0.5", ((JTextField)field(dialog, EncoderLearnerSettings.LABEL_KL_WEIGHT)).getText());
    }

    @Test
    void aBadNumberFailsOnlyForTheSelectedArchitecture() throws Exception {
        final EncoderLearnerNodeDialog dialog = open(new EncoderLearnerSettings());
        ((JTextField)field(dialog, EncoderLearnerSettings.LABEL_KL_WEIGHT)).setText("lots");
        final NodeSettings saved = new NodeSettings("model");
        dialog.saveSettingsTo(saved); // the KL weight is not used by an AE: the loaded value is kept
        assertEquals(1.0, saved.getDouble(EncoderLearnerSettings.KEY_KL_WEIGHT));

        architecture(dialog).setSelectedItem(Architecture.VAE);
        final var e = assertThrows(InvalidSettingsException.class, () -> dialog.saveSettingsTo(new NodeSettings("m")));
        assertTrue(e.getMessage().contains("'KL weight (β)'") && e.getMessage().contains("lots"), e.getMessage());

        ((JTextField)field(dialog, EncoderLearnerSettings.LABEL_KL_WEIGHT)).setText("2");
        ((JTextField)field(dialog, EncoderLearnerSettings.LABEL_HIDDEN_LAYERS)).setText("64;32");
        final var h = assertThrows(InvalidSettingsException.class, () -> dialog.saveSettingsTo(new NodeSettings("m")));
        assertTrue(h.getMessage().contains("'Hidden layer sizes'") && h.getMessage().contains("'64;32'"),
            h.getMessage());

        ((JTextField)field(dialog, EncoderLearnerSettings.LABEL_HIDDEN_LAYERS)).setText("");
        ((JTextField)field(dialog, EncoderLearnerSettings.LABEL_LEARNING_RATE)).setText("fast");
        final var lr = assertThrows(InvalidSettingsException.class,
            () -> dialog.saveSettingsTo(new NodeSettings("m")));
        assertTrue(lr.getMessage().contains("'Learning rate'"), lr.getMessage());

        ((JTextField)field(dialog, EncoderLearnerSettings.LABEL_LEARNING_RATE)).setText("0.01");
        final NodeSettings ok = new NodeSettings("model");
        dialog.saveSettingsTo(ok);
        assertEquals("", ok.getString(EncoderLearnerSettings.KEY_HIDDEN_LAYERS), "no hidden layer is allowed");
        assertEquals("VAE", ok.getString(EncoderLearnerSettings.KEY_ARCHITECTURE));
        assertEquals(2.0, ok.getDouble(EncoderLearnerSettings.KEY_KL_WEIGHT));
    }

    @Test
    void theDialogNeedsANumericInput() {
        final EncoderLearnerNodeDialog dialog = new EncoderLearnerNodeDialog();
        assertThrows(NotConfigurableException.class,
            () -> dialog.loadSettingsFrom(new NodeSettings("model"), new DataTableSpec[]{null}));
    }
}
