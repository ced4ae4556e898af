package org.deepcluster.knime.node.cluster.som;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.deepcluster.core.cluster.som.SomModel;
import org.deepcluster.core.metrics.ClusteringScores;
import org.deepcluster.core.metrics.Labels;
import org.deepcluster.knime.node.cluster.assigner.ClusterAssignerNodeFactory;
import org.deepcluster.knime.port.ClusterModelPortObject;
import org.deepcluster.knime.port.ClusterModelPortObjectSpec;
import org.deepcluster.knime.testing.TestTables;
import org.deepcluster.standin.NodeHarness;
import org.deepcluster.standin.PortObjects;
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

/** The Self-Organizing Map node through the KNIME API stand-in (the algorithm: SelfOrganizingMapTest). */
class SelfOrganizingMapNodeModelTest {

    private static NodeHarness<SelfOrganizingMapNodeModel> som(final int rows, final int cols, final int merge)
        throws InvalidSettingsException {
        return NodeHarness.of(SelfOrganizingMapNodeFactory.class).editSettings(s -> {
            s.addInt(SelfOrganizingMapSettings.KEY_GRID_ROWS, rows);
            s.addInt(SelfOrganizingMapSettings.KEY_GRID_COLS, cols);
            s.addInt(SelfOrganizingMapSettings.KEY_MERGE, merge);
        });
    }

    @Test
    void configureComputesTheExactOutputSpecs() throws Exception {
        final BufferedDataTable in = TestTables.blobs(30, 2, 3, 0.5, 1);
        final var specs = som(3, 4, 0).configure(in.getDataTableSpec());
        final DataTableSpec clustered = (DataTableSpec)specs[0];
        assertEquals(List.of("x0", "x1", "label", "Cluster", "SOM unit", "SOM row", "SOM column", "SOM distance"),
            List.of(clustered.getColumnNames()));
        assertEquals(IntCell.TYPE, clustered.getColumnSpec(4).getType());
        assertEquals(DoubleCell.TYPE, clustered.getColumnSpec(7).getType());
        assertEquals(12, clustered.getColumnSpec(3).getDomain().getValues().size());
        final ClusterModelPortObjectSpec model = (ClusterModelPortObjectSpec)specs[1];
        assertEquals("self-organising map", model.algorithm());
        assertEquals(12, model.clusterCount());
        assertTrue(model.hasDistances());
        assertFalse(model.hasProbabilities());
        assertEquals(3, ((ClusterModelPortObjectSpec)som(3, 4, 3).configure(in.getDataTableSpec())[1])
            .clusterCount());
    }

    @Test
    void mergedUnitsFindBlobsAndTheUnitColumnsDescribeTheMap() throws Exception {
        final BufferedDataTable in = TestTables.blobs(300, 3, 3, 0.5, 7);
        final var harness = som(4, 4, 3);
        final PortObject[] out = harness.execute(in);
        final BufferedDataTable table = (BufferedDataTable)out[0];
        final double ari = ClusteringScores.adjustedRandIndex(
            Labels.encode(TestTables.column(table, TestTables.LABEL)).codes(),
            Labels.encode(TestTables.column(table, "Cluster")).codes());
        assertEquals(1.0, ari, 1e-12);
        final SomModel model = (SomModel)((ClusterModelPortObject)out[1]).model();
        final double[] unit = Tables.doubles(table, "SOM unit");
        final double[] row = Tables.doubles(table, "SOM row");
        final double[] col = Tables.doubles(table, "SOM column");
        final int[] units = model.trainingUnits();
        for (int i = 0; i < units.length; i++) {
            assertEquals(units[i], (int)unit[i]);
            assertEquals(units[i] / 4, (int)row[i]);
            assertEquals(units[i] % 4, (int)col[i]);
        }
        assertEquals(model.statistics().quantizationError(),
            harness.pushedFlowVariable(SelfOrganizingMapNodeModel.VARIABLE_QUANTIZATION).orElseThrow()
                .getDoubleValue(), 0.0);
        assertEquals(model.statistics().topographicError(),
            harness.pushedFlowVariable(SelfOrganizingMapNodeModel.VARIABLE_TOPOGRAPHIC).orElseThrow()
                .getDoubleValue(), 0.0);
        final double[] distance = Tables.doubles(table, "SOM distance");
        double mean = 0;
        for (final double d : distance) {
            mean += d / distance.length;
        }
        assertEquals(model.statistics().quantizationError(), mean, 1e-9);
        assertTrue(((ClusterModelPortObject)out[1]).getSummary().contains("quantization error"));
    }

