package org.deepcluster.knime.node.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.deepcluster.core.data.Matrix;
import org.deepcluster.knime.port.ClusterDistance;
import org.deepcluster.knime.port.ClusterModelPortObject;
import org.deepcluster.knime.port.ClusterModelPortObjectSpec;
import org.deepcluster.knime.testing.TestTables;
import org.deepcluster.standin.NodeHarness;
import org.deepcluster.standin.Tables;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;

/**
 * The clustering node base ({@link ClusteringNodeModel}) with a transparent test algorithm
 * ({@link RoundingClusteringNodeFactory}: cluster = first value rounded down, negative = noise): specs, output
 * columns, the model port, warnings and the generic bad-input errors every clustering node shares.
 */
class ClusteringNodeModelTest {

    private static NodeHarness<RoundingClusteringNodeFactory.Model> node() {
        return NodeHarness.of(new RoundingClusteringNodeFactory());
    }

    private static BufferedDataTable table(final double... firstValues) {
        final var b = Tables.builder().column("v", DoubleCell.TYPE).column("w", DoubleCell.TYPE)
            .column("name", StringCell.TYPE);
        for (int i = 0; i < firstValues.length; i++) {
            b.keyedRow("r" + i, firstValues[i], 1.0, "n" + i);
        }
        return b.build();
    }

    private static List<String> clusters(final PortObject[] out) {
        return TestTables.column((BufferedDataTable)out[0], "Cluster");
    }

    @Test
    void configureGivesTheClusterColumnExtraColumnsAndTheModelSpec() throws Exception {
        final DataTableSpec in = Tables.builder().column("v", DoubleCell.TYPE).column("Scaled", IntCell.TYPE)
            .column("name", StringCell.TYPE).build().getDataTableSpec();
        final var specs = node().configure(in);
        final DataTableSpec out = (DataTableSpec)specs[0];
        assertArrayEquals(new String[]{"v", "Scaled", "name", "Cluster", "Scaled (#1)"}, out.getColumnNames());
        assertEquals(StringCell.TYPE, out.getColumnSpec(3).getType());
        assertNull(out.getColumnSpec(3).getDomain().getValues(), "the clusters are not known before fitting");
        assertEquals(DoubleCell.TYPE, out.getColumnSpec(4).getType());
        final ClusterModelPortObjectSpec model = (ClusterModelPortObjectSpec)specs[1];
        assertEquals("rounding", model.algorithm());
        assertEquals(List.of("v", "Scaled"), model.columnNames());
        assertEquals(ClusterModelPortObjectSpec.UNKNOWN_COUNT, model.clusterCount());
        assertTrue(model.mayAssignNoise());
    }

    @Test
    void executeAppendsClustersNoiseAndExtraColumnsAndOutputsTheModel() throws Exception {
        final var harness = node();
        final PortObject[] out = harness.execute(table(0.5, 1.2, -3, 2.9, 1.0, 0.1));
        assertEquals(Arrays.asList("Cluster_0", "Cluster_1", "Noise", "Cluster_2", "Cluster_1", "Cluster_0"),
            clusters(out));
        final List<String> scaled = TestTables.column((BufferedDataTable)out[0], "Scaled");
        assertEquals("1.0", scaled.get(0));
        assertEquals("-6.0", scaled.get(2));
        final ClusterModelPortObject model = (ClusterModelPortObject)out[1];
        assertEquals(3, model.getSpec().clusterCount(), "the executed spec knows the count");
        assertEquals(List.of("Cluster_0", "Cluster_1", "Cluster_2", "Noise"), model.getSpec().clusterNames());
        assertEquals(ClusterModelPortObjectSpec.UNKNOWN_COUNT,
            ((ClusterModelPortObjectSpec)harness.configuredSpecs()[1]).clusterCount());
        assertNull(harness.warningMessage());
    }

