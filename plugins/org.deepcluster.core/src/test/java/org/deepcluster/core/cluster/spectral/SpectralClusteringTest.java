package org.deepcluster.core.cluster.spectral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.deepcluster.core.Fixtures;
import org.deepcluster.core.cluster.Assignment;
import org.deepcluster.core.cluster.ClusterModels;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.metrics.ClusteringScores;
import org.deepcluster.core.progress.CancelledException;
import org.deepcluster.core.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Spectral clustering against scikit-learn's SpectralClustering and spectral_embedding (fixtures). */
class SpectralClusteringTest {

    static Matrix dataset(final String name) {
        final List<double[]> rows = new ArrayList<>();
        for (final Map<String, String> r : Fixtures.readCsv("spectral/data.csv")) {
            if (r.get("dataset").equals(name)) {
                rows.add(new double[]{Double.parseDouble(r.get("x0")), Double.parseDouble(r.get("x1")),
                    Double.parseDouble(r.get("x2"))});
            }
        }
        return Matrix.of(rows.toArray(double[][]::new));
    }

    /** denseLimit 0 forces ARPACK; the default solves these 150-row graphs directly. */
    @ParameterizedTest(name = "dense limit {0}")
    @ValueSource(ints = {0, SymmetricEigen.DENSE_LIMIT})
    void partitionsAgreeWithScikitLearn(final int denseLimit) {
        int checked = 0;
        for (final Map<String, String> r : Fixtures.readCsv("spectral/labels.csv")) {
            final SpectralClustering.Parameters p = SpectralClustering.Parameters
                .defaults(Integer.parseInt(r.get("k"))).withAffinity(Affinity.fromId(r.get("affinity")))
                .withNeighbors(Integer.parseInt(r.get("n_neighbors"))).withGamma(Double.parseDouble(r.get("gamma")));
            final SpectralModel model = SpectralClustering.fit(dataset(r.get("dataset")), p, denseLimit,
                Progress.NONE);
            final double ari = ClusteringScores.adjustedRandIndex(Fixtures.parseInts(r.get("labels")), model.labels());
            assertTrue(ari >= 0.99, r.get("dataset") + " " + r.get("affinity") + ": ARI " + ari);
            checked++;
        }
        assertEquals(3, checked);
    }

