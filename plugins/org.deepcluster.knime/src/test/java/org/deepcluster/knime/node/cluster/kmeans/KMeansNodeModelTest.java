package org.deepcluster.knime.node.cluster.kmeans;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.deepcluster.core.cluster.KMeansModel;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.metrics.ClusteringScores;
import org.deepcluster.core.metrics.Labels;
import org.deepcluster.knime.port.ClusterDistance;
import org.deepcluster.knime.port.ClusterModelPortObject;
import org.deepcluster.knime.port.ClusterModelPortObjectSpec;
import org.deepcluster.knime.testing.TestTables;
import org.deepcluster.standin.NodeHarness;
import org.deepcluster.standin.Tables;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;

/**
 * The k-Means node executed through the KNIME API stand-in, as KNIME would run it. The generic behaviour of clustering
 * nodes (column selection, missing values, empty tables, warnings) is tested in ClusteringNodeModelTest.
 */
class KMeansNodeModelTest {

    private static NodeHarness<KMeansNodeModel> kmeans() {
        return NodeHarness.of(KMeansNodeFactory.class);
    }

    private static NodeHarness<KMeansNodeModel> kmeans(final int k) throws InvalidSettingsException {
        return kmeans().editSettings(s -> s.addInt(KMeansSettings.KEY_K, k));
    }

    @Test
    void configureComputesTheExactOutputSpecs() throws Exception {
        final BufferedDataTable in = TestTables.blobs(30, 2, 3, 0.5, 1);
        final var specs = kmeans(3).configure(in.getDataTableSpec());
        final DataTableSpec clustered = (DataTableSpec)specs[0];
        assertEquals(4, clustered.getNumColumns());
        final DataColumnSpec cluster = clustered.getColumnSpec(3);
        assertEquals("Cluster", cluster.getName());
        assertEquals(StringCell.TYPE, cluster.getType());
        final List<String> domain = new ArrayList<>();
        for (final DataCell c : cluster.getDomain().getValues()) {
            domain.add(c.toString());
        }
        assertEquals(List.of("Cluster_0", "Cluster_1", "Cluster_2"), domain);
        final ClusterModelPortObjectSpec model = (ClusterModelPortObjectSpec)specs[1];
        assertEquals("k-means", model.algorithm());
        assertEquals(List.of("x0", "x1"), model.columnNames());
        assertEquals(3, model.clusterCount());
        assertEquals(ClusterDistance.EUCLIDEAN, model.distance());
        assertTrue(model.hasDistances());
        assertFalse(model.hasProbabilities());
        assertFalse(model.mayAssignNoise());
    }

    @Test
    void findsWellSeparatedBlobsAndOutputsTheModel() throws Exception {
        final BufferedDataTable in = TestTables.blobs(300, 4, 3, 0.5, 7);
        final var harness = kmeans(3);
        final PortObject[] out = harness.execute(in); // the harness also checks specs = configure
        final BufferedDataTable table = (BufferedDataTable)out[0];
        assertEquals(300, table.size());
        final List<String> clusters = TestTables.column(table, "Cluster");
        final List<String> truth = TestTables.column(table, TestTables.LABEL);
        final double ari = ClusteringScores.adjustedRandIndex(Labels.encode(truth).codes(),
            Labels.encode(clusters).codes());
        assertEquals(1.0, ari, 1e-12);
        assertEquals("Cluster_0", clusters.get(0), "clusters are numbered by first appearance");
        assertEquals(null, harness.warningMessage());

        final ClusterModelPortObject model = (ClusterModelPortObject)out[1];
        assertEquals(harness.configuredSpecs()[1], model.getSpec(), "the configure() spec is exact");
        final KMeansModel kmeans = (KMeansModel)model.model();
        assertEquals(3, kmeans.k());
        // Each centroid is the mean of its cluster's rows.
        final double[] mean0 = new double[4];
        int n0 = 0;
        for (final var row : Tables.rows(table)) {
            if ("Cluster_0".equals(row.getCell(5).toString())) {
                n0++;
                for (int j = 0; j < 4; j++) {
                    mean0[j] += ((DoubleCell)row.getCell(j)).getDoubleValue();
                }
            }
        }
        for (int j = 0; j < 4; j++) {
            assertEquals(mean0[j] / n0, kmeans.centroids().get(0, j), 1e-9);
        }
        assertTrue(model.getSummary().contains("k-means, k = 3"), model.getSummary());
    }