    @Test
    void degenerateResultsAreWarned() throws Exception {
        final var allNoise = node();
        allNoise.execute(table(-1, -2, -0.5));
        assertEquals("All 3 rows are noise: no cluster was found; the density settings may be too strict for "
            + "these data.", allNoise.warningMessage());

        final var empty = node();
        empty.execute(table(0.5, 2.5, 2.1)); // clusters 0 and 2: Cluster_1 is empty
        assertTrue(empty.warningMessage().contains("Cluster_1 is empty"), empty.warningMessage());

        final double[] values = new double[41];
        values[40] = 1.5; // 40 of 41 rows (97.6 %) in Cluster_0
        final var dominant = node();
        dominant.execute(table(values));
        assertTrue(dominant.warningMessage().contains("Cluster_0 holds 97.6 % of the rows"),
            dominant.warningMessage());
        final double[] fewer = Arrays.copyOf(values, 21);
        fewer[20] = 1.5; // 20 of 21 = 95.2 %: still reported; 19 of 20 = 95 % is not
        final var notDominant = node();
        notDominant.execute(table(Arrays.copyOfRange(fewer, 1, 21)));
        assertNull(notDominant.warningMessage());
    }

    @Test
    void noNumericColumnSelectedIsAClearError() throws Exception {
        final var manual = node().editSettings(s -> {
            s.addBoolean(ClusteringSettings.KEY_ALL_NUMERIC, false);
            s.addStringArray(ClusteringSettings.KEY_INCLUDED);
        });
        final var e = assertThrows(InvalidSettingsException.class, () -> manual.configure(table(1).getDataTableSpec()));
        assertTrue(e.getMessage().contains("No numeric input column selected")
            && e.getMessage().contains("'Column selection'"), e.getMessage());
        final BufferedDataTable text = Tables.builder().column("name", StringCell.TYPE).row("a").build();
        final var none = assertThrows(InvalidSettingsException.class, () -> node().configure(text.getDataTableSpec()));
        assertTrue(none.getMessage().contains("no numeric column"), none.getMessage());
    }

    @Test
    void selectedColumnThatIsMissingOrNotNumericIsNamed() throws Exception {
        final var missing = node().editSettings(s -> {
            s.addBoolean(ClusteringSettings.KEY_ALL_NUMERIC, false);
            s.addStringArray(ClusteringSettings.KEY_INCLUDED, "v", "gene_42");
        });
        final var e = assertThrows(InvalidSettingsException.class,
            () -> missing.configure(table(1).getDataTableSpec()));
        assertTrue(e.getMessage().contains("'gene_42'") && e.getMessage().contains("not in the input table"),
            e.getMessage());
        final var text = node().editSettings(s -> {
            s.addBoolean(ClusteringSettings.KEY_ALL_NUMERIC, false);
            s.addStringArray(ClusteringSettings.KEY_INCLUDED, "v", "name");
        });
        final var t = assertThrows(InvalidSettingsException.class, () -> text.configure(table(1).getDataTableSpec()));
        assertTrue(t.getMessage().contains("'name'") && t.getMessage().contains("not numeric"), t.getMessage());
    }

    private static BufferedDataTable tableWithHoles() {
        return Tables.builder().column("a", DoubleCell.TYPE).column("b", DoubleCell.TYPE)
            .keyedRow("cell_1", 0.0, 0.0).keyedRow("cell_2", 0.1, 0.2).keyedRow("cell_3", null, 5.0)
            .keyedRow("cell_4", 1.0, 10.0).keyedRow("cell_5", 1.2, Double.NaN).keyedRow("cell_6", 1.9, 10.1)
            .build();
    }

