package org.deepcluster.knime.node.dec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.deepcluster.core.encode.Architecture;
import org.deepcluster.core.encode.Scaling;
import org.deepcluster.core.metrics.ClusteringScores;
import org.deepcluster.core.metrics.Labels;
import org.deepcluster.knime.node.embedding.EmbeddingPredictorNodeFactory;
import org.deepcluster.knime.node.encoder.EncoderLearnerFixture;
import org.deepcluster.knime.port.EncoderModelPortObject;
import org.deepcluster.knime.port.EncoderModelPortObjectSpec;
import org.deepcluster.knime.testing.TestTables;
import org.deepcluster.standin.NodeHarness;
import org.deepcluster.standin.PortObjects;
import org.deepcluster.standin.Tables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;

/**
 * The Deep Embedded Clustering node through the KNIME API stand-in, on a tiny autoencoder trained by the Encoder
 * Learner on Gaussian blobs.
 */
class DeepClusteringNodeModelTest {

    /** 300 rows of 4 overlapping blobs in 20 dimensions, and a label column. */
    private static BufferedDataTable blobs;

    /** A tiny autoencoder (embedding size 3) trained on {@link #blobs}. */
    private static EncoderModelPortObject model;

    @BeforeAll
    static void train() throws Exception {
        blobs = TestTables.blobs(300, 20, 4, 2.5, 5);
        model = EncoderLearnerFixture.train(blobs, 10);
    }

    /** k 4, update every 10 batches of 32, 150 iterations (tolerance 0), Adam 1e-3, seed 3. */
    private static NodeHarness<DeepClusteringNodeModel> dec(final double reconstructionWeight)
        throws InvalidSettingsException {
        return NodeHarness.of(DeepClusteringNodeFactory.class).editSettings(s -> {
            s.addInt(DeepClusteringSettings.KEY_K, 4);
            s.addInt(DeepClusteringSettings.KEY_UPDATE_INTERVAL, 10);
            s.addInt(DeepClusteringSettings.KEY_MAX_ITERATIONS, 150);
            s.addDouble(DeepClusteringSettings.KEY_TOLERANCE, 0);
            s.addInt(DeepClusteringSettings.KEY_BATCH_SIZE, 32);
            s.addDouble(DeepClusteringSettings.KEY_LEARNING_RATE, 1e-3);
            s.addDouble(DeepClusteringSettings.KEY_RECONSTRUCTION_WEIGHT, reconstructionWeight);
            s.addInt(DeepClusteringSettings.KEY_KMEANS_RESTARTS, 5);
            s.addLong(DeepClusteringSettings.KEY_SEED, 3);
        });
    }

