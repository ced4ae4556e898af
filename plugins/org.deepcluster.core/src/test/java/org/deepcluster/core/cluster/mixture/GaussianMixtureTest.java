package org.deepcluster.core.cluster.mixture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.deepcluster.core.Fixtures;
import org.deepcluster.core.cluster.Assignment;
import org.deepcluster.core.cluster.ClusterModel;
import org.deepcluster.core.cluster.ClusterModels;
import org.deepcluster.core.cluster.mixture.GaussianMixture.Init;
import org.deepcluster.core.cluster.mixture.GaussianMixture.Parameters;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.metrics.ClusteringScores;
import org.deepcluster.core.progress.CancelledException;
import org.deepcluster.core.progress.Progress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Gaussian mixture against scikit-learn 1.2.1 (fixtures made by {@code fixtures/mixture/make_mixture_fixtures.py}):
 * the partition on well-separated blobs, and, from scikit-learn's own initial k-means labels, the whole EM trajectory
 * on overlapping blobs.
 */
class GaussianMixtureTest {

    /** A data set of the fixtures with the reference results of one covariance type. */
    private record Reference(Matrix data, int[] truth, int[] initLabels, int[] labels, Matrix probabilities,
        List<Map<String, String>> components, Map<String, String> stats) {

        static Reference load(final String set, final CovarianceType type) {
            final List<Map<String, String>> rows = Fixtures.readCsv("mixture/gmm_" + set + "_data.csv");
            final int d = rows.get(0).size() - 1;
            final double[][] x = new double[rows.size()][d];
            final int[] truth = new int[rows.size()];
            for (int i = 0; i < x.length; i++) {
                for (int j = 0; j < d; j++) {
                    x[i][j] = Double.parseDouble(rows.get(i).get("x" + j));
                }
                truth[i] = Integer.parseInt(rows.get(i).get("truth"));
            }
            final String prefix = "mixture/gmm_" + set + "_" + type.sklearnName();
            final List<Map<String, String>> result = Fixtures.readCsv(prefix + ".csv");
            final int k = result.get(0).size() - 2;
            final double[][] p = new double[x.length][k];
            for (int i = 0; i < x.length; i++) {
                for (int c = 0; c < k; c++) {
                    p[i][c] = Double.parseDouble(result.get(i).get("p" + c));
                }
            }
            return new Reference(Matrix.of(x), truth, column(result, "init_label"), column(result, "label"),
                Matrix.of(p), Fixtures.readCsv(prefix + "_params.csv"), Fixtures.readCsv(prefix + "_stats.csv").get(0));
        }

        private static int[] column(final List<Map<String, String>> rows, final String name) {
            return rows.stream().mapToInt(r -> Integer.parseInt(r.get(name))).toArray();
        }

        double stat(final String name) {
            return Double.parseDouble(stats.get(name));
        }

        int k() {
            return components.size();
        }

        Parameters parameters(final CovarianceType type) {
            return new Parameters(k(), type, Init.KMEANS, Integer.parseInt(stats.get("max_iter")), stat("tol"), 1e-6,
                1, 0L);
        }
    }

    private static double relative(final double expected, final double actual) {
        return Math.abs(expected - actual) / Math.max(1.0, Math.abs(expected));
    }

