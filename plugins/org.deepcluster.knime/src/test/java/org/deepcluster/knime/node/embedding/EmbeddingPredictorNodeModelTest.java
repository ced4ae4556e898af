package org.deepcluster.knime.node.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.deepcluster.core.cluster.KMeans;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.encode.Architecture;
import org.deepcluster.core.encode.Scaling;
import org.deepcluster.core.metrics.ClusteringScores;
import org.deepcluster.core.metrics.Labels;
import org.deepcluster.core.progress.Progress;
import org.deepcluster.knime.node.encoder.EncoderLearnerFixture;
import org.deepcluster.knime.port.EncoderModelPortObject;
import org.deepcluster.knime.port.EncoderModelPortObjectSpec;
import org.deepcluster.knime.testing.TestTables;
import org.deepcluster.standin.NodeHarness;
import org.deepcluster.standin.PortObjects;
import org.deepcluster.standin.Tables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;

/**
 * The Embedding Predictor executed through the KNIME API stand-in, on models trained by the Encoder Learner (a few
 * epochs on a few hundred rows).
 */
class EmbeddingPredictorNodeModelTest {

    /** 300 rows of 4 well separated Gaussian blobs in 20 dimensions, and a label column. */
    private static BufferedDataTable blobs;

    /** A tiny autoencoder (embedding size 3) trained on {@link #blobs}. */
    private static EncoderModelPortObject model;

    @BeforeAll
    static void train() throws Exception {
        blobs = TestTables.blobs(300, 20, 4, 1.0, 5);
        model = EncoderLearnerFixture.train(blobs, 15);
    }

    private static NodeHarness<EmbeddingPredictorNodeModel> predictor() {
        return NodeHarness.of(EmbeddingPredictorNodeFactory.class);
    }

    private static BufferedDataTable predict(final EncoderModelPortObject m, final BufferedDataTable table)
        throws Exception {
        return (BufferedDataTable)predictor().execute(m, table)[0];
    }

    /** @return the embedding columns z0..z{d-1} of a predictor output as a matrix */
    private static Matrix embedding(final BufferedDataTable out, final int d) {
        final double[][] rows = new double[(int)out.size()][d];
        for (int k = 0; k < d; k++) {
            final double[] column = Tables.doubles(out, "z" + k);
            for (int i = 0; i < column.length; i++) {
                rows[i][k] = column[i];
            }
        }
        return Matrix.of(rows);
    }

    @Test
    void learnerThenPredictorGivesAnEmbeddingWhoseClustersAreTheBlobs() throws Exception {
        final BufferedDataTable out = predict(model, blobs);
        assertEquals(300, out.size());
        assertArrayEquals(new String[]{"x18", "x19", TestTables.LABEL, "z0", "z1", "z2"},
            List.of(out.getDataTableSpec().getColumnNames()).subList(18, 24).toArray(new String[0]));
        final Matrix z = embedding(out, 3);
        assertTrue(z.firstNonFinite().isEmpty());
        final int[] clusters = KMeans.fit(z, KMeans.Parameters.defaults(4), Progress.NONE).labels();
        final int[] truth = Labels.encode(TestTables.column(out, TestTables.LABEL)).codes();
        final double ari = ClusteringScores.adjustedRandIndex(truth, clusters);
        assertTrue(ari > 0.9, "k-means on the 3-d embedding recovers the 4 blobs: ARI " + ari);
        assertEquals(Tables.rows(blobs).get(0).getCell(20), Tables.rows(out).get(0).getCell(20), "input cells kept");
        assertEquals(Tables.rows(blobs).get(299).getKey(), Tables.rows(out).get(299).getKey(), "row IDs kept");
    }

    @Test
    void theSameSeedGivesTheSameEmbedding() throws Exception {
        final EncoderModelPortObject again = EncoderLearnerFixture.train(blobs, 15);
        assertEquals(embedding(predict(model, blobs), 3), embedding(predict(again, blobs), 3));
    }

    @Test
    void aSavedAndReloadedModelGivesIdenticalEmbeddings() throws Exception {
        final EncoderModelPortObject reloaded = PortObjects.roundTrip(model);
        assertEquals(model.getSpec(), reloaded.getSpec());
        assertEquals(model.getSummary(), reloaded.getSummary());
        assertEquals(embedding(predict(model, blobs), 3), embedding(predict(reloaded, blobs), 3));
    }