    @Test
    void cosineDistanceClustersByDirection() throws Exception {
        // Two directions, very different lengths: Euclidean k-means splits by length, cosine by direction.
        final var b = Tables.builder().column("a", DoubleCell.TYPE).column("b", DoubleCell.TYPE)
            .column("truth", StringCell.TYPE);
        for (int i = 0; i < 20; i++) {
            final double scale = i % 2 == 0 ? 1 : 100;
            b.row(scale * (1 + 0.01 * i), scale * 0.05, "x");
            b.row(scale * 0.05, scale * (1 + 0.01 * i), "y");
        }
        final BufferedDataTable in = b.build();
        final var cosine = kmeans(2).editSettings(s -> s.addString(KMeansSettings.KEY_DISTANCE, "COSINE"));
        final PortObject[] out = cosine.execute(in);
        final BufferedDataTable table = (BufferedDataTable)out[0];
        final double ari = ClusteringScores.adjustedRandIndex(
            Labels.encode(TestTables.column(table, "truth")).codes(),
            Labels.encode(TestTables.column(table, "Cluster")).codes());
        assertEquals(1.0, ari, 1e-12);
        final ClusterModelPortObject model = (ClusterModelPortObject)out[1];
        assertEquals(ClusterDistance.COSINE, model.getSpec().distance());
        final Matrix centroids = ((KMeansModel)model.model()).centroids();
        for (int c = 0; c < 2; c++) { // centroids of unit rows lie inside the unit circle
            assertTrue(Math.hypot(centroids.get(c, 0), centroids.get(c, 1)) <= 1 + 1e-12);
        }
        final BufferedDataTable euclidean = (BufferedDataTable)kmeans(2).execute(in)[0];
        assertTrue(ClusteringScores.adjustedRandIndex(Labels.encode(TestTables.column(euclidean, "truth")).codes(),
            Labels.encode(TestTables.column(euclidean, "Cluster")).codes()) < 0.5, "Euclidean splits by length");
    }

    @Test
    void sameSeedGivesTheSameClusteringAndReportsProgress() throws Exception {
        final BufferedDataTable in = TestTables.blobs(200, 3, 4, 2.5, 3);
        final var harness = kmeans(4);
        final List<String> first = TestTables.column((BufferedDataTable)harness.execute(in)[0], "Cluster");
        assertFalse(harness.progressEvents().isEmpty(), "the node reports progress");
        final List<String> second = TestTables.column((BufferedDataTable)kmeans(4).execute(in)[0], "Cluster");
        assertEquals(first, second);
    }

    @Test
    void settingsSurviveSettingsXmlAndTheDialog() throws Exception {
        final var harness = kmeans().editSettings(s -> {
            s.addInt(KMeansSettings.KEY_K, 5);
            s.addLong(KMeansSettings.KEY_SEED, 123456789012L);
            s.addBoolean(KMeansSettings.KEY_ALL_NUMERIC, false);
            s.addStringArray(KMeansSettings.KEY_INCLUDED, "x1", "x0");
            s.addString(KMeansSettings.KEY_MISSING, "SKIP_ROW");
            s.addString(KMeansSettings.KEY_DISTANCE, "COSINE");
            s.addDouble(KMeansSettings.KEY_TOLERANCE, 1e-6);
        });
        final NodeSettings loaded = harness.settingsRoundTrip();
        assertEquals(5, loaded.getInt(KMeansSettings.KEY_K));
        assertEquals(123456789012L, loaded.getLong(KMeansSettings.KEY_SEED));
        assertArrayEquals(new String[]{"x1", "x0"}, loaded.getStringArray(KMeansSettings.KEY_INCLUDED));
        final ByteArrayOutputStream xml = new ByteArrayOutputStream();
        loaded.saveToXML(xml);
        final String text = xml.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("<entry key=\"k\" type=\"xint\" value=\"5\"/>"), text);

