package org.deepcluster.knime.node.encoder;

import static org.deepcluster.knime.node.encoder.EncoderLearnerFixture.learner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import javax.swing.JComboBox;

import org.deepcluster.core.encode.Architecture;
import org.deepcluster.core.encode.Scaling;
import org.deepcluster.core.encode.SequenceInput;
import org.deepcluster.knime.node.embedding.EmbeddingPredictorNodeFactory;
import org.deepcluster.knime.port.EncoderModelPortObject;
import org.deepcluster.standin.NodeHarness;
import org.deepcluster.standin.PortObjects;
import org.deepcluster.standin.Tables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;

/**
 * The Encoder Learner's LSTM autoencoder on token indices (input "Token indices"), and the Embedding Predictor on
 * such a model.
 */
class EncoderLearnerTokenSequencesTest {

    private static final int T = 8;
    private static final int V = 20;

    /** 96 "documents" of two topics as token columns t0..t7 (0 = padding at the end) and a topic column. */
    private static BufferedDataTable tokens;

    private static EncoderModelPortObject model;

    @BeforeAll
    static void train() throws Exception {
        tokens = tokenTable(96, 3);
        model = (EncoderModelPortObject)tokenLearner(3).execute(tokens)[0];
    }

    static BufferedDataTable tokenTable(final int n, final long seed) {
        final Random r = new Random(seed);
        final Tables.Builder b = Tables.builder();
        for (int s = 0; s < T; s++) {
            b.column("t" + s, IntCell.TYPE);
        }
        b.column("topic", StringCell.TYPE);
        for (int i = 0; i < n; i++) {
            final Object[] row = new Object[T + 1];
            final int length = 3 + r.nextInt(T - 2);
            for (int s = 0; s < T; s++) {
                row[s] = s >= length ? 0 : i % 2 == 0 ? 2 + r.nextInt(9) : 11 + r.nextInt(9);
            }
            row[T] = "topic" + i % 2;
            b.row(row);
        }
        return b.build();
    }

    static NodeHarness<EncoderLearnerNodeModel> tokenLearner(final int epochs) throws InvalidSettingsException {
        return learner(epochs, s -> {
            s.addString(EncoderLearnerSettings.KEY_ARCHITECTURE, Architecture.LSTM_AE.name());
            s.addString(EncoderLearnerSettings.KEY_HIDDEN_LAYERS, "12");
            s.addString(EncoderLearnerSettings.KEY_SEQUENCE_INPUT, SequenceInput.TOKENS.name());
            s.addInt(EncoderLearnerSettings.KEY_SEQUENCE_LENGTH, T);
            s.addInt(EncoderLearnerSettings.KEY_SEQUENCE_FEATURES, 3); // not used with tokens
            s.addInt(EncoderLearnerSettings.KEY_VOCABULARY_SIZE, V);
            s.addInt(EncoderLearnerSettings.KEY_TOKEN_EMBEDDING_SIZE, 6);
            s.addString(EncoderLearnerSettings.KEY_SCALING, Scaling.Z_SCORE.name()); // not used with tokens
        });
    }

    @Test
    void trainsOnTokenColumnsAndThePredictorEncodesThem() throws Exception {
        assertEquals(Scaling.NONE, model.getSpec().scaling());
        assertEquals(List.of("t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7"), model.getSpec().columnNames());
        final String summary = model.getSummary();
        assertTrue(summary.contains("token embedding 6 (vocabulary 20)"), summary);
        assertTrue(summary.contains("loss token cross-entropy (padding masked)"), summary);

        final var predictor = NodeHarness.of(EmbeddingPredictorNodeFactory.class);
        final BufferedDataTable out = (BufferedDataTable)predictor.execute(model, tokens)[0];
        assertEquals(96, out.size());
        assertEquals(List.of("t7", "topic", "z0", "z1", "z2"),
            List.of(out.getDataTableSpec().getColumnNames()).subList(T - 1, T + 4));
        final double[] z0 = Tables.doubles(out, "z0");
        assertTrue(java.util.Arrays.stream(z0).allMatch(Double::isFinite));

        // the model survives a save and load of the port object, with identical embeddings
        final EncoderModelPortObject reloaded = PortObjects.roundTrip(model);
        final BufferedDataTable again = (BufferedDataTable)predictor.execute(reloaded, tokens)[0];
        for (int k = 0; k < 3; k++) {
            assertEquals(java.util.Arrays.toString(Tables.doubles(out, "z" + k)),
                java.util.Arrays.toString(Tables.doubles(again, "z" + k)));
        }
    }

