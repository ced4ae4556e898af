package org.deepcluster.knime.node.encoder;

import static org.deepcluster.knime.node.encoder.EncoderLearnerFixture.learner;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.deepcluster.core.encode.Architecture;
import org.deepcluster.core.encode.Scaling;
import org.deepcluster.knime.port.EncoderModelPortObject;
import org.deepcluster.knime.port.EncoderModelPortObjectSpec;
import org.deepcluster.knime.testing.TestTables;
import org.deepcluster.standin.NodeHarness;
import org.deepcluster.standin.Tables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.workflow.NodeProgress;

/** The Encoder Learner executed through the KNIME API stand-in, as KNIME would run it; training is kept tiny. */
class EncoderLearnerNodeModelTest {

    /** 300 rows of 4 Gaussian blobs in 20 dimensions (x0..x19) and a label column. */
    private static BufferedDataTable blobs;

    @BeforeAll
    static void data() {
        blobs = TestTables.blobs(300, 20, 4, 1.0, 5);
    }

    @Test
    void configureComputesTheExactOutputSpecs() throws Exception {
        final NodeHarness<EncoderLearnerNodeModel> h = learner(2, s -> {
            s.addString(EncoderLearnerSettings.KEY_ARCHITECTURE, "VAE");
            s.addString(EncoderLearnerSettings.KEY_SCALING, "MIN_MAX");
        });
        final PortObjectSpec[] specs = h.configure(blobs.getDataTableSpec());
        final EncoderModelPortObjectSpec model = assertInstanceOf(EncoderModelPortObjectSpec.class, specs[0]);
        assertEquals(20, model.columnNames().size());
        assertEquals("x0", model.columnNames().get(0));
        assertEquals("x19", model.columnNames().get(19));
        assertEquals(DoubleCell.TYPE.getName(), model.columnTypes().get(0));
        assertEquals(Architecture.VAE, model.architecture());
        assertEquals(3, model.embeddingSize());
        assertEquals(Scaling.MIN_MAX, model.scaling());
        final DataTableSpec history = (DataTableSpec)specs[1];
        assertArrayEquals(new String[]{"Epoch", "Training loss", "Validation loss", "Seconds"},
            history.getColumnNames());
        assertEquals(IntCell.TYPE, history.getColumnSpec(0).getType());
        assertEquals(DoubleCell.TYPE, history.getColumnSpec(2).getType());

        final PortObject[] out = h.execute(blobs); // the harness checks the table spec against configure's
        assertEquals(model, out[0].getSpec(), "configure() announces exactly the model spec of execute()");
        assertTrue(history.equalStructure((DataTableSpec)out[1].getSpec()));
    }

    @Test
    void settingsSavedBeforeTheAdversarialWeightExistedStillLoad() throws Exception {
        final NodeHarness<EncoderLearnerNodeModel> h = learner(2, s -> s.addDouble("kl_weight", 0.5));
        final ByteArrayOutputStream xml = new ByteArrayOutputStream();
        h.saveSettings().saveToXML(xml);
        final String current = xml.toString(StandardCharsets.UTF_8);
        assertTrue(current.contains("\"adversarial_weight\""), current);
        final String older = current.lines().filter(l -> !l.contains("\"adversarial_weight\""))
            .reduce("", (a, b) -> a + b + "\n");
        final var loaded = NodeSettings.loadFromXML(new ByteArrayInputStream(older.getBytes(StandardCharsets.UTF_8)));
        final NodeHarness<EncoderLearnerNodeModel> fresh = NodeHarness.of(EncoderLearnerNodeFactory.class);
        fresh.loadSettings(loaded); // an older settings.xml loads, with the default weight
        assertEquals(0.5, fresh.saveSettings().getDouble("kl_weight"));
        assertEquals(1.0, fresh.saveSettings().getDouble(EncoderLearnerSettings.KEY_ADVERSARIAL_WEIGHT));
    }

