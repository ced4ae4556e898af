package org.deepcluster.core.cluster.density;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.deepcluster.core.cluster.ClusterModel;
import org.deepcluster.core.cluster.ClusterModels;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.metrics.ClusteringScores;
import org.deepcluster.core.progress.CancelledException;
import org.deepcluster.core.progress.Progress;
import org.junit.jupiter.api.Test;

/**
 * HDBSCAN has no reference implementation here (scikit-learn 1.2.1 has none, the hdbscan package is not installed):
 * these tests check a worked example and properties.
 */
class HdbscanTest {

    private static Matrix column(final double... values) {
        final double[][] rows = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            rows[i] = new double[]{values[i]};
        }
        return Matrix.of(rows);
    }

    /**
     * Worked by hand (minClusterSize = minSamples = 2): core distances 1 1 1 2 1 1 1 18; mutual-reachability MST
     * edges 1, 1, 2 (row 3), 1, 1, 6 (between the groups), 18 (row 7): weight 30. The root splits at distance 6
     * into {0,1,2,3} (born λ = 1/6) and {4,5,6}; row 7 leaves the root at λ = 1/18 (noise). Row 3 leaves its
     * cluster at λ = 1/2, the others at λ = 1, so row 3's probability is 0.5 and its GLOSH score (1 − 0.5)/1; row 7's
     * score is (1 − 1/18)/1.
     */
    @Test
    void workedExample() {
        final HdbscanModel model = Hdbscan.fit(column(0, 1, 2, 4, 10, 11, 12, 30), new Hdbscan.Parameters(2, 2, 0,
            false), Progress.NONE);
        assertArrayEquals(new int[]{0, 0, 0, 0, 1, 1, 1, ClusterModel.NOISE}, model.labels());
        assertArrayEquals(new double[]{1, 1, 1, 2, 1, 1, 1, 18}, model.coreDistances(), 1e-12);
        assertEquals(30, model.mstWeight(), 1e-12);
        assertArrayEquals(new double[]{1, 1, 1, 0.5, 1, 1, 1, 0}, model.probabilities(), 1e-12);
        assertArrayEquals(new double[]{0, 0, 0, 0.5, 0, 0, 0, 1 - 1.0 / 18}, model.outlierScores(), 1e-12);
        // New rows: 1.5 sits in the first cluster; 8 is 2 from row 10 (mr 2 ≤ birth distance 6) -> cluster 1;
        // 100 is far from everything -> noise.
        assertArrayEquals(new int[]{0, 1, ClusterModel.NOISE}, model.assign(column(1.5, 8, 100)).labels());
    }

    @Test
    void selectionEpsilonAndSingleCluster() {
        final Matrix data = column(0, 1, 2, 4, 10, 11, 12, 30);
        // Both clusters were born at distance 6 < 7: merged upwards, but their parent is the root, so without
        // allowSingleCluster the leaves stay (the library's traverse_upwards).
        assertArrayEquals(new int[]{0, 0, 0, 0, 1, 1, 1, -1}, Hdbscan.fit(data, new Hdbscan.Parameters(2, 2, 7,
            false), Progress.NONE).labels());
        // With allowSingleCluster the root is selected; rows count only if they stay beyond λ = 1/7.
        assertArrayEquals(new int[]{0, 0, 0, 0, 0, 0, 0, -1}, Hdbscan.fit(data, new Hdbscan.Parameters(2, 2, 7,
            true), Progress.NONE).labels());
        // One tight group: without allowSingleCluster it cannot be a cluster; with it, it is.
        final Matrix one = column(0, 0.1, 0.2, 0.3, 0.4, 0.5, 5);
        assertEquals(0, Hdbscan.fit(one, Hdbscan.Parameters.defaults(3), Progress.NONE).clusterCount());
        final HdbscanModel single = Hdbscan.fit(one, new Hdbscan.Parameters(3, 0, 0, true), Progress.NONE);
        assertEquals(1, single.clusterCount());
        assertEquals(ClusterModel.NOISE, single.labels()[6]);
    }

    @Test
    void mstWeightEqualsBruteForceMst() {
        final Random random = new Random(4);
        for (final int minSamples : new int[]{1, 3, 7}) {
            final int n = 150;
            final int d = 3;
            final double[][] rows = new double[n][d];
            for (final double[] row : rows) {
                for (int j = 0; j < d; j++) {
                    row[j] = random.nextGaussian() * (random.nextBoolean() ? 1 : 4);
                }
            }
            final HdbscanModel model = Hdbscan.fit(Matrix.of(rows), new Hdbscan.Parameters(5, minSamples, 0, false),
                Progress.NONE);
            // Independent: core distances by sorting, MST by Kruskal over all pairs.
            final double[] core = new double[n];
            for (int i = 0; i < n; i++) {
                final double[] dist = new double[n];
                for (int j = 0; j < n; j++) {
                    dist[j] = dist(rows[i], rows[j]);
                }
                Arrays.sort(dist);
                core[i] = dist[minSamples - 1];
            }
            assertArrayEquals(core, model.coreDistances(), 1e-12);
            final List<double[]> edges = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    edges.add(new double[]{Math.max(dist(rows[i], rows[j]), Math.max(core[i], core[j])), i, j});
                }
            }
            edges.sort((a, b) -> Double.compare(a[0], b[0]));
            final int[] parent = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
            }
            double weight = 0;
            for (final double[] e : edges) {
                final int a = root(parent, (int)e[1]);
                final int b = root(parent, (int)e[2]);
                if (a != b) {
                    parent[a] = b;
                    weight += e[0];
                }
            }
            assertEquals(weight, model.mstWeight(), 1e-9 * weight, "minSamples " + minSamples);
        }
    }

    private static int root(final int[] parent, int i) {
        while (parent[i] != i) {
            i = parent[i];
        }
        return i;
    }

    private static double dist(final double[] a, final double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += (a[j] - b[j]) * (a[j] - b[j]);
        }
        return Math.sqrt(s);
    }

    @Test
    void recoversBlobsWithNoiseAndRespectsMinClusterSize() {
        final int[] truth = new int[1650];
        final Matrix data = DensityFixtures.blobs(1600, 32, 4, 1.0, 50, 2, truth);
        final HdbscanModel model = Hdbscan.fit(data, Hdbscan.Parameters.defaults(15), Progress.NONE);
        final int[] labels = model.labels();
        assertEquals(4, model.clusterCount());
        assertTrue(ClusteringScores.adjustedRandIndex(Arrays.copyOf(truth, 1600), Arrays.copyOf(labels, 1600)) >= 0.99);
        int noiseFound = 0;
        for (int i = 1600; i < 1650; i++) {
            noiseFound += labels[i] == ClusterModel.NOISE ? 1 : 0;
        }
        assertTrue(noiseFound >= 45, noiseFound + " of 50 background rows are noise");
        final double[] p = model.probabilities();
        final double[] s = model.outlierScores();
        for (int i = 0; i < labels.length; i++) {
            assertTrue(p[i] >= 0 && p[i] <= 1 && s[i] >= 0 && s[i] <= 1);
            assertEquals(labels[i] == ClusterModel.NOISE, p[i] == 0, "probability 0 exactly for noise, row " + i);
        }
        // Mostly, new copies of the training rows land in their own cluster.
        final int[] assigned = model.assign(data).labels();
        int same = 0;
        int clustered = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != ClusterModel.NOISE) {
                clustered++;
                same += assigned[i] == labels[i] ? 1 : 0;
            }
        }
        assertTrue(same >= 0.99 * clustered, same + " of " + clustered);
        // minClusterSize is respected for every setting tried.
        for (final int mcs : new int[]{5, 40, 300, 500}) {
            final HdbscanModel m = Hdbscan.fit(data, new Hdbscan.Parameters(mcs, 5, 0, false), Progress.NONE);
            for (final int size : m.clusterSizes()) {
                assertTrue(size >= mcs, "a cluster of " + size + " rows with minClusterSize " + mcs);
            }
        }
    }

    @Test
    void badInput() {
        final Matrix data = column(0, 1, 2, 3);
        assertMessage(() -> Hdbscan.fit(data, new Hdbscan.Parameters(1, 0, 0, false), Progress.NONE),
            "minClusterSize must be at least 2");
        assertMessage(() -> Hdbscan.fit(data, new Hdbscan.Parameters(5, 0, 0, false), Progress.NONE),
            "minClusterSize (5)");
        assertMessage(() -> Hdbscan.fit(data, new Hdbscan.Parameters(2, 5, 0, false), Progress.NONE),
            "minSamples (5)");
        assertMessage(() -> Hdbscan.fit(data, new Hdbscan.Parameters(2, -1, 0, false), Progress.NONE), "minSamples");
        assertMessage(() -> Hdbscan.fit(data, new Hdbscan.Parameters(2, 0, -1, false), Progress.NONE),
            "clusterSelectionEpsilon");
        assertMessage(() -> Hdbscan.fit(column(1, 1, 1), Hdbscan.Parameters.defaults(2), Progress.NONE),
            "identical");
        assertMessage(() -> Hdbscan.fit(column(1), Hdbscan.Parameters.defaults(2), Progress.NONE),
            "number of rows (1)");
        assertMessage(() -> Hdbscan.fit(column(1, Double.NaN, 2), Hdbscan.Parameters.defaults(2), Progress.NONE),
            "row 1, column 0");
        final HdbscanModel model = Hdbscan.fit(data, Hdbscan.Parameters.defaults(2), Progress.NONE);
        assertMessage(() -> model.assign(Matrix.of(new double[][]{{1, 2}})), "2 columns");
    }

    private static void assertMessage(final Runnable r, final String part) {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    @Test
    void duplicatesDoNotBreakTheTree() {
        // Exact duplicates give zero distances (λ = ∞); stability must stay a number.
        final Matrix data = column(0, 0, 0, 0, 5, 5, 5, 5, 5.1, 20);
        final HdbscanModel model = Hdbscan.fit(data, Hdbscan.Parameters.defaults(3), Progress.NONE);
        assertEquals(2, model.clusterCount());
        final int[] labels = model.labels();
        assertEquals(labels[0], labels[3]);
        assertEquals(labels[4], labels[8]);
        assertEquals(ClusterModel.NOISE, labels[9]);
        for (final double p : model.probabilities()) {
            assertTrue(p >= 0 && p <= 1);
        }
    }

    @Test
    void sameResultWithOneOrManyThreads() {
        final Matrix data = DensityFixtures.blobs(5000, 32, 5, 1.0, 200, 22, null);
        final Hdbscan.Parameters p = Hdbscan.Parameters.defaults(25);
        final HdbscanModel one = DensityFixtures.withThreads(1, () -> Hdbscan.fit(data, p, Progress.NONE));
        final HdbscanModel many = DensityFixtures.withThreads(5, () -> Hdbscan.fit(data, p, Progress.NONE));
        assertArrayEquals(one.labels(), many.labels());
        assertArrayEquals(one.probabilities(), many.probabilities());
        assertArrayEquals(one.outlierScores(), many.outlierScores());
        assertEquals(one.mstWeight(), many.mstWeight());
    }

    @Test
    void deterministicCancellableAndSavable() throws IOException {
        final Matrix data = DensityFixtures.blobs(2000, 4, 3, 1.0, 50, 8, null);
        final Hdbscan.Parameters p = Hdbscan.Parameters.defaults(10);
        final HdbscanModel a = Hdbscan.fit(data, p, Progress.NONE);
        final HdbscanModel b = Hdbscan.fit(data, p, Progress.NONE);
        assertArrayEquals(a.labels(), b.labels());
        assertArrayEquals(a.probabilities(), b.probabilities());
        final Progress cancelLater = DensityFixtures.cancelAfter(3);
        assertThrows(CancelledException.class, () -> Hdbscan.fit(data, p, cancelLater));
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        ClusterModels.write(a, out);
        final HdbscanModel back = (HdbscanModel)ClusterModels.read(new ByteArrayInputStream(out.toByteArray()));
        assertArrayEquals(a.labels(), back.labels());
        assertArrayEquals(a.probabilities(), back.probabilities());
        assertArrayEquals(a.outlierScores(), back.outlierScores());
        assertArrayEquals(a.assign(data).labels(), back.assign(data).labels());
        assertEquals(a.summary(), back.summary());
    }
}
