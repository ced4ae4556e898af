package org.deepcluster.core.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

import org.deepcluster.core.Fixtures;
import org.deepcluster.core.cluster.KMeans.Parameters;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.metrics.ClusteringScores;
import org.deepcluster.core.progress.CancelledException;
import org.deepcluster.core.progress.Progress;
import org.junit.jupiter.api.Test;

class KMeansTest {

    /** The 300 × 4 blobs of make_fixtures.py with scikit-learn's KMeans labels (n_init = 10). */
    private static final List<Map<String, String>> BLOBS = Fixtures.readCsv("blobs.csv");

    private static Matrix blobs() {
        final double[][] rows = new double[BLOBS.size()][4];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < 4; j++) {
                rows[i][j] = Double.parseDouble(BLOBS.get(i).get("x" + j));
            }
        }
        return Matrix.of(rows);
    }

    private static Matrix uniform(final int n, final int d, final long seed) {
        final Random random = new Random(seed);
        final double[] values = new double[n * d];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble();
        }
        return Matrix.wrap(n, d, values);
    }

    @Test
    void agreesWithScikitLearnOnBlobs() {
        final Map<String, String> reference = Fixtures.readCsv("blobs_kmeans.csv").get(0);
        final int k = Integer.parseInt(reference.get("k"));
        final KMeansModel model = KMeans.fit(blobs(), Parameters.defaults(k), Progress.NONE);
        final int[] sklearn = BLOBS.stream().mapToInt(r -> Integer.parseInt(r.get("sklearn_label"))).toArray();
        assertTrue(ClusteringScores.adjustedRandIndex(sklearn, model.labels()) >= 0.99);
        final double expected = Double.parseDouble(reference.get("inertia"));
        assertEquals(expected, model.inertia(), 1e-6 * expected);
        assertEquals(k, model.k());
    }

    @Test
    void inertiaIsTheSumOfSquaredDistancesToTheAssignedCentroid() {
        final Matrix data = blobs();
        final KMeansModel model = KMeans.fit(data, Parameters.defaults(3), Progress.NONE);
        final int[] labels = model.labels();
        double sum = 0;
        for (int i = 0; i < data.rows(); i++) {
            sum += KMeans.squaredDistance(data.row(i), model.centroids().row(labels[i]));
            assertEquals(labels[i], model.predict(data.row(i)), "labels are the nearest centroids");
        }
        assertEquals(sum, model.inertia(), 1e-9 * sum);
        assertArrayEquals(labels, model.predict(data));
        assertEquals(data.rows(), Arrays.stream(model.clusterSizes()).sum());
    }

    @Test
    void clustersAreNumberedByFirstAppearance() {
        final KMeansModel model = KMeans.fit(uniform(200, 3, 1), Parameters.defaults(6), Progress.NONE);
        int next = 0;
        for (final int label : model.labels()) {
            assertTrue(label <= next, "a new cluster must take the next number");
            if (label == next) {
                next++;
            }
        }
        assertEquals(6, next);
    }

    @Test
    void sameSeedGivesIdenticalResult() {
        final Matrix data = uniform(300, 5, 2);
        final Parameters p = new Parameters(7, 3, 300, 1e-4, 123);
        final KMeansModel a = KMeans.fit(data, p, Progress.NONE);
        final KMeansModel b = KMeans.fit(data, p, Progress.NONE);
        assertArrayEquals(a.labels(), b.labels());
        assertEquals(a.centroids(), b.centroids());
        assertEquals(a.inertia(), b.inertia());
    }

    @Test
    void sameSeedGivesIdenticalResultOnAnotherThread() throws Exception {
        // The result must not depend on which thread fits (Smile's generator was thread-local).
        final Matrix data = uniform(300, 5, 2);
        final Parameters p = new Parameters(7, 3, 300, 1e-4, 123);
        final KMeansModel here = KMeans.fit(data, p, Progress.NONE);
        final KMeansModel there = CompletableFuture.supplyAsync(() -> KMeans.fit(data, p, Progress.NONE)).get();
        assertArrayEquals(here.labels(), there.labels());
        assertEquals(here.centroids(), there.centroids());
    }

    @Test
    void resultDoesNotDependOnTheNumberOfThreads() throws Exception {
        // With enough work (here 9,000 rows × 120 columns, above RowChunks' limit) the E-step, the sums and k-means++
        // run in parallel chunks; the chunks are fixed by the row count and combined in order, so one thread and four
        // threads must give bit-identical models.
        final Matrix data = uniform(9000, 120, 6);
        for (final KMeans.Algorithm algorithm : KMeans.Algorithm.values()) {
            final Parameters p = new Parameters(6, 2, 300, 1e-4, 5).withAlgorithm(algorithm);
            final java.util.concurrent.ForkJoinPool one = new java.util.concurrent.ForkJoinPool(1);
            final java.util.concurrent.ForkJoinPool four = new java.util.concurrent.ForkJoinPool(4);
            try {
                final KMeansModel a = one.submit(() -> KMeans.fit(data, p, Progress.NONE)).get();
                final KMeansModel b = four.submit(() -> KMeans.fit(data, p, Progress.NONE)).get();
                assertArrayEquals(a.labels(), b.labels());
                assertEquals(a.centroids(), b.centroids());
                assertEquals(a.inertia(), b.inertia());
            } finally {
                one.shutdown();
                four.shutdown();
            }
        }
    }

    @Test
    void elkanGivesTheSameResultAsLloyd() {
        final Matrix data = uniform(3000, 3, 8);
        final Parameters p = new Parameters(9, 3, 300, 1e-4, 2);
        final KMeansModel lloyd = KMeans.fit(data, p, Progress.NONE);
        final KMeansModel elkan = KMeans.fit(data, p.withAlgorithm(KMeans.Algorithm.ELKAN), Progress.NONE);
        assertArrayEquals(lloyd.labels(), elkan.labels());
        assertEquals(lloyd.inertia(), elkan.inertia(), 1e-9 * lloyd.inertia());
        assertEquals(lloyd.iterations(), elkan.iterations());
    }

    @Test
    void randomInitWorksAndIsDeterministic() {
        final Matrix data = blobs();
        final Parameters p = Parameters.defaults(3).withInit(KMeans.Init.RANDOM);
        final KMeansModel a = KMeans.fit(data, p, Progress.NONE);
        assertEquals(a.centroids(), KMeans.fit(data, p, Progress.NONE).centroids());
        final int[] sklearn = BLOBS.stream().mapToInt(r -> Integer.parseInt(r.get("sklearn_label"))).toArray();
        assertTrue(ClusteringScores.adjustedRandIndex(sklearn, a.labels()) >= 0.99);
    }

    @Test
    void givenInitialCentroidsAreValidated() {
        final Matrix data = blobs();
        final Matrix two = Matrix.of(new double[][]{{0, 0, 0, 0}, {1, 1, 1, 1}});
        final KMeansModel model = KMeans.fit(data, Parameters.defaults(5).withInitialCentroids(two), Progress.NONE);
        assertEquals(2, model.k(), "k follows the given centres");
        assertEquals("initialCentroids has 2 columns but the data has 4: give centres with one value per column",
            assertThrows(IllegalArgumentException.class, () -> KMeans.fit(data,
                Parameters.defaults(2).withInitialCentroids(Matrix.of(new double[][]{{0, 0}, {1, 1}})),
                Progress.NONE)).getMessage());
        assertEquals("initialCentroids has 2 rows but k is 3: give one initial centre per cluster",
            assertThrows(IllegalArgumentException.class, () -> new Parameters(3, 1, 10, 1e-4, 1, KMeans.Init.GIVEN,
                KMeans.Algorithm.LLOYD, two).validate()).getMessage());
        assertEquals("initialCentroids must be given exactly when init is GIVEN (init is GIVEN)",
            assertThrows(IllegalArgumentException.class, () -> new Parameters(3, 1, 10, 1e-4, 1, KMeans.Init.GIVEN,
                KMeans.Algorithm.LLOYD, null).validate()).getMessage());
        assertEquals("initialCentroids contains NaN at row 1, column 0: only finite values are allowed",
            assertThrows(IllegalArgumentException.class, () -> KMeans.fit(data, Parameters.defaults(2)
                .withInitialCentroids(Matrix.of(new double[][]{{0, 0, 0, 0}, {Double.NaN, 1, 1, 1}})), Progress.NONE))
                    .getMessage());
    }

    @Test
    void duplicateGivenCentresLeaveAClusterEmptyThatIsRelocated() {
        // Two identical initial centres: the second gets no rows in the first E-step; scikit-learn's rule moves it to
        // the row farthest from its centre, so all three clusters end up non-empty.
        final Matrix data = blobs();
        final Matrix init = Matrix.of(new double[][]{data.row(0), data.row(0), data.row(1)});
        final KMeansModel model = KMeans.fit(data, Parameters.defaults(3).withInitialCentroids(init), Progress.NONE);
        assertTrue(Arrays.stream(model.clusterSizes()).allMatch(size -> size > 0), Arrays.toString(model.clusterSizes()));
    }

    @Test
    void differentSeedsCanDiffer() {
        // Uniform data has many local optima; with one restart, different seeds find different ones.
        final Matrix data = uniform(200, 2, 3);
        final Set<Double> inertias = new HashSet<>();
        for (long seed = 0; seed < 10; seed++) {
            inertias.add(KMeans.fit(data, new Parameters(10, 1, 300, 1e-4, seed), Progress.NONE).inertia());
        }
        assertTrue(inertias.size() > 1, "all seeds gave the same clustering");
    }

    @Test
    void moreRestartsNeverHurt() {
        final Matrix data = uniform(200, 2, 3);
        final double one = KMeans.fit(data, new Parameters(10, 1, 300, 1e-4, 9), Progress.NONE).inertia();
        final double ten = KMeans.fit(data, new Parameters(10, 10, 300, 1e-4, 9), Progress.NONE).inertia();
        assertTrue(ten <= one, "the first restart is among the ten, so ten can only be better");
    }

    @Test
    void kLargerThanRowsIsRejected() {
        final Matrix data = uniform(3, 2, 4);
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> KMeans.fit(data, Parameters.defaults(5), Progress.NONE));
        assertEquals("k (5) is larger than the number of rows (3): lower k or provide more rows", e.getMessage());
    }

    @Test
    void kEqualToRowsPutsEachRowInItsOwnCluster() {
        final KMeansModel model = KMeans.fit(uniform(4, 2, 4), Parameters.defaults(4), Progress.NONE);
        assertArrayEquals(new int[]{0, 1, 2, 3}, model.labels());
        assertEquals(0.0, model.inertia());
    }

    @Test
    void allIdenticalRows() {
        final double[][] rows = new double[20][];
        Arrays.fill(rows, new double[]{1.5, -2});
        final Matrix data = Matrix.of(rows);
        final KMeansModel one = KMeans.fit(data, Parameters.defaults(1), Progress.NONE);
        assertArrayEquals(new double[]{1.5, -2}, one.centroids().row(0));
        assertEquals(0.0, one.inertia());
        assertArrayEquals(new int[]{20}, one.clusterSizes());
        // Some clusters would have to be empty: we say what is wrong instead of returning duplicate centres.
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> KMeans.fit(data, Parameters.defaults(2), Progress.NONE));
        assertEquals("k (2) is larger than the number of distinct rows (1): lower k to at most 1 or provide more "
            + "varied rows", e.getMessage());
    }

    @Test
    void asManyDistinctRowsAsClustersWorksWithDuplicates() {
        final double[][] rows = new double[30][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[]{i % 3, i % 3 == 0 ? -0.0 : 0.0}; // -0.0 and 0.0 are the same point
        }
        final KMeansModel model = KMeans.fit(Matrix.of(rows), Parameters.defaults(3), Progress.NONE);
        assertEquals(0.0, model.inertia());
        assertArrayEquals(new int[]{10, 10, 10}, model.clusterSizes());
        assertThrows(IllegalArgumentException.class,
            () -> KMeans.fit(Matrix.of(rows), Parameters.defaults(4), Progress.NONE));
    }

    @Test
    void kOneGivesTheMean() {
        final Matrix data = Matrix.of(new double[][]{{0, 0}, {2, 0}, {4, 3}});
        final KMeansModel model = KMeans.fit(data, Parameters.defaults(1), Progress.NONE);
        assertArrayEquals(new double[]{2, 1}, model.centroids().row(0), 1e-12);
        assertEquals(4 + 1 + 0 + 1 + 4 + 4, model.inertia(), 1e-12);
        assertArrayEquals(new int[]{0, 0, 0}, model.labels());
    }

    /** Cancels on the given call of checkCancelled and records the reported fractions. */
    private static final class CancelOnCheck implements Progress {
        private final int cancelAt;
        private int checks;
        final List<Double> reported = new ArrayList<>();

        CancelOnCheck(final int cancelAt) {
            this.cancelAt = cancelAt;
        }

        @Override
        public void report(final double fraction, final String message) {
            reported.add(fraction);
        }

        @Override
        public void checkCancelled() {
            if (++checks >= cancelAt) {
                throw new CancelledException();
            }
        }
    }

    @Test
    void cancellationStopsTheFitWithinTheFirstRestart() {
        // Checked before each restart, after each k-means++ centre and before each iteration: the 5th check falls
        // inside the first restart (1 before it, 3 during k-means++ with k = 3, then iteration 1).
        final CancelOnCheck progress = new CancelOnCheck(5);
        assertThrows(CancelledException.class, () -> KMeans.fit(blobs(), Parameters.defaults(3), progress));
        assertEquals(List.of(0.0), progress.reported, "only the first restart started");
        for (final KMeans.Algorithm algorithm : KMeans.Algorithm.values()) {
            final CancelOnCheck late = new CancelOnCheck(30);
            assertThrows(CancelledException.class,
                () -> KMeans.fit(blobs(), Parameters.defaults(3).withAlgorithm(algorithm), late));
            assertTrue(late.reported.size() > 1 && late.reported.get(late.reported.size() - 1) < 1.0);
        }
    }

    @Test
    void progressGoesFromZeroToOne() {
        // Adapted from the Smile version, which reported once per restart: now there are reports per iteration too.
        final List<Double> reported = new ArrayList<>();
        final List<String> messages = new ArrayList<>();
        KMeans.fit(blobs(), new Parameters(3, 4, 100, 1e-4, 1), new Progress() {
            @Override
            public void report(final double fraction, final String message) {
                reported.add(fraction);
                messages.add(message);
            }

            @Override
            public void checkCancelled() {
                // never
            }
        });
        assertEquals(0.0, reported.get(0));
        assertEquals(1.0, reported.get(reported.size() - 1));
        for (int i = 1; i < reported.size(); i++) {
            assertTrue(reported.get(i) >= reported.get(i - 1), "progress never goes back");
        }
        assertTrue(reported.containsAll(List.of(0.25, 0.5, 0.75)), "each restart starts at its share");
        assertEquals("k-means restart 1 of 4", messages.get(0));
        assertTrue(messages.contains("k-means restart 1 of 4, iteration 2"), messages.toString());
    }

    @Test
    void badDataIsRejectedWithClearMessages() {
        final Parameters p = Parameters.defaults(2);
        assertEquals("the data has no rows: k-means needs at least k (2) rows", assertThrows(
            IllegalArgumentException.class, () -> KMeans.fit(Matrix.of(new double[0][]), p, Progress.NONE)).getMessage());
        assertEquals("the data has no columns: select at least one numeric column", assertThrows(
            IllegalArgumentException.class, () -> KMeans.fit(Matrix.of(new double[5][0]), p, Progress.NONE)).getMessage());
        final Matrix withNaN = Matrix.of(new double[][]{{1, 2}, {3, Double.NaN}, {5, 6}});
        assertEquals("the data contains NaN at row 1, column 1: only finite values are allowed", assertThrows(
            IllegalArgumentException.class, () -> KMeans.fit(withNaN, p, Progress.NONE)).getMessage());
        // Found through the column variances (no separate pass); +∞ and -∞ in one column sum to NaN, still named.
        final Matrix withInfinity = Matrix.of(new double[][]{{1, 2}, {3, 4}, {Double.NEGATIVE_INFINITY, 6},
            {Double.POSITIVE_INFINITY, 8}});
        assertEquals("the data contains -Infinity at row 2, column 0: only finite values are allowed", assertThrows(
            IllegalArgumentException.class, () -> KMeans.fit(withInfinity, p, Progress.NONE)).getMessage());
        final Matrix huge = Matrix.of(new double[][]{{1e300, 0}, {-1e300, 1}, {1e300, 2}}); // finite, variance ∞
        assertEquals(3, KMeans.fit(huge, p, Progress.NONE).labels().length);
        assertThrows(IllegalArgumentException.class,
            () -> KMeans.fit(uniform(10, 2, 1), Parameters.defaults(0), Progress.NONE));
    }

    @Test
    void maxIterationsOfOneStillGivesAConsistentModel() {
        final Matrix data = uniform(100, 3, 5);
        final KMeansModel model = KMeans.fit(data, new Parameters(5, 1, 1, 0, 1), Progress.NONE);
        final int[] labels = model.labels();
        for (int i = 0; i < data.rows(); i++) {
            assertEquals(labels[i], model.predict(data.row(i)));
        }
        assertFalse(Double.isNaN(model.inertia()));
    }

    @Test
    void theSeedingsNearestCentreHintSavesWorkButNeverChangesLloydsResult() {
        // Overlapping clusters, so that many rows fail the skip test and some labels move in later iterations.
        final Random random = new Random(17);
        final int n = 7000;
        final int d = 6;
        final double[] values = new double[n * d];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian() + (i / d % 4) * 1.5;
        }
        final Points points = Points.of(Matrix.wrap(n, d, values));
        final int k = 6;
        final KMeansSeeding.Seeds seeds = KMeansSeeding.kMeansPlusPlus(points, k, new SplittableRandom(5), c -> {
        });
        final int[] wrongHints = new int[n];
        for (int i = 0; i < n; i++) {
            wrongHints[i] = random.nextInt(k);
        }
        final LloydIterations.Run hinted = LloydIterations.run(points, seeds, k, 300, 0.0, i -> {
        });
        for (final int[] hint : new int[][]{null, wrongHints}) {
            final LloydIterations.Run other = LloydIterations.run(points,
                new KMeansSeeding.Seeds(seeds.centres(), hint), k, 300, 0.0, i -> {
                });
            final String what = hint == null ? "without a hint" : "with wrong hints";
            assertArrayEquals(hinted.labels(), other.labels(), what);
            assertArrayEquals(hinted.centres(), other.centres(), what);
            assertArrayEquals(hinted.squared(), other.squared(), what);
            assertEquals(hinted.iterations(), other.iterations(), what);
        }
        assertTrue(hinted.iterations() > 2, "the data should need several iterations, took " + hinted.iterations());
    }

    @Test
    void kMeansPlusPlusPicksDistinctDataRowsDeterministically() {
        // 7 and 2 features exercise the 4-feature kernels' remainder loops; 6,000 rows make several chunks.
        for (final int d : new int[]{7, 2, 8}) {
            final Random random = new Random(d);
            final double[] values = new double[6000 * d];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextGaussian() * (1 + i % d) + (i / d % 5) * 3;
            }
            final Points points = Points.of(Matrix.wrap(6000, d, values));
            for (final int k : new int[]{2, 9}) {
                final KMeansSeeding.Seeds seeds = KMeansSeeding.kMeansPlusPlus(points, k, new SplittableRandom(k),
                    c -> {
                    });
                final KMeansSeeding.Seeds again = KMeansSeeding.kMeansPlusPlus(points, k, new SplittableRandom(k),
                    c -> {
                    });
                final double[] first = seeds.centres();
                assertArrayEquals(first, again.centres(), "d=" + d + ", k=" + k);
                assertArrayEquals(seeds.nearest(), again.nearest(), "d=" + d + ", k=" + k);
                for (int i = 0; i < 6000; i++) { // the hint is the nearest centre, ties to the lower index
                    int nearest = 0;
                    for (int c = 1; c < k; c++) {
                        if (points.squaredDistance(i, first, c * d) < points.squaredDistance(i, first, nearest * d)) {
                            nearest = c;
                        }
                    }
                    assertEquals(nearest, seeds.nearest()[i], "row " + i + ", d=" + d + ", k=" + k);
                }
                final Set<String> rows = new HashSet<>();
                for (int i = 0; i < 6000; i++) {
                    rows.add(Arrays.toString(points.row(i)));
                }
                final Set<String> centres = new HashSet<>();
                for (int c = 0; c < k; c++) {
                    centres.add(Arrays.toString(Arrays.copyOfRange(first, c * d, (c + 1) * d)));
                }
                assertEquals(k, centres.size(), "k distinct centres, d=" + d);
                assertTrue(rows.containsAll(centres), "every k-means++ centre is a row of the data, d=" + d);
            }
        }
    }
}