    @Test
    void settingsSavedBeforeTheWeightDecayExistedLoadWithNone() throws Exception {
        final NodeHarness<EncoderLearnerNodeModel> h = learner(2, s -> s.addDouble("kl_weight", 0.5));
        final ByteArrayOutputStream xml = new ByteArrayOutputStream();
        h.saveSettings().saveToXML(xml);
        final String current = xml.toString(StandardCharsets.UTF_8);
        assertTrue(current.contains("\"weight_decay\""), current);
        final String older = current.lines().filter(l -> !l.contains("\"weight_decay\""))
            .reduce("", (a, b) -> a + b + "\n");
        final var loaded = NodeSettings.loadFromXML(new ByteArrayInputStream(older.getBytes(StandardCharsets.UTF_8)));
        final NodeHarness<EncoderLearnerNodeModel> fresh = NodeHarness.of(EncoderLearnerNodeFactory.class);
        fresh.loadSettings(loaded);
        assertEquals(0.5, fresh.saveSettings().getDouble("kl_weight"));
        assertEquals(0.0, fresh.saveSettings().getDouble(EncoderLearnerSettings.KEY_WEIGHT_DECAY));
        final EncoderModelPortObject model = (EncoderModelPortObject)fresh.execute(blobs)[0];
        assertEquals(0.0, model.encoder().parameters().weightDecay());
    }

    @Test
    void weightDecayRoundTripsAndReachesTheModel() throws Exception {
        final NodeHarness<EncoderLearnerNodeModel> h = learner(2,
            s -> s.addDouble(EncoderLearnerSettings.KEY_WEIGHT_DECAY, 0.001));
        assertEquals(0.001, h.settingsRoundTrip().getDouble(EncoderLearnerSettings.KEY_WEIGHT_DECAY));
        assertEquals(0.001, h.dialogRoundTrip(blobs.getDataTableSpec())
            .getDouble(EncoderLearnerSettings.KEY_WEIGHT_DECAY));
        final EncoderModelPortObject decayed = (EncoderModelPortObject)h.execute(blobs)[0];
        assertEquals(0.001, decayed.encoder().parameters().weightDecay());
        // the engine applies it: same seed and data without weight decay give another embedding
        final EncoderModelPortObject plain = (EncoderModelPortObject)learner(2, s -> { }).execute(blobs)[0];
        assertEquals(0.0, plain.encoder().parameters().weightDecay());
        final var row = org.deepcluster.core.data.FloatMatrix.of(new float[][]{new float[20]});
        assertFalse(plain.encoder().transform(row).equals(decayed.encoder().transform(row)));
        // architectures without dense autoencoder layers do not record it
        final EncoderModelPortObject vae = (EncoderModelPortObject)learner(2, s -> {
            s.addString(EncoderLearnerSettings.KEY_ARCHITECTURE, "VAE");
            s.addDouble(EncoderLearnerSettings.KEY_WEIGHT_DECAY, 0.001);
        }).execute(blobs)[0];
        assertEquals(0.0, vae.encoder().parameters().weightDecay());
    }

    @Test
    void trainsReportsEpochLossesAndOutputsTheHistory() throws Exception {
        final NodeHarness<EncoderLearnerNodeModel> h = learner(4, s -> {
            s.addDouble(EncoderLearnerSettings.KEY_VALIDATION_FRACTION, 0.2);
        });
        final PortObject[] out = h.execute(blobs);
        final EncoderModelPortObject model = (EncoderModelPortObject)out[0];
        assertEquals(20, model.encoder().inputSize());
        assertEquals(3, model.encoder().embeddingSize());
        final BufferedDataTable history = (BufferedDataTable)out[1];
        assertEquals(4, history.size());
        final double[] epochs = Tables.doubles(history, "Epoch");
        assertArrayEquals(new double[]{1, 2, 3, 4}, epochs);
        final double[] training = Tables.doubles(history, "Training loss");
        assertTrue(training[3] < training[0], "the loss goes down: " + java.util.Arrays.toString(training));
        for (final double v : Tables.doubles(history, "Validation loss")) {
            assertTrue(Double.isFinite(v) && v > 0, "validation loss " + v);
        }
        assertTrue(h.progressEvents().stream().map(NodeProgress::getMessage)
            .anyMatch(m -> m != null && m.matches("(?s).*epoch 4/4: loss [0-9.e-]+, validation [0-9.e-]+.*")),
            "progress shows the epoch's losses: " + h.progressEvents());
        assertNull(h.warningMessage());
        assertTrue(model.getSummary().contains("4 of 4 epochs"), model.getSummary());
    }

