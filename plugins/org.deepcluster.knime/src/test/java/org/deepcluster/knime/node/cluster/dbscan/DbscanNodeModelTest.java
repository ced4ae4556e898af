package org.deepcluster.knime.node.cluster.dbscan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.deepcluster.core.cluster.density.Dbscan;
import org.deepcluster.core.cluster.density.DbscanModel;
import org.deepcluster.core.progress.Progress;
import org.deepcluster.knime.node.cluster.DensityTestTables;
import org.deepcluster.knime.node.cluster.assigner.ClusterAssignerNodeFactory;
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

/** The DBSCAN node through the KNIME API stand-in (generic clustering-node behaviour: ClusteringNodeModelTest). */
class DbscanNodeModelTest {

    private static NodeHarness<DbscanNodeModel> dbscan(final double eps, final int minPts) throws InvalidSettingsException {
        return NodeHarness.of(DbscanNodeFactory.class).editSettings(s -> {
            s.addDouble(DbscanSettings.KEY_EPS, eps);
            s.addInt(DbscanSettings.KEY_MIN_PTS, minPts);
        });
    }

    @Test
    void configureComputesTheExactOutputSpecs() throws Exception {
        final var specs = dbscan(0.5, 5).configure(DensityTestTables.blobsWithOutliers().getDataTableSpec());
        final DataTableSpec out = (DataTableSpec)specs[0];
        assertArrayEquals(new String[]{"x0", "x1", "label", "Cluster"}, out.getColumnNames());
        final ClusterModelPortObjectSpec model = (ClusterModelPortObjectSpec)specs[1];
        assertEquals("DBSCAN", model.algorithm());
        assertEquals(ClusterModelPortObjectSpec.UNKNOWN_COUNT, model.clusterCount());
        assertTrue(model.mayAssignNoise());
        assertTrue(model.hasDistances());
        assertFalse(model.hasProbabilities());
    }

    @Test
    void clustersAsTheEngineDoesWithNoiseAndTheAssignerAgrees() throws Exception {
        final BufferedDataTable in = DensityTestTables.blobsWithOutliers();
        final var harness = dbscan(1.0, 5);
        final PortObject[] out = harness.execute(in); // the harness checks that the specs equal configure()'s
        final List<String> clusters = TestTables.column((BufferedDataTable)out[0], "Cluster");
        final DbscanModel engine =
            Dbscan.fit(DensityTestTables.features(in), new Dbscan.Parameters(1.0, 5), Progress.NONE);
        assertEquals(DensityTestTables.names(engine.labels()), clusters);
        assertEquals("Noise", clusters.get(150));
        assertEquals("Noise", clusters.get(151));
        assertEquals(3, engine.clusterCount());
        final ClusterModelPortObject model = (ClusterModelPortObject)out[1];
        assertEquals(3, model.getSpec().clusterCount());
        assertTrue(model.getSummary().contains("DBSCAN, eps = 1.0, minPts = 5"), model.getSummary());
        // Assigning the training rows again: core rows keep their cluster, the outliers stay noise.
        final BufferedDataTable assigned =
            NodeHarness.of(ClusterAssignerNodeFactory.class).executeTables(model, in)[0];
        final List<String> again = TestTables.column(assigned, "Cluster");
        for (final int r : engine.coreRows()) {
            assertEquals(clusters.get(r), again.get(r));
        }
        assertEquals("Noise", again.get(151));
    }

    @Test
    void settingsSurviveTheXmlAndTheDialog() throws Exception {
        final var harness = dbscan(0.25, 7);
        final NodeSettings loaded = harness.settingsRoundTrip();
        assertEquals(0.25, loaded.getDouble(DbscanSettings.KEY_EPS));
        assertEquals(7, loaded.getInt(DbscanSettings.KEY_MIN_PTS));
        final NodeSettings fromDialog =
            harness.dialogRoundTrip(DensityTestTables.blobsWithOutliers().getDataTableSpec());
        assertEquals(0.25, fromDialog.getDouble(DbscanSettings.KEY_EPS));
        assertEquals(7, fromDialog.getInt(DbscanSettings.KEY_MIN_PTS));
    }

    @Test
    void badSettingsAndInputsAreClearErrors() throws Exception {
        for (final double eps : new double[]{0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            final var e = assertThrows(InvalidSettingsException.class, () -> dbscan(eps, 5));
            assertTrue(e.getMessage().contains(DbscanSettings.LABEL_EPS), e.getMessage());
        }
        final var m = assertThrows(InvalidSettingsException.class, () -> dbscan(1, 0));
        assertTrue(m.getMessage().contains(DbscanSettings.LABEL_MIN_PTS), m.getMessage());
        final BufferedDataTable three = Tables.builder().column("a", DoubleCell.TYPE).row(1.0).row(2.0).row(3.0)
            .build();
        final var big = assertThrows(InvalidSettingsException.class, () -> dbscan(1, 4).execute(three));
        assertTrue(big.getMessage().contains(DbscanSettings.LABEL_MIN_PTS) && big.getMessage().contains("(4)")
            && big.getMessage().contains("(3)"), big.getMessage());
        final BufferedDataTable nan = Tables.builder().column("a", DoubleCell.TYPE).keyedRow("r0", 1.0)
            .keyedRow("bad", Double.NaN).build();
        final var n = assertThrows(InvalidSettingsException.class, () -> dbscan(1, 1).execute(nan));
        assertTrue(n.getMessage().contains("bad"), n.getMessage());
    }

    @Test
    void singleRowAndIdenticalRows() throws Exception {
        final BufferedDataTable one = Tables.builder().column("a", DoubleCell.TYPE).keyedRow("only", 3.0).build();
        assertEquals(List.of("Cluster_0"), TestTables.column((BufferedDataTable)dbscan(1, 1).execute(one)[0],
            "Cluster"));
        final var lonely = dbscan(1, 1).editSettings(s -> s.addInt(DbscanSettings.KEY_MIN_PTS, 1));
        assertEquals(List.of("Cluster_0"), TestTables.column((BufferedDataTable)lonely.execute(one)[0], "Cluster"));
        final BufferedDataTable same = Tables.builder().column("a", DoubleCell.TYPE).row(1.0).row(1.0).row(1.0)
            .build();
        assertEquals(List.of("Cluster_0", "Cluster_0", "Cluster_0"),
            TestTables.column((BufferedDataTable)dbscan(0.1, 3).execute(same)[0], "Cluster"));
        final BufferedDataTable apart = Tables.builder().column("a", DoubleCell.TYPE).row(0.0).row(10.0).build();
        final var allNoise = dbscan(1, 2);
        assertEquals(List.of("Noise", "Noise"), TestTables.column((BufferedDataTable)allNoise.execute(apart)[0],
            "Cluster"));
        assertTrue(allNoise.warningMessage().contains("noise"), allNoise.warningMessage());
    }

    @Test
    void cancellationStopsExecution() throws Exception {
        final BufferedDataTable in = TestTables.blobs(5000, 8, 5, 3, 1);
        final var harness = dbscan(2, 5);
        harness.cancelWhen(p -> p.getMessage() != null && p.getMessage().contains("DBSCAN"));
        assertThrows(CanceledExecutionException.class, () -> harness.execute(in));
    }
}