    @Test
    void missingNanAndInfiniteValuesFailNamingColumnAndRow() throws Exception {
        final var e = assertThrows(InvalidSettingsException.class, () -> node().execute(tableWithHoles()));
        assertTrue(e.getMessage().contains("'cell_3'") && e.getMessage().contains("column 'a'")
            && e.getMessage().contains("missing value") && e.getMessage().contains("Rows with missing values"),
            e.getMessage());
        final BufferedDataTable nan = Tables.builder().column("a", DoubleCell.TYPE).keyedRow("r1", 1.0)
            .keyedRow("r2", Double.NaN).build();
        final var n = assertThrows(InvalidSettingsException.class, () -> node().execute(nan));
        assertTrue(n.getMessage().contains("'r2'") && n.getMessage().contains("NaN"), n.getMessage());
        final BufferedDataTable inf = Tables.builder().column("a", DoubleCell.TYPE).keyedRow("r1", 1.0)
            .keyedRow("r2", Double.NEGATIVE_INFINITY).build();
        final var i = assertThrows(InvalidSettingsException.class, () -> node().execute(inf));
        assertTrue(i.getMessage().contains("infinite"), i.getMessage());
    }

    @Test
    void skippedRowsKeepTheirRowWithMissingCellsAndAWarning() throws Exception {
        final var harness = node().editSettings(s -> s.addString(ClusteringSettings.KEY_MISSING, "SKIP_ROW"));
        final PortObject[] out = harness.execute(tableWithHoles());
        assertEquals(Arrays.asList("Cluster_0", "Cluster_0", null, "Cluster_1", null, "Cluster_1"), clusters(out));
        assertNull(TestTables.column((BufferedDataTable)out[0], "Scaled").get(2), "extra cells are missing too");
        assertEquals("3.8", TestTables.column((BufferedDataTable)out[0], "Scaled").get(5));
        assertTrue(harness.warningMessage().startsWith("2 of 6 rows were skipped")
            && harness.warningMessage().contains("'cell_3'"), harness.warningMessage());
        assertEquals(4, ((ClusterModelPortObject)out[1]).model().labels().length, "the model saw 4 rows");
    }

    @Test
    void emptyTableAndAllRowsMissingAreClearErrors() throws Exception {
        final BufferedDataTable holes = Tables.builder().column("a", DoubleCell.TYPE).row((Object)null)
            .row(Double.NaN).build();
        final var skip = node().editSettings(s -> s.addString(ClusteringSettings.KEY_MISSING, "SKIP_ROW"));
        final var e = assertThrows(InvalidSettingsException.class, () -> skip.execute(holes));
        assertTrue(e.getMessage().contains("All 2 rows"), e.getMessage());
        final BufferedDataTable empty = Tables.builder().column("a", DoubleCell.TYPE).build();
        final var em = assertThrows(InvalidSettingsException.class, () -> node().execute(empty));
        assertTrue(em.getMessage().contains("The input table is empty"), em.getMessage());
    }

    @Test
    void aSingleRowIsClustered() throws Exception {
        final PortObject[] out = node().execute(table(0.3));
        assertEquals(List.of("Cluster_0"), clusters(out));
    }

    @Test
    void cosineDistanceNormalisesRowsAndNamesAZeroRow() throws Exception {
        final var harness = node().editSettings(s -> s.addString(ClusteringSettings.KEY_DISTANCE, "COSINE"));
        harness.execute(Tables.builder().column("a", DoubleCell.TYPE).column("b", DoubleCell.TYPE)
            .row(3.0, 4.0).row(0.0, 2.0).build());
        final Matrix fitted = harness.model().lastFitted;
        assertEquals(0.6, fitted.get(0, 0), 1e-15);
        assertEquals(0.8, fitted.get(0, 1), 1e-15);
        assertEquals(1.0, fitted.get(1, 1), 1e-15);
        final BufferedDataTable zero = Tables.builder().column("a", DoubleCell.TYPE).column("b", DoubleCell.TYPE)
            .keyedRow("ok", 1.0, 0.0).keyedRow("skipped", null, 1.0).keyedRow("cell_0", 0.0, 0.0).build();
        final var skip = node().editSettings(s -> {
            s.addString(ClusteringSettings.KEY_DISTANCE, "COSINE");
            s.addString(ClusteringSettings.KEY_MISSING, "SKIP_ROW");
        });
        final var e = assertThrows(InvalidSettingsException.class, () -> skip.execute(zero));
        assertTrue(e.getMessage().contains("Row 'cell_0' has only zeros") && e.getMessage().contains("'Distance'"),
            e.getMessage());
        final ClusterModelPortObjectSpec spec = (ClusterModelPortObjectSpec)skip.configure(zero.getDataTableSpec())[1];
        assertEquals(ClusterDistance.COSINE, spec.distance());
    }

