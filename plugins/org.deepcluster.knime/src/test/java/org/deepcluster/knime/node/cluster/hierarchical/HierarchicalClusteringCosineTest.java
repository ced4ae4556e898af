package org.deepcluster.knime.node.cluster.hierarchical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.deepcluster.core.cluster.hierarchical.AgglomerativeModel;
import org.deepcluster.core.cluster.hierarchical.Linkage;
import org.deepcluster.core.cluster.hierarchical.Metric;
import org.deepcluster.core.metrics.ClusteringScores;
import org.deepcluster.core.metrics.Labels;
import org.deepcluster.knime.node.cluster.ClusteringSettings;
import org.deepcluster.knime.node.cluster.assigner.ClusterAssignerNodeFactory;
import org.deepcluster.knime.port.ClusterDistance;
import org.deepcluster.knime.port.ClusterModelPortObject;
import org.deepcluster.knime.port.ClusterModelPortObjectSpec;
import org.deepcluster.knime.testing.TestTables;
import org.deepcluster.standin.NodeHarness;
import org.deepcluster.standin.PortObjects;
import org.deepcluster.standin.Tables;
import org.junit.jupiter.api.Test;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;

/** The Hierarchical Clustering node with the cosine distance, through the KNIME API stand-in. */
class HierarchicalClusteringCosineTest {

