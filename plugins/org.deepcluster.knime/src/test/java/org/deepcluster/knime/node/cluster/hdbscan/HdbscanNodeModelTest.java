package org.deepcluster.knime.node.cluster.hdbscan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.deepcluster.core.cluster.density.Hdbscan;
import org.deepcluster.core.cluster.density.HdbscanModel;
import org.deepcluster.core.progress.Progress;
import org.deepcluster.knime.node.cluster.DensityTestTables;
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

/** The HDBSCAN node through the KNIME API stand-in. */
class HdbscanNodeModelTest {

    private static NodeHarness<HdbscanNodeModel> hdbscan() {
        return NodeHarness.of(HdbscanNodeFactory.class);
    }

    @Test
    void configureComputesTheExactOutputSpecs() throws Exception {
        final var specs = hdbscan().configure(DensityTestTables.blobsWithOutliers().getDataTableSpec());
        final DataTableSpec out = (DataTableSpec)specs[0];
        assertArrayEquals(new String[]{"x0", "x1", "label", "Cluster", "Membership probability", "Outlier score"},
            out.getColumnNames());
        final ClusterModelPortObjectSpec model = (ClusterModelPortObjectSpec)specs[1];
        assertEquals("HDBSCAN", model.algorithm());
        assertTrue(model.mayAssignNoise());
        assertTrue(model.hasDistances());
    }

    @Test
    void clustersAsTheEngineWithProbabilitiesAndOutlierScores() throws Exception {
        final BufferedDataTable in = DensityTestTables.blobsWithOutliers();
        final var harness = hdbscan().editSettings(s -> s.addInt(HdbscanSettings.KEY_MIN_CLUSTER_SIZE, 10));
        final PortObject[] out = harness.execute(in);
        final BufferedDataTable table = (BufferedDataTable)out[0];
        final HdbscanModel engine = Hdbscan.fit(DensityTestTables.features(in), Hdbscan.Parameters.defaults(10),
            Progress.NONE);
        assertEquals(3, engine.clusterCount());
        assertEquals(DensityTestTables.names(engine.labels()), TestTables.column(table, "Cluster"));
        assertArrayEquals(engine.probabilities(), Tables.doubles(table, "Membership probability"), 0);
        assertArrayEquals(engine.outlierScores(), Tables.doubles(table, "Outlier score"), 0);
        final List<String> clusters = TestTables.column(table, "Cluster");
        assertEquals("Noise", clusters.get(150));
        assertEquals("Noise", clusters.get(151));
        final ClusterModelPortObject model = (ClusterModelPortObject)out[1];
        assertTrue(model.getSummary().contains("HDBSCAN, minClusterSize = 10, minSamples = 10"), model.getSummary());
    }

    @Test
    void settingsSurviveTheXmlAndTheDialog() throws Exception {
        final var harness = hdbscan().editSettings(s -> {
            s.addInt(HdbscanSettings.KEY_MIN_CLUSTER_SIZE, 12);
            s.addInt(HdbscanSettings.KEY_MIN_SAMPLES, 3);
            s.addDouble(HdbscanSettings.KEY_SELECTION_EPSILON, 0.5);
            s.addBoolean(HdbscanSettings.KEY_ALLOW_SINGLE_CLUSTER, true);
        });
        for (final NodeSettings s : List.of(harness.settingsRoundTrip(),
            harness.dialogRoundTrip(DensityTestTables.blobsWithOutliers().getDataTableSpec()))) {
            assertEquals(12, s.getInt(HdbscanSettings.KEY_MIN_CLUSTER_SIZE));
            assertEquals(3, s.getInt(HdbscanSettings.KEY_MIN_SAMPLES));
            assertEquals(0.5, s.getDouble(HdbscanSettings.KEY_SELECTION_EPSILON));
            assertTrue(s.getBoolean(HdbscanSettings.KEY_ALLOW_SINGLE_CLUSTER));
        }
    }

    @Test
    void badSettingsAndInputsAreClearErrors() throws Exception {
        final var size = assertThrows(InvalidSettingsException.class,
            () -> hdbscan().editSettings(s -> s.addInt(HdbscanSettings.KEY_MIN_CLUSTER_SIZE, 1)));
        assertTrue(size.getMessage().contains(HdbscanSettings.LABEL_MIN_CLUSTER_SIZE), size.getMessage());
        final var samples = assertThrows(InvalidSettingsException.class,
            () -> hdbscan().editSettings(s -> s.addInt(HdbscanSettings.KEY_MIN_SAMPLES, -1)));
        assertTrue(samples.getMessage().contains(HdbscanSettings.LABEL_MIN_SAMPLES), samples.getMessage());
        final var eps = assertThrows(InvalidSettingsException.class,
            () -> hdbscan().editSettings(s -> s.addDouble(HdbscanSettings.KEY_SELECTION_EPSILON, -0.1)));
        assertTrue(eps.getMessage().contains(HdbscanSettings.LABEL_SELECTION_EPSILON), eps.getMessage());
        final BufferedDataTable three = Tables.builder().column("a", DoubleCell.TYPE).row(1.0).row(2.0).row(3.0)
            .build();
        final var big = assertThrows(InvalidSettingsException.class, () -> hdbscan().execute(three));
        assertTrue(big.getMessage().contains(HdbscanSettings.LABEL_MIN_CLUSTER_SIZE), big.getMessage());
        final BufferedDataTable one = Tables.builder().column("a", DoubleCell.TYPE).row(1.0).build();
        assertThrows(InvalidSettingsException.class, () -> hdbscan().execute(one));
        final var b = Tables.builder().column("a", DoubleCell.TYPE);
        for (int i = 0; i < 8; i++) {
            b.row(4.0);
        }
        final var same = assertThrows(InvalidSettingsException.class, () -> hdbscan().execute(b.build()));
        assertTrue(same.getMessage().contains("identical"), same.getMessage());
    }

    @Test
    void cancellationStopsExecution() throws Exception {
        final var harness = hdbscan();
        harness.cancelWhen(p -> p.getMessage() != null && p.getMessage().contains("minimum spanning tree"));
        assertThrows(CanceledExecutionException.class, () -> harness.execute(TestTables.blobs(3000, 4, 3, 1, 2)));
    }
}
