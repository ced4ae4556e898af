package org.deepcluster.knime.node.cluster.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.deepcluster.core.cluster.spectral.SpectralModel;
import org.deepcluster.core.metrics.ClusteringScores;
import org.deepcluster.core.metrics.Labels;
import org.deepcluster.knime.node.cluster.assigner.ClusterAssignerNodeFactory;
import org.deepcluster.knime.port.ClusterModelPortObject;
import org.deepcluster.knime.port.ClusterModelPortObjectSpec;
import org.deepcluster.knime.testing.TestTables;
import org.deepcluster.standin.NodeHarness;
import org.deepcluster.standin.Tables;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;

/** The Spectral Clustering node executed through the KNIME API stand-in. */
class SpectralClusteringNodeModelTest {

    private static NodeHarness<SpectralClusteringNodeModel> node() {
        return NodeHarness.of(SpectralClusteringNodeFactory.class);
    }

    private static NodeHarness<SpectralClusteringNodeModel> node(final int k) throws InvalidSettingsException {
        return node().editSettings(s -> s.addInt(SpectralClusteringSettings.KEY_K, k));
    }

    private static double ari(final BufferedDataTable table, final String truth) {
        return ClusteringScores.adjustedRandIndex(Labels.encode(TestTables.column(table, truth)).codes(),
            Labels.encode(TestTables.column(table, "Cluster")).codes());
    }