    @Test
    void outputsTheRefinedModelClustersProbabilitiesAndHistoryAsConfigured() throws Exception {
        final var h = dec(1.0);
        final var specs = h.configure(model.getSpec(), blobs.getDataTableSpec());
        final var out = h.execute(model, blobs);
        final EncoderModelPortObject refined = (EncoderModelPortObject)out[0];
        final BufferedDataTable clustered = (BufferedDataTable)out[1];
        final BufferedDataTable history = (BufferedDataTable)out[2];
        assertEquals(specs[0], refined.getSpec(), "the refined model has the input model's spec");
        assertEquals(specs[1], clustered.getDataTableSpec());
        assertTrue(((DataTableSpec)specs[2]).equalStructure(history.getDataTableSpec()),
            "names and types as configured");

        final String[] names = clustered.getDataTableSpec().getColumnNames();
        assertArrayEquals(new String[]{TestTables.LABEL, "Cluster", "P (Cluster_0)", "P (Cluster_1)",
            "P (Cluster_2)", "P (Cluster_3)"}, List.of(names).subList(20, 26).toArray(new String[0]));
        final List<String> clusters = TestTables.column(clustered, "Cluster");
        final double[][] p = new double[4][];
        for (int j = 0; j < 4; j++) {
            p[j] = Tables.doubles(clustered, "P (Cluster_" + j + ")");
        }
        for (int i = 0; i < 300; i++) {
            int best = 0;
            for (int j = 1; j < 4; j++) {
                best = p[j][i] > p[best][i] ? j : best;
            }
            assertEquals(1.0, p[0][i] + p[1][i] + p[2][i] + p[3][i], 1e-9);
            assertEquals("Cluster_" + best, clusters.get(i), "the cluster is the most probable one");
        }
        final int[] truth = Labels.encode(TestTables.column(clustered, TestTables.LABEL)).codes();
        final double ari = ClusteringScores.adjustedRandIndex(truth, Labels.encode(clusters).codes());
        assertTrue(ari > 0.8, "the blobs are found: ARI " + ari);

        // history: initialisation, 14 updates (every 10 of 150 iterations), the end
        assertEquals(16, history.size());
        final double[] iterations = Tables.doubles(history, DeepClusteringNodeModel.COLUMN_ITERATION);
        assertEquals(0, iterations[0]);
        assertEquals(150, iterations[15]);
        assertTrue(Double.isNaN(Tables.doubles(history, DeepClusteringNodeModel.COLUMN_LOSS)[0]), "no batches yet");
        final double[] reconstruction = Tables.doubles(history, DeepClusteringNodeModel.COLUMN_RECONSTRUCTION);
        assertTrue(reconstruction[1] > 0, "IDEC reports the reconstruction loss");
        assertTrue(h.progressEvents().stream().anyMatch(e -> e.getMessage() != null
            && e.getMessage().contains("iteration 150/150: loss ")), "progress names the loss");

        // the refined model differs from the input, survives save/load, and the Embedding Predictor uses it
        final NodeHarness<?> predictor = NodeHarness.of(EmbeddingPredictorNodeFactory.class);
        final BufferedDataTable before = (BufferedDataTable)predictor.execute(model, blobs)[0];
        final BufferedDataTable after = (BufferedDataTable)NodeHarness.of(EmbeddingPredictorNodeFactory.class)
            .execute(refined, blobs)[0];
        assertFalse(Tables.doubles(before, "z0")[0] == Tables.doubles(after, "z0")[0], "the encoder was refined");
        final EncoderModelPortObject reloaded = PortObjects.roundTrip(refined);
        final BufferedDataTable again = (BufferedDataTable)NodeHarness.of(EmbeddingPredictorNodeFactory.class)
            .execute(reloaded, blobs)[0];
        assertArrayEquals(Tables.doubles(after, "z2"), Tables.doubles(again, "z2"));
    }

    @Test
    void decWithoutReconstructionHasMissingReconstructionAndTheSameSeedGivesTheSameClusters() throws Exception {
        final var out = dec(0).execute(model, blobs);
        final BufferedDataTable history = (BufferedDataTable)out[2];
        for (final double r : Tables.doubles(history, DeepClusteringNodeModel.COLUMN_RECONSTRUCTION)) {
            assertTrue(Double.isNaN(r), "DEC has no reconstruction term");
        }
        final var again = dec(0).execute(model, blobs);
        assertEquals(TestTables.column((BufferedDataTable)out[1], "Cluster"),
            TestTables.column((BufferedDataTable)again[1], "Cluster"));
        assertArrayEquals(Tables.doubles((BufferedDataTable)out[1], "P (Cluster_2)"),
            Tables.doubles((BufferedDataTable)again[1], "P (Cluster_2)"));
    }