    @Test
    void aValueThatIsNotATokenIndexIsNamedByRowAndColumn() throws Exception {
        final Tables.Builder b = Tables.builder();
        for (int s = 0; s < T; s++) {
            b.column("t" + s, IntCell.TYPE);
        }
        final Object[] fine = new Object[T];
        final Object[] bad = new Object[T];
        java.util.Arrays.fill(fine, 2);
        java.util.Arrays.fill(bad, 2);
        bad[5] = V; // one past the vocabulary
        for (int i = 0; i < 40; i++) {
            b.keyedRow("doc" + i, i == 33 ? bad : fine);
        }
        final BufferedDataTable table = b.build();
        final var e = assertThrows(InvalidSettingsException.class, () -> tokenLearner(1).execute(table));
        assertTrue(e.getMessage().startsWith("Row 'doc33', column 't5' holds the token index 20, outside the "
            + "vocabulary [0, 20)"), e.getMessage());

        final var predictor = NodeHarness.of(EmbeddingPredictorNodeFactory.class);
        final var p = assertThrows(InvalidSettingsException.class, () -> predictor.execute(model, table));
        assertTrue(p.getMessage().startsWith("Row 'doc33', column 't5' holds the token index 20"), p.getMessage());
    }

    @Test
    void theSequenceLengthMustMatchTheColumns() throws Exception {
        final var h = learner(1, s -> {
            s.addString(EncoderLearnerSettings.KEY_ARCHITECTURE, Architecture.LSTM_AE.name());
            s.addString(EncoderLearnerSettings.KEY_SEQUENCE_INPUT, SequenceInput.TOKENS.name());
            s.addInt(EncoderLearnerSettings.KEY_SEQUENCE_LENGTH, T + 1);
        });
        final var e = assertThrows(InvalidSettingsException.class, () -> h.configure(tokens.getDataTableSpec()));
        assertTrue(e.getMessage().startsWith("Setting 'Sequence length' (9) must equal the number of selected input "
            + "columns (8): with token indices"), e.getMessage());
    }

    @Test
    void tokenSettingsAreValidatedAndSaved() throws Exception {
        final var bad = assertThrows(InvalidSettingsException.class, () -> learner(1, s -> {
            s.addString(EncoderLearnerSettings.KEY_ARCHITECTURE, Architecture.LSTM_AE.name());
            s.addString(EncoderLearnerSettings.KEY_SEQUENCE_INPUT, SequenceInput.TOKENS.name());
            s.addInt(EncoderLearnerSettings.KEY_VOCABULARY_SIZE, 1);
        }));
        assertTrue(bad.getMessage().startsWith("Setting 'Vocabulary size' must be between 2 and 131072 (is 1)"),
            bad.getMessage());
        final var embedding = assertThrows(InvalidSettingsException.class, () -> learner(1, s -> {
            s.addString(EncoderLearnerSettings.KEY_ARCHITECTURE, Architecture.LSTM_AE.name());
            s.addString(EncoderLearnerSettings.KEY_SEQUENCE_INPUT, SequenceInput.TOKENS.name());
            s.addInt(EncoderLearnerSettings.KEY_TOKEN_EMBEDDING_SIZE, 0);
        }));
        assertTrue(embedding.getMessage().startsWith("Setting 'Token embedding size' must be between 1"),
            embedding.getMessage());
        // not checked for numeric sequences
        learner(1, s -> s.addInt(EncoderLearnerSettings.KEY_VOCABULARY_SIZE, 1));

        final NodeSettings saved = tokenLearner(2).settingsRoundTrip();
        assertEquals("TOKENS", saved.getString(EncoderLearnerSettings.KEY_SEQUENCE_INPUT));
        assertEquals(V, saved.getInt(EncoderLearnerSettings.KEY_VOCABULARY_SIZE));
        assertEquals(6, saved.getInt(EncoderLearnerSettings.KEY_TOKEN_EMBEDDING_SIZE));
        final NodeSettings fromDialog = tokenLearner(2).dialogRoundTrip(tokens.getDataTableSpec());
        assertEquals("TOKENS", fromDialog.getString(EncoderLearnerSettings.KEY_SEQUENCE_INPUT));
        assertEquals(V, fromDialog.getInt(EncoderLearnerSettings.KEY_VOCABULARY_SIZE));
    }

