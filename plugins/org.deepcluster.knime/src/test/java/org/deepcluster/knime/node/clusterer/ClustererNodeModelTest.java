package org.deepcluster.knime.node.clusterer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.deepcluster.core.metrics.ClusteringScores;
import org.deepcluster.core.metrics.Labels;
import org.deepcluster.knime.testing.TestTables;
import org.deepcluster.standin.NodeHarness;
import org.deepcluster.standin.Tables;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;

/** The Clusterer node executed through the KNIME API stand-in, as KNIME would run it. */
class ClustererNodeModelTest {

    private static NodeHarness<ClustererNodeModel> clusterer() {
        return NodeHarness.of(ClustererNodeFactory.class);
    }

    private static NodeHarness<ClustererNodeModel> clusterer(final int k) throws InvalidSettingsException {
        return clusterer().editSettings(s -> s.addInt(ClustererSettings.KEY_K, k));
    }

    @Test
    void configureComputesTheExactOutputSpecs() throws Exception {
        final BufferedDataTable in = TestTables.blobs(30, 2, 3, 0.5, 1);
        final var specs = clusterer(3).configure(in.getDataTableSpec());
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
        final DataTableSpec centres = (DataTableSpec)specs[1];
        assertArrayEquals(new String[]{"x0", "x1", "Number of rows"}, centres.getColumnNames());
        assertEquals(DoubleCell.TYPE, centres.getColumnSpec(0).getType());
        assertEquals(IntCell.TYPE, centres.getColumnSpec(2).getType());
    }

    @Test
    void findsWellSeparatedBlobsAndOutputsTheirCentres() throws Exception {
        final BufferedDataTable in = TestTables.blobs(300, 4, 3, 0.5, 7);
        final BufferedDataTable[] out = clusterer(3).executeTables(in); // the harness also checks specs = configure
        assertEquals(300, out[0].size());
        final List<String> clusters = TestTables.column(out[0], "Cluster");
        final List<String> truth = TestTables.column(out[0], TestTables.LABEL);
        final double ari = ClusteringScores.adjustedRandIndex(Labels.encode(truth).codes(),
            Labels.encode(clusters).codes());
        assertEquals(1.0, ari, 1e-12);
        assertEquals("Cluster_0", clusters.get(0), "clusters are numbered by first appearance");

        assertEquals(3, out[1].size());
        int total = 0;
        final Map<String, double[]> centres = new HashMap<>();
        for (final var row : Tables.rows(out[1])) {
            total += ((IntCell)row.getCell(4)).getIntValue();
            final double[] c = new double[4];
            for (int j = 0; j < 4; j++) {
                c[j] = ((DoubleCell)row.getCell(j)).getDoubleValue();
            }
            centres.put(row.getKey().getString(), c);
        }
        assertEquals(300, total);
        // Each centre is the mean of its cluster's rows.
        final double[] mean0 = new double[4];
        int n0 = 0;
        for (final var row : Tables.rows(out[0])) {
            if ("Cluster_0".equals(row.getCell(5).toString())) {
                n0++;
                for (int j = 0; j < 4; j++) {
                    mean0[j] += ((DoubleCell)row.getCell(j)).getDoubleValue();
                }
            }
        }
        for (int j = 0; j < 4; j++) {
            assertEquals(mean0[j] / n0, centres.get("Cluster_0")[j], 1e-9);
        }
    }

    @Test
    void sameSeedGivesTheSameClusteringAndReportsProgress() throws Exception {
        final BufferedDataTable in = TestTables.blobs(200, 3, 4, 2.5, 3);
        final var harness = clusterer(4);
        final List<String> first = TestTables.column(harness.executeTables(in)[0], "Cluster");
        assertFalse(harness.progressEvents().isEmpty(), "the node reports progress");
        final List<String> second = TestTables.column(clusterer(4).executeTables(in)[0], "Cluster");
        assertEquals(first, second);
    }

    @Test
    void settingsSurviveSettingsXmlAndTheDialog() throws Exception {
        final var harness = clusterer().editSettings(s -> {
            s.addInt(ClustererSettings.KEY_K, 5);
            s.addLong(ClustererSettings.KEY_SEED, 123456789012L);
            s.addBoolean(ClustererSettings.KEY_ALL_NUMERIC, false);
            s.addStringArray(ClustererSettings.KEY_INCLUDED, "x1", "x0");
            s.addString(ClustererSettings.KEY_MISSING, "SKIP_ROW");
            s.addDouble(ClustererSettings.KEY_TOLERANCE, 1e-6);
        });
        final NodeSettings loaded = harness.settingsRoundTrip();
        assertEquals(5, loaded.getInt(ClustererSettings.KEY_K));
        assertEquals(123456789012L, loaded.getLong(ClustererSettings.KEY_SEED));
        assertArrayEquals(new String[]{"x1", "x0"}, loaded.getStringArray(ClustererSettings.KEY_INCLUDED));
        final ByteArrayOutputStream xml = new ByteArrayOutputStream();
        loaded.saveToXML(xml);
        final String text = xml.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("<entry key=\"k\" type=\"xint\" value=\"5\"/>"), text);