    @Test
    void configureRefusesMissingInputsOtherArchitecturesAndTablesWithoutTheModelColumns() throws Exception {
        final var h = dec(0);
        final var none = assertThrows(InvalidSettingsException.class,
            () -> h.configure(null, blobs.getDataTableSpec()));
        assertTrue(none.getMessage().contains("Encoder Learner"), none.getMessage());

        final EncoderModelPortObjectSpec vae = new EncoderModelPortObjectSpec(List.of("x0", "x1"),
            List.of("Number (Float)", "Number (Float)"), Architecture.VAE, 2, Scaling.NONE);
        final var arch = assertThrows(InvalidSettingsException.class,
            () -> h.configure(vae, blobs.getDataTableSpec()));
        assertTrue(arch.getMessage().contains("VAE (variational autoencoder)")
            && arch.getMessage().contains("AE, DAE or SAE"), arch.getMessage());

        final DataTableSpec full = blobs.getDataTableSpec();
        final Tables.Builder missing = Tables.builder();
        for (final String n : full.getColumnNames()) {
            if (!"x7".equals(n)) {
                missing.column(n, full.getColumnSpec(n).getType());
            }
        }
        final var column = assertThrows(InvalidSettingsException.class,
            () -> h.configure(model.getSpec(), missing.build().getDataTableSpec()));
        assertTrue(column.getMessage().contains("no column 'x7'"), column.getMessage());

        final var taken = dec(0).editSettings(s -> s.addString(DeepClusteringSettings.KEY_CLUSTER_COLUMN, "label"));
        final DataTableSpec spec = (DataTableSpec)taken.configure(model.getSpec(), full)[1];
        assertEquals("label (#1)", spec.getColumnSpec(21).getName(), "a taken cluster column name is made unique");
        assertEquals(4, spec.getColumnSpec(21).getDomain().getValues().size(), "the domain lists the k clusters");
    }

    @Test
    void badSettingsAndDataAreNamed() throws Exception {
        assertSetting("'Number of clusters (k)' must be at least 2", s -> s.addInt(DeepClusteringSettings.KEY_K, 1));
        assertSetting("'Kernel degrees of freedom (α)' must be a finite number > 0",
            s -> s.addDouble(DeepClusteringSettings.KEY_ALPHA, 0));
        assertSetting("'Target update interval (iterations)' must be at least 1",
            s -> s.addInt(DeepClusteringSettings.KEY_UPDATE_INTERVAL, 0));
        assertSetting("'Tolerance (fraction of changed labels)' must be between 0 and 1",
            s -> s.addDouble(DeepClusteringSettings.KEY_TOLERANCE, -0.1));
        assertSetting("'Learning rate' must be a finite number > 0",
            s -> s.addDouble(DeepClusteringSettings.KEY_LEARNING_RATE, Double.NaN));
        assertSetting("'Reconstruction weight γ (0 = DEC, > 0 = IDEC)' must be a finite number ≥ 0",
            s -> s.addDouble(DeepClusteringSettings.KEY_RECONSTRUCTION_WEIGHT, -1));
        assertSetting("'Optimizer' has the unknown value 'RMSPROP'",
            s -> s.addString(DeepClusteringSettings.KEY_OPTIMIZER, "RMSPROP"));

        final BufferedDataTable few = Tables.table(blobs.getDataTableSpec(), Tables.rows(blobs).subList(0, 3));
        final var k = assertThrows(InvalidSettingsException.class, () -> dec(0).execute(model, few));
        assertTrue(k.getMessage().contains("'Number of clusters (k)' (4) is larger than the number of rows to "
            + "cluster (3)"), k.getMessage());
        final BufferedDataTable some = Tables.table(blobs.getDataTableSpec(), Tables.rows(blobs).subList(0, 20));
        final var batch = assertThrows(InvalidSettingsException.class, () -> dec(0).execute(model, some));
        assertTrue(batch.getMessage().contains("'Batch size' (32) is larger than the number of rows to cluster (20)"),
            batch.getMessage());
        final var empty = assertThrows(InvalidSettingsException.class,
            () -> dec(0).execute(model, Tables.table(blobs.getDataTableSpec())));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
    }