    @Test
    void settingsSavedBeforeTokenSequencesExistedLoadAsNumeric() throws Exception {
        final ByteArrayOutputStream xml = new ByteArrayOutputStream();
        learner(2, s -> s.addInt(EncoderLearnerSettings.KEY_SEQUENCE_LENGTH, 4)).saveSettings().saveToXML(xml);
        final String older = xml.toString(StandardCharsets.UTF_8).lines()
            .filter(l -> !l.contains("\"sequence_input\"") && !l.contains("\"vocabulary_size\"")
                && !l.contains("\"token_embedding_size\""))
            .reduce("", (a, b) -> a + b + "\n");
        final NodeHarness<EncoderLearnerNodeModel> fresh = NodeHarness.of(EncoderLearnerNodeFactory.class);
        fresh.loadSettings(NodeSettings.loadFromXML(new ByteArrayInputStream(older.getBytes(StandardCharsets.UTF_8))));
        assertEquals("NUMERIC", fresh.saveSettings().getString(EncoderLearnerSettings.KEY_SEQUENCE_INPUT));
        assertEquals(4, fresh.saveSettings().getInt(EncoderLearnerSettings.KEY_SEQUENCE_LENGTH));
    }

    @Test
    void theDialogEnablesTheFieldsOfTheSequenceInput() throws Exception {
        final EncoderLearnerSettings s = new EncoderLearnerSettings();
        s.architecture = Architecture.LSTM_AE;
        s.sequenceInput = SequenceInput.TOKENS;
        final NodeSettings settings = new NodeSettings("model");
        s.saveTo(settings);
        final EncoderLearnerNodeDialog dialog = new EncoderLearnerNodeDialog();
        dialog.loadSettingsFrom(settings, new DataTableSpec[]{tokens.getDataTableSpec()});
        assertTrue(EncoderLearnerNodeDialogTest.field(dialog, EncoderLearnerSettings.LABEL_VOCABULARY_SIZE)
            .isEnabled());
        assertTrue(EncoderLearnerNodeDialogTest.field(dialog, EncoderLearnerSettings.LABEL_TOKEN_EMBEDDING_SIZE)
            .isEnabled());
        assertFalse(EncoderLearnerNodeDialogTest.field(dialog, EncoderLearnerSettings.LABEL_SEQUENCE_FEATURES)
            .isEnabled());
        assertFalse(EncoderLearnerNodeDialogTest.field(dialog, EncoderLearnerSettings.LABEL_SCALING).isEnabled());
        assertFalse(EncoderLearnerNodeDialogTest.field(dialog, EncoderLearnerSettings.LABEL_LOSS).isEnabled());
        @SuppressWarnings("unchecked")
        final JComboBox<SequenceInput> input = (JComboBox<SequenceInput>)EncoderLearnerNodeDialogTest.field(dialog,
            EncoderLearnerSettings.LABEL_SEQUENCE_INPUT);
        input.setSelectedItem(SequenceInput.NUMERIC);
        assertFalse(EncoderLearnerNodeDialogTest.field(dialog, EncoderLearnerSettings.LABEL_VOCABULARY_SIZE)
            .isEnabled());
        assertTrue(EncoderLearnerNodeDialogTest.field(dialog, EncoderLearnerSettings.LABEL_SEQUENCE_FEATURES)
            .isEnabled());
        assertTrue(EncoderLearnerNodeDialogTest.field(dialog, EncoderLearnerSettings.LABEL_SCALING).isEnabled());
    }
}
