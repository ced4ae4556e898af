package org.deepcluster.knime.node.scorer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.deepcluster.knime.node.cluster.kmeans.KMeansNodeFactory;
import org.deepcluster.knime.testing.TestTables;
import org.deepcluster.standin.NodeHarness;
import org.deepcluster.standin.Tables;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.workflow.FlowVariable;

/** The Clustering Scorer node executed through the KNIME API stand-in. */
class ClusteringScorerNodeModelTest {

    // The labelling of src/test/resources/scorer_reference.py.
    private static final String[] TRUTH = {"B cell", "B cell", "B cell", "T cell", "T cell", "T cell", "NK", "NK",
        "NK", "NK", "T cell", "B cell"};

    private static final String[] PRED = {"Cluster_2", "Cluster_2", "Cluster_0", "Cluster_0", "Cluster_0",
        "Cluster_0", "Cluster_1", "Cluster_1", "Cluster_1", "Cluster_2", "Cluster_3", "Cluster_2"};

    /** Printed by scorer_reference.py with scikit-learn 1.2.1 (ACC via scipy's linear_sum_assignment). */
    private static final double[] SKLEARN = {0.3956043956043956, 0.6069789999450607, 0.75, 0.6587603285713903,
        0.5627448881979852, 0.6069789999450608};

    private static BufferedDataTable labelled(final String[] truth, final String[] pred) {
        final Tables.Builder b = Tables.builder().column("cell type", StringCell.TYPE).column("Cluster",
            StringCell.TYPE);
        for (int i = 0; i < truth.length; i++) {
            b.keyedRow("cell_" + i, truth[i], pred[i]);
        }
        return b.build();
    }

    private static NodeHarness<ClusteringScorerNodeModel> scorer(final String reference, final String cluster)
        throws InvalidSettingsException {
        return NodeHarness.of(ClusteringScorerNodeFactory.class).editSettings(s -> {
            s.addString(ClusteringScorerSettings.KEY_REFERENCE, reference);
            s.addString(ClusteringScorerSettings.KEY_CLUSTER, cluster);
        });
    }

    @Test
    void scoresAgreeWithScikitLearnAndArePushedAsFlowVariables() throws Exception {
        final var harness = scorer("cell type", "Cluster");
        final BufferedDataTable[] out = harness.executeTables(labelled(TRUTH, PRED));
        assertEquals(1, out[0].size());
        final DataRow row = Tables.rows(out[0]).get(0);
        for (int i = 0; i < SKLEARN.length; i++) {
            final String name = ClusteringScorerNodeModel.SCORES[i];
            assertEquals(SKLEARN[i], ((DoubleCell)row.getCell(i)).getDoubleValue(), 1e-12, name);
            final FlowVariable variable = harness.pushedFlowVariable(name).orElseThrow();
            assertEquals(SKLEARN[i], variable.getDoubleValue(), 1e-12, name);
        }
        assertEquals(12, ((IntCell)row.getCell(6)).getIntValue());
        assertEquals(3, ((IntCell)row.getCell(7)).getIntValue());
        assertEquals(4, ((IntCell)row.getCell(8)).getIntValue());
    }

    @Test
    void contingencyTableCountsEachClassInEachCluster() throws Exception {
        final BufferedDataTable[] out = scorer("cell type", "Cluster").executeTables(labelled(TRUTH, PRED));
        final BufferedDataTable table = out[1];
        // Both columns have possible values in their domain: rows and columns follow the domain order.
        assertArrayEquals(new String[]{"Cluster_2", "Cluster_0", "Cluster_1", "Cluster_3"},
            table.getDataTableSpec().getColumnNames());
        final List<DataRow> rows = Tables.rows(table);
        assertEquals(List.of("B cell", "T cell", "NK"), rows.stream().map(r -> r.getKey().getString()).toList());
        assertArrayEquals(new int[]{3, 1, 0, 0}, counts(rows.get(0)));
        assertArrayEquals(new int[]{0, 3, 0, 1}, counts(rows.get(1)));
        assertArrayEquals(new int[]{1, 0, 3, 0}, counts(rows.get(2)));
    }

    private static int[] counts(final DataRow row) {
        final int[] c = new int[row.getNumCells()];
        for (int i = 0; i < c.length; i++) {
            c[i] = ((IntCell)row.getCell(i)).getIntValue();
        }
        return c;
    }

    @Test
    void contingencySpecIsUnknownBeforeExecutionWithoutDomains() throws Exception {
        final DataTableSpec noDomain = new DataTableSpec(new DataColumnSpecCreator("truth", StringCell.TYPE)
            .createSpec(), new DataColumnSpecCreator("Cluster", StringCell.TYPE).createSpec());
        final var specs = scorer("truth", "Cluster").configure(noDomain);
        assertEquals(ClusteringScorerNodeModel.scoresSpec(), specs[0]);
        assertNull(specs[1]);
        final var known = scorer("cell type", "Cluster").configure(labelled(TRUTH, PRED).getDataTableSpec());
        assertArrayEquals(new String[]{"Cluster_2", "Cluster_0", "Cluster_1", "Cluster_3"},
            ((DataTableSpec)known[1]).getColumnNames());
    }