    @ParameterizedTest(name = "dense limit {0}")
    @ValueSource(ints = {0, SymmetricEigen.DENSE_LIMIT})
    void embeddingEqualsScikitLearnsSpectralEmbedding(final int denseLimit) {
        final Matrix x = dataset("moons");
        final int n = x.rows();
        final double[] flat = new double[n * 3];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x.row(i), 0, flat, i * 3, 3);
        }
        final AffinityGraph graph = AffinityGraph.nearestNeighbors(flat, n, 3, 10, Progress.NONE);
        assertEquals(1, graph.components());
        final SymmetricEigen.Result eigen = SymmetricEigen.largest(graph, 2, denseLimit, 42, Progress.NONE);
        assertEquals(1.0, eigen.values()[0], 1e-10, "the constant vector's eigenvalue");
        final List<Map<String, String>> expected = Fixtures.readCsv("spectral/embedding.csv");
        for (int j = 0; j < 2; j++) {
            final double[] v = eigen.vectors()[j];
            // compare up to the sign, which scikit-learn fixes after the same division
            double sign = 0;
            for (int i = 0; i < n; i++) {
                final double mine = v[i] / graph.sqrtDegree()[i];
                final double theirs = Double.parseDouble(expected.get(i).get("e" + j));
                if (sign == 0 && Math.abs(theirs) > 1e-3) {
                    sign = Math.signum(mine) * Math.signum(theirs);
                }
                assertEquals(theirs, sign == 0 ? mine : sign * mine, 1e-7, "vector " + j + " row " + i);
            }
        }
    }

    @Test
    void warnsAboutADisconnectedGraphLikeScikitLearn() {
        final SpectralModel blobs = SpectralClustering.fit(dataset("blobs"), SpectralClustering.Parameters.defaults(3),
            Progress.NONE);
        assertEquals(3, blobs.components());
        assertEquals("the nearest-neighbour graph has 3 disconnected parts, so the spectral embedding may not work as "
            + "expected: raise the number of neighbours", blobs.warning());
        assertTrue(blobs.summary().contains("warning: the nearest-neighbour graph has 3 disconnected parts"));
        final SpectralModel moons = SpectralClustering.fit(dataset("moons"), SpectralClustering.Parameters.defaults(2),
            Progress.NONE);
        assertNull(moons.warning());
        assertEquals(1, moons.components());
        assertEquals(0.0, moons.laplacianEigenvalues()[0], 1e-10);
    }

    @Test
    void isDeterministicOnTheArpackPath() {
        final Matrix x = randomRows(900, 4, 2);
        final SpectralClustering.Parameters p = SpectralClustering.Parameters.defaults(3).withNeighbors(15);
        final SpectralModel a = SpectralClustering.fit(x, p, Progress.NONE);
        final SpectralModel b = SpectralClustering.fit(x, p, Progress.NONE);
        assertArrayEquals(a.labels(), b.labels());
        assertArrayEquals(a.laplacianEigenvalues(), b.laplacianEigenvalues());
        assertTrue(ClusteringScores.adjustedRandIndex(truth(900), a.labels()) > 0.95,
            "three separated groups are found");
    }

    @Test
    void assignsNewRowsByAVoteOfTheNearestTrainingRows() {
        final SpectralModel model = SpectralClustering.fit(dataset("moons"), SpectralClustering.Parameters.defaults(2),
            Progress.NONE);
        final Matrix training = dataset("moons");
        final Assignment a = model.assign(training);
        final int[] labels = model.labels();
        int same = 0;
        for (int i = 0; i < labels.length; i++) {
            same += a.labels()[i] == labels[i] ? 1 : 0;
            double total = 0;
            for (int j = 0; j < 2; j++) {
                total += a.probabilities().get(i, j);
            }
            assertEquals(1.0, total, 1e-12);
            if (a.labels()[i] == labels[i]) {
                assertEquals(0.0, a.distances()[i], "a training row is at distance 0 from itself");
            }
        }
        assertTrue(same >= 148, same + " of 150 training rows keep their cluster");
        assertThrows(IllegalArgumentException.class, () -> model.assign(Matrix.of(new double[][]{{1, 2}})));
    }

    @Test
    void aTiedVoteGoesToTheClusterWithTheNearerVoters() {
        final SpectralModel model = new SpectralModel(SpectralClustering.Parameters.defaults(2).withNeighbors(4),
            Matrix.of(new double[][]{{0}, {1}, {10}, {11}}), new int[]{0, 0, 1, 1}, new double[]{0, 0.5}, 1);
        final Assignment a = model.assign(Matrix.of(new double[][]{{4}, {6.5}, {-3}}));
        assertArrayEquals(new int[]{0, 1, 0}, a.labels());
        assertEquals(0.5, a.probabilities().get(0, 1), 1e-12);
        assertArrayEquals(new double[]{3, 3.5, 3}, a.distances(), 1e-12);
    }

    @Test
    void savedModelsReadBackEqual() throws IOException {
        final SpectralModel model = SpectralClustering.fit(dataset("blobs"),
            SpectralClustering.Parameters.defaults(3).withAffinity(Affinity.RBF).withGamma(0.1), Progress.NONE);
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        ClusterModels.write(model, out);
        final SpectralModel back = (SpectralModel)ClusterModels.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(model.parameters(), back.parameters());
        assertArrayEquals(model.labels(), back.labels());
        assertEquals(model.summary(), back.summary());
        final Matrix probe = randomRows(30, 3, 8);
        assertArrayEquals(model.assign(probe).labels(), back.assign(probe).labels());
    }

    @Test
    void refusesBadSettingsAndData() {
        final Matrix x = randomRows(20, 2, 1);
        final SpectralClustering.Parameters p = SpectralClustering.Parameters.defaults(2);
        assertMessage("the number of clusters k must be at least 1, got 0", x, SpectralClustering.Parameters.defaults(0));
        assertMessage("the number of neighbours must be at least 2 (the row itself and one more), got 1", x,
            p.withNeighbors(1));
        assertMessage("gamma must be a finite number > 0, got -1.0", x, p.withGamma(-1));
        assertMessage("gamma must be a finite number > 0, got NaN", x, p.withGamma(Double.NaN));
        assertMessage("the affinity must be set (nearest_neighbors or rbf)", x, p.withAffinity(null));
        assertMessage("the memory limit must be at least 1 MB, got 0", x, p.withMemoryLimitMb(0));
        assertMessage("the number of clusters k (21) is larger than the number of rows (20): lower k or provide more "
            + "rows", x, SpectralClustering.Parameters.defaults(21));
        assertMessage("the number of neighbours (30) is larger than the number of rows (20): lower it to at most 20",
            x, p.withNeighbors(30));
        assertMessage("the data has 1 row: spectral clustering needs at least 2 rows", Matrix.of(new double[][]{{1}}),
            SpectralClustering.Parameters.defaults(1).withNeighbors(2));
        assertMessage("the data has no columns: select at least one numeric column", Matrix.wrap(3, 0, new double[0]),
            p.withNeighbors(2));
        assertMessage("the data contains Infinity at row 0, column 1: only finite values are allowed",
            Matrix.of(new double[][]{{1, Double.POSITIVE_INFINITY}, {2, 2}, {3, 3}}), p.withNeighbors(2));
        assertMessage("all rows are identical: spectral clustering needs rows that differ",
            Matrix.of(new double[][]{{1, 1}, {1, 1}, {1, 1}}), SpectralClustering.Parameters.defaults(1).withNeighbors(2));
        assertMessage("the number of clusters k (3) is larger than the number of distinct rows (2): lower k or provide "
            + "more varied rows", Matrix.of(new double[][]{{1, 1}, {1, 1}, {2, 1}, {2, 1}}),
            SpectralClustering.Parameters.defaults(3).withNeighbors(2));
    }

    @Test
    void refusesAGammaThatDisconnectsEveryRow() {
        assertMessage("gamma (1.00000e+06) is so large for the scale of the data that no two rows are similar (every "
            + "RBF affinity is 0): lower gamma, e.g. to about 1 / (number of columns × variance of the columns)",
            randomRows(50, 2, 1), SpectralClustering.Parameters.defaults(2).withAffinity(Affinity.RBF).withGamma(1e6));
    }

    @Test
    void refusesADenseRbfMatrixAboveTheMemoryLimit() {
        final Matrix x = randomRows(2000, 2, 3);
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpectralClustering.fit(
            x, SpectralClustering.Parameters.defaults(3).withAffinity(Affinity.RBF).withMemoryLimitMb(20),
            Progress.NONE));
        assertEquals("the RBF affinity of 2,000 rows needs a dense matrix of 31 MB, more than the memory limit of "
            + "20 MB: raise the memory limit setting (and the Java heap, -Xmx in knime.ini, if needed), cluster a sample "
            + "of the rows, or use the nearest_neighbors affinity (sparse)", e.getMessage());
        assertEquals(0, SpectralClustering.matrixBytes(2000, Affinity.NEAREST_NEIGHBORS));
    }

    @Test
    void canBeCancelledInEveryStage() {
        final Matrix x = randomRows(1500, 3, 4);
        for (final int after : new int[]{1, 3, 20}) {
            final AtomicInteger checks = new AtomicInteger();
            assertThrows(CancelledException.class, () -> SpectralClustering.fit(x,
                SpectralClustering.Parameters.defaults(3), new Progress() {
                    @Override
                    public void report(final double fraction, final String message) {
                    }

                    @Override
                    public void checkCancelled() {
                        if (checks.incrementAndGet() > after) {
                            throw new CancelledException();
                        }
                    }
                }), "cancelled after " + after + " checks");
        }
    }

    private static void assertMessage(final String expected, final Matrix x, final SpectralClustering.Parameters p) {
        assertEquals(expected,
            assertThrows(IllegalArgumentException.class, () -> SpectralClustering.fit(x, p, Progress.NONE))
                .getMessage());
    }

    private static int[] truth(final int n) {
        final int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = i % 3;
        }
        return t;
    }

    /** Three Gaussian groups (row i in group i % 3), centres 6 apart. */
    static Matrix randomRows(final int n, final int d, final long seed) {
        final Random random = new Random(seed);
        final double[] v = new double[n * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextGaussian() + (i / d % 3) * 6;
        }
        return Matrix.wrap(n, d, v);
    }
}