        final NodeSettings fromDialog = harness.dialogRoundTrip(TestTables.blobs(10, 2, 2, 1, 1).getDataTableSpec());
        assertEquals(5, fromDialog.getInt(ClustererSettings.KEY_K));
        assertEquals(1e-6, fromDialog.getDouble(ClustererSettings.KEY_TOLERANCE));
        assertEquals("SKIP_ROW", fromDialog.getString(ClustererSettings.KEY_MISSING));
        assertArrayEquals(new String[]{"x1", "x0"}, fromDialog.getStringArray(ClustererSettings.KEY_INCLUDED));
    }

    @Test
    void invalidSettingsAreRejectedWithTheSettingsName() throws Exception {
        final var e = assertThrows(InvalidSettingsException.class, () -> clusterer(0));
        assertTrue(e.getMessage().contains("Number of clusters (k)"), e.getMessage());
        final var r = assertThrows(InvalidSettingsException.class,
            () -> clusterer().editSettings(s -> s.addInt(ClustererSettings.KEY_RESTARTS, 0)));
        assertTrue(r.getMessage().contains("Restarts"), r.getMessage());
        final var m = assertThrows(InvalidSettingsException.class,
            () -> clusterer().editSettings(s -> s.addString(ClustererSettings.KEY_MISSING, "IGNORE")));
        assertTrue(m.getMessage().contains("Rows with missing values"), m.getMessage());
    }

    @Test
    void noNumericColumnSelectedIsAClearError() throws Exception {
        final var manual = clusterer().editSettings(s -> {
            s.addBoolean(ClustererSettings.KEY_ALL_NUMERIC, false);
            s.addStringArray(ClustererSettings.KEY_INCLUDED);
        });
        final BufferedDataTable in = TestTables.blobs(10, 2, 2, 1, 1);
        final var e = assertThrows(InvalidSettingsException.class, () -> manual.configure(in.getDataTableSpec()));
        assertTrue(e.getMessage().contains("No numeric input column selected"), e.getMessage());

        final BufferedDataTable text = Tables.builder().column("name", StringCell.TYPE).row("a").row("b").build();
        final var none = assertThrows(InvalidSettingsException.class,
            () -> clusterer(1).configure(text.getDataTableSpec()));
        assertTrue(none.getMessage().contains("no numeric column"), none.getMessage());
    }

    @Test
    void selectedColumnThatIsMissingOrNotNumericIsNamed() throws Exception {
        final BufferedDataTable in = TestTables.blobs(10, 2, 2, 1, 1);
        final var missing = clusterer().editSettings(s -> {
            s.addBoolean(ClustererSettings.KEY_ALL_NUMERIC, false);
            s.addStringArray(ClustererSettings.KEY_INCLUDED, "x0", "gene_42");
        });
        final var e = assertThrows(InvalidSettingsException.class, () -> missing.configure(in.getDataTableSpec()));
        assertTrue(e.getMessage().contains("'gene_42'") && e.getMessage().contains("not in the input table"),
            e.getMessage());
        final var text = clusterer().editSettings(s -> {
            s.addBoolean(ClustererSettings.KEY_ALL_NUMERIC, false);
            s.addStringArray(ClustererSettings.KEY_INCLUDED, "x0", TestTables.LABEL);
        });
        final var t = assertThrows(InvalidSettingsException.class, () -> text.configure(in.getDataTableSpec()));
        assertTrue(t.getMessage().contains("'label'") && t.getMessage().contains("not numeric"), t.getMessage());
    }

    private static BufferedDataTable tableWithHoles() {
        return Tables.builder().column("a", DoubleCell.TYPE).column("b", DoubleCell.TYPE)
            .keyedRow("cell_1", 0.0, 0.0).keyedRow("cell_2", 0.1, 0.2).keyedRow("cell_3", null, 5.0)
            .keyedRow("cell_4", 10.0, 10.0).keyedRow("cell_5", 10.2, Double.NaN).keyedRow("cell_6", 9.9, 10.1)
            .build();
    }

    @Test
    void missingValueFailsNamingColumnAndRow() throws Exception {
        final var e = assertThrows(InvalidSettingsException.class, () -> clusterer(2).execute(tableWithHoles()));
        assertTrue(e.getMessage().contains("'cell_3'") && e.getMessage().contains("column 'a'")
            && e.getMessage().contains("missing value"), e.getMessage());
        final BufferedDataTable nan = Tables.builder().column("a", DoubleCell.TYPE).keyedRow("r1", 1.0)
            .keyedRow("r2", Double.NaN).build();
        final var n = assertThrows(InvalidSettingsException.class, () -> clusterer(1).execute(nan));
        assertTrue(n.getMessage().contains("'r2'") && n.getMessage().contains("NaN"), n.getMessage());
        final BufferedDataTable inf = Tables.builder().column("a", DoubleCell.TYPE).keyedRow("r1", 1.0)
            .keyedRow("r2", Double.POSITIVE_INFINITY).build();
        final var i = assertThrows(InvalidSettingsException.class, () -> clusterer(1).execute(inf));
        assertTrue(i.getMessage().contains("infinite"), i.getMessage());
    }

    @Test
    void skippedRowsKeepTheirRowWithAMissingClusterAndAWarning() throws Exception {
        final var harness =
            clusterer(2).editSettings(s -> s.addString(ClustererSettings.KEY_MISSING, "SKIP_ROW"));
        final BufferedDataTable[] out = harness.executeTables(tableWithHoles());
        final List<String> clusters = TestTables.column(out[0], "Cluster");
        assertEquals(6, clusters.size(), "no input row is lost");
        assertNull(clusters.get(2));
        assertNull(clusters.get(4));
        assertEquals(clusters.get(0), clusters.get(1));
        assertEquals(clusters.get(3), clusters.get(5));
        assertFalse(clusters.get(0).equals(clusters.get(3)));
        assertNotNull(harness.warningMessage());
        assertTrue(harness.warningMessage().startsWith("2 of 6 rows were skipped"), harness.warningMessage());
        assertTrue(harness.warningMessage().contains("'cell_3'"), harness.warningMessage());
    }

    @Test
    void allRowsMissingOrEmptyTableIsAClearError() throws Exception {
        final BufferedDataTable holes = Tables.builder().column("a", DoubleCell.TYPE).row((Object)null)
            .row(Double.NaN).build();
        final var skip = clusterer(1).editSettings(s -> s.addString(ClustererSettings.KEY_MISSING, "SKIP_ROW"));
        final var e = assertThrows(InvalidSettingsException.class, () -> skip.execute(holes));
        assertTrue(e.getMessage().contains("All 2 rows"), e.getMessage());
        final BufferedDataTable empty = Tables.builder().column("a", DoubleCell.TYPE).build();
        final var em = assertThrows(InvalidSettingsException.class, () -> clusterer(1).execute(empty));
        assertTrue(em.getMessage().contains("empty"), em.getMessage());
    }

    @Test
    void kLargerThanTheNumberOfRowsIsAClearError() throws Exception {
        final BufferedDataTable in = TestTables.blobs(4, 2, 2, 1, 1);
        final var e = assertThrows(InvalidSettingsException.class, () -> clusterer(5).execute(in));
        assertTrue(e.getMessage().contains("Number of clusters (k)") && e.getMessage().contains("(5)")
            && e.getMessage().contains("(4)"), e.getMessage());
    }

    @Test
    void cancellationStopsExecution() throws Exception {
        final BufferedDataTable in = TestTables.blobs(2000, 8, 5, 3, 1);
        final var harness = clusterer(5).editSettings(s -> s.addInt(ClustererSettings.KEY_RESTARTS, 50));
        harness.cancelWhen(p -> p.getMessage() != null && p.getMessage().contains("restart"));
        assertThrows(CanceledExecutionException.class, () -> harness.execute(in));
        final var whileReading = clusterer(5).cancelWhen(p -> true); // at the first progress report
        assertThrows(CanceledExecutionException.class, () -> whileReading.execute(in));
    }

    @Test
    void clusterColumnNameIsMadeUniqueAndColumnsCanBeChosen() throws Exception {
        final BufferedDataTable in = Tables.builder().column("Cluster", DoubleCell.TYPE).column("y", IntCell.TYPE)
            .row(0.0, 0).row(0.1, 1).row(10.0, 100).row(10.1, 101).build();
        final var harness = clusterer(2).editSettings(s -> {
            s.addBoolean(ClustererSettings.KEY_ALL_NUMERIC, false);
            s.addStringArray(ClustererSettings.KEY_INCLUDED, "Cluster");
        });
        final BufferedDataTable[] out = harness.executeTables(in);
        assertEquals("Cluster (#1)", out[0].getDataTableSpec().getColumnSpec(2).getName());
        assertArrayEquals(new String[]{"Cluster", "Number of rows"}, out[1].getDataTableSpec().getColumnNames());
        final Set<String> clusters = new HashSet<>(TestTables.column(out[0], "Cluster (#1)"));
        assertEquals(2, clusters.size());
    }
}
