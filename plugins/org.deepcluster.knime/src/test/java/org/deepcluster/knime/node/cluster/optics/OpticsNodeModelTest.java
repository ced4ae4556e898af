package org.deepcluster.knime.node.cluster.optics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.deepcluster.core.cluster.density.Optics;
import org.deepcluster.core.cluster.density.OpticsExtraction;
import org.deepcluster.core.cluster.density.OpticsModel;
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
import org.knime.core.data.def.IntCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;

/** The OPTICS node through the KNIME API stand-in. */
class OpticsNodeModelTest {

    private static NodeHarness<OpticsNodeModel> optics() {
        return NodeHarness.of(OpticsNodeFactory.class);
    }

    @Test
    void configureComputesTheExactOutputSpecs() throws Exception {
        final var specs = optics().configure(DensityTestTables.blobsWithOutliers().getDataTableSpec());
        final DataTableSpec out = (DataTableSpec)specs[0];
        assertArrayEquals(new String[]{"x0", "x1", "label", "Cluster", "Reachability", "Ordering index",
            "Core distance"}, out.getColumnNames());
        assertEquals(DoubleCell.TYPE, out.getColumnSpec(4).getType());
        assertEquals(IntCell.TYPE, out.getColumnSpec(5).getType());
        final ClusterModelPortObjectSpec model = (ClusterModelPortObjectSpec)specs[1];
        assertEquals("OPTICS", model.algorithm());
        assertTrue(model.mayAssignNoise());
    }

    @Test
    void outputsTheReachabilityPlotAndClustersAsTheEngine() throws Exception {
        final BufferedDataTable in = DensityTestTables.blobsWithOutliers();
        for (final String extraction : List.of(OpticsSettings.XI, OpticsSettings.EPS_CUT)) {
            final var harness = optics().editSettings(s -> {
                s.addString(OpticsSettings.KEY_EXTRACTION, extraction);
                s.addDouble(OpticsSettings.KEY_EPS, 1.0);
            });
            final PortObject[] out = harness.execute(in);
            final BufferedDataTable table = (BufferedDataTable)out[0];
            final OpticsExtraction e = OpticsSettings.XI.equals(extraction) ? new OpticsExtraction.Xi(0.05, 0, true)
                : new OpticsExtraction.EpsCut(1.0);
            final OpticsModel engine = Optics.fit(DensityTestTables.features(in),
                new Optics.Parameters(5, Double.POSITIVE_INFINITY, e), Progress.NONE);
            final List<String> clusters = TestTables.column(table, "Cluster");
            assertEquals(DensityTestTables.names(engine.labels()), clusters, extraction);
            // The eps cut finds the three blobs; ξ also splits them into denser sub-clusters (its leaves).
            assertTrue(OpticsSettings.XI.equals(extraction) ? engine.clusterCount() >= 3 : engine.clusterCount() == 3,
                extraction + ": " + engine.clusterCount());
            final double[] reach = Tables.doubles(table, "Reachability");
            final double[] expected = engine.reachability();
            assertTrue(Double.isNaN(reach[0]), "the first row's reachability is infinite: a missing cell");
            for (int i = 1; i < reach.length; i++) {
                assertEquals(Double.isInfinite(expected[i]) ? Double.NaN : expected[i], reach[i], 0, "row " + i);
            }
            final int[] positions = Arrays.stream(Tables.doubles(table, "Ordering index")).mapToInt(v -> (int)v)
                .toArray();
            assertArrayEquals(engine.orderingPositions(), positions);
            assertArrayEquals(Arrays.stream(engine.coreDistances()).map(v -> Double.isInfinite(v) ? Double.NaN : v)
                .toArray(), Tables.doubles(table, "Core distance"), 0);
            assertEquals("Noise", clusters.get(151), extraction);
            assertTrue(((ClusterModelPortObject)out[1]).getSummary().contains("OPTICS, minSamples = 5"));
        }
    }