    @Test
    void configureDerivesTheOutputSpecFromTheModelSpecAlone() throws Exception {
        final EncoderModelPortObjectSpec spec = new EncoderModelPortObjectSpec(List.of("b", "a"),
            List.of("Number (Float)", "Number (Integer)"), Architecture.VAE, 3, Scaling.Z_SCORE);
        final DataTableSpec in = Tables.builder().column("a", IntCell.TYPE).column("z0", StringCell.TYPE)
            .column("b", DoubleCell.TYPE).build().getDataTableSpec();
        final DataTableSpec out = (DataTableSpec)predictor().configure(spec, in)[0];
        assertArrayEquals(new String[]{"a", "z0", "b", "z0 (#1)", "z1", "z2"}, out.getColumnNames());
        for (int k = 3; k < 6; k++) {
            assertEquals(DoubleCell.TYPE, out.getColumnSpec(k).getType());
        }
        final var prefixed = predictor().editSettings(s -> s.addString(EmbeddingPredictorSettings.KEY_COLUMN_PREFIX,
            "embedding_"));
        assertArrayEquals(new String[]{"a", "z0", "b", "embedding_0", "embedding_1", "embedding_2"},
            ((DataTableSpec)prefixed.configure(spec, in)[0]).getColumnNames());
        final var none = assertThrows(InvalidSettingsException.class, () -> predictor().configure(null, in));
        assertTrue(none.getMessage().contains("Encoder Learner"), none.getMessage());
    }

    @Test
    void aTableWithoutAModelColumnOrWithAWrongTypeIsAClearError() throws Exception {
        final EncoderModelPortObjectSpec spec = model.getSpec();
        final DataTableSpec full = blobs.getDataTableSpec();
        final List<String> names = new ArrayList<>(List.of(full.getColumnNames()));
        names.remove("x7");
        final Tables.Builder missing = Tables.builder();
        for (final String n : names) {
            missing.column(n, full.getColumnSpec(n).getType());
        }
        final var e = assertThrows(InvalidSettingsException.class,
            () -> predictor().configure(spec, missing.build().getDataTableSpec()));
        assertTrue(e.getMessage().contains("no column 'x7'") && e.getMessage().contains("trained on"),
            e.getMessage());

        final Tables.Builder text = Tables.builder();
        for (final String n : full.getColumnNames()) {
            text.column(n, "x3".equals(n) ? StringCell.TYPE : full.getColumnSpec(n).getType());
        }
        final var t = assertThrows(InvalidSettingsException.class,
            () -> predictor().configure(spec, text.build().getDataTableSpec()));
        assertTrue(t.getMessage().contains("Column 'x3' has type String") && t.getMessage().contains("numbers"),
            t.getMessage());
    }

    @Test
    void columnOrderDoesNotMatterAndIntegerColumnsAreNumbers() throws Exception {
        final EncoderModelPortObject small = EncoderLearnerFixture.train(TestTables.blobs(64, 2, 2, 0.5, 3), 1);
        final BufferedDataTable swapped = Tables.builder().column("label", StringCell.TYPE)
            .column("x1", IntCell.TYPE).column("x0", DoubleCell.TYPE).row("a", 1, 2.0).row("b", 3, 4.0).build();
        final BufferedDataTable ordered = Tables.builder().column("x0", DoubleCell.TYPE)
            .column("x1", DoubleCell.TYPE).row(2.0, 1.0).row(4.0, 3.0).build();
        assertEquals(embedding(predict(small, ordered), 3), embedding(predict(small, swapped), 3));
    }