    @Test
    void perfectClusteringUnderOtherNamesScoresOne() throws Exception {
        final String[] renamed = {"c", "c", "c", "a", "a", "a", "b", "b", "b", "b", "a", "c"};
        final BufferedDataTable[] out = scorer("cell type", "Cluster").executeTables(labelled(TRUTH, renamed));
        final DataRow row = Tables.rows(out[0]).get(0);
        for (int i = 0; i < 6; i++) {
            assertEquals(1.0, ((DoubleCell)row.getCell(i)).getDoubleValue(), 1e-12);
        }
    }

    @Test
    void referenceColumnMissingFromTheInputIsNamed() throws Exception {
        final BufferedDataTable in = labelled(TRUTH, PRED);
        final var e = assertThrows(InvalidSettingsException.class,
            () -> scorer("cell_type", "Cluster").configure(in.getDataTableSpec()));
        assertTrue(e.getMessage().contains("'cell_type'") && e.getMessage().contains("Reference column"),
            e.getMessage());
        final var unset = assertThrows(InvalidSettingsException.class,
            () -> NodeHarness.of(ClusteringScorerNodeFactory.class).configure(in.getDataTableSpec()));
        assertTrue(unset.getMessage().contains("Reference column"), unset.getMessage());
    }

    @Test
    void missingLabelsFailOrAreSkippedWithAWarning() throws Exception {
        final BufferedDataTable in = Tables.builder().column("truth", StringCell.TYPE).column("Cluster",
            StringCell.TYPE).keyedRow("a", "x", "C0").keyedRow("b", null, "C0").keyedRow("c", "y", "C1")
            .keyedRow("d", "y", null).build();
        final var e = assertThrows(InvalidSettingsException.class, () -> scorer("truth", "Cluster").execute(in));
        assertTrue(e.getMessage().contains("'b'") && e.getMessage().contains("'truth'"), e.getMessage());
        final var skip = scorer("truth", "Cluster")
            .editSettings(s -> s.addString(ClusteringScorerSettings.KEY_MISSING, "SKIP_ROW"));
        final BufferedDataTable[] out = skip.executeTables(in);
        assertEquals(1.0, ((DoubleCell)Tables.rows(out[0]).get(0).getCell(0)).getDoubleValue(), 1e-12);
        assertTrue(skip.warningMessage().startsWith("2 of 4 rows were skipped"), skip.warningMessage());
    }

    @Test
    void emptyTableIsAClearError() throws Exception {
        final BufferedDataTable empty = Tables.builder().column("truth", StringCell.TYPE)
            .column("Cluster", StringCell.TYPE).build();
        final var e = assertThrows(InvalidSettingsException.class, () -> scorer("truth", "Cluster").execute(empty));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void cancellationStopsExecution() throws Exception {
        final var harness = scorer("cell type", "Cluster").cancelWhen(p -> true);
        assertThrows(CanceledExecutionException.class, () -> harness.execute(labelled(TRUTH, PRED)));
    }

    @Test
    void settingsSurviveSettingsXmlAndTheDialog() throws Exception {
        final var harness = scorer("cell type", "Cluster")
            .editSettings(s -> s.addString(ClusteringScorerSettings.KEY_MISSING, "SKIP_ROW"));
        final NodeSettings loaded = harness.settingsRoundTrip();
        assertEquals("cell type", loaded.getString(ClusteringScorerSettings.KEY_REFERENCE));
        final NodeSettings fromDialog = harness.dialogRoundTrip(labelled(TRUTH, PRED).getDataTableSpec());
        assertEquals("cell type", fromDialog.getString(ClusteringScorerSettings.KEY_REFERENCE));
        assertEquals("Cluster", fromDialog.getString(ClusteringScorerSettings.KEY_CLUSTER));
        assertEquals("SKIP_ROW", fromDialog.getString(ClusteringScorerSettings.KEY_MISSING));
    }

    @Test
    void kMeansThenScorerRecoversBlobsEndToEnd() throws Exception {
        final BufferedDataTable blobs = TestTables.blobs(600, 8, 5, 1.0, 11);
        final var kmeans = NodeHarness.of(KMeansNodeFactory.class).editSettings(s -> s.addInt("k", 5));
        final BufferedDataTable clustered = (BufferedDataTable)kmeans.execute(blobs)[0];
        final var harness = scorer(TestTables.LABEL, "Cluster");
        harness.executeTables(clustered);
        assertTrue(harness.pushedFlowVariable("ARI").orElseThrow().getDoubleValue() > 0.99);
        assertTrue(harness.pushedFlowVariable("ACC").orElseThrow().getDoubleValue() > 0.99);
    }
}
