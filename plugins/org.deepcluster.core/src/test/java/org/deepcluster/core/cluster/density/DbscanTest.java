package org.deepcluster.core.cluster.density;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

import org.deepcluster.core.Fixtures;
import org.deepcluster.core.cluster.Assignment;
import org.deepcluster.core.cluster.ClusterModel;
import org.deepcluster.core.cluster.ClusterModels;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.metrics.ClusteringScores;
import org.deepcluster.core.progress.CancelledException;
import org.deepcluster.core.progress.Progress;
import org.junit.jupiter.api.Test;

class DbscanTest {

    @Test
    void agreesWithScikitLearnExactly() {
        for (final Map<String, String> c : Fixtures.readCsv("density/dbscan_cases.csv")) {
            final Matrix data = DensityFixtures.data(c.get("data"));
            final DbscanModel model = Dbscan.fit(data, new Dbscan.Parameters(Double.parseDouble(c.get("eps")),
                Integer.parseInt(c.get("min_samples"))), Progress.NONE);
            final int[] expected = Fixtures.parseInts(c.get("labels"));
            // Same numbering and the same border decisions, not only the same partition.
            assertArrayEquals(expected, model.labels(), c.get("case"));
            final String core = c.get("core");
            assertArrayEquals(core.isEmpty() ? new int[0] : Fixtures.parseInts(core), model.coreRows(), c.get("case"));
            assertTrue(ClusteringScores.adjustedRandIndex(expected, model.labels()) >= 0.99);
        }
    }

    @Test
    void sameResultWhenNeighbourListsExceedTheMemoryBudget() {
        for (final Map<String, String> c : Fixtures.readCsv("density/dbscan_cases.csv")) {
            final Matrix data = DensityFixtures.data(c.get("data"));
            final Dbscan.Parameters p = new Dbscan.Parameters(Double.parseDouble(c.get("eps")),
                Integer.parseInt(c.get("min_samples")));
            // Budget 0: no list is kept; every row is counted, then queried again where needed.
            final DbscanModel model = Dbscan.fit(data, p, Progress.NONE, 0);
            assertArrayEquals(Fixtures.parseInts(c.get("labels")), model.labels(), c.get("case"));
        }
        final Matrix big = DensityFixtures.blobs(6000, 4, 3, 1.0, 100, 12, null);
        final Dbscan.Parameters p = new Dbscan.Parameters(1.0, 6);
        assertArrayEquals(Dbscan.fit(big, p, Progress.NONE).labels(), Dbscan.fit(big, p, Progress.NONE, 1000).labels());
    }

    /**
     * Against a brute-force DBSCAN with scikit-learn's rules (all pairs; core = at least minPts rows within eps, the
     * row itself counted; clusters numbered by their lowest core row; a border row joins the lowest-numbered cluster
     * among its core neighbours), on clustered and tie-heavy grid data, with the memory budget for kept neighbours
     * ample, smaller than minPts per row, and zero (then all linking is done by searches between components).
     */
    @Test
    void agreesWithBruteForceOnRandomData() {
        final java.util.Random random = new java.util.Random(11);
        for (final int d : new int[]{2, 5, 32}) {
            for (final boolean grid : new boolean[]{false, true}) {
                final int n = 900;
                final double[][] rows = new double[n][d];
                for (int i = 0; i < n; i++) {
                    final int centre = random.nextInt(5);
                    for (int j = 0; j < d; j++) {
                        rows[i][j] = grid ? random.nextInt(4) + 3 * ((centre + j) % 3)
                            : centre * 3 * ((j % 2) * 2 - 1) + random.nextGaussian() * (1 + centre % 2);
                    }
                }
                final Matrix data = Matrix.of(rows);
                for (final int minPts : new int[]{1, 4, 12}) {
                    // On the integer grid many distances equal eps exactly: the exact re-check decides them.
                    final double eps = grid ? (d <= 5 ? 2.0 : 5.0) : 0.9 * Math.sqrt(d);
                    final int[] expected = bruteForce(rows, eps, minPts);
                    final Dbscan.Parameters p = new Dbscan.Parameters(eps, minPts);
                    for (final long budget : new long[]{50_000_000L, 3L * n, 0}) {
                        final DbscanModel model = Dbscan.fit(data, p, Progress.NONE, budget);
                        final String name = "d " + d + " grid " + grid + " minPts " + minPts + " budget " + budget;
                        assertArrayEquals(expected, model.labels(), name);
                        int cores = 0;
                        for (int i = 0; i < n; i++) {
                            cores += count(rows, i, eps) >= minPts ? 1 : 0;
                        }
                        assertEquals(cores, model.coreRows().length, name);
                    }
                }
            }
        }
    }