    private static void assertSetting(final String expected, final NodeHarness.SettingsEditor edit) {
        final var e = assertThrows(InvalidSettingsException.class, () -> dec(0).editSettings(edit));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void missingValuesFailOrAreSkippedWithMissingOutputCells() throws Exception {
        final List<DataRow> rows = new ArrayList<>(Tables.rows(blobs));
        final DataRow r = rows.get(7);
        final DataCell[] cells = new DataCell[r.getNumCells()];
        for (int j = 0; j < cells.length; j++) {
            cells[j] = j == 3 ? DataType.getMissingCell() : r.getCell(j);
        }
        rows.set(7, new DefaultRow(r.getKey(), cells));
        final BufferedDataTable holes = Tables.table(blobs.getDataTableSpec(), rows);
        final var e = assertThrows(InvalidSettingsException.class, () -> dec(0).execute(model, holes));
        assertTrue(e.getMessage().contains("'Row7'") && e.getMessage().contains("column 'x3'"), e.getMessage());

        final var skip = dec(0).editSettings(s -> s.addString(DeepClusteringSettings.KEY_MISSING, "SKIP_ROW"));
        final BufferedDataTable out = (BufferedDataTable)skip.execute(model, holes)[1];
        assertEquals(300, out.size());
        assertTrue(Tables.rows(out).get(7).getCell(21).isMissing(), "no cluster for the skipped row");
        assertTrue(Double.isNaN(Tables.doubles(out, "P (Cluster_0)")[7]));
        assertFalse(Tables.rows(out).get(8).getCell(21).isMissing());
        assertTrue(skip.warningMessage().startsWith("1 of 300 rows were skipped"), skip.warningMessage());
    }

    @Test
    void cancellationStopsTheRefinement() throws Exception {
        final var h = dec(0).editSettings(s -> s.addInt(DeepClusteringSettings.KEY_MAX_ITERATIONS, 100_000))
            .cancelWhen(p -> p.getMessage() != null && p.getMessage().startsWith("iteration 20/"));
        assertThrows(CanceledExecutionException.class, () -> h.execute(model, blobs));
    }

    @Test
    void nonConvergenceIsAWarning() throws Exception {
        // a tiny tolerance is not reached in 10 fast iterations: with k = 9 on 4 blobs the clusters split blobs, and
        // the boundaries inside a blob move (with k = 4 every label may stay put, which counts as converged)
        final var h = dec(0).editSettings(s -> {
            s.addInt(DeepClusteringSettings.KEY_K, 9);
            s.addInt(DeepClusteringSettings.KEY_MAX_ITERATIONS, 10);
            s.addDouble(DeepClusteringSettings.KEY_TOLERANCE, 1e-6);
            s.addDouble(DeepClusteringSettings.KEY_LEARNING_RATE, 0.05);
        });
        h.execute(model, blobs);
        assertTrue(h.warningMessage().contains("Did not converge in 10 iterations: "), h.warningMessage());
        final var all = dec(0).editSettings(s -> s.addInt(DeepClusteringSettings.KEY_MAX_ITERATIONS, 10));
        all.execute(model, blobs);
        assertNull(all.warningMessage(), "tolerance 0 asks for all iterations: nothing to warn about");
        final var quiet = dec(0).editSettings(s -> s.addDouble(DeepClusteringSettings.KEY_TOLERANCE, 1));
        quiet.execute(model, blobs);
        assertNull(quiet.warningMessage(), "tolerance 1 converges at the first update; 4 blobs, 4 clusters");
    }

    @Test
    void settingsSurviveSettingsXmlAndTheDialog() throws Exception {
        final var h = dec(2.5).editSettings(s -> {
            s.addString(DeepClusteringSettings.KEY_OPTIMIZER, "SGD_MOMENTUM");
            s.addDouble(DeepClusteringSettings.KEY_ALPHA, 0.5);
            s.addString(DeepClusteringSettings.KEY_MISSING, "SKIP_ROW");
            s.addString(DeepClusteringSettings.KEY_CLUSTER_COLUMN, "DEC cluster");
        });
        final NodeSettings loaded = h.settingsRoundTrip();
        assertEquals(2.5, loaded.getDouble(DeepClusteringSettings.KEY_RECONSTRUCTION_WEIGHT));
        final NodeSettings fromDialog = h.dialogRoundTrip(model.getSpec(), blobs.getDataTableSpec());
        assertTrue(fromDialog.isIdentical(loaded), "the dialog keeps every setting");
        assertTrue(h.dialogRoundTrip(null, null).isIdentical(loaded), "the dialog opens without inputs");
        final DataTableSpec spec = (DataTableSpec)h.configure(model.getSpec(), blobs.getDataTableSpec())[1];
        assertEquals("DEC cluster", spec.getColumnSpec(21).getName());
        assertEquals(StringCell.TYPE, spec.getColumnSpec(21).getType());
        assertEquals(DoubleCell.TYPE, spec.getColumnSpec(22).getType());
    }
}