    @Test
    void withoutValidationRowsTheValidationLossIsMissing() throws Exception {
        final BufferedDataTable history = (BufferedDataTable)learner(2, s -> {
        }).execute(blobs)[1];
        assertTrue(Tables.rows(history).stream().allMatch(r -> r.getCell(2).isMissing()));
        assertTrue(Tables.rows(history).stream().noneMatch(r -> r.getCell(1).isMissing()));
    }

    @Test
    void everyArchitectureTrainsThroughTheNode() throws Exception {
        for (final Architecture a : Architecture.values()) {
            final var h = learner(2, s -> {
                s.addString(EncoderLearnerSettings.KEY_ARCHITECTURE, a.name());
                s.addInt(EncoderLearnerSettings.KEY_PRETRAIN_EPOCHS, 1);
                s.addInt(EncoderLearnerSettings.KEY_IMAGE_WIDTH, 5); // 5 × 4 × 1 and 5 × 4 = the 20 columns
                s.addInt(EncoderLearnerSettings.KEY_IMAGE_HEIGHT, 4);
                s.addInt(EncoderLearnerSettings.KEY_IMAGE_CHANNELS, 1);
                s.addInt(EncoderLearnerSettings.KEY_SEQUENCE_LENGTH, 5);
                s.addInt(EncoderLearnerSettings.KEY_SEQUENCE_FEATURES, 4);
            });
            final EncoderModelPortObject model = (EncoderModelPortObject)h.execute(blobs)[0];
            assertEquals(a, model.getSpec().architecture());
            assertTrue(model.getSummary().contains(a.name()), model.getSummary());
        }
    }

    @Test
    void settingsSurviveSettingsXmlAndTheDialog() throws Exception {
        final var harness = learner(7, s -> {
            s.addString(EncoderLearnerSettings.KEY_ARCHITECTURE, "DAE");
            s.addBoolean(EncoderLearnerSettings.KEY_ALL_NUMERIC, false);
            s.addStringArray(EncoderLearnerSettings.KEY_INCLUDED, "x3", "x1", "x2");
            s.addString(EncoderLearnerSettings.KEY_HIDDEN_LAYERS, "64, 16");
            s.addString(EncoderLearnerSettings.KEY_NOISE_TYPE, "GAUSSIAN");
            s.addDouble(EncoderLearnerSettings.KEY_NOISE_LEVEL, 0.3);
            s.addString(EncoderLearnerSettings.KEY_MISSING, "SKIP_ROW");
            s.addString(EncoderLearnerSettings.KEY_ACTIVATION, "TANH");
            s.addString(EncoderLearnerSettings.KEY_OPTIMIZER, "SGD_MOMENTUM");
            s.addDouble(EncoderLearnerSettings.KEY_VALIDATION_FRACTION, 0.25);
            s.addInt(EncoderLearnerSettings.KEY_PATIENCE, 3);
            s.addLong(EncoderLearnerSettings.KEY_SEED, 123456789012L);
            s.addInt(EncoderLearnerSettings.KEY_IMAGE_WIDTH, 0); // CAE only: not checked for a DAE
        });
        final NodeSettings loaded = harness.settingsRoundTrip();
        assertEquals("DAE", loaded.getString(EncoderLearnerSettings.KEY_ARCHITECTURE));
        assertEquals(123456789012L, loaded.getLong(EncoderLearnerSettings.KEY_SEED));
        assertEquals(0, loaded.getInt(EncoderLearnerSettings.KEY_IMAGE_WIDTH));
        final ByteArrayOutputStream xml = new ByteArrayOutputStream();
        loaded.saveToXML(xml);
        final String text = xml.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("<entry key=\"hidden_layers\" type=\"xstring\" value=\"64, 16\"/>"), text);
        for (final String key : List.of(EncoderLearnerSettings.KEY_KL_WEIGHT, EncoderLearnerSettings.KEY_PRETRAIN_EPOCHS,
            EncoderLearnerSettings.KEY_IMAGE_HEIGHT, EncoderLearnerSettings.KEY_IMAGE_CHANNELS,
            EncoderLearnerSettings.KEY_SEQUENCE_LENGTH, EncoderLearnerSettings.KEY_SEQUENCE_FEATURES,
            EncoderLearnerSettings.KEY_ADVERSARIAL_WEIGHT)) {
            assertTrue(text.contains("key=\"" + key + "\""), "every key is saved: " + key);
        }

