package org.deepcluster.knime.node.cluster.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.deepcluster.core.cluster.graph.GraphClusterModel;
import org.deepcluster.core.metrics.ClusteringScores;
import org.deepcluster.core.metrics.Labels;
import org.deepcluster.knime.node.cluster.assigner.ClusterAssignerNodeFactory;
import org.deepcluster.knime.port.ClusterModelPortObject;
import org.deepcluster.knime.port.ClusterModelPortObjectSpec;
import org.deepcluster.knime.testing.TestTables;
import org.deepcluster.standin.NodeHarness;
import org.deepcluster.standin.PluginXml;
import org.deepcluster.standin.PortObjects;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;

/** The Graph Clustering (Leiden/Louvain) node through the KNIME API stand-in, with the Cluster Assigner. */
class GraphClusteringNodeModelTest {

    private static NodeHarness<GraphClusteringNodeModel> node() {
        return NodeHarness.of(GraphClusteringNodeFactory.class);
    }

    private static double ari(final BufferedDataTable table, final String column) {
        return ClusteringScores.adjustedRandIndex(Labels.encode(TestTables.column(table, TestTables.LABEL)).codes(),
            Labels.encode(TestTables.column(table, column)).codes());
    }

    @Test
    void clustersBlobsWithBothMethodsAndTheAssignerAgrees() throws Exception {
        PluginXml.registerPortTypes(Path.of("plugin.xml"), getClass().getClassLoader());
        final BufferedDataTable in = TestTables.blobs(400, 6, 4, 1.0, 9);
        for (final String method : List.of("LEIDEN", "LOUVAIN")) {
            final var harness = node().editSettings(s -> {
                s.addString(GraphClusteringSettings.KEY_METHOD, method);
                s.addInt(GraphClusteringSettings.KEY_NEIGHBOURS, 15);
            });
            final PortObject[] out = harness.execute(in);
            final BufferedDataTable table = (BufferedDataTable)out[0];
            assertTrue(ari(table, "Cluster") > 0.99, method + ": ARI " + ari(table, "Cluster"));
            assertNull(harness.warningMessage());
            final ClusterModelPortObject model = PortObjects.roundTrip((ClusterModelPortObject)out[1]);
            assertEquals(4, model.getSpec().clusterCount());
            assertEquals(method.equals("LEIDEN") ? "Leiden" : "Louvain", model.getSpec().algorithm());
            assertTrue(model.model() instanceof GraphClusterModel);
            assertTrue(model.getSummary().contains("4 communities"), model.getSummary());
            final BufferedDataTable assigned =
                NodeHarness.of(ClusterAssignerNodeFactory.class).executeTables(model, table)[0];
            assertEquals(TestTables.column(table, "Cluster"), TestTables.column(assigned, "Cluster (#1)"));
        }
    }

    @Test
    void configureKnowsNoClusterCountAndTheSpecIsComplete() throws Exception {
        final DataTableSpec in = TestTables.blobs(10, 2, 2, 1, 1).getDataTableSpec();
        final var specs = node().configure(in);
        assertNull(((DataTableSpec)specs[0]).getColumnSpec("Cluster").getDomain().getValues());
        final ClusterModelPortObjectSpec model = (ClusterModelPortObjectSpec)specs[1];
        assertEquals(ClusterModelPortObjectSpec.UNKNOWN_COUNT, model.clusterCount());
        assertEquals("Leiden", model.algorithm());
    }

    @Test
    void sameSeedSameClusteringAndHigherResolutionMoreClusters() throws Exception {
        final BufferedDataTable in = TestTables.blobs(300, 4, 3, 3.0, 4);
        final List<String> first = TestTables.column((BufferedDataTable)node().execute(in)[0], "Cluster");
        assertEquals(first, TestTables.column((BufferedDataTable)node().execute(in)[0], "Cluster"));
        final var fine = node().editSettings(s -> s.addDouble(GraphClusteringSettings.KEY_RESOLUTION, 4.0));
        final long coarseCount = first.stream().distinct().count();
        final long fineCount =
            TestTables.column((BufferedDataTable)fine.execute(in)[0], "Cluster").stream().distinct().count();
        assertTrue(fineCount > coarseCount, fineCount + " vs " + coarseCount);
    }

    @Test
    void tooFewRowsAndBadSettingsNameTheSetting() throws Exception {
        final BufferedDataTable small = TestTables.blobs(20, 2, 2, 1, 1);
        final var e = assertThrows(InvalidSettingsException.class, () -> node().execute(small));
        assertTrue(e.getMessage().contains("'Number of neighbours (k)' (20)")
            && e.getMessage().contains("number of rows to cluster (20)"), e.getMessage());
        final var r = assertThrows(InvalidSettingsException.class,
            () -> node().editSettings(s -> s.addDouble(GraphClusteringSettings.KEY_RESOLUTION, 0)));
        assertTrue(r.getMessage().contains("'Resolution'"), r.getMessage());
        final var m = assertThrows(InvalidSettingsException.class,
            () -> node().editSettings(s -> s.addString(GraphClusteringSettings.KEY_METHOD, "WALKTRAP")));
        assertTrue(m.getMessage().contains("'Method'"), m.getMessage());
        final var p = assertThrows(InvalidSettingsException.class,
            () -> node().editSettings(s -> s.addDouble(GraphClusteringSettings.KEY_PRUNE, 1)));
        assertTrue(p.getMessage().contains("'SNN pruning threshold'"), p.getMessage());
    }

    @Test
    void settingsSurviveTheDialog() throws Exception {
        final var harness = node().editSettings(s -> {
            s.addString(GraphClusteringSettings.KEY_METHOD, "LOUVAIN");
            s.addInt(GraphClusteringSettings.KEY_NEIGHBOURS, 7);
            s.addDouble(GraphClusteringSettings.KEY_RESOLUTION, 0.8);
            s.addString(GraphClusteringSettings.KEY_DISTANCE, "COSINE");
        });
        final NodeSettings fromDialog = harness.dialogRoundTrip(TestTables.blobs(10, 2, 2, 1, 1).getDataTableSpec());
        assertEquals("LOUVAIN", fromDialog.getString(GraphClusteringSettings.KEY_METHOD));
        assertEquals(7, fromDialog.getInt(GraphClusteringSettings.KEY_NEIGHBOURS));
        assertEquals(0.8, fromDialog.getDouble(GraphClusteringSettings.KEY_RESOLUTION));
        assertEquals("COSINE", fromDialog.getString(GraphClusteringSettings.KEY_DISTANCE));
    }

    @Test
    void cancellationStopsExecution() throws Exception {
        final BufferedDataTable in = TestTables.blobs(3000, 8, 4, 1, 2);
        final var harness = node().cancelWhen(p -> p.getMessage() != null && p.getMessage().startsWith("Nearest"));
        assertThrows(CanceledExecutionException.class, () -> harness.execute(in));
    }
}