    /** Compares weights, means and covariances component by component (components in the same order). */
    private static void assertParametersClose(final Reference ref, final GaussianMixtureModel model,
        final int[] componentOf, final double tolerance) {
        final int d = model.featureCount();
        for (int c = 0; c < ref.k(); c++) {
            final Map<String, String> expected = ref.components().get(c);
            final int ours = componentOf[c];
            assertEquals(Double.parseDouble(expected.get("weight")), model.weights()[ours], tolerance, "weight " + c);
            for (int j = 0; j < d; j++) {
                assertEquals(Double.parseDouble(expected.get("m" + j)), model.means().get(ours, j),
                    tolerance * Math.max(1, Math.abs(model.means().get(ours, j))), "mean " + c + "," + j);
            }
            final Matrix cov = model.covariance(ours);
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    final String key = switch (model.covarianceType()) {
                        case FULL -> "c" + a + b;
                        case DIAGONAL -> a == b ? "c" + a : null;
                        case SPHERICAL -> a == b ? "c" : null;
                    };
                    final double want = key == null ? 0.0 : Double.parseDouble(expected.get(key));
                    assertEquals(want, cov.get(a, b), tolerance * Math.max(1, Math.abs(want)),
                        "covariance " + c + " (" + a + "," + b + ")");
                }
            }
        }
    }

    /** For each reference component, the model component holding most of its rows. */
    private static int[] matchComponents(final int[] reference, final int[] ours, final int k) {
        final int[][] counts = new int[k][k];
        for (int i = 0; i < reference.length; i++) {
            counts[reference[i]][ours[i]]++;
        }
        final int[] map = new int[k];
        for (int c = 0; c < k; c++) {
            for (int o = 1; o < k; o++) {
                if (counts[c][o] > counts[c][map[c]]) {
                    map[c] = o;
                }
            }
        }
        return map;
    }

    /**
     * The default fit (our own k-means initialisation) on well-separated blobs: the partition equals scikit-learn's
     * and the truth (ARI ≥ 0.99); parameters within 1e-6 (relative), the lower bound, log-likelihood, BIC and AIC
     * within 1e-6 relative: on separated blobs the responsibilities are 0/1 and both EMs reach the same fixed point.
     */
    @ParameterizedTest
    @EnumSource(CovarianceType.class)
    void separatedBlobsAgreeWithScikitLearn(final CovarianceType type) {
        final Reference ref = Reference.load("separated", type);
        final Parameters parameters = ref.parameters(type).withCovarianceType(type);
        final GaussianMixtureModel model = GaussianMixture.fit(ref.data(), parameters, Progress.NONE);
        assertTrue(ClusteringScores.adjustedRandIndex(ref.labels(), model.labels()) >= 0.99);
        assertTrue(ClusteringScores.adjustedRandIndex(ref.truth(), model.labels()) >= 0.99);
        assertTrue(model.converged());
        assertParametersClose(ref, model, matchComponents(ref.labels(), model.labels(), ref.k()), 1e-6);
        assertEquals(0, relative(ref.stat("lower_bound"), model.statistics().lowerBound()), 1e-6);
        assertEquals(0, relative(ref.stat("score"), model.statistics().logLikelihood()), 1e-6);
        assertEquals(0, relative(ref.stat("bic"), model.bic()), 1e-6);
        assertEquals(0, relative(ref.stat("aic"), model.aic()), 1e-6);
    }

    /**
     * From scikit-learn's initial k-means labels on overlapping blobs (tol 1e-8, 26–46 iterations), the lower bound
     * after every iteration m (fits with max_iter = m, as the fixture does) matches scikit-learn's to 1e-9 relative;
     * the final model has the same number of iterations, labels, posteriors (1e-7), parameters (1e-7) and BIC/AIC.
     */
    @ParameterizedTest
    @EnumSource(CovarianceType.class)
    void emTrajectoryFollowsScikitLearnFromTheSameInitialisation(final CovarianceType type) {
        final Reference ref = Reference.load("overlap", type);
        final Parameters parameters = ref.parameters(type);
        final String[] trajectory = ref.stats().get("lower_bound_trajectory").split(" ");
        for (int m = 1; m <= trajectory.length; m++) {
            final Parameters truncated = new Parameters(ref.k(), type, Init.KMEANS, m, parameters.tolerance(), 1e-6,
                1, 0L);
            final GaussianMixtureModel partial =
                GaussianMixture.fitFromLabels(ref.data(), truncated, ref.initLabels(), Progress.NONE);
            assertEquals(0, relative(Double.parseDouble(trajectory[m - 1]), partial.statistics().lowerBound()), 1e-9,
                "lower bound after " + m + " iterations");
        }
        final GaussianMixtureModel model =
            GaussianMixture.fitFromLabels(ref.data(), parameters, ref.initLabels(), Progress.NONE);
        assertEquals(Integer.parseInt(ref.stats().get("n_iter")), model.statistics().iterations());
        assertTrue(model.converged());
        assertArrayEquals(ref.labels(), model.labels());
        final int[] identity = {0, 1, 2};
        assertParametersClose(ref, model, identity, 1e-7);
        final Matrix p = model.assign(ref.data()).probabilities();
        for (int i = 0; i < ref.data().rows(); i++) {
            for (int c = 0; c < ref.k(); c++) {
                assertEquals(ref.probabilities().get(i, c), p.get(i, c), 1e-7, "posterior " + i + "," + c);
            }
        }
        assertEquals(0, relative(ref.stat("lower_bound"), model.statistics().lowerBound()), 1e-9);
        assertEquals(0, relative(ref.stat("score"), model.statistics().logLikelihood()), 1e-9);
        assertEquals(0, relative(ref.stat("bic"), model.bic()), 1e-9);
        assertEquals(0, relative(ref.stat("aic"), model.aic()), 1e-9);
    }

    private static Matrix blobs(final int n, final int d, final int k, final long seed) {
        final Random random = new Random(seed);
        final double[][] centres = new double[k][d];
        for (final double[] c : centres) {
            for (int j = 0; j < d; j++) {
                c[j] = random.nextDouble() * 40 - 20;
            }
        }
        final double[] values = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                values[i * d + j] = centres[i % k][j] + random.nextGaussian();
            }
        }
        return Matrix.wrap(n, d, values);
    }

    @Test
    void assigningTheTrainingRowsGivesTheTrainingLabelsAndProbabilitiesSumToOne() {
        final Matrix data = blobs(500, 4, 3, 5);
        for (final CovarianceType type : CovarianceType.values()) {
            final GaussianMixtureModel model =
                GaussianMixture.fit(data, Parameters.defaults(3).withCovarianceType(type), Progress.NONE);
            final Assignment a = model.assign(data);
            assertArrayEquals(model.labels(), a.labels());
            for (int i = 0; i < data.rows(); i++) {
                double sum = 0;
                for (int c = 0; c < 3; c++) {
                    sum += a.probabilities().get(i, c);
                }
                assertEquals(1.0, sum, 1e-12);
                assertTrue(a.distances()[i] >= 0);
            }
        }
    }

    @Test
    void sameSeedGivesTheSameModelAndRestartsKeepTheBestLowerBound() {
        final Matrix data = blobs(600, 3, 4, 11);
        final Parameters p = new Parameters(4, CovarianceType.DIAGONAL, Init.RANDOM, 100, 1e-3, 1e-6, 3, 7L);
        final GaussianMixtureModel a = GaussianMixture.fit(data, p, Progress.NONE);
        final GaussianMixtureModel b = GaussianMixture.fit(data, p, Progress.NONE);
        assertArrayEquals(a.labels(), b.labels());
        assertArrayEquals(a.weights(), b.weights());
        assertArrayEquals(a.covariances(), b.covariances());
        assertEquals(a.statistics(), b.statistics());
        // Each single restart's seed is drawn from the same seed sequence, so the best of three is at least as good.
        for (int r = 1; r <= 3; r++) {
            final GaussianMixtureModel single = GaussianMixture.fit(data,
                new Parameters(4, CovarianceType.DIAGONAL, Init.RANDOM, 100, 1e-3, 1e-6, r, 7L), Progress.NONE);
            assertTrue(a.statistics().lowerBound() >= single.statistics().lowerBound());
        }
        final GaussianMixtureModel other = GaussianMixture.fit(data,
            new Parameters(4, CovarianceType.DIAGONAL, Init.RANDOM, 2, 1e-3, 1e-6, 1, 8L), Progress.NONE);
        assertNotEquals(a.statistics(), other.statistics());
    }

    @Test
    void theResultDoesNotDependOnTheNumberOfThreads() throws Exception {
        final Matrix data = blobs(5000, 3, 3, 12); // several blocks of rows
        for (final CovarianceType type : CovarianceType.values()) {
            final Parameters p = new Parameters(3, type, Init.RANDOM, 20, 0.0, 1e-6, 1, 3L);
            final GaussianMixtureModel one = new java.util.concurrent.ForkJoinPool(1)
                .submit(() -> GaussianMixture.fit(data, p, Progress.NONE)).get();
            final GaussianMixtureModel four = new java.util.concurrent.ForkJoinPool(4)
                .submit(() -> GaussianMixture.fit(data, p, Progress.NONE)).get();
            assertEquals(one.statistics(), four.statistics(), type.name());
            assertArrayEquals(one.covariances(), four.covariances(), 0.0, type.name());
            assertEquals(one.means(), four.means(), type.name());
        }
    }

    @Test
    void notConvergingGivesAWarning() {
        final Matrix data = blobs(300, 2, 3, 3);
        final GaussianMixtureModel model = GaussianMixture.fit(data,
            new Parameters(3, CovarianceType.FULL, Init.RANDOM, 1, 0.0, 1e-6, 1, 1L), Progress.NONE);
        assertFalse(model.converged());
        assertEquals(1, model.statistics().iterations());
        assertTrue(model.warning().orElseThrow().contains("did not converge within 1 EM iterations"));
        assertTrue(model.summary().contains("warning"));
        assertTrue(GaussianMixture.fit(data, Parameters.defaults(3), Progress.NONE).warning().isEmpty());
    }

    @Test
    void saveAndReadGiveAnEqualModel() throws IOException {
        final Matrix data = blobs(200, 3, 2, 9);
        for (final CovarianceType type : CovarianceType.values()) {
            final GaussianMixtureModel model =
                GaussianMixture.fit(data, Parameters.defaults(2).withCovarianceType(type), Progress.NONE);
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            ClusterModels.write(model, out);
            final ClusterModel read = ClusterModels.read(new ByteArrayInputStream(out.toByteArray()));
            assertTrue(read instanceof GaussianMixtureModel);
            final GaussianMixtureModel copy = (GaussianMixtureModel)read;
            assertEquals(model.parameters(), copy.parameters());
            assertEquals(model.statistics(), copy.statistics());
            assertArrayEquals(model.labels(), copy.labels());
            assertArrayEquals(model.covariances(), copy.covariances());
            assertEquals(model.means(), copy.means());
            assertEquals(model.summary(), copy.summary());
            assertEquals(model.assign(data).probabilities(), copy.assign(data).probabilities());
        }
    }

    @Test
    void summaryNamesTheStatistics() {
        final GaussianMixtureModel model = GaussianMixture.fit(blobs(100, 2, 2, 1), Parameters.defaults(2),
            Progress.NONE);
        final String summary = model.summary();
        assertTrue(summary.contains("BIC"), summary);
        assertTrue(summary.contains("AIC"), summary);
        assertTrue(summary.contains("full covariances"), summary);
        assertEquals(2 * 3 + 2 * 2 + 1, model.freeParameters()); // k·d(d+1)/2 + k·d + k − 1
    }

    // ---------------------------------------------------------------- bad and degenerate input

    @Test
    void invalidSettingsAreRefusedWithTheirName() {
        final Matrix data = blobs(50, 2, 2, 1);
        assertMessage(() -> GaussianMixture.fit(data, Parameters.defaults(0), Progress.NONE), "k must be at least 1");
        assertMessage(() -> GaussianMixture.fit(data, Parameters.defaults(51), Progress.NONE),
            "larger than the number of rows (50)");
        assertMessage(() -> GaussianMixture.fit(data, new Parameters(2, CovarianceType.FULL, Init.KMEANS, 0, 1e-3,
            1e-6, 1, 1L), Progress.NONE), "max iterations");
        assertMessage(() -> GaussianMixture.fit(data, new Parameters(2, CovarianceType.FULL, Init.KMEANS, 10, -1,
            1e-6, 1, 1L), Progress.NONE), "tolerance");
        assertMessage(() -> GaussianMixture.fit(data, new Parameters(2, CovarianceType.FULL, Init.KMEANS, 10, 1e-3,
            Double.NaN, 1, 1L), Progress.NONE), "reg_covar");
        assertMessage(() -> GaussianMixture.fit(data, new Parameters(2, CovarianceType.FULL, Init.KMEANS, 10, 1e-3,
            1e-6, 0, 1L), Progress.NONE), "restarts");
    }

    @Test
    void badDataIsRefusedWithAClearMessage() {
        assertMessage(() -> GaussianMixture.fit(Matrix.of(new double[][] {{1, 2}}), Parameters.defaults(1),
            Progress.NONE), "at least 2 rows");
        assertMessage(() -> GaussianMixture.fit(Matrix.of(new double[0][]), Parameters.defaults(1),
            Progress.NONE), "at least 2 rows");
        assertMessage(() -> GaussianMixture.fit(Matrix.wrap(3, 0, new double[0]), Parameters.defaults(1),
            Progress.NONE), "no columns");
        assertMessage(() -> GaussianMixture.fit(Matrix.of(new double[][] {{1, 2}, {3, Double.NaN}, {4, 5}}),
            Parameters.defaults(1), Progress.NONE), "NaN at row 1, column 1");
        final Matrix withInfinity = Matrix.of(new double[][] {{1, 2}, {3, 4}, {4, Double.POSITIVE_INFINITY}});
        assertMessage(() -> GaussianMixture.fit(withInfinity, Parameters.defaults(1), Progress.NONE),
            "Infinity at row 2, column 1");
        assertMessage(() -> GaussianMixture.fitFromLabels(Matrix.of(new double[][] {{1}, {2}, {3}}),
            Parameters.defaults(2), new int[] {0, 2, 1}, Progress.NONE), "initial label 2 of row 1");
    }

    @Test
    void identicalPointsAndConstantColumnsStayPositiveDefiniteThroughTheRegularisation() {
        final double[][] same = new double[20][];
        for (int i = 0; i < same.length; i++) {
            same[i] = new double[] {3.5, -1.0, 1e6};
        }
        final GaussianMixtureModel one = GaussianMixture.fit(Matrix.of(same), Parameters.defaults(1),
            Progress.NONE);
        assertArrayEquals(new double[] {3.5, -1.0, 1e6}, one.means().row(0), 1e-9);
        final Matrix cov = one.covariance(0);
        for (int j = 0; j < 3; j++) {
            assertEquals(1e-6, cov.get(j, j), 1e-9); // reg_covar alone: positive definite
        }
        assertTrue(Double.isFinite(one.bic()));
        // 2 components need 2 distinct rows: the message says what to do.
        assertMessage(() -> GaussianMixture.fit(Matrix.of(same), Parameters.defaults(2), Progress.NONE),
            "larger than the number of distinct rows (1)");
        // A constant column among varying ones, every covariance type.
        final Matrix blobs = blobs(300, 3, 3, 4);
        final double[][] rows = blobs.toRowArrays();
        for (final double[] row : rows) {
            row[1] = 42.0;
        }
        for (final CovarianceType type : CovarianceType.values()) {
            final GaussianMixtureModel model = GaussianMixture.fit(Matrix.of(rows),
                Parameters.defaults(3).withCovarianceType(type), Progress.NONE);
            assertTrue(Double.isFinite(model.statistics().logLikelihood()), type.name());
            assertEquals(42.0, model.means().get(0, 1), 1e-9);
        }
        // Without regularisation the full covariance is singular: refused, naming the setting.
        assertMessage(() -> GaussianMixture.fit(Matrix.of(rows), new Parameters(3, CovarianceType.FULL, Init.KMEANS,
            100, 1e-3, 0.0, 1, 1L), Progress.NONE), "reg_covar");
    }

    @Test
    void assigningRowsWithTheWrongShapeOrNaNIsRefused() {
        final GaussianMixtureModel model = GaussianMixture.fit(blobs(100, 2, 2, 1), Parameters.defaults(2),
            Progress.NONE);
        assertMessage(() -> model.assign(Matrix.of(new double[][] {{1, 2, 3}})), "fitted on 2 columns");
        assertMessage(() -> model.assign(Matrix.of(new double[][] {{1, Double.NaN}})), "NaN");
    }

    @Test
    void reportsProgressAndCancelsBetweenIterations() {
        final Matrix data = blobs(400, 2, 3, 2);
        final AtomicInteger checks = new AtomicInteger();
        final AtomicInteger reports = new AtomicInteger();
        final Progress cancelAfterThree = new Progress() {
            @Override
            public void report(final double fraction, final String message) {
                assertTrue(fraction >= 0 && fraction <= 1);
                reports.incrementAndGet();
            }

            @Override
            public void checkCancelled() {
                if (checks.incrementAndGet() > 3) {
                    throw new CancelledException();
                }
            }
        };
        assertThrows(CancelledException.class, () -> GaussianMixture.fit(data,
            new Parameters(3, CovarianceType.FULL, Init.RANDOM, 100, 0.0, 1e-6, 1, 1L), cancelAfterThree));
        assertEquals(4, checks.get());
        assertTrue(reports.get() >= 2);
    }

    private static void assertMessage(final org.junit.jupiter.api.function.Executable call, final String part) {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), () -> "\"" + e.getMessage() + "\" should contain \"" + part + "\"");
    }
}
