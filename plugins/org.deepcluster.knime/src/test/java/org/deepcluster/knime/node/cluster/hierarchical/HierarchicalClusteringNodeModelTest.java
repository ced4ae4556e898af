package org.deepcluster.knime.node.cluster.hierarchical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.deepcluster.core.cluster.hierarchical.AgglomerativeModel;
import org.deepcluster.core.cluster.hierarchical.Linkage;
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
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;

/** The Hierarchical Clustering node executed through the KNIME API stand-in. */
class HierarchicalClusteringNodeModelTest {

    private static NodeHarness<HierarchicalClusteringNodeModel> node() {
        return NodeHarness.of(HierarchicalClusteringNodeFactory.class);
    }

    private static NodeHarness<HierarchicalClusteringNodeModel> node(final String linkage, final int k)
        throws InvalidSettingsException {
        return node().editSettings(s -> {
            s.addString(HierarchicalClusteringSettings.KEY_LINKAGE, linkage);
            s.addInt(HierarchicalClusteringSettings.KEY_K, k);
        });
    }

    private static double ari(final BufferedDataTable table) {
        return ClusteringScores.adjustedRandIndex(Labels.encode(TestTables.column(table, TestTables.LABEL)).codes(),
            Labels.encode(TestTables.column(table, "Cluster")).codes());
    }

    @Test
    void configureComputesTheExactOutputSpecs() throws Exception {
        final BufferedDataTable in = TestTables.blobs(30, 2, 3, 0.5, 1);
        final var specs = node("ward", 3).configure(in.getDataTableSpec());
        final DataColumnSpec cluster = ((DataTableSpec)specs[0]).getColumnSpec(3);
        assertEquals("Cluster", cluster.getName());
        assertEquals(3, cluster.getDomain().getValues().size());
        final ClusterModelPortObjectSpec model = (ClusterModelPortObjectSpec)specs[1];
        assertEquals(List.of("x0", "x1"), model.columnNames());
        assertEquals(3, model.clusterCount());
        assertTrue(model.hasDistances());
        assertFalse(model.hasProbabilities());
        assertFalse(model.mayAssignNoise());
        final var byHeight = node().editSettings(
            s -> s.addString(HierarchicalClusteringSettings.KEY_CUT, HierarchicalClusteringSettings.CUT_HEIGHT));
        final var heightSpecs = byHeight.configure(in.getDataTableSpec());
        assertEquals(ClusterModelPortObjectSpec.UNKNOWN_COUNT, ((ClusterModelPortObjectSpec)heightSpecs[1])
            .clusterCount(), "the number of clusters follows from the data");
        assertNull(((DataTableSpec)heightSpecs[0]).getColumnSpec(3).getDomain().getValues());
    }

    @Test
    void everyLinkageFindsWellSeparatedBlobsAndOutputsTheModel() throws Exception {
        final BufferedDataTable in = TestTables.blobs(200, 4, 3, 0.5, 7);
        for (final Linkage linkage : Linkage.values()) {
            final var harness = node(linkage.id(), 3);
            final PortObject[] out = harness.execute(in);
            final BufferedDataTable table = (BufferedDataTable)out[0];
            assertEquals(1.0, ari(table), 1e-12, linkage.id());
            assertEquals("Cluster_0", TestTables.column(table, "Cluster").get(0));
            final ClusterModelPortObject model = (ClusterModelPortObject)out[1];
            final AgglomerativeModel agglomerative = (AgglomerativeModel)model.model();
            assertEquals(linkage, agglomerative.linkage());
            assertEquals(199, agglomerative.dendrogram().merges(), "the model keeps the whole dendrogram");
            assertTrue(model.getSummary().contains(linkage.id() + " linkage"), model.getSummary());
        }
    }