    private static int count(final double[][] rows, final int i, final double eps) {
        int c = 0;
        for (final double[] r : rows) {
            c += within(rows[i], r, eps) ? 1 : 0;
        }
        return c;
    }

    private static boolean within(final double[] a, final double[] b, final double eps) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += (a[j] - b[j]) * (a[j] - b[j]);
        }
        return Math.sqrt(s) <= eps;
    }

    private static int[] bruteForce(final double[][] rows, final double eps, final int minPts) {
        final int n = rows.length;
        final boolean[] core = new boolean[n];
        for (int i = 0; i < n; i++) {
            core[i] = count(rows, i, eps) >= minPts;
        }
        final int[] labels = new int[n];
        Arrays.fill(labels, ClusterModel.NOISE);
        int clusters = 0;
        for (int i = 0; i < n; i++) {
            if (core[i] && labels[i] == ClusterModel.NOISE) {
                // Flood the core rows reachable from i (i is the lowest core row of its cluster).
                final java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
                labels[i] = clusters;
                queue.add(i);
                while (!queue.isEmpty()) {
                    final int a = queue.poll();
                    for (int b = 0; b < n; b++) {
                        if (core[b] && labels[b] == ClusterModel.NOISE && within(rows[a], rows[b], eps)) {
                            labels[b] = clusters;
                            queue.add(b);
                        }
                    }
                }
                clusters++;
            }
        }
        for (int i = 0; i < n; i++) {
            if (!core[i]) {
                for (int b = 0; b < n; b++) {
                    if (core[b] && within(rows[i], rows[b], eps)
                        && (labels[i] == ClusterModel.NOISE || labels[b] < labels[i])) {
                        labels[i] = labels[b];
                    }
                }
            }
        }
        return labels;
    }

    @Test
    void recoversBlobsWithNoiseIn32Dimensions() {
        final int[] truth = new int[2100];
        final Matrix data = DensityFixtures.blobs(2000, 32, 5, 1.0, 100, 1, truth);
        final DbscanModel model = Dbscan.fit(data, new Dbscan.Parameters(10, 10), Progress.NONE);
        assertEquals(5, model.clusterCount());
        final int[] labels = model.labels();
        assertTrue(ClusteringScores.adjustedRandIndex(Arrays.copyOf(truth, 2000), Arrays.copyOf(labels, 2000)) > 0.999);
        for (int i = 2000; i < 2100; i++) {
            assertEquals(ClusterModel.NOISE, labels[i], "uniform background row " + i);
        }
    }

    @Test
    void assignsNewRowsToTheNearestCorePointWithinEps() {
        final Matrix data = Matrix.of(new double[][]{{0, 0}, {0, 1}, {1, 0}, {10, 10}, {10, 11}, {11, 10}, {2, 0},
            {50, 50}});
        final DbscanModel model = Dbscan.fit(data, new Dbscan.Parameters(1.01, 3), Progress.NONE);
        assertArrayEquals(new int[]{0, 0, 0, 1, 1, 1, 0, ClusterModel.NOISE}, model.labels());
        assertArrayEquals(new int[]{0, 2, 3}, model.coreRows()); // checked with scikit-learn
    }

    @Test
    void assignmentRule() {
        final Matrix data = Matrix.of(new double[][]{{0, 0}, {0, 1}, {1, 0}, {10, 10}, {10, 11}, {11, 10}, {50, 50}});
        final DbscanModel model = Dbscan.fit(data, new Dbscan.Parameters(1.01, 3), Progress.NONE);
        final Assignment a = model.assign(Matrix.of(new double[][]{{0.5, 0.5}, {10, 9.5}, {5, 5}, {0, 1.9}}));
        assertArrayEquals(new int[]{0, 1, ClusterModel.NOISE, ClusterModel.NOISE}, a.labels());
        assertEquals(Math.sqrt(0.5), a.distances()[0], 1e-12);
        // (0, 1.9) is 0.9 from the border point (0, 1) but 1.9 from the core point (0, 0): noise.
        assertEquals(1.9, a.distances()[3], 1e-12);
    }

    @Test
    void borderPointsGoToTheLowestNumberedCluster() {
        // Row 4 lies exactly eps from a core point of each cluster; scikit-learn 1.2.1 gives
        // [0 0 0 0 0 1 1 1 1] with core rows [0 1 2 3 5 6 7 8].
        final Matrix data = Matrix.of(new double[][]{{5, 0}, {5.5, 0}, {4.5, 0}, {5, 0.5}, {2.5, 0}, {0, 0},
            {0.5, 0}, {-0.5, 0}, {0, 0.5}});
        final DbscanModel model = Dbscan.fit(data, new Dbscan.Parameters(2.0, 4), Progress.NONE);
        assertArrayEquals(new int[]{0, 0, 0, 0, 0, 1, 1, 1, 1}, model.labels());
        assertArrayEquals(new int[]{0, 1, 2, 3, 5, 6, 7, 8}, model.coreRows());
    }

    @Test
    void badInputIsRefusedWithClearMessages() {
        final Matrix data = Matrix.of(new double[][]{{0, 0}, {1, 1}, {2, 2}});
        assertMessage(() -> Dbscan.fit(data, new Dbscan.Parameters(0, 2), Progress.NONE), "eps");
        assertMessage(() -> Dbscan.fit(data, new Dbscan.Parameters(-1, 2), Progress.NONE), "eps");
        assertMessage(() -> Dbscan.fit(data, new Dbscan.Parameters(Double.NaN, 2), Progress.NONE), "eps");
        assertMessage(() -> Dbscan.fit(data, new Dbscan.Parameters(1, 0), Progress.NONE), "minPts");
        assertMessage(() -> Dbscan.fit(data, new Dbscan.Parameters(1, 4), Progress.NONE), "minPts (4)");
        assertMessage(() -> Dbscan.fit(Matrix.of(new double[][]{{0, Double.NaN}}), new Dbscan.Parameters(1, 1),
            Progress.NONE), "row 0, column 1");
        assertMessage(() -> Dbscan.fit(Matrix.of(new double[0][]), new Dbscan.Parameters(1, 1), Progress.NONE),
            "no rows");
        final DbscanModel model = Dbscan.fit(data, new Dbscan.Parameters(1.5, 2), Progress.NONE);
        assertMessage(() -> model.assign(Matrix.of(new double[][]{{1, 2, 3}})), "3 columns");
        assertMessage(() -> model.assign(Matrix.of(new double[][]{{1, Double.NaN}})), "column 1");
    }

    private static void assertMessage(final Runnable r, final String part) {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    @Test
    void identicalRowsAndSingleRow() {
        final Matrix same = Matrix.of(new double[][]{{1, 1}, {1, 1}, {1, 1}, {1, 1}});
        assertArrayEquals(new int[]{0, 0, 0, 0}, Dbscan.fit(same, new Dbscan.Parameters(0.1, 4), Progress.NONE)
            .labels());
        final Matrix one = Matrix.of(new double[][]{{3, 4}});
        assertArrayEquals(new int[]{0}, Dbscan.fit(one, new Dbscan.Parameters(1, 1), Progress.NONE).labels());
        final DbscanModel none = Dbscan.fit(Matrix.of(new double[][]{{0}, {5}}), new Dbscan.Parameters(1, 2),
            Progress.NONE);
        assertArrayEquals(new int[]{-1, -1}, none.labels());
        assertEquals(0, none.clusterCount());
        assertArrayEquals(new int[]{-1}, none.assign(Matrix.of(new double[][]{{0}})).labels());
    }

    @Test
    void deterministicAndCancellable() {
        final Matrix data = DensityFixtures.blobs(5000, 8, 4, 1.0, 200, 3, null);
        final Dbscan.Parameters p = new Dbscan.Parameters(2.5, 8);
        assertArrayEquals(Dbscan.fit(data, p, Progress.NONE).labels(), Dbscan.fit(data, p, Progress.NONE).labels());
        final Progress cancelLater = DensityFixtures.cancelAfter(2);
        assertThrows(CancelledException.class, () -> Dbscan.fit(data, p, cancelLater));
    }

    @Test
    void sameResultWithOneOrManyThreads() {
        final Matrix data = DensityFixtures.blobs(6000, 32, 5, 1.0, 300, 21, null);
        final Dbscan.Parameters p = new Dbscan.Parameters(6, 10);
        final DbscanModel one = DensityFixtures.withThreads(1, () -> Dbscan.fit(data, p, Progress.NONE));
        final DbscanModel many = DensityFixtures.withThreads(5, () -> Dbscan.fit(data, p, Progress.NONE));
        assertArrayEquals(one.labels(), many.labels());
        assertArrayEquals(one.coreRows(), many.coreRows());
    }

    @Test
    void modelSurvivesSaveAndLoad() throws IOException {
        final Matrix data = DensityFixtures.data("blobs2d");
        final DbscanModel model = Dbscan.fit(data, new Dbscan.Parameters(0.5, 5), Progress.NONE);
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        ClusterModels.write(model, out);
        final ClusterModel back = ClusterModels.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals("dbscan", back.algorithm());
        assertArrayEquals(model.labels(), back.labels());
        assertEquals(model.clusterCount(), back.clusterCount());
        assertArrayEquals(model.assign(data).labels(), back.assign(data).labels());
        assertEquals(model.summary(), back.summary());
        // Training core points are assigned to their own cluster.
        final int[] assigned = model.assign(data).labels();
        for (final int r : model.coreRows()) {
            assertEquals(model.labels()[r], assigned[r]);
        }
    }
}