    @Test
    void settingsSurviveTheXmlAndTheDialog() throws Exception {
        final var harness = optics().editSettings(s -> {
            s.addInt(OpticsSettings.KEY_MIN_SAMPLES, 7);
            s.addBoolean(OpticsSettings.KEY_USE_MAX_EPS, true);
            s.addDouble(OpticsSettings.KEY_MAX_EPS, 3.5);
            s.addString(OpticsSettings.KEY_EXTRACTION, OpticsSettings.EPS_CUT);
            s.addDouble(OpticsSettings.KEY_EPS, 0.75);
            s.addDouble(OpticsSettings.KEY_XI, 0.2);
            s.addInt(OpticsSettings.KEY_MIN_CLUSTER_SIZE, 9);
            s.addBoolean(OpticsSettings.KEY_PREDECESSOR_CORRECTION, false);
        });
        for (final NodeSettings s : List.of(harness.settingsRoundTrip(),
            harness.dialogRoundTrip(DensityTestTables.blobsWithOutliers().getDataTableSpec()))) {
            assertEquals(7, s.getInt(OpticsSettings.KEY_MIN_SAMPLES));
            assertTrue(s.getBoolean(OpticsSettings.KEY_USE_MAX_EPS));
            assertEquals(3.5, s.getDouble(OpticsSettings.KEY_MAX_EPS));
            assertEquals(OpticsSettings.EPS_CUT, s.getString(OpticsSettings.KEY_EXTRACTION));
            assertEquals(0.75, s.getDouble(OpticsSettings.KEY_EPS));
            assertEquals(0.2, s.getDouble(OpticsSettings.KEY_XI));
            assertEquals(9, s.getInt(OpticsSettings.KEY_MIN_CLUSTER_SIZE));
            assertTrue(!s.getBoolean(OpticsSettings.KEY_PREDECESSOR_CORRECTION));
        }
    }

    @Test
    void badSettingsAndInputsAreClearErrors() throws Exception {
        assertSetting(OpticsSettings.LABEL_MIN_SAMPLES, s -> s.addInt(OpticsSettings.KEY_MIN_SAMPLES, 1));
        assertSetting(OpticsSettings.LABEL_XI, s -> s.addDouble(OpticsSettings.KEY_XI, 1.0));
        assertSetting(OpticsSettings.LABEL_MIN_CLUSTER_SIZE, s -> s.addInt(OpticsSettings.KEY_MIN_CLUSTER_SIZE, 1));
        assertSetting(OpticsSettings.LABEL_MAX_EPS, s -> {
            s.addBoolean(OpticsSettings.KEY_USE_MAX_EPS, true);
            s.addDouble(OpticsSettings.KEY_MAX_EPS, 0);
        });
        assertSetting(OpticsSettings.LABEL_EPS, s -> {
            s.addString(OpticsSettings.KEY_EXTRACTION, OpticsSettings.EPS_CUT);
            s.addDouble(OpticsSettings.KEY_EPS, -1);
        });
        assertSetting(OpticsSettings.LABEL_EPS, s -> {
            s.addString(OpticsSettings.KEY_EXTRACTION, OpticsSettings.EPS_CUT);
            s.addBoolean(OpticsSettings.KEY_USE_MAX_EPS, true);
            s.addDouble(OpticsSettings.KEY_MAX_EPS, 1);
            s.addDouble(OpticsSettings.KEY_EPS, 2);
        });
        assertSetting(OpticsSettings.LABEL_EXTRACTION, s -> s.addString(OpticsSettings.KEY_EXTRACTION, "dbscan"));
        final BufferedDataTable three = Tables.builder().column("a", DoubleCell.TYPE).row(1.0).row(2.0).row(3.0)
            .build();
        final var big = assertThrows(InvalidSettingsException.class, () -> optics().execute(three));
        assertTrue(big.getMessage().contains(OpticsSettings.LABEL_MIN_SAMPLES) && big.getMessage().contains("(5)"),
            big.getMessage());
        final BufferedDataTable one = Tables.builder().column("a", DoubleCell.TYPE).row(1.0).build();
        assertThrows(InvalidSettingsException.class, () -> optics().execute(one));
    }

    private static void assertSetting(final String label, final NodeHarness.SettingsEditor edit) {
        final var e = assertThrows(InvalidSettingsException.class, () -> optics().editSettings(edit));
        assertTrue(e.getMessage().contains(label), e.getMessage());
    }

    @Test
    void identicalRowsFormOneClusterAndCancellationStops() throws Exception {
        final var b = Tables.builder().column("a", DoubleCell.TYPE).column("b", DoubleCell.TYPE);
        for (int i = 0; i < 6; i++) {
            b.row(2.0, 2.0);
        }
        final BufferedDataTable same = b.build();
        final BufferedDataTable out = (BufferedDataTable)optics().execute(same)[0];
        assertEquals(List.of("Cluster_0", "Cluster_0", "Cluster_0", "Cluster_0", "Cluster_0", "Cluster_0"),
            TestTables.column(out, "Cluster"));
        assertEquals(0, Tables.doubles(out, "Reachability")[3]);
        final var harness = optics();
        harness.cancelWhen(p -> p.getMessage() != null && p.getMessage().contains("OPTICS"));
        assertThrows(CanceledExecutionException.class, () -> harness.execute(TestTables.blobs(3000, 4, 3, 1, 2)));
    }
}
