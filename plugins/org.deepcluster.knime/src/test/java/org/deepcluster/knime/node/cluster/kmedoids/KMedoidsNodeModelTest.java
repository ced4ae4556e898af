package org.deepcluster.knime.node.cluster.kmedoids;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.deepcluster.core.cluster.KMedoidsModel;
import org.deepcluster.core.metrics.ClusteringScores;
import org.deepcluster.core.metrics.Labels;
import org.deepcluster.knime.port.ClusterDistance;
import org.deepcluster.knime.port.ClusterModelPortObject;
import org.deepcluster.knime.port.ClusterModelPortObjectSpec;
import org.deepcluster.knime.testing.TestTables;
import org.deepcluster.standin.NodeHarness;
import org.deepcluster.standin.Tables;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;

/**
 * The k-Medoids node executed through the KNIME API stand-in. The generic behaviour of clustering nodes (column
 * selection, missing values, empty tables, warnings) is tested in ClusteringNodeModelTest; the algorithm in the
 * engine's KMedoidsTest.
 */
class KMedoidsNodeModelTest {

    private static NodeHarness<KMedoidsNodeModel> kmedoids() {
        return NodeHarness.of(KMedoidsNodeFactory.class);
    }

    private static NodeHarness<KMedoidsNodeModel> kmedoids(final int k) throws InvalidSettingsException {
        return kmedoids().editSettings(s -> s.addInt(KMedoidsSettings.KEY_K, k));
    }

    @Test
    void configureComputesTheExactOutputSpecs() throws Exception {
        final BufferedDataTable in = TestTables.blobs(30, 2, 3, 0.5, 1);
        final var specs = kmedoids(3).configure(in.getDataTableSpec());
        final DataTableSpec clustered = (DataTableSpec)specs[0];
        assertEquals(4, clustered.getNumColumns());
        assertEquals("Cluster", clustered.getColumnSpec(3).getName());
        assertEquals(3, clustered.getColumnSpec(3).getDomain().getValues().size());
        final ClusterModelPortObjectSpec model = (ClusterModelPortObjectSpec)specs[1];
        assertEquals("k-medoids", model.algorithm());
        assertEquals(List.of("x0", "x1"), model.columnNames());
        assertEquals(3, model.clusterCount());
        assertEquals(ClusterDistance.EUCLIDEAN, model.distance());
        assertTrue(model.hasDistances());
        assertFalse(model.hasProbabilities());
        assertFalse(model.mayAssignNoise());
    }

    @Test
    void findsWellSeparatedBlobsWithEachMethod() throws Exception {
        final BufferedDataTable in = TestTables.blobs(300, 4, 3, 0.5, 7);
        for (final String method : new String[]{"AUTOMATIC", "PAM", "CLARA"}) {
            final var harness = kmedoids(3).editSettings(s -> s.addString(KMedoidsSettings.KEY_METHOD, method));
            final PortObject[] out = harness.execute(in); // the harness also checks specs = configure
            final BufferedDataTable table = (BufferedDataTable)out[0];
            final double ari = ClusteringScores.adjustedRandIndex(
                Labels.encode(TestTables.column(table, TestTables.LABEL)).codes(),
                Labels.encode(TestTables.column(table, "Cluster")).codes());
            assertEquals(1.0, ari, 1e-12, method);
            final ClusterModelPortObject model = (ClusterModelPortObject)out[1];
            assertEquals(harness.configuredSpecs()[1], model.getSpec(), "the configure() spec is exact");
            final KMedoidsModel kmedoids = (KMedoidsModel)model.model();
            assertEquals(method.equals("CLARA") ? "CLARA" : "PAM", kmedoids.method(), "300 rows: automatic = PAM");
            // Each medoid is one of the input rows, and in its own cluster.
            final List<String> clusters = TestTables.column(table, "Cluster");
            for (int m = 0; m < 3; m++) {
                final int row = kmedoids.medoidRows()[m];
                assertEquals("Cluster_" + m, clusters.get(row));
                for (int j = 0; j < 4; j++) {
                    assertEquals(((DoubleCell)Tables.rows(table).get(row).getCell(j)).getDoubleValue(),
                        kmedoids.medoids().get(m, j));
                }
            }
            assertTrue(model.getSummary().contains("k-medoids"), model.getSummary());
        }
    }

    @Test
    void sameSeedGivesTheSameClusteringAndReportsProgress() throws Exception {
        final BufferedDataTable in = TestTables.blobs(200, 3, 4, 2.5, 3);
        final var harness = kmedoids(4).editSettings(s -> s.addString(KMedoidsSettings.KEY_METHOD, "CLARA"));
        final List<String> first = TestTables.column((BufferedDataTable)harness.execute(in)[0], "Cluster");
        assertFalse(harness.progressEvents().isEmpty(), "the node reports progress");
        final List<String> second = TestTables.column((BufferedDataTable)kmedoids(4)
            .editSettings(s -> s.addString(KMedoidsSettings.KEY_METHOD, "CLARA")).execute(in)[0], "Cluster");
        assertEquals(first, second);
    }