    private static final double[][] DIRECTIONS = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};

    private static NodeHarness<HierarchicalClusteringNodeModel> node(final String linkage, final String distance)
        throws InvalidSettingsException {
        return NodeHarness.of(HierarchicalClusteringNodeFactory.class).editSettings(s -> {
            s.addString(HierarchicalClusteringSettings.KEY_LINKAGE, linkage);
            s.addInt(HierarchicalClusteringSettings.KEY_K, 3);
            s.addString(ClusteringSettings.KEY_DISTANCE, distance);
        });
    }

    /** Rows along three directions (a little angular noise) with lengths from 0.2 to 10: cosine and Euclidean differ. */
    private static BufferedDataTable rays(final int perDirection, final long seed) {
        final Random random = new Random(seed);
        final var b = Tables.builder().column("x", DoubleCell.TYPE).column("y", DoubleCell.TYPE)
            .column("z", DoubleCell.TYPE).column("direction", StringCell.TYPE);
        for (int i = 0; i < perDirection; i++) {
            for (int c = 0; c < DIRECTIONS.length; c++) {
                final double length = 0.2 * Math.pow(50, random.nextDouble());
                final double[] v = new double[3];
                for (int j = 0; j < 3; j++) {
                    v[j] = length * (DIRECTIONS[c][j] + 0.08 * random.nextGaussian());
                }
                b.row(v[0], v[1], v[2], "d" + c);
            }
        }
        return b.build();
    }

    private static double ari(final BufferedDataTable table) {
        return ClusteringScores.adjustedRandIndex(Labels.encode(TestTables.column(table, "direction")).codes(),
            Labels.encode(TestTables.column(table, "Cluster")).codes());
    }

    @Test
    void wardWithTheCosineDistanceIsRefusedNamingBothSettings() {
        final var e = assertThrows(InvalidSettingsException.class, () -> node("ward", "COSINE"));
        assertEquals("Setting 'Distance': Cosine distance cannot be used with ward linkage (setting 'Linkage'), which "
            + "minimises the Euclidean within-cluster variance: choose complete, average or single linkage, or the "
            + "Euclidean distance.", e.getMessage());
        // The other linkages take it, and ward takes Euclidean.
        for (final String linkage : List.of("complete", "average", "single")) {
            assertDoesNotThrow(() -> node(linkage, "COSINE"), linkage);
        }
        assertDoesNotThrow(() -> node("ward", "EUCLIDEAN"));
    }

    @Test
    void cosineGroupsByDirectionWhereEuclideanGroupsByLength() throws Exception {
        final BufferedDataTable in = rays(40, 1);
        for (final Linkage linkage : List.of(Linkage.COMPLETE, Linkage.AVERAGE, Linkage.SINGLE)) {
            final PortObject[] out = node(linkage.id(), "COSINE").execute(in);
            assertEquals(1.0, ari((BufferedDataTable)out[0]), 1e-12, linkage.id());
            final ClusterModelPortObject model = (ClusterModelPortObject)out[1];
            assertEquals(ClusterDistance.COSINE, model.getSpec().distance());
            final AgglomerativeModel agglomerative = (AgglomerativeModel)model.model();
            assertEquals(Metric.COSINE, agglomerative.metric());
            assertTrue(agglomerative.dendrogram().height(agglomerative.dendrogram().merges() - 1) <= 2,
                "heights are cosine distances");
            assertTrue(model.getSummary().contains("cosine metric"), model.getSummary());
            final double euclidean = ari((BufferedDataTable)node(linkage.id(), "EUCLIDEAN").execute(in)[0]);
            assertTrue(euclidean < 0.5, linkage.id() + ": Euclidean should split by length, ARI " + euclidean);
        }
    }

    @Test
    void theDistanceThresholdIsACosineDistance() throws Exception {
        final BufferedDataTable in = rays(30, 2);
        final var harness = NodeHarness.of(HierarchicalClusteringNodeFactory.class).editSettings(s -> {
            s.addString(HierarchicalClusteringSettings.KEY_LINKAGE, "average");
            s.addString(HierarchicalClusteringSettings.KEY_CUT, HierarchicalClusteringSettings.CUT_HEIGHT);
            s.addDouble(HierarchicalClusteringSettings.KEY_THRESHOLD, 0.3); // the axes are at cosine distance 1
            s.addString(ClusteringSettings.KEY_DISTANCE, "COSINE");
        });
        final PortObject[] out = harness.execute(in);
        assertEquals(3, ((ClusterModelPortObject)out[1]).model().clusterCount());
        assertEquals(1.0, ari((BufferedDataTable)out[0]), 1e-12);
    }

    @Test
    void settingsSurviveSettingsXmlAndTheDialog() throws Exception {
        final var harness = node("average", "COSINE");
        final NodeSettings loaded = harness.settingsRoundTrip();
        assertEquals("COSINE", loaded.getString(ClusteringSettings.KEY_DISTANCE));
        assertEquals("average", loaded.getString(HierarchicalClusteringSettings.KEY_LINKAGE));
        final NodeSettings fromDialog = harness.dialogRoundTrip(rays(2, 1).getDataTableSpec());
        assertEquals("COSINE", fromDialog.getString(ClusteringSettings.KEY_DISTANCE));
        assertEquals("average", fromDialog.getString(HierarchicalClusteringSettings.KEY_LINKAGE));
    }

    @Test
    void settingsSavedBeforeCosineExistedStillLoadAsEuclidean() throws Exception {
        // The node's settings as the committed test workflow hierarchical-blobs stores them (written before this
        // change; the common "distance" key was always written, with EUCLIDEAN).
        final NodeSettings old = new NodeSettings("model");
        old.addBoolean(ClusteringSettings.KEY_ALL_NUMERIC, true);
        old.addStringArray(ClusteringSettings.KEY_INCLUDED);
        old.addString(HierarchicalClusteringSettings.KEY_LINKAGE, "ward");
        old.addString(HierarchicalClusteringSettings.KEY_CUT, HierarchicalClusteringSettings.CUT_CLUSTERS);
        old.addInt(HierarchicalClusteringSettings.KEY_K, 4);
        old.addDouble(HierarchicalClusteringSettings.KEY_THRESHOLD, 1.0);
        old.addLong(HierarchicalClusteringSettings.KEY_MEMORY_LIMIT, 2048);
        old.addString(ClusteringSettings.KEY_DISTANCE, "EUCLIDEAN");
        old.addString(ClusteringSettings.KEY_MISSING, "FAIL");
        old.addString(ClusteringSettings.KEY_CLUSTER_COLUMN, "Cluster");
        final var harness = NodeHarness.of(HierarchicalClusteringNodeFactory.class);
        harness.loadSettings(old);
        final PortObject[] out = harness.execute(TestTables.blobs(40, 2, 4, 0.3, 3));
        final AgglomerativeModel model = (AgglomerativeModel)((ClusterModelPortObject)out[1]).model();
        assertEquals(Metric.EUCLIDEAN, model.metric());
        assertEquals(Linkage.WARD, model.linkage());
        assertEquals(ClusterDistance.EUCLIDEAN, ((ClusterModelPortObject)out[1]).getSpec().distance());
    }

    @Test
    void theModelPortKeepsTheMetricThroughSaveAndLoad() throws Exception {
        final BufferedDataTable in = rays(20, 3);
        final ClusterModelPortObject model = (ClusterModelPortObject)node("complete", "COSINE").execute(in)[1];
        final ClusterModelPortObject copy = PortObjects.roundTrip(model);
        assertEquals(ClusterDistance.COSINE, copy.getSpec().distance());
        final AgglomerativeModel back = (AgglomerativeModel)copy.model();
        assertEquals(Metric.COSINE, back.metric());
        assertEquals(Linkage.COMPLETE, back.linkage());
        assertEquals(model.getSummary(), copy.getSummary());
        final BufferedDataTable a = NodeHarness.of(ClusterAssignerNodeFactory.class).executeTables(model, in)[0];
        final BufferedDataTable b = NodeHarness.of(ClusterAssignerNodeFactory.class).executeTables(copy, in)[0];
        assertEquals(TestTables.column(a, "Cluster"), TestTables.column(b, "Cluster"));
        assertEquals(TestTables.column(a, "Distance"), TestTables.column(b, "Distance"));
    }

    @Test
    void theAssignerUsesTheCosineRuleAndReportsCosineDistances() throws Exception {
        final BufferedDataTable in = rays(25, 4);
        for (final String linkage : List.of("complete", "average", "single")) {
            final PortObject[] fitted = node(linkage, "COSINE").execute(in);
            final BufferedDataTable out =
                NodeHarness.of(ClusterAssignerNodeFactory.class).executeTables(fitted[1], in)[0];
            assertEquals(TestTables.column((BufferedDataTable)fitted[0], "Cluster"), TestTables.column(out, "Cluster"),
                linkage + ": the training rows keep their clusters");
            for (final String d : TestTables.column(out, "Distance")) {
                assertEquals(0.0, Double.parseDouble(d), 1e-12, "each training row is its own nearest row");
            }
        }
        // A new row far out along the x axis (Euclidean: far from every training row) goes to the x cluster; its
        // distance is the cosine distance to the training row of the smallest angle.
        final PortObject[] fitted = node("average", "COSINE").execute(in);
        final List<String> training = TestTables.column((BufferedDataTable)fitted[0], "Cluster");
        final BufferedDataTable probe = Tables.builder().column("x", DoubleCell.TYPE).column("y", DoubleCell.TYPE)
            .column("z", DoubleCell.TYPE).row(1000.0, 3.0, -2.0).build();
        final BufferedDataTable assigned =
            NodeHarness.of(ClusterAssignerNodeFactory.class).executeTables(fitted[1], probe)[0];
        assertEquals(training.get(0), TestTables.column(assigned, "Cluster").get(0), "row 0 of rays is along x");
        final double expected = smallestCosineDistance(in, new double[]{1000, 3, -2});
        assertEquals(expected, Double.parseDouble(TestTables.column(assigned, "Distance").get(0)), 1e-12);
    }

    private static double smallestCosineDistance(final BufferedDataTable table, final double[] v) {
        final List<String> x = TestTables.column(table, "x");
        final List<String> y = TestTables.column(table, "y");
        final List<String> z = TestTables.column(table, "z");
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < x.size(); i++) {
            final double[] r = {Double.parseDouble(x.get(i)), Double.parseDouble(y.get(i)), Double.parseDouble(z.get(i))};
            final double dot = r[0] * v[0] + r[1] * v[1] + r[2] * v[2];
            final double norms = Math.sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2])
                * Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
            best = Math.min(best, 1 - dot / norms);
        }
        return best;
    }

    @Test
    void aRowOfZerosIsRefusedNamingTheRowInFittingAndAssigning() throws Exception {
        final BufferedDataTable withZero = Tables.builder().column("x", DoubleCell.TYPE).column("y", DoubleCell.TYPE)
            .keyedRow("a", 1.0, 0.1).keyedRow("b", 0.1, 1.0).keyedRow("empty_doc", 0.0, 0.0).keyedRow("c", 2.0, 0.3)
            .build();
        final var fit = assertThrows(InvalidSettingsException.class, () -> node("average", "COSINE").editSettings(
            s -> s.addInt(HierarchicalClusteringSettings.KEY_K, 2)).execute(withZero));
        assertTrue(fit.getMessage().contains("Row 'empty_doc' has only zeros") && fit.getMessage().contains(
            "'Distance'"), fit.getMessage());
        final BufferedDataTable clean = Tables.builder().column("x", DoubleCell.TYPE).column("y", DoubleCell.TYPE)
            .row(1.0, 0.1).row(0.1, 1.0).row(2.0, 0.3).build();
        final PortObject[] fitted = node("single", "COSINE").editSettings(
            s -> s.addInt(HierarchicalClusteringSettings.KEY_K, 2)).execute(clean);
        final var assign = assertThrows(InvalidSettingsException.class,
            () -> NodeHarness.of(ClusterAssignerNodeFactory.class).executeTables(fitted[1], withZero));
        assertTrue(assign.getMessage().startsWith("Cannot assign the rows to the cluster model: Row 'empty_doc' has "
            + "only zeros"), assign.getMessage());
        final ClusterModelPortObjectSpec spec = ((ClusterModelPortObject)fitted[1]).getSpec();
        assertArrayEquals(new String[]{"x", "y"}, spec.columnNames().toArray(String[]::new));
    }
}
