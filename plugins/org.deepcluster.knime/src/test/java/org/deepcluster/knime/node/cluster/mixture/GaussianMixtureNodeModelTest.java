package org.deepcluster.knime.node.cluster.mixture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.deepcluster.core.cluster.mixture.CovarianceType;
import org.deepcluster.core.cluster.mixture.GaussianMixtureModel;
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
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;

/**
 * The Gaussian Mixture node through the KNIME API stand-in. The algorithm itself is tested against scikit-learn in
 * the engine (GaussianMixtureTest); the generic clustering-node behaviour in ClusteringNodeModelTest.
 */
class GaussianMixtureNodeModelTest {

    private static NodeHarness<GaussianMixtureNodeModel> gmm(final int k) throws InvalidSettingsException {
        return NodeHarness.of(GaussianMixtureNodeFactory.class)
            .editSettings(s -> s.addInt(GaussianMixtureSettings.KEY_K, k));
    }

    @Test
    void configureComputesTheExactOutputSpecs() throws Exception {
        final BufferedDataTable in = TestTables.blobs(30, 2, 3, 0.5, 1);
        final var specs = gmm(3).configure(in.getDataTableSpec());
        final DataTableSpec clustered = (DataTableSpec)specs[0];
        assertEquals(List.of("x0", "x1", "label", "Cluster", "P(Cluster_0)", "P(Cluster_1)", "P(Cluster_2)"),
            List.of(clustered.getColumnNames()));
        assertEquals(DoubleCell.TYPE, clustered.getColumnSpec(4).getType());
        final ClusterModelPortObjectSpec model = (ClusterModelPortObjectSpec)specs[1];
        assertEquals("Gaussian mixture", model.algorithm());
        assertEquals(3, model.clusterCount());
        assertTrue(model.hasProbabilities());
        assertTrue(model.hasDistances());
        assertFalse(model.mayAssignNoise());

        final var without = gmm(3).editSettings(s -> s.addBoolean(GaussianMixtureSettings.KEY_PROBABILITIES, false));
        assertEquals(4, ((DataTableSpec)without.configure(in.getDataTableSpec())[0]).getNumColumns());
    }

    @Test
    void findsBlobsWithProbabilitiesAndPushesBicAndAic() throws Exception {
        final BufferedDataTable in = TestTables.blobs(300, 3, 3, 0.5, 7);
        for (final CovarianceType type : CovarianceType.values()) {
            final var harness = gmm(3).editSettings(s -> s.addString(GaussianMixtureSettings.KEY_COVARIANCE,
                type.name()));
            final PortObject[] out = harness.execute(in); // the harness checks specs = configure
            final BufferedDataTable table = (BufferedDataTable)out[0];
            final double ari = ClusteringScores.adjustedRandIndex(
                Labels.encode(TestTables.column(table, TestTables.LABEL)).codes(),
                Labels.encode(TestTables.column(table, "Cluster")).codes());
            assertEquals(1.0, ari, 1e-12, type.name());
            final double[][] p = new double[3][];
            for (int c = 0; c < 3; c++) {
                p[c] = Tables.doubles(table, "P(Cluster_" + c + ")");
            }
            final List<String> clusters = TestTables.column(table, "Cluster");
            for (int i = 0; i < 300; i++) {
                assertEquals(1.0, p[0][i] + p[1][i] + p[2][i], 1e-9);
                final int label = Integer.parseInt(clusters.get(i).substring("Cluster_".length()));
                assertTrue(p[label][i] >= 0.5, "the cluster is the most probable component");
            }
            final GaussianMixtureModel model = (GaussianMixtureModel)((ClusterModelPortObject)out[1]).model();
            assertEquals(type, model.covarianceType());
            assertEquals(model.bic(), harness.pushedFlowVariable(GaussianMixtureNodeModel.VARIABLE_BIC).orElseThrow()
                .getDoubleValue(), 0.0);
            assertEquals(model.aic(), harness.pushedFlowVariable(GaussianMixtureNodeModel.VARIABLE_AIC).orElseThrow()
                .getDoubleValue(), 0.0);
            assertEquals(1, harness.pushedFlowVariable(GaussianMixtureNodeModel.VARIABLE_CONVERGED).orElseThrow()
                .getIntValue());
            assertTrue(((ClusterModelPortObject)out[1]).getSummary().contains("BIC"));
            assertEquals(null, harness.warningMessage());
        }
    }