    @Test
    void settingsSurviveSettingsXmlAndTheDialog() throws Exception {
        final var harness = kmedoids().editSettings(s -> {
            s.addInt(KMedoidsSettings.KEY_K, 5);
            s.addString(KMedoidsSettings.KEY_METHOD, "CLARA");
            s.addInt(KMedoidsSettings.KEY_CLARA_SAMPLES, 7);
            s.addInt(KMedoidsSettings.KEY_CLARA_SAMPLE_SIZE, 120);
            s.addInt(KMedoidsSettings.KEY_MAX_ITERATIONS, 12);
            s.addLong(KMedoidsSettings.KEY_SEED, 123456789012L);
            s.addString(KMedoidsSettings.KEY_DISTANCE, "COSINE");
        });
        final NodeSettings loaded = harness.settingsRoundTrip();
        assertEquals(5, loaded.getInt(KMedoidsSettings.KEY_K));
        assertEquals("CLARA", loaded.getString(KMedoidsSettings.KEY_METHOD));
        assertEquals(7, loaded.getInt(KMedoidsSettings.KEY_CLARA_SAMPLES));
        assertEquals(120, loaded.getInt(KMedoidsSettings.KEY_CLARA_SAMPLE_SIZE));
        final NodeSettings fromDialog = harness.dialogRoundTrip(TestTables.blobs(10, 2, 2, 1, 1).getDataTableSpec());
        assertEquals(5, fromDialog.getInt(KMedoidsSettings.KEY_K));
        assertEquals("CLARA", fromDialog.getString(KMedoidsSettings.KEY_METHOD));
        assertEquals(7, fromDialog.getInt(KMedoidsSettings.KEY_CLARA_SAMPLES));
        assertEquals(120, fromDialog.getInt(KMedoidsSettings.KEY_CLARA_SAMPLE_SIZE));
        assertEquals(12, fromDialog.getInt(KMedoidsSettings.KEY_MAX_ITERATIONS));
        assertEquals(123456789012L, fromDialog.getLong(KMedoidsSettings.KEY_SEED));
        assertEquals("COSINE", fromDialog.getString(KMedoidsSettings.KEY_DISTANCE));
    }

    @Test
    void invalidSettingsAreRejectedWithTheSettingsName() throws Exception {
        assertMessage("Number of clusters (k)", () -> kmedoids(0));
        assertMessage("Method", () -> kmedoids().editSettings(s -> s.addString(KMedoidsSettings.KEY_METHOD, "FAST")));
        assertMessage("CLARA samples",
            () -> kmedoids().editSettings(s -> s.addInt(KMedoidsSettings.KEY_CLARA_SAMPLES, 0)));
        assertMessage("CLARA sample size", () -> kmedoids(5).editSettings(
            s -> s.addInt(KMedoidsSettings.KEY_CLARA_SAMPLE_SIZE, 3)));
        assertMessage("Maximum swap iterations",
            () -> kmedoids().editSettings(s -> s.addInt(KMedoidsSettings.KEY_MAX_ITERATIONS, -1)));
    }

    private static void assertMessage(final String setting, final org.junit.jupiter.api.function.Executable run) {
        final var e = assertThrows(InvalidSettingsException.class, run);
        assertTrue(e.getMessage().contains("'" + setting + "'"), e.getMessage());
    }

    @Test
    void badInputIsAClearError() throws Exception {
        final BufferedDataTable four = TestTables.blobs(4, 2, 2, 1, 1);
        final var e = assertThrows(InvalidSettingsException.class, () -> kmedoids(5).execute(four));
        assertTrue(e.getMessage().contains("Number of clusters (k)") && e.getMessage().contains("(5)")
            && e.getMessage().contains("(4)"), e.getMessage());
        final BufferedDataTable same = Tables.builder().column("a", DoubleCell.TYPE).row(1.0).row(1.0).row(1.0)
            .build();
        final var d = assertThrows(InvalidSettingsException.class, () -> kmedoids(2).execute(same));
        assertTrue(d.getMessage().contains("distinct rows (1)"), d.getMessage());
        assertEquals(List.of("Cluster_0", "Cluster_0", "Cluster_0"),
            TestTables.column((BufferedDataTable)kmedoids(1).execute(same)[0], "Cluster"));
        final BufferedDataTable one = Tables.builder().column("a", DoubleCell.TYPE).keyedRow("only", 3.0).build();
        assertEquals(List.of("Cluster_0"), TestTables.column((BufferedDataTable)kmedoids(1).execute(one)[0],
            "Cluster"));
    }

    @Test
    void pamOnTooManyRowsIsRefusedBeforeAllocating() throws Exception {
        final var b = Tables.builder().column("a", DoubleCell.TYPE);
        for (int i = 0; i < 15_001; i++) {
            b.row((double)i);
        }
        final BufferedDataTable big = b.build();
        final var e = assertThrows(InvalidSettingsException.class,
            () -> kmedoids(2).editSettings(s -> s.addString(KMedoidsSettings.KEY_METHOD, "PAM")).execute(big));
        assertTrue(e.getMessage().contains("'Method'") && e.getMessage().contains("15001"), e.getMessage());
    }

    @Test
    void cancellationStopsExecution() throws Exception {
        final BufferedDataTable in = TestTables.blobs(1500, 4, 5, 3, 1);
        final var harness = kmedoids(5).editSettings(s -> s.addString(KMedoidsSettings.KEY_METHOD, "PAM"));
        harness.cancelWhen(p -> p.getMessage() != null && p.getMessage().contains("BUILD"));
        assertThrows(CanceledExecutionException.class, () -> harness.execute(in));
    }
}