    /** The first 6 rows of the blobs (columns x0..x19, label) with a missing value in row 1 and NaN in row 4. */
    private static BufferedDataTable blobsWithHoles() {
        final List<DataRow> rows = Tables.rows(blobs).subList(0, 6);
        final List<DataRow> changed = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            final DataRow r = rows.get(i);
            final org.knime.core.data.DataCell[] cells = new org.knime.core.data.DataCell[r.getNumCells()];
            for (int j = 0; j < cells.length; j++) {
                cells[j] = r.getCell(j);
            }
            if (i == 1) {
                cells[5] = org.knime.core.data.DataType.getMissingCell();
            } else if (i == 4) {
                cells[2] = new DoubleCell(Double.NaN);
            }
            changed.add(new org.knime.core.data.def.DefaultRow(r.getKey(), cells));
        }
        return Tables.table(blobs.getDataTableSpec(), changed);
    }

    @Test
    void missingValuesFailNamingColumnAndRowOrGiveMissingEmbeddingCells() throws Exception {
        final var e = assertThrows(InvalidSettingsException.class, () -> predict(model, blobsWithHoles()));
        assertTrue(e.getMessage().contains("'Row1'") && e.getMessage().contains("column 'x5'")
            && e.getMessage().contains("missing value"), e.getMessage());

        final var skip = predictor().editSettings(s -> s.addString(EmbeddingPredictorSettings.KEY_MISSING, "SKIP_ROW"));
        final BufferedDataTable out = (BufferedDataTable)skip.execute(model, blobsWithHoles())[0];
        assertEquals(6, out.size(), "no input row is lost");
        final double[] z0 = Tables.doubles(out, "z0");
        assertTrue(Double.isNaN(z0[1]) && Double.isNaN(z0[4]), "skipped rows have missing embedding cells");
        assertFalse(Double.isNaN(z0[0]) || Double.isNaN(z0[5]));
        final Matrix all = embedding(predict(model, blobs), 3);
        // (float arithmetic in batches of other sizes may differ in the last bits)
        assertEquals(all.get(5, 2), Tables.doubles(out, "z2")[5], 1e-5, "the other rows are encoded as usual");
        assertTrue(skip.warningMessage().startsWith("2 of 6 rows were skipped"), skip.warningMessage());
        assertTrue(skip.warningMessage().contains("'Row1'"), skip.warningMessage());
    }

    @Test
    void anEmptyTableGivesAnEmptyTableWithTheEmbeddingColumns() throws Exception {
        final BufferedDataTable empty = Tables.table(blobs.getDataTableSpec());
        final BufferedDataTable out = predict(model, empty);
        assertEquals(0, out.size());
        assertEquals(24, out.getDataTableSpec().getNumColumns());
    }

    @Test
    void largeTablesAreEncodedInBatchesWithProgressAndCancellation() throws Exception {
        final BufferedDataTable large = TestTables.blobs(EmbeddingPredictorNodeModel.BATCH_ROWS * 2 + 100, 20, 4,
            1.0, 9);
        final var h = predictor();
        final BufferedDataTable out = (BufferedDataTable)h.execute(model, large)[0];
        assertEquals(large.size(), out.size());
        assertTrue(h.progressEvents().stream().anyMatch(p -> p.getMessage() != null
            && p.getMessage().contains("Encoded " + EmbeddingPredictorNodeModel.BATCH_ROWS + " of ")),
            h.progressEvents().toString());
        assertNull(h.warningMessage());

        final var cancelled = predictor().cancelWhen(p -> p.getMessage() != null
            && p.getMessage().startsWith("Encoded "));
        assertThrows(CanceledExecutionException.class, () -> cancelled.execute(model, large));
    }

    @Test
    void settingsSurviveSettingsXmlAndTheDialog() throws Exception {
        final var h = predictor().editSettings(s -> {
            s.addString(EmbeddingPredictorSettings.KEY_COLUMN_PREFIX, "latent_");
            s.addString(EmbeddingPredictorSettings.KEY_MISSING, "SKIP_ROW");
        });
        final NodeSettings loaded = h.settingsRoundTrip();
        assertEquals("latent_", loaded.getString(EmbeddingPredictorSettings.KEY_COLUMN_PREFIX));
        final NodeSettings fromDialog = h.dialogRoundTrip(model.getSpec(), blobs.getDataTableSpec());
        assertTrue(fromDialog.isIdentical(loaded), "the dialog keeps every setting");
        final NodeSettings withoutInputs = h.dialogRoundTrip(null, null);
        assertTrue(withoutInputs.isIdentical(loaded), "the dialog opens before the model is trained");

        final var e = assertThrows(InvalidSettingsException.class,
            () -> predictor().editSettings(s -> s.addString(EmbeddingPredictorSettings.KEY_COLUMN_PREFIX, " ")));
        assertTrue(e.getMessage().contains("'Embedding column prefix'"), e.getMessage());
        final var m = assertThrows(InvalidSettingsException.class,
            () -> predictor().editSettings(s -> s.addString(EmbeddingPredictorSettings.KEY_MISSING, "ZERO")));
        assertTrue(m.getMessage().contains("'Rows with missing values'"), m.getMessage());
    }
}