        final NodeSettings fromDialog = harness.dialogRoundTrip(blobs.getDataTableSpec());
        assertTrue(fromDialog.isIdentical(loaded), "the dialog keeps every setting");
        assertEquals("DAE", fromDialog.getString(EncoderLearnerSettings.KEY_ARCHITECTURE));
        assertEquals("GAUSSIAN", fromDialog.getString(EncoderLearnerSettings.KEY_NOISE_TYPE));
        assertEquals(0.3, fromDialog.getDouble(EncoderLearnerSettings.KEY_NOISE_LEVEL));
        assertEquals(0.25, fromDialog.getDouble(EncoderLearnerSettings.KEY_VALIDATION_FRACTION));
        assertEquals("SKIP_ROW", fromDialog.getString(EncoderLearnerSettings.KEY_MISSING));
        assertArrayEquals(new String[]{"x3", "x1", "x2"},
            fromDialog.getStringArray(EncoderLearnerSettings.KEY_INCLUDED));
        assertEquals(0, fromDialog.getInt(EncoderLearnerSettings.KEY_IMAGE_WIDTH));
    }

    private static InvalidSettingsException rejected(final EncoderLearnerFixture.Edit edit) {
        return assertThrows(InvalidSettingsException.class, () -> learner(2, edit));
    }

    @Test
    void invalidSettingsAreRejectedWithTheSettingsName() {
        final var text = rejected(s -> s.addString(EncoderLearnerSettings.KEY_HIDDEN_LAYERS, "512,abc"));
        assertTrue(text.getMessage().contains("'Hidden layer sizes'") && text.getMessage().contains("'abc'"),
            text.getMessage());
        final var zero = rejected(s -> s.addString(EncoderLearnerSettings.KEY_HIDDEN_LAYERS, "64,0"));
        assertTrue(zero.getMessage().contains("'Hidden layer sizes'") && zero.getMessage().contains("layer 2"),
            zero.getMessage());
        final var empty = rejected(s -> s.addString(EncoderLearnerSettings.KEY_HIDDEN_LAYERS, "64,,8"));
        assertTrue(empty.getMessage().contains("'Hidden layer sizes'"), empty.getMessage());
        final var arch = rejected(s -> s.addString(EncoderLearnerSettings.KEY_ARCHITECTURE, "GAN"));
        assertTrue(arch.getMessage().contains("'Architecture'") && arch.getMessage().contains("AE, DAE"),
            arch.getMessage());
        assertTrue(rejected(s -> s.addInt(EncoderLearnerSettings.KEY_EMBEDDING_SIZE, 0)).getMessage()
            .contains("'Embedding size'"));
        assertTrue(rejected(s -> s.addInt(EncoderLearnerSettings.KEY_EPOCHS, 0)).getMessage().contains("'Epochs'"));
        assertTrue(rejected(s -> s.addInt(EncoderLearnerSettings.KEY_BATCH_SIZE, 0)).getMessage()
            .contains("'Batch size'"));
        assertTrue(rejected(s -> s.addDouble(EncoderLearnerSettings.KEY_LEARNING_RATE, Double.NaN)).getMessage()
            .contains("'Learning rate'"));
        assertTrue(rejected(s -> s.addDouble(EncoderLearnerSettings.KEY_VALIDATION_FRACTION, 0.95)).getMessage()
            .contains("'Validation fraction'"));
        assertTrue(rejected(s -> s.addInt(EncoderLearnerSettings.KEY_PATIENCE, -1)).getMessage()
            .contains("'Early-stopping patience (epochs)'"));
        for (final double bad : new double[]{-1e-3, Double.NaN, Double.POSITIVE_INFINITY}) {
            final var decay = rejected(s -> s.addDouble(EncoderLearnerSettings.KEY_WEIGHT_DECAY, bad));
            assertTrue(decay.getMessage().contains("'Weight decay (L2)'") && decay.getMessage().contains("≥ 0"),
                decay.getMessage());
        }
        assertTrue(rejected(s -> s.addString(EncoderLearnerSettings.KEY_MISSING, "IGNORE")).getMessage()
            .contains("'Rows with missing values'"));
        final var bce = rejected(s -> s.addString(EncoderLearnerSettings.KEY_LOSS, "BINARY_CROSS_ENTROPY"));
        assertTrue(bce.getMessage().contains("'Reconstruction loss'") && bce.getMessage().contains("'Input scaling'"),
            bce.getMessage());
    }

    @Test
    void architectureSpecificSettingsAreCheckedOnlyForTheirArchitecture() throws Exception {
        learner(2, s -> { // an AE ignores the others' settings
            s.addDouble(EncoderLearnerSettings.KEY_NOISE_LEVEL, 5);
            s.addDouble(EncoderLearnerSettings.KEY_KL_WEIGHT, -1);
            s.addInt(EncoderLearnerSettings.KEY_PRETRAIN_EPOCHS, 0);
            s.addInt(EncoderLearnerSettings.KEY_IMAGE_CHANNELS, 0);
            s.addInt(EncoderLearnerSettings.KEY_SEQUENCE_LENGTH, -3);
            s.addDouble(EncoderLearnerSettings.KEY_ADVERSARIAL_WEIGHT, -1);
        });
        final var noise = rejected(s -> {
            s.addString(EncoderLearnerSettings.KEY_ARCHITECTURE, "DAE");
            s.addDouble(EncoderLearnerSettings.KEY_NOISE_LEVEL, 5);
        });
        assertTrue(noise.getMessage().contains("'Noise level'") && noise.getMessage().contains("masking rate"),
            noise.getMessage());
        final var kl = rejected(s -> {
            s.addString(EncoderLearnerSettings.KEY_ARCHITECTURE, "VAE");
            s.addDouble(EncoderLearnerSettings.KEY_KL_WEIGHT, -1);
        });
        assertTrue(kl.getMessage().contains("'KL weight (β)'"), kl.getMessage());
        final var pretrain = rejected(s -> {
            s.addString(EncoderLearnerSettings.KEY_ARCHITECTURE, "SAE");
            s.addInt(EncoderLearnerSettings.KEY_PRETRAIN_EPOCHS, 0);
        });
        assertTrue(pretrain.getMessage().contains("'Pretraining epochs per layer'"), pretrain.getMessage());
        final var adversarial = rejected(s -> {
            s.addString(EncoderLearnerSettings.KEY_ARCHITECTURE, "AAE");
            s.addDouble(EncoderLearnerSettings.KEY_ADVERSARIAL_WEIGHT, -1);
        });
        assertTrue(adversarial.getMessage().contains("'Adversarial weight'"), adversarial.getMessage());
    }

    @Test
    void imageAndSequenceShapesAreCheckedAgainstTheColumnsWhenTheirArchitectureIsChosen() throws Exception {
        final EncoderLearnerSettings s = new EncoderLearnerSettings();
        s.validateAgainstColumns(7); // AE: no shape
        for (final Architecture a : Architecture.values()) {
            s.architecture = a;
            if (EncoderLearnerSettings.usesImageShape(a)) {
                s.imageWidth = 4;
                s.imageHeight = 5;
                s.imageChannels = 1;
                s.validateAgainstColumns(20);
                final var e = assertThrows(InvalidSettingsException.class, () -> s.validateAgainstColumns(21));
                assertTrue(e.getMessage().contains("'Image width'") && e.getMessage().contains("(21)"),
                    e.getMessage());
            } else if (EncoderLearnerSettings.usesSequenceShape(a)) {
                s.sequenceLength = 5;
                s.sequenceFeatures = 4;
                s.validateAgainstColumns(20);
                final var e = assertThrows(InvalidSettingsException.class, () -> s.validateAgainstColumns(19));
                assertTrue(e.getMessage().contains("'Sequence length'"), e.getMessage());
            } else {
                s.validateAgainstColumns(3);
            }
        }
        assertFalse(EncoderLearnerSettings.usesImageShape(Architecture.AE));
        assertFalse(EncoderLearnerSettings.usesSequenceShape(Architecture.VAE));
    }

    @Test
    void aNonNumericSelectedColumnIsNamed() throws Exception {
        final var text = learner(2, s -> {
            s.addBoolean(EncoderLearnerSettings.KEY_ALL_NUMERIC, false);
            s.addStringArray(EncoderLearnerSettings.KEY_INCLUDED, "x0", TestTables.LABEL);
        });
        final var e = assertThrows(InvalidSettingsException.class, () -> text.configure(blobs.getDataTableSpec()));
        assertTrue(e.getMessage().contains("'label'") && e.getMessage().contains("not numeric"), e.getMessage());
        final BufferedDataTable strings = Tables.builder().column("name", StringCell.TYPE).row("a").build();
        final var none = assertThrows(InvalidSettingsException.class,
            () -> learner(2, s -> { }).configure(strings.getDataTableSpec()));
        assertTrue(none.getMessage().contains("no numeric column"), none.getMessage());
    }

    /** 40 rows in 2 columns, with a missing value in row "r3" (column b) and NaN in row "r7" (column a). */
    private static BufferedDataTable tableWithHoles() {
        final Tables.Builder b = Tables.builder().column("a", DoubleCell.TYPE).column("b", DoubleCell.TYPE);
        for (int i = 0; i < 40; i++) {
            final Double a = i == 7 ? Double.NaN : Double.valueOf(i % 5);
            final Double v = i == 3 ? null : Double.valueOf(i % 3);
            b.keyedRow("r" + i, a, v);
        }
        return b.build();
    }

    @Test
    void missingValuesFailNamingColumnAndRowOrAreSkippedWithAWarning() throws Exception {
        final var fail = assertThrows(InvalidSettingsException.class,
            () -> learner(1, s -> s.addInt(EncoderLearnerSettings.KEY_BATCH_SIZE, 8)).execute(tableWithHoles()));
        assertTrue(fail.getMessage().contains("'r3'") && fail.getMessage().contains("column 'b'")
            && fail.getMessage().contains("missing value"), fail.getMessage());

        final BufferedDataTable nan = Tables.builder().column("a", DoubleCell.TYPE).keyedRow("r1", 1.0)
            .keyedRow("r2", Double.NaN).build();
        final var n = assertThrows(InvalidSettingsException.class, () -> learner(1, s -> { }).execute(nan));
        assertTrue(n.getMessage().contains("'r2'") && n.getMessage().contains("NaN"), n.getMessage());
        final BufferedDataTable huge = Tables.builder().column("a", DoubleCell.TYPE).keyedRow("r1", 1.0)
            .keyedRow("r2", 1e300).build();
        final var h = assertThrows(InvalidSettingsException.class, () -> learner(1, s -> { }).execute(huge));
        assertTrue(h.getMessage().contains("'r2'") && h.getMessage().contains("32-bit"), h.getMessage());

        final var skip = learner(1, s -> {
            s.addInt(EncoderLearnerSettings.KEY_BATCH_SIZE, 8);
            s.addString(EncoderLearnerSettings.KEY_MISSING, "SKIP_ROW");
        });
        final EncoderModelPortObject model = (EncoderModelPortObject)skip.execute(tableWithHoles())[0];
        assertEquals(2, model.encoder().inputSize());
        assertTrue(skip.warningMessage().startsWith("2 of 40 rows were skipped"), skip.warningMessage());
        assertTrue(skip.warningMessage().contains("'r3'") && skip.warningMessage().contains("38 rows"),
            skip.warningMessage());
    }

    @Test
    void emptyTablesAndAllRowsMissingAreClearErrors() throws Exception {
        final BufferedDataTable empty = Tables.builder().column("a", DoubleCell.TYPE).build();
        final var e = assertThrows(InvalidSettingsException.class, () -> learner(1, s -> { }).execute(empty));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        final BufferedDataTable holes = Tables.builder().column("a", DoubleCell.TYPE).row((Object)null)
            .row(Double.NaN).build();
        final var all = assertThrows(InvalidSettingsException.class,
            () -> learner(1, s -> s.addString(EncoderLearnerSettings.KEY_MISSING, "SKIP_ROW")).execute(holes));
        assertTrue(all.getMessage().contains("All 2 rows"), all.getMessage());
    }

    @Test
    void fewerRowsThanTheBatchSizeSuggestsASmallerBatch() throws Exception {
        final BufferedDataTable few = TestTables.blobs(20, 3, 2, 1, 1);
        final var e = assertThrows(InvalidSettingsException.class, () -> learner(1, s -> { }).execute(few));
        assertTrue(e.getMessage().contains("batch size (32)") && e.getMessage().contains("(20)"), e.getMessage());
    }

    @Test
    void divergenceSuggestsALowerLearningRate() throws Exception {
        final var h = learner(20, s -> {
            s.addString(EncoderLearnerSettings.KEY_OPTIMIZER, "SGD_MOMENTUM");
            s.addDouble(EncoderLearnerSettings.KEY_LEARNING_RATE, 50);
        });
        final var e = assertThrows(InvalidSettingsException.class, () -> h.execute(blobs));
        assertTrue(e.getMessage().startsWith("Training diverged in epoch "), e.getMessage());
        assertTrue(e.getMessage().contains("Lower the learning rate") && e.getMessage().contains("'Learning rate'"),
            e.getMessage());
    }

    @Test
    void earlyStoppingIsReportedInAWarning() throws Exception {
        // A learning rate of 1e-9 leaves the loss practically unchanged: a plateau.
        final var h = learner(50, s -> {
            s.addDouble(EncoderLearnerSettings.KEY_LEARNING_RATE, 1e-9);
            s.addInt(EncoderLearnerSettings.KEY_PATIENCE, 2);
        });
        final BufferedDataTable history = (BufferedDataTable)h.execute(blobs)[1];
        assertEquals(3, history.size());
        assertTrue(h.warningMessage().startsWith("Training stopped early after 3 of 50 epochs: the training loss did "
            + "not improve for 2 epochs; the weights of epoch 1 were restored."), h.warningMessage());
    }

    @Test
    void cancellationStopsTraining() throws Exception {
        final var h = learner(50, s -> { });
        h.cancelWhen(p -> p.getMessage() != null && p.getMessage().contains("epoch 2/"));
        assertThrows(CanceledExecutionException.class, () -> h.execute(blobs));
        assertTrue(h.progressEvents().size() < 20, "stopped soon after the request");
        final var whileReading = learner(50, s -> { }).cancelWhen(p -> true); // at the first progress report
        assertThrows(CanceledExecutionException.class, () -> whileReading.execute(blobs));
    }
}