    @Test
    void theModelSurvivesSaveAndLoadAndTheAssignerReproducesClustersAndProbabilities() throws Exception {
        final BufferedDataTable in = TestTables.blobs(200, 2, 3, 2.0, 4); // overlapping: probabilities not 0/1
        final PortObject[] out = gmm(3).execute(in);
        final ClusterModelPortObject model = (ClusterModelPortObject)out[1];
        final ClusterModelPortObject copy = PortObjects.roundTrip(model);
        assertEquals(model.getSpec(), copy.getSpec());
        assertEquals(model.getSummary(), copy.getSummary());
        final BufferedDataTable assigned = NodeHarness.of(ClusterAssignerNodeFactory.class)
            .executeTables(copy, in)[0];
        final BufferedDataTable clustered = (BufferedDataTable)out[0];
        assertEquals(TestTables.column(clustered, "Cluster"), TestTables.column(assigned, "Cluster"));
        for (int c = 0; c < 3; c++) {
            final double[] expected = Tables.doubles(clustered, "P(Cluster_" + c + ")");
            final double[] actual = Tables.doubles(assigned, "P(Cluster_" + c + ")");
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], actual[i], 1e-12);
            }
        }
        for (final double d : Tables.doubles(assigned, "Distance")) {
            assertTrue(d >= 0 && Double.isFinite(d));
        }
    }

    @Test
    void notConvergingIsAWarning() throws Exception {
        final BufferedDataTable in = TestTables.blobs(200, 2, 3, 3, 2);
        final var harness = gmm(3).editSettings(s -> {
            s.addInt(GaussianMixtureSettings.KEY_MAX_ITERATIONS, 1);
            s.addDouble(GaussianMixtureSettings.KEY_TOLERANCE, 0.0);
        });
        harness.execute(in);
        assertTrue(harness.warningMessage().contains("did not converge within 1 EM iterations"),
            harness.warningMessage());
        assertEquals(0, harness.pushedFlowVariable(GaussianMixtureNodeModel.VARIABLE_CONVERGED).orElseThrow()
            .getIntValue());
    }

    @Test
    void settingsSurviveSettingsXmlAndTheDialog() throws Exception {
        final var harness = gmm(4).editSettings(s -> {
            s.addString(GaussianMixtureSettings.KEY_COVARIANCE, "SPHERICAL");
            s.addString(GaussianMixtureSettings.KEY_INIT, "RANDOM");
            s.addDouble(GaussianMixtureSettings.KEY_REGULARISATION, 1e-3);
            s.addInt(GaussianMixtureSettings.KEY_RESTARTS, 3);
            s.addBoolean(GaussianMixtureSettings.KEY_PROBABILITIES, false);
        });
        final NodeSettings loaded = harness.settingsRoundTrip();
        assertEquals("SPHERICAL", loaded.getString(GaussianMixtureSettings.KEY_COVARIANCE));
        assertEquals(1e-3, loaded.getDouble(GaussianMixtureSettings.KEY_REGULARISATION));
        final NodeSettings fromDialog = harness.dialogRoundTrip(TestTables.blobs(10, 2, 2, 1, 1).getDataTableSpec());
        assertEquals(4, fromDialog.getInt(GaussianMixtureSettings.KEY_K));
        assertEquals("SPHERICAL", fromDialog.getString(GaussianMixtureSettings.KEY_COVARIANCE));
        assertEquals("RANDOM", fromDialog.getString(GaussianMixtureSettings.KEY_INIT));
        assertEquals(1e-3, fromDialog.getDouble(GaussianMixtureSettings.KEY_REGULARISATION));
        assertEquals(3, fromDialog.getInt(GaussianMixtureSettings.KEY_RESTARTS));
        assertFalse(fromDialog.getBoolean(GaussianMixtureSettings.KEY_PROBABILITIES));
    }

    @Test
    void invalidSettingsAreRejectedWithTheSettingsName() {
        assertMessage(() -> gmm(0), "Number of components (k)");
        assertMessage(() -> gmm(2).editSettings(s -> s.addString(GaussianMixtureSettings.KEY_COVARIANCE, "TIED")),
            "Covariance type");
        assertMessage(() -> gmm(2).editSettings(s -> s.addDouble(GaussianMixtureSettings.KEY_REGULARISATION, -1)),
            "Covariance regularisation");
        assertMessage(() -> gmm(2).editSettings(s -> s.addDouble(GaussianMixtureSettings.KEY_TOLERANCE,
            Double.NaN)), "Tolerance");
        assertMessage(() -> gmm(2).editSettings(s -> s.addInt(GaussianMixtureSettings.KEY_MAX_ITERATIONS, 0)),
            "Maximum EM iterations");
        assertMessage(() -> gmm(2).editSettings(s -> s.addInt(GaussianMixtureSettings.KEY_RESTARTS, 0)),
            "Restarts");
    }

    @Test
    void badDataIsAClearError() throws Exception {
        final BufferedDataTable four = TestTables.blobs(4, 2, 2, 1, 1);
        assertMessage(() -> gmm(5).execute(four), "Number of components (k)' (5) is larger than the number of rows");
        final BufferedDataTable one = Tables.builder().column("a", DoubleCell.TYPE).keyedRow("only", 3.0).build();
        assertMessage(() -> gmm(1).execute(one), "at least 2 rows");
        final BufferedDataTable same = Tables.builder().column("a", DoubleCell.TYPE).column("b", DoubleCell.TYPE)
            .row(1.0, 2.0).row(1.0, 2.0).row(1.0, 2.0).build();
        assertMessage(() -> gmm(2).execute(same), "distinct rows (1)");
        // One component on identical rows is fine: the regularisation keeps the covariance positive definite.
        assertEquals(List.of("Cluster_0", "Cluster_0", "Cluster_0"),
            TestTables.column((BufferedDataTable)gmm(1).execute(same)[0], "Cluster"));
        final BufferedDataTable nan = Tables.builder().column("a", DoubleCell.TYPE).column("t", StringCell.TYPE)
            .row(1.0, "x").row(Double.NaN, "y").row(2.0, "z").build();
        final var e = assertThrows(InvalidSettingsException.class, () -> gmm(1).execute(nan));
        assertTrue(e.getMessage().contains("Row1"), e.getMessage());
        final var noReg = gmm(1).editSettings(s -> s.addDouble(GaussianMixtureSettings.KEY_REGULARISATION, 0.0));
        assertMessage(() -> noReg.execute(same), "reg_covar");
    }

    @Test
    void cancellationStopsExecution() throws Exception {
        final BufferedDataTable in = TestTables.blobs(2000, 4, 5, 4, 1);
        final var harness = gmm(5).editSettings(s -> {
            s.addInt(GaussianMixtureSettings.KEY_RESTARTS, 20);
            s.addDouble(GaussianMixtureSettings.KEY_TOLERANCE, 0.0);
        });
        harness.cancelWhen(p -> p.getMessage() != null && p.getMessage().contains("EM iteration 3"));
        assertThrows(CanceledExecutionException.class, () -> harness.execute(in));
    }

    private static void assertMessage(final org.junit.jupiter.api.function.Executable call, final String part) {
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class, call);
        assertTrue(e.getMessage().contains(part), () -> "\"" + e.getMessage() + "\" should contain \"" + part + "\"");
    }
}