    @Test
    void theAssignerReproducesTheTrainingClusters() throws Exception {
        final BufferedDataTable in = TestTables.blobs(120, 3, 3, 0.5, 9);
        for (final String linkage : List.of("ward", "single")) { // nearest centroid / nearest training row
            final PortObject[] fitted = node(linkage, 3).execute(in);
            final BufferedDataTable out =
                NodeHarness.of(ClusterAssignerNodeFactory.class).executeTables(fitted[1], in)[0];
            assertEquals(TestTables.column((BufferedDataTable)fitted[0], "Cluster"), TestTables.column(out, "Cluster"),
                linkage);
            assertArrayEquals(new String[]{"x0", "x1", "x2", TestTables.LABEL, "Cluster", "Distance"},
                out.getDataTableSpec().getColumnNames());
        }
    }

    @Test
    void cutByDistanceThresholdLetsTheDataChooseK() throws Exception {
        final BufferedDataTable in = TestTables.blobs(150, 3, 4, 0.3, 5);
        final var harness = node().editSettings(s -> {
            s.addString(HierarchicalClusteringSettings.KEY_LINKAGE, "average");
            s.addString(HierarchicalClusteringSettings.KEY_CUT, HierarchicalClusteringSettings.CUT_HEIGHT);
            s.addDouble(HierarchicalClusteringSettings.KEY_THRESHOLD, 5.0);
        });
        final PortObject[] out = harness.execute(in);
        assertEquals(1.0, ari((BufferedDataTable)out[0]), 1e-12);
        final ClusterModelPortObject model = (ClusterModelPortObject)out[1];
        assertEquals(4, model.model().clusterCount());
        assertEquals(4, model.getSpec().clusterCount());
        assertTrue(model.getSummary().contains("cut below height 5"), model.getSummary());
    }

    @Test
    void aDistanceMatrixAboveTheMemoryLimitIsRefusedNamingTheSetting() throws Exception {
        final BufferedDataTable in = TestTables.blobs(2000, 2, 3, 1, 2);
        final var e = assertThrows(InvalidSettingsException.class, () -> node("complete", 3)
            .editSettings(s -> s.addLong(HierarchicalClusteringSettings.KEY_MEMORY_LIMIT, 10)).execute(in));
        assertEquals("complete linkage on 2,000 rows needs a distance matrix of 16 MB, more than setting 'Memory "
            + "limit (MB)' (10 MB): raise the limit (and KNIME's Java heap, -Xmx in knime.ini, if needed), cluster a "
            + "sample of the rows, or use single linkage (no matrix) or k-means.", e.getMessage());
        final PortObject[] single = node("single", 3)
            .editSettings(s -> s.addLong(HierarchicalClusteringSettings.KEY_MEMORY_LIMIT, 1)).execute(in);
        assertEquals(2000, ((BufferedDataTable)single[0]).size(), "single linkage keeps no matrix");
    }

    @Test
    void invalidSettingsAreRejectedWithTheSettingsName() {
        assertMessageContains("Number of clusters (k)", s -> s.addInt(HierarchicalClusteringSettings.KEY_K, 0));
        assertMessageContains("Linkage", s -> s.addString(HierarchicalClusteringSettings.KEY_LINKAGE, "centroid"));
        assertMessageContains("Cut the tree by", s -> s.addString(HierarchicalClusteringSettings.KEY_CUT, "x"));
        assertMessageContains("Distance threshold", s -> {
            s.addString(HierarchicalClusteringSettings.KEY_CUT, HierarchicalClusteringSettings.CUT_HEIGHT);
            s.addDouble(HierarchicalClusteringSettings.KEY_THRESHOLD, 0);
        });
        assertMessageContains("Memory limit (MB)", s -> s.addLong(HierarchicalClusteringSettings.KEY_MEMORY_LIMIT, 0));
    }

    private static void assertMessageContains(final String label, final NodeHarness.SettingsEditor edit) {
        final var e = assertThrows(InvalidSettingsException.class, () -> node().editSettings(edit));
        assertTrue(e.getMessage().contains("'" + label + "'"), e.getMessage());
    }