        final NodeSettings fromDialog = harness.dialogRoundTrip(TestTables.blobs(10, 2, 2, 1, 1).getDataTableSpec());
        assertEquals(5, fromDialog.getInt(KMeansSettings.KEY_K));
        assertEquals(1e-6, fromDialog.getDouble(KMeansSettings.KEY_TOLERANCE));
        assertEquals("SKIP_ROW", fromDialog.getString(KMeansSettings.KEY_MISSING));
        assertEquals("COSINE", fromDialog.getString(KMeansSettings.KEY_DISTANCE));
        assertArrayEquals(new String[]{"x1", "x0"}, fromDialog.getStringArray(KMeansSettings.KEY_INCLUDED));
    }

    @Test
    void invalidSettingsAreRejectedWithTheSettingsName() throws Exception {
        final var e = assertThrows(InvalidSettingsException.class, () -> kmeans(0));
        assertTrue(e.getMessage().contains("Number of clusters (k)"), e.getMessage());
        final var r = assertThrows(InvalidSettingsException.class,
            () -> kmeans().editSettings(s -> s.addInt(KMeansSettings.KEY_RESTARTS, 0)));
        assertTrue(r.getMessage().contains("Restarts"), r.getMessage());
        final var t = assertThrows(InvalidSettingsException.class,
            () -> kmeans().editSettings(s -> s.addDouble(KMeansSettings.KEY_TOLERANCE, Double.NaN)));
        assertTrue(t.getMessage().contains("Tolerance"), t.getMessage());
    }

    @Test
    void kLargerThanTheNumberOfRowsIsAClearError() throws Exception {
        final BufferedDataTable in = TestTables.blobs(4, 2, 2, 1, 1);
        final var e = assertThrows(InvalidSettingsException.class, () -> kmeans(5).execute(in));
        assertTrue(e.getMessage().contains("Number of clusters (k)") && e.getMessage().contains("(5)")
            && e.getMessage().contains("(4)"), e.getMessage());
    }

    @Test
    void aSingleRowFormsOneCluster() throws Exception {
        final BufferedDataTable one = Tables.builder().column("a", DoubleCell.TYPE).keyedRow("only", 3.0).build();
        final PortObject[] out = kmeans(1).execute(one);
        assertEquals(List.of("Cluster_0"), TestTables.column((BufferedDataTable)out[0], "Cluster"));
        final var e = assertThrows(InvalidSettingsException.class, () -> kmeans(2).execute(one));
        assertTrue(e.getMessage().contains("Number of clusters (k)"), e.getMessage());
    }

    @Test
    void identicalRowsAreAClearError() throws Exception {
        final BufferedDataTable same = Tables.builder().column("a", DoubleCell.TYPE).row(1.0).row(1.0).row(1.0)
            .row(1.0).build();
        final var e = assertThrows(InvalidSettingsException.class, () -> kmeans(2).execute(same));
        assertEquals("The k-means clustering cannot run on these data: k (2) is larger than the number of distinct "
            + "rows (1): lower k to at most 1 or provide more varied rows", e.getMessage());
        assertEquals(List.of("Cluster_0", "Cluster_0", "Cluster_0", "Cluster_0"),
            TestTables.column((BufferedDataTable)kmeans(1).execute(same)[0], "Cluster"));
    }

    @Test
    void cancellationStopsExecution() throws Exception {
        final BufferedDataTable in = TestTables.blobs(2000, 8, 5, 3, 1);
        final var harness = kmeans(5).editSettings(s -> s.addInt(KMeansSettings.KEY_RESTARTS, 50));
        harness.cancelWhen(p -> p.getMessage() != null && p.getMessage().contains("restart"));
        assertThrows(CanceledExecutionException.class, () -> harness.execute(in));
    }
}