    @Test
    void theModelSurvivesSaveAndLoadAndTheAssignerReproducesTheClusters() throws Exception {
        final BufferedDataTable in = TestTables.blobs(200, 3, 4, 2.0, 4);
        for (final int merge : new int[] {0, 4}) {
            final PortObject[] out = som(4, 5, merge).execute(in);
            final ClusterModelPortObject copy = PortObjects.roundTrip((ClusterModelPortObject)out[1]);
            assertEquals(((ClusterModelPortObject)out[1]).getSummary(), copy.getSummary());
            final BufferedDataTable assigned = NodeHarness.of(ClusterAssignerNodeFactory.class)
                .executeTables(copy, in)[0];
            final BufferedDataTable clustered = (BufferedDataTable)out[0];
            assertEquals(TestTables.column(clustered, "Cluster"), TestTables.column(assigned, "Cluster"));
            final double[] expected = Tables.doubles(clustered, "SOM distance");
            final double[] actual = Tables.doubles(assigned, "Distance");
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], actual[i], 1e-12);
            }
        }
    }

    @Test
    void unitsWithoutRowsAreNoWarning() throws Exception {
        final BufferedDataTable in = TestTables.blobs(300, 3, 3, 0.5, 7);
        final var harness = som(6, 6, 0);
        final PortObject[] out = harness.execute(in);
        final int[] hits = ((SomModel)((ClusterModelPortObject)out[1]).model()).unitHits();
        assertTrue(java.util.Arrays.stream(hits).anyMatch(h -> h == 0), "some units lie between the blobs");
        assertEquals(null, harness.warningMessage());
    }

    @Test
    void sameSettingsGiveTheSameMapAndReportProgress() throws Exception {
        final BufferedDataTable in = TestTables.blobs(200, 3, 4, 2.5, 3);
        final var harness = som(3, 3, 0).editSettings(s -> s.addString(SelfOrganizingMapSettings.KEY_TRAINING,
            "ONLINE"));
        final List<String> first = TestTables.column((BufferedDataTable)harness.execute(in)[0], "Cluster");
        assertFalse(harness.progressEvents().isEmpty());
        final List<String> second = TestTables.column((BufferedDataTable)som(3, 3, 0).editSettings(
            s -> s.addString(SelfOrganizingMapSettings.KEY_TRAINING, "ONLINE")).execute(in)[0], "Cluster");
        assertEquals(first, second);
    }

    @Test
    void settingsSurviveSettingsXmlAndTheDialog() throws Exception {
        final var harness = som(6, 7, 4).editSettings(s -> {
            s.addInt(SelfOrganizingMapSettings.KEY_EPOCHS, 11);
            s.addString(SelfOrganizingMapSettings.KEY_TRAINING, "ONLINE");
            s.addString(SelfOrganizingMapSettings.KEY_INIT, "RANDOM_ROWS");
            s.addString(SelfOrganizingMapSettings.KEY_DECAY, "EXPONENTIAL");
            s.addDouble(SelfOrganizingMapSettings.KEY_RADIUS_START, 2.5);
            s.addDouble(SelfOrganizingMapSettings.KEY_RATE_END, 0.05);
            s.addBoolean(SelfOrganizingMapSettings.KEY_UNIT_COLUMNS, false);
        });
        final NodeSettings loaded = harness.settingsRoundTrip();
        assertEquals(7, loaded.getInt(SelfOrganizingMapSettings.KEY_GRID_COLS));
        final NodeSettings d = harness.dialogRoundTrip(TestTables.blobs(10, 2, 2, 1, 1).getDataTableSpec());
        assertEquals(6, d.getInt(SelfOrganizingMapSettings.KEY_GRID_ROWS));
        assertEquals(7, d.getInt(SelfOrganizingMapSettings.KEY_GRID_COLS));
        assertEquals(4, d.getInt(SelfOrganizingMapSettings.KEY_MERGE));
        assertEquals(11, d.getInt(SelfOrganizingMapSettings.KEY_EPOCHS));
        assertEquals("ONLINE", d.getString(SelfOrganizingMapSettings.KEY_TRAINING));
        assertEquals("RANDOM_ROWS", d.getString(SelfOrganizingMapSettings.KEY_INIT));
        assertEquals("EXPONENTIAL", d.getString(SelfOrganizingMapSettings.KEY_DECAY));
        assertEquals(2.5, d.getDouble(SelfOrganizingMapSettings.KEY_RADIUS_START));
        assertEquals(0.05, d.getDouble(SelfOrganizingMapSettings.KEY_RATE_END));
        assertFalse(d.getBoolean(SelfOrganizingMapSettings.KEY_UNIT_COLUMNS));
    }

    @Test
    void invalidSettingsAreRejectedWithTheSettingsName() {
        assertMessage(() -> som(0, 3, 0), "Grid rows");
        assertMessage(() -> som(3, 0, 0), "Grid columns");
        assertMessage(() -> som(3, 3, 10), "Merge units into k clusters");
        assertMessage(() -> som(3, 3, 0).editSettings(s -> s.addInt(SelfOrganizingMapSettings.KEY_EPOCHS, 0)),
            "Epochs");
        assertMessage(() -> som(3, 3, 0).editSettings(s -> s.addDouble(SelfOrganizingMapSettings.KEY_RADIUS_END,
            0.0)), "End radius");
        assertMessage(() -> som(3, 3, 0).editSettings(s -> s.addDouble(SelfOrganizingMapSettings.KEY_RATE_START,
            2.0)), "Start learning rate");
        assertMessage(() -> som(3, 3, 0).editSettings(s -> s.addString(SelfOrganizingMapSettings.KEY_TRAINING,
            "HEXAGONAL")), "Training");
    }

    @Test
    void badDataIsAClearError() throws Exception {
        final BufferedDataTable one = Tables.builder().column("a", DoubleCell.TYPE).keyedRow("only", 3.0).build();
        assertMessage(() -> som(2, 2, 0).execute(one), "at least 2 rows");
        final BufferedDataTable same = Tables.builder().column("a", DoubleCell.TYPE).row(1.0).row(1.0).row(1.0)
            .build();
        assertMessage(() -> som(2, 2, 2).execute(same), "Merge units into k clusters");
        final PortObject[] out = som(2, 2, 0).execute(same); // identical rows: a map that fits them exactly
        assertEquals(0.0, ((SomModel)((ClusterModelPortObject)out[1]).model()).statistics().quantizationError(),
            1e-12);
    }

    @Test
    void cancellationStopsExecution() throws Exception {
        final BufferedDataTable in = TestTables.blobs(2000, 4, 5, 4, 1);
        final var harness = som(6, 6, 0).editSettings(s -> s.addInt(SelfOrganizingMapSettings.KEY_EPOCHS, 500));
        harness.cancelWhen(p -> p.getMessage() != null && p.getMessage().contains("epoch 3 of"));
        assertThrows(CanceledExecutionException.class, () -> harness.execute(in));
    }

    private static void assertMessage(final org.junit.jupiter.api.function.Executable call, final String part) {
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class, call);
        assertTrue(e.getMessage().contains(part), () -> "\"" + e.getMessage() + "\" should contain \"" + part + "\"");
    }
}