    @Test
    void badDataGivesClearErrors() throws Exception {
        final BufferedDataTable one = Tables.builder().column("a", DoubleCell.TYPE).keyedRow("only", 3.0).build();
        assertEquals("Hierarchical clustering needs at least 2 rows, but there is only 1.",
            assertThrows(InvalidSettingsException.class, () -> node("ward", 1).execute(one)).getMessage());
        final BufferedDataTable four = TestTables.blobs(4, 2, 2, 1, 1);
        final var k = assertThrows(InvalidSettingsException.class, () -> node("ward", 5).execute(four));
        assertTrue(k.getMessage().contains("'Number of clusters (k)' (5)") && k.getMessage().contains("(4)"),
            k.getMessage());
        final BufferedDataTable same = Tables.builder().column("a", DoubleCell.TYPE).row(1.0).row(1.0).row(1.0)
            .build();
        assertEquals("The hierarchical (ward linkage) clustering cannot run on these data: the number of clusters "
            + "(2) is larger than the number of distinct rows (1): lower it to at most 1 or provide more varied rows",
            assertThrows(InvalidSettingsException.class, () -> node("ward", 2).execute(same)).getMessage());
        final BufferedDataTable constant = Tables.builder().column("a", DoubleCell.TYPE).column("c", DoubleCell.TYPE)
            .row(0.0, 5.0).row(1.0, 5.0).row(10.0, 5.0).row(11.0, 5.0).build();
        assertEquals(List.of("Cluster_0", "Cluster_0", "Cluster_1", "Cluster_1"),
            TestTables.column((BufferedDataTable)node("average", 2).execute(constant)[0], "Cluster"),
            "a constant column does not disturb the distances");
    }

    @Test
    void settingsSurviveSettingsXmlAndTheDialog() throws Exception {
        final var harness = node().editSettings(s -> {
            s.addString(HierarchicalClusteringSettings.KEY_LINKAGE, "single");
            s.addString(HierarchicalClusteringSettings.KEY_CUT, HierarchicalClusteringSettings.CUT_HEIGHT);
            s.addDouble(HierarchicalClusteringSettings.KEY_THRESHOLD, 0.25);
            s.addLong(HierarchicalClusteringSettings.KEY_MEMORY_LIMIT, 4096);
            s.addInt(HierarchicalClusteringSettings.KEY_K, 7);
        });
        final NodeSettings loaded = harness.settingsRoundTrip();
        assertEquals("single", loaded.getString(HierarchicalClusteringSettings.KEY_LINKAGE));
        assertEquals(0.25, loaded.getDouble(HierarchicalClusteringSettings.KEY_THRESHOLD));
        final NodeSettings fromDialog = harness.dialogRoundTrip(TestTables.blobs(10, 2, 2, 1, 1).getDataTableSpec());
        assertEquals("single", fromDialog.getString(HierarchicalClusteringSettings.KEY_LINKAGE));
        assertEquals(HierarchicalClusteringSettings.CUT_HEIGHT,
            fromDialog.getString(HierarchicalClusteringSettings.KEY_CUT));
        assertEquals(0.25, fromDialog.getDouble(HierarchicalClusteringSettings.KEY_THRESHOLD));
        assertEquals(4096, fromDialog.getLong(HierarchicalClusteringSettings.KEY_MEMORY_LIMIT));
        assertEquals(7, fromDialog.getInt(HierarchicalClusteringSettings.KEY_K));
    }

    @Test
    void sameDataGivesTheSameClusteringAndCancellationStopsIt() throws Exception {
        final BufferedDataTable in = TestTables.blobs(3000, 4, 4, 2.5, 3);
        final var harness = node("ward", 4);
        final List<String> first = TestTables.column((BufferedDataTable)harness.execute(in)[0], "Cluster");
        assertFalse(harness.progressEvents().isEmpty(), "the node reports progress");
        assertEquals(first, TestTables.column((BufferedDataTable)node("ward", 4).execute(in)[0], "Cluster"));
        final var cancelled = node("ward", 4);
        cancelled.cancelWhen(p -> p.getMessage() != null && p.getMessage().contains("merge"));
        assertThrows(CanceledExecutionException.class, () -> cancelled.execute(in));
    }
}
