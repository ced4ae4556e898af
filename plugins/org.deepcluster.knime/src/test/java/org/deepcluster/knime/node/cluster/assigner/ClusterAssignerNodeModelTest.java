package org.deepcluster.knime.node.cluster.assigner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.deepcluster.core.cluster.Assignment;
import org.deepcluster.core.cluster.ClusterModel;
import org.deepcluster.core.cluster.KMeansModel;
import org.deepcluster.core.cluster.ModelState;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.knime.node.cluster.kmeans.KMeansNodeFactory;
import org.deepcluster.knime.port.ClusterDistance;
import org.deepcluster.knime.port.ClusterModelPortObject;
import org.deepcluster.knime.port.ClusterModelPortObjectSpec;
import org.deepcluster.knime.testing.TestTables;
import org.deepcluster.standin.NodeHarness;
import org.deepcluster.standin.Tables;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;

/** The Cluster Assigner executed through the KNIME API stand-in, with models from the k-Means node and test models. */
class ClusterAssignerNodeModelTest {

    private static NodeHarness<ClusterAssignerNodeModel> assigner() {
        return NodeHarness.of(ClusterAssignerNodeFactory.class);
    }

    @Test
    void reproducesTheKMeansClustersOnTheTrainingTable() throws Exception {
        final BufferedDataTable in = TestTables.blobs(400, 3, 4, 2.0, 5);
        for (final String distance : List.of("EUCLIDEAN", "COSINE")) {
            final PortObject[] fitted = NodeHarness.of(KMeansNodeFactory.class)
                .editSettings(s -> {
                    s.addInt("k", 4);
                    s.addString("distance", distance);
                }).execute(in);
            final List<String> expected = TestTables.column((BufferedDataTable)fitted[0], "Cluster");
            final var harness = assigner();
            final BufferedDataTable out = harness.executeTables(fitted[1], in)[0]; // specs = configure checked
            assertEquals(expected, TestTables.column(out, "Cluster"), distance);
            assertArrayEquals(new String[]{"x0", "x1", "x2", "label", "Cluster", "Distance"},
                out.getDataTableSpec().getColumnNames());
        }
    }

    @Test
    void theDistanceIsTheDistanceToTheNearestCentroid() throws Exception {
        final ClusterModelPortObject model = twoCentroids();
        // columns in another order, an extra column, new rows
        final BufferedDataTable rows = Tables.builder().column("name", StringCell.TYPE).column("b", DoubleCell.TYPE)
            .column("a", DoubleCell.TYPE).row("p", 1.0, 3.0).row("q", 4.0, 10.0).build();
        final BufferedDataTable out = assigner().executeTables(model, rows)[0];
        assertEquals(List.of("Cluster_0", "Cluster_1"), TestTables.column(out, "Cluster"));
        final List<String> distances = TestTables.column(out, "Distance");
        assertEquals(3.0, Double.parseDouble(distances.get(0)), 1e-12);
        assertEquals(3.0, Double.parseDouble(distances.get(1)), 1e-12);
        final DataTableSpec spec = out.getDataTableSpec();
        final List<String> domain = Arrays.stream(spec.getColumnSpec("Cluster").getDomain().getValues()
            .toArray(new DataCell[0])).map(DataCell::toString).toList();
        assertEquals(List.of("Cluster_0", "Cluster_1"), domain);
    }

    private static ClusterModelPortObject twoCentroids() {
        return new ClusterModelPortObject(
            new ClusterModelPortObjectSpec("k-means", List.of("a", "b"), List.of("Number (Double)", "Number (Double)"),
                ClusterDistance.EUCLIDEAN, 2, false, false, true),
            new KMeansModel(Matrix.of(new double[][]{{0, 1}, {10, 1}}), new int[]{0, 1}, 0));
    }

    /** A model with probabilities and noise, as mixture and density models will have. */
    record SoftModel(int featureCount) implements ClusterModel {
        @Override
        public String algorithm() {
            return "soft";
        }

        @Override
        public int clusterCount() {
            return 2;
        }

        @Override
        public int[] labels() {
            return new int[0];
        }

        /** Cluster 0 below 0, cluster 1 above 10, noise between; P(0) = 1 / (1 + e^x). */
        @Override
        public Assignment assign(final Matrix rows) {
            final int[] labels = new int[rows.rows()];
            final double[] p = new double[rows.rows() * 2];
            for (int i = 0; i < labels.length; i++) {
                final double x = rows.get(i, 0);
                labels[i] = x < 0 ? 0 : x > 10 ? 1 : NOISE;
                p[2 * i] = 1 / (1 + Math.exp(x));
                p[2 * i + 1] = 1 - p[2 * i];
            }
            return new Assignment(labels, Matrix.wrap(labels.length, 2, p), null);
        }

        @Override
        public String summary() {
            return "soft";
        }

        @Override
        public void save(final ModelState state) {
            // not saved in this test
        }
    }