    @Test
    void aDistanceTheAlgorithmDoesNotAllowIsRejected() throws Exception {
        final var e = assertThrows(InvalidSettingsException.class,
            () -> NodeHarness.of(org.deepcluster.knime.node.cluster.kmeans.KMeansNodeFactory.class)
                .editSettings(s -> s.addString(ClusteringSettings.KEY_DISTANCE, "MANHATTAN")));
        assertTrue(e.getMessage().contains("'Distance'"), e.getMessage());
    }

    @Test
    void engineRejectionsBecomeErrorsNamingTheAlgorithm() throws Exception {
        final var failing = node().editSettings(s -> s.addBoolean(RoundingClusteringNodeFactory.Settings.KEY_FAIL,
            true));
        final var e = assertThrows(InvalidSettingsException.class, () -> failing.execute(table(1, 2)));
        assertEquals("The rounding clustering cannot run on these data: minPts (7) must not exceed the number of "
            + "rows", e.getMessage());
    }

    @Test
    void invalidAlgorithmAndCommonSettingsNameTheSetting() throws Exception {
        final var f = assertThrows(InvalidSettingsException.class,
            () -> node().editSettings(s -> s.addDouble(RoundingClusteringNodeFactory.Settings.KEY_FACTOR, 0)));
        assertTrue(f.getMessage().contains("'Factor'"), f.getMessage());
        final var c = assertThrows(InvalidSettingsException.class,
            () -> node().editSettings(s -> s.addString(ClusteringSettings.KEY_CLUSTER_COLUMN, " ")));
        assertTrue(c.getMessage().contains("'Cluster column name'"), c.getMessage());
        final var m = assertThrows(InvalidSettingsException.class,
            () -> node().editSettings(s -> s.addString(ClusteringSettings.KEY_MISSING, "IGNORE")));
        assertTrue(m.getMessage().contains("Rows with missing values"), m.getMessage());
    }

    @Test
    void settingsSurviveTheDialog() throws Exception {
        final var harness = node().editSettings(s -> {
            s.addDouble(RoundingClusteringNodeFactory.Settings.KEY_FACTOR, 3.5);
            s.addString(ClusteringSettings.KEY_DISTANCE, "COSINE");
            s.addString(ClusteringSettings.KEY_CLUSTER_COLUMN, "Group");
        });
        final NodeSettings fromDialog = harness.dialogRoundTrip(table(1).getDataTableSpec());
        assertEquals(3.5, fromDialog.getDouble(RoundingClusteringNodeFactory.Settings.KEY_FACTOR));
        assertEquals("COSINE", fromDialog.getString(ClusteringSettings.KEY_DISTANCE));
        assertEquals("Group", fromDialog.getString(ClusteringSettings.KEY_CLUSTER_COLUMN));
        assertEquals(harness.saveSettings().toString(), harness.settingsRoundTrip().toString());
    }

    @Test
    void cancellationStopsExecution() throws Exception {
        final double[] values = new double[5000];
        final var whileReading = node().cancelWhen(p -> true); // at the first progress report
        assertThrows(CanceledExecutionException.class, () -> whileReading.execute(table(values)));
        final var whileFitting = node().cancelWhen(p -> p.getMessage() != null
            && p.getMessage().startsWith("Clustering"));
        assertThrows(CanceledExecutionException.class, () -> whileFitting.execute(table(values)));
    }
}