    /** Two concentric rings: no centroid method separates them, spectral clustering on a kNN graph does. */
    private static BufferedDataTable rings(final int perRing) {
        final var b = Tables.builder().column("x", DoubleCell.TYPE).column("y", DoubleCell.TYPE)
            .column("ring", StringCell.TYPE);
        final java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < perRing; i++) {
            for (final double radius : new double[]{1, 4}) {
                final double angle = 2 * Math.PI * random.nextDouble();
                b.row(radius * Math.cos(angle) + 0.05 * random.nextGaussian(),
                    radius * Math.sin(angle) + 0.05 * random.nextGaussian(), radius == 1 ? "inner" : "outer");
            }
        }
        return b.build();
    }

    @Test
    void configureComputesTheExactOutputSpecs() throws Exception {
        final var specs = node(3).configure(TestTables.blobs(30, 2, 3, 0.5, 1).getDataTableSpec());
        final DataColumnSpec cluster = ((DataTableSpec)specs[0]).getColumnSpec(3);
        assertEquals(3, cluster.getDomain().getValues().size());
        final ClusterModelPortObjectSpec model = (ClusterModelPortObjectSpec)specs[1];
        assertEquals("spectral", model.algorithm());
        assertEquals(3, model.clusterCount());
        assertTrue(model.hasProbabilities());
        assertTrue(model.hasDistances());
        assertFalse(model.mayAssignNoise());
    }

    @Test
    void separatesConcentricRings() throws Exception {
        final var harness = node(2);
        final PortObject[] out = harness.execute(rings(150));
        assertEquals(1.0, ari((BufferedDataTable)out[0], "ring"), 1e-12);
        final ClusterModelPortObject model = (ClusterModelPortObject)out[1];
        assertEquals(harness.configuredSpecs()[1], model.getSpec());
        assertEquals(2, ((SpectralModel)model.model()).components(), "each ring is a part of the graph");
        assertTrue(model.getSummary().contains("spectral clustering, k = 2"), model.getSummary());
    }

    @Test
    void theAssignerVotesWithTheNearestTrainingRows() throws Exception {
        final BufferedDataTable in = rings(100);
        final PortObject[] fitted = node(2).execute(in);
        final List<String> expected = TestTables.column((BufferedDataTable)fitted[0], "Cluster");
        final BufferedDataTable out =
            NodeHarness.of(ClusterAssignerNodeFactory.class).executeTables(fitted[1], in)[0];
        assertEquals(expected, TestTables.column(out, "Cluster"), "training rows keep their cluster");
        final String[] names = out.getDataTableSpec().getColumnNames();
        assertEquals(List.of("x", "y", "ring", "Cluster"), List.of(names).subList(0, 4));
        assertTrue(names.length > 5, "probability and distance columns: " + List.of(names));
    }

    @Test
    void aConnectedGraphGivesNoWarning() throws Exception {
        final var harness = node(2);
        final PortObject[] out = harness.execute(TestTables.blobs(200, 2, 2, 3.0, 6)); // overlapping blobs
        assertNull(harness.warningMessage());
        assertEquals(1, ((SpectralModel)((ClusterModelPortObject)out[1]).model()).components());
    }

    @Test
    void rbfAffinityFindsBlobs() throws Exception {
        final BufferedDataTable in = TestTables.blobs(120, 3, 3, 0.5, 4);
        final var rbf = node(3).editSettings(s -> {
            s.addString(SpectralClusteringSettings.KEY_AFFINITY, "rbf");
            s.addDouble(SpectralClusteringSettings.KEY_GAMMA, 0.1);
        });
        assertEquals(1.0, ari((BufferedDataTable)rbf.execute(in)[0], TestTables.LABEL), 1e-12);
    }

    @Test
    void warnsAboutADisconnectedGraph() throws Exception {
        final var harness = node(3);
        final BufferedDataTable table = (BufferedDataTable)harness.execute(TestTables.blobs(300, 4, 3, 0.2, 7))[0];
        assertEquals(1.0, ari(table, TestTables.LABEL), 1e-12);
        assertEquals("The nearest-neighbour graph has 3 disconnected parts, so the spectral embedding may not work "
            + "as expected: raise the number of neighbours.", harness.warningMessage());
    }

    @Test
    void aDenseRbfMatrixAboveTheMemoryLimitIsRefusedNamingTheSetting() throws Exception {
        final BufferedDataTable in = TestTables.blobs(600, 2, 3, 1, 2);
        final var e = assertThrows(InvalidSettingsException.class, () -> node(3).editSettings(s -> {
            s.addString(SpectralClusteringSettings.KEY_AFFINITY, "rbf");
            s.addLong(SpectralClusteringSettings.KEY_MEMORY_LIMIT, 1);
        }).execute(in));
        assertEquals("The RBF affinity of 600 rows needs a dense matrix of 3 MB, more than setting 'Memory limit "
            + "(MB)' (1 MB): raise the limit (and KNIME's Java heap, -Xmx in knime.ini, if needed), cluster a sample "
            + "of the rows, or use the nearest-neighbour affinity.", e.getMessage());
    }

    @Test
    void invalidSettingsAreRejectedWithTheSettingsName() {
        assertMessageContains("Number of clusters (k)", s -> s.addInt(SpectralClusteringSettings.KEY_K, 0));
        assertMessageContains("Affinity", s -> s.addString(SpectralClusteringSettings.KEY_AFFINITY, "cosine"));
        assertMessageContains("Number of neighbours", s -> s.addInt(SpectralClusteringSettings.KEY_NEIGHBORS, 1));
        assertMessageContains("RBF gamma", s -> s.addDouble(SpectralClusteringSettings.KEY_GAMMA, -1));
        assertMessageContains("Memory limit (MB)", s -> s.addLong(SpectralClusteringSettings.KEY_MEMORY_LIMIT, 0));
    }

    private static void assertMessageContains(final String label, final NodeHarness.SettingsEditor edit) {
        final var e = assertThrows(InvalidSettingsException.class, () -> node().editSettings(edit));
        assertTrue(e.getMessage().contains("'" + label + "'"), e.getMessage());
    }

    @Test
    void badDataGivesClearErrors() throws Exception {
        final BufferedDataTable one = Tables.builder().column("a", DoubleCell.TYPE).keyedRow("only", 3.0).build();
        assertEquals("Spectral clustering needs at least 2 rows, but there is only 1.",
            assertThrows(InvalidSettingsException.class, () -> node(1).execute(one)).getMessage());
        final BufferedDataTable few = TestTables.blobs(8, 2, 2, 1, 1);
        final var n = assertThrows(InvalidSettingsException.class, () -> node(2).execute(few));
        assertTrue(n.getMessage().contains("'Number of neighbours' (10)") && n.getMessage().contains("(8)"),
            n.getMessage());
        final var k = assertThrows(InvalidSettingsException.class,
            () -> node(9).editSettings(s -> s.addInt(SpectralClusteringSettings.KEY_NEIGHBORS, 3)).execute(few));
        assertTrue(k.getMessage().contains("'Number of clusters (k)' (9)"), k.getMessage());
        final BufferedDataTable same = Tables.builder().column("a", DoubleCell.TYPE).row(1.0).row(1.0).row(1.0)
            .build();
        assertEquals("The spectral clustering cannot run on these data: all rows are identical: spectral clustering "
            + "needs rows that differ", assertThrows(InvalidSettingsException.class,
                () -> node(1).editSettings(s -> s.addInt(SpectralClusteringSettings.KEY_NEIGHBORS, 2)).execute(same))
                .getMessage());
    }

    @Test
    void settingsSurviveSettingsXmlAndTheDialog() throws Exception {
        final var harness = node().editSettings(s -> {
            s.addInt(SpectralClusteringSettings.KEY_K, 4);
            s.addString(SpectralClusteringSettings.KEY_AFFINITY, "rbf");
            s.addInt(SpectralClusteringSettings.KEY_NEIGHBORS, 7);
            s.addDouble(SpectralClusteringSettings.KEY_GAMMA, 0.5);
            s.addLong(SpectralClusteringSettings.KEY_SEED, 123456789012L);
            s.addLong(SpectralClusteringSettings.KEY_MEMORY_LIMIT, 512);
        });
        final NodeSettings loaded = harness.settingsRoundTrip();
        assertEquals(123456789012L, loaded.getLong(SpectralClusteringSettings.KEY_SEED));
        final NodeSettings fromDialog = harness.dialogRoundTrip(TestTables.blobs(10, 2, 2, 1, 1).getDataTableSpec());
        assertEquals(4, fromDialog.getInt(SpectralClusteringSettings.KEY_K));
        assertEquals("rbf", fromDialog.getString(SpectralClusteringSettings.KEY_AFFINITY));
        assertEquals(7, fromDialog.getInt(SpectralClusteringSettings.KEY_NEIGHBORS));
        assertEquals(0.5, fromDialog.getDouble(SpectralClusteringSettings.KEY_GAMMA));
        assertEquals(123456789012L, fromDialog.getLong(SpectralClusteringSettings.KEY_SEED));
        assertEquals(512, fromDialog.getLong(SpectralClusteringSettings.KEY_MEMORY_LIMIT));
    }

    @Test
    void sameSeedGivesTheSameClusteringAndCancellationStopsIt() throws Exception {
        final BufferedDataTable in = TestTables.blobs(1200, 4, 4, 2.5, 3);
        final var harness = node(4);
        final List<String> first = TestTables.column((BufferedDataTable)harness.execute(in)[0], "Cluster");
        assertFalse(harness.progressEvents().isEmpty(), "the node reports progress");
        assertEquals(first, TestTables.column((BufferedDataTable)node(4).execute(in)[0], "Cluster"));
        final var cancelled = node(4);
        cancelled.cancelWhen(p -> p.getMessage() != null && p.getMessage().contains("nearest neighbours"));
        assertThrows(CanceledExecutionException.class, () -> cancelled.execute(in));
    }
}