    @Test
    void probabilityColumnsAndNoiseWhenTheModelHasThem() throws Exception {
        final ClusterModelPortObject soft = new ClusterModelPortObject(new ClusterModelPortObjectSpec("soft",
            List.of("x"), List.of("Number (Double)"), ClusterDistance.EUCLIDEAN, 2, true, true, false),
            new SoftModel(1));
        final BufferedDataTable rows = Tables.builder().column("x", DoubleCell.TYPE).row(-5.0).row(5.0).row(20.0)
            .build();
        final var harness = assigner();
        final BufferedDataTable out = harness.executeTables(soft, rows)[0];
        assertArrayEquals(new String[]{"x", "Cluster", "P(Cluster_0)", "P(Cluster_1)"},
            out.getDataTableSpec().getColumnNames());
        assertEquals(List.of("Cluster_0", "Noise", "Cluster_1"), TestTables.column(out, "Cluster"));
        assertEquals(1 / (1 + Math.exp(5.0)), Double.parseDouble(TestTables.column(out, "P(Cluster_0)").get(1)),
            1e-15);
        final List<String> domain = Arrays.stream(out.getDataTableSpec().getColumnSpec("Cluster").getDomain()
            .getValues().toArray(new DataCell[0])).map(DataCell::toString).toList();
        assertTrue(domain.containsAll(List.of("Cluster_0", "Cluster_1", "Noise")), domain.toString());

        // before fitting, a model that decides its count cannot tell the probability columns: no spec yet
        final ClusterModelPortObjectSpec unknown = soft.getSpec().withClusterCount(ClusterModelPortObjectSpec.UNKNOWN_COUNT);
        assertNull(assigner().configure(unknown, rows.getDataTableSpec())[0]);
    }

    @Test
    void aMissingOrNonNumericFeatureColumnIsNamed() throws Exception {
        final ClusterModelPortObject model = twoCentroids();
        final BufferedDataTable lacksB = Tables.builder().column("a", DoubleCell.TYPE).row(1.0).build();
        final var e = assertThrows(InvalidSettingsException.class,
            () -> assigner().configure(model.getSpec(), lacksB.getDataTableSpec()));
        assertTrue(e.getMessage().contains("no column 'b'") && e.getMessage().contains("2 columns: a, b"),
            e.getMessage());
        final BufferedDataTable textB = Tables.builder().column("a", DoubleCell.TYPE).column("b", StringCell.TYPE)
            .row(1.0, "x").build();
        final var t = assertThrows(InvalidSettingsException.class, () -> assigner().execute(model, textB));
        assertTrue(t.getMessage().contains("Column 'b' has type String") && t.getMessage().contains("Number (Double)"),
            t.getMessage());
        final var none = assertThrows(InvalidSettingsException.class,
            () -> assigner().configure(null, lacksB.getDataTableSpec()));
        assertTrue(none.getMessage().contains("No cluster model"), none.getMessage());
    }

    @Test
    void missingValuesFailOrAreSkipped() throws Exception {
        final BufferedDataTable holes = Tables.builder().column("a", DoubleCell.TYPE).column("b", DoubleCell.TYPE)
            .keyedRow("r1", 1.0, 1.0).keyedRow("r2", Double.NaN, 1.0).keyedRow("r3", 9.0, 1.0).build();
        final var e = assertThrows(InvalidSettingsException.class, () -> assigner().execute(twoCentroids(), holes));
        assertTrue(e.getMessage().contains("'r2'") && e.getMessage().contains("column 'a'"), e.getMessage());
        final var skip = assigner().editSettings(s -> s.addString(ClusterAssignerSettings.KEY_MISSING, "SKIP_ROW"));
        final BufferedDataTable out = skip.executeTables(twoCentroids(), holes)[0];
        assertEquals(Arrays.asList("Cluster_0", null, "Cluster_1"), TestTables.column(out, "Cluster"));
        assertNull(TestTables.column(out, "Distance").get(1));
        assertTrue(skip.warningMessage().startsWith("1 of 3 rows were skipped"), skip.warningMessage());
    }

    @Test
    void anEmptyTableGivesAnEmptyTable() throws Exception {
        final BufferedDataTable empty = Tables.builder().column("a", DoubleCell.TYPE).column("b", DoubleCell.TYPE)
            .build();
        assertEquals(0, assigner().executeTables(twoCentroids(), empty)[0].size());
    }

    @Test
    void settingsSurviveTheDialogAndBadOnesAreNamed() throws Exception {
        final var harness = assigner().editSettings(s -> {
            s.addString(ClusterAssignerSettings.KEY_MISSING, "SKIP_ROW");
            s.addString(ClusterAssignerSettings.KEY_CLUSTER_COLUMN, "Group");
        });
        final NodeSettings fromDialog = harness.dialogRoundTrip(twoCentroids().getSpec(),
            Tables.builder().column("a", DoubleCell.TYPE).build().getDataTableSpec());
        assertEquals("SKIP_ROW", fromDialog.getString(ClusterAssignerSettings.KEY_MISSING));
        assertEquals("Group", fromDialog.getString(ClusterAssignerSettings.KEY_CLUSTER_COLUMN));
        final var e = assertThrows(InvalidSettingsException.class,
            () -> assigner().editSettings(s -> s.addString(ClusterAssignerSettings.KEY_CLUSTER_COLUMN, "")));
        assertTrue(e.getMessage().contains("'Cluster column name'"), e.getMessage());
    }

    @Test
    void cancellationStopsExecution() throws Exception {
        final BufferedDataTable in = TestTables.blobs(3000, 2, 2, 1, 1);
        final ClusterModelPortObject model = new ClusterModelPortObject(
            new ClusterModelPortObjectSpec("k-means", List.of("x0", "x1"), List.of("Number (Double)",
                "Number (Double)"), ClusterDistance.EUCLIDEAN, 2, false, false, true),
            new KMeansModel(Matrix.of(new double[][]{{0, 1}, {10, 1}}), new int[]{0, 1}, 0));
        final var harness = assigner().cancelWhen(p -> true);
        assertThrows(CanceledExecutionException.class, () -> harness.execute(model, in));
    }
}
