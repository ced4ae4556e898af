package org.deepcluster.core.cluster.hierarchical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.deepcluster.core.Fixtures;
import org.deepcluster.core.cluster.Assignment;
import org.deepcluster.core.cluster.ClusterModels;
import org.deepcluster.core.cluster.ModelState;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.metrics.ClusteringScores;
import org.deepcluster.core.progress.CancelledException;
import org.deepcluster.core.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Agglomerative clustering with the cosine metric against SciPy's {@code linkage(metric="cosine")} and scikit-learn's
 * {@code AgglomerativeClustering(metric="cosine")} (fixtures from {@code make_hierarchical_cosine_fixtures.py}: rows
 * along a few directions with lengths from 0.2 to 10, so that cosine and Euclidean distance disagree).
 */
class AgglomerativeCosineTest {

    private static final Linkage[] COSINE_LINKAGES = {Linkage.COMPLETE, Linkage.AVERAGE, Linkage.SINGLE};

    static Matrix dataset(final String name) {
        final List<double[]> rows = new ArrayList<>();
        for (final Map<String, String> r : Fixtures.readCsv("hierarchical/cosine_data.csv")) {
            if (r.get("dataset").equals(name)) {
                rows.add(Arrays.stream(r.get("values").split(" ")).mapToDouble(Double::parseDouble).toArray());
            }
        }
        return Matrix.of(rows.toArray(double[][]::new));
    }

    static int[] directions(final String name) {
        return Fixtures.readCsv("hierarchical/cosine_data.csv").stream().filter(r -> r.get("dataset").equals(name))
            .mapToInt(r -> Integer.parseInt(r.get("label"))).toArray();
    }

    private static AgglomerativeClustering.Parameters cosine(final Linkage linkage, final int k) {
        return AgglomerativeClustering.Parameters.clusters(linkage, k).withMetric(Metric.COSINE);
    }

    static Stream<Arguments> cases() {
        return Stream.of("rays", "embeddings").flatMap(d -> Stream.of(COSINE_LINKAGES).map(l -> Arguments.of(d, l)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void mergesEqualScipysCosineLinkageMatrix(final String dataset, final Linkage linkage) {
        final Matrix x = dataset(dataset);
        final Dendrogram tree = AgglomerativeClustering.fit(x, cosine(linkage, 2), Progress.NONE).dendrogram();
        int merges = 0;
        double worst = 0;
        for (final Map<String, String> r : Fixtures.readCsv("hierarchical/cosine_linkage.csv")) {
            if (!r.get("dataset").equals(dataset) || !r.get("linkage").equals(linkage.id())) {
                continue;
            }
            final int i = Integer.parseInt(r.get("merge"));
            final double expected = Double.parseDouble(r.get("height"));
            assertEquals(expected, tree.height(i), 1e-9, "height of merge " + i);
            worst = Math.max(worst, Math.abs(expected - tree.height(i)));
            assertEquals(Integer.parseInt(r.get("size")), tree.size(i), "size of merge " + i);
            assertEquals(Integer.parseInt(r.get("left")), tree.left(i), "left of merge " + i);
            assertEquals(Integer.parseInt(r.get("right")), tree.right(i), "right of merge " + i);
            merges++;
        }
        assertEquals(x.rows() - 1, merges);
        assertEquals(x.rows() - 1, tree.merges());
        System.out.printf("cosine %s %s: %d merges equal SciPy's, largest height difference %.2e%n", dataset,
            linkage.id(), merges, worst);
    }

    @Test
    void partitionsAgreeWithScikitLearnForBothMetricsAndBothCuts() {
        int checked = 0;
        double worst = 1;
        for (final Map<String, String> r : Fixtures.readCsv("hierarchical/cosine_labels.csv")) {
            final Linkage linkage = Linkage.fromId(r.get("linkage"));
            final Metric metric = Metric.fromId(r.get("metric"));
            final AgglomerativeClustering.Parameters p = (r.get("cut").equals("k")
                ? AgglomerativeClustering.Parameters.clusters(linkage, Integer.parseInt(r.get("value")))
                : AgglomerativeClustering.Parameters.height(linkage, Double.parseDouble(r.get("value"))))
                .withMetric(metric);
            final AgglomerativeModel model = AgglomerativeClustering.fit(dataset(r.get("dataset")), p, Progress.NONE);
            final String what = r.get("dataset") + " " + linkage.id() + " " + metric.id() + " cut by " + r.get("cut")
                + " " + r.get("value");
            assertEquals(Integer.parseInt(r.get("clusters")), model.clusterCount(), what);
            final double ari = ClusteringScores.adjustedRandIndex(Fixtures.parseInts(r.get("labels")), model.labels());
            assertTrue(ari >= 0.99, what + ": ARI " + ari);
            worst = Math.min(worst, ari);
            checked++;
        }
        assertEquals(24, checked);
        System.out.printf("cosine fixtures: %d partitions, smallest ARI against scikit-learn %.6f%n", checked, worst);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void theMetricChangesThePartition(final String dataset, final Linkage linkage) {
        final Matrix x = dataset(dataset);
        final int k = Arrays.stream(directions(dataset)).max().getAsInt() + 1;
        final int[] byCosine = AgglomerativeClustering.fit(x, cosine(linkage, k), Progress.NONE).labels();
        final int[] byEuclid =
            AgglomerativeClustering.fit(x, AgglomerativeClustering.Parameters.clusters(linkage, k), Progress.NONE)
                .labels();
        final double between = ClusteringScores.adjustedRandIndex(byCosine, byEuclid);
        assertTrue(between < 0.5, "cosine and Euclidean partitions should differ, ARI " + between);
        // Euclidean groups these rows by length, not by direction.
        assertTrue(ClusteringScores.adjustedRandIndex(directions(dataset), byEuclid) < 0.1);
        if (linkage != Linkage.SINGLE) { // single linkage chains the noisier embeddings together
            assertEquals(1.0, ClusteringScores.adjustedRandIndex(directions(dataset), byCosine), 1e-12,
                "cosine finds the directions");
        }
    }

    @Test
    void averageLinkageOnCosineDistancesIsNotEuclideanLinkageOnScaledRows() {
        final Matrix x = dataset("rays");
        final Matrix scaled = scaled(x);
        for (final Linkage l : COSINE_LINKAGES) {
            final Dendrogram cosine = AgglomerativeClustering.fit(x, cosine(l, 1), Progress.NONE).dendrogram();
            final Dendrogram euclid = AgglomerativeClustering
                .fit(scaled, AgglomerativeClustering.Parameters.clusters(l, 1), Progress.NONE).dendrogram();
            boolean sameMerges = true;
            for (int i = 0; i < cosine.merges(); i++) {
                sameMerges &= cosine.left(i) == euclid.left(i) && cosine.right(i) == euclid.right(i);
            }
            if (l == Linkage.AVERAGE) {
                assertFalse(sameMerges, "the mean of square roots is not the square root of the mean");
            } else {
                // A monotone transform of the distances: the same tree, heights ‖a − b‖ = sqrt(2 · cosine distance).
                assertTrue(sameMerges, l.id());
                for (int i = 0; i < cosine.merges(); i++) {
                    assertEquals(euclid.height(i), Math.sqrt(2 * cosine.height(i)), 1e-7, l.id() + " merge " + i);
                }
            }
        }
    }

    private static Matrix scaled(final Matrix x) {
        final double[][] rows = x.toRowArrays();
        for (final double[] row : rows) {
            final double norm = Math.sqrt(Arrays.stream(row).map(v -> v * v).sum());
            for (int j = 0; j < row.length; j++) {
                row[j] /= norm;
            }
        }
        return Matrix.of(rows);
    }

    @Test
    void theTreeDoesNotDependOnTheRowLengths() {
        final Matrix x = dataset("embeddings");
        final double[][] rows = x.toRowArrays();
        final Random random = new Random(3);
        for (final double[] row : rows) {
            final double factor = 0.001 + 1000 * random.nextDouble();
            for (int j = 0; j < row.length; j++) {
                row[j] *= factor;
            }
        }
        for (final Linkage l : COSINE_LINKAGES) {
            final Dendrogram a = AgglomerativeClustering.fit(x, cosine(l, 5), Progress.NONE).dendrogram();
            final Dendrogram b =
                AgglomerativeClustering.fit(Matrix.of(rows), cosine(l, 5), Progress.NONE).dendrogram();
            for (int i = 0; i < a.merges(); i++) {
                assertEquals(a.left(i), b.left(i), l.id());
                assertEquals(a.right(i), b.right(i), l.id());
                assertEquals(a.height(i), b.height(i), 1e-12, l.id());
            }
        }
    }

    @Test
    void wardRefusesTheCosineMetricNamingBothSettings() {
        final Matrix x = dataset("rays");
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> AgglomerativeClustering.fit(x, cosine(Linkage.WARD, 4), Progress.NONE));
        assertEquals("ward linkage works only with the Euclidean metric (it minimises the Euclidean within-cluster "
            + "variance), not with cosine: use complete, average or single linkage with the cosine metric, or the "
            + "Euclidean metric with ward", e.getMessage());
        assertEquals("the metric must be set (euclidean or cosine)", assertThrows(IllegalArgumentException.class,
            () -> AgglomerativeClustering.fit(x, cosine(Linkage.AVERAGE, 4).withMetric(null), Progress.NONE))
            .getMessage());
        assertThrows(IllegalArgumentException.class, () -> new AgglomerativeModel(Linkage.WARD, Metric.COSINE, 1,
            Double.NaN, Dendrogram.fromLinkageMatrix(Matrix.of(new double[][]{{0, 1, 0.5, 2}})), new int[]{0, 0},
            Matrix.of(new double[][]{{1, 0}})), "a saved ward model cannot claim the cosine metric");
        assertEquals("unknown metric \"manhattan\": use one of euclidean, cosine",
            assertThrows(IllegalArgumentException.class, () -> Metric.fromId("manhattan")).getMessage());
    }

    @Test
    void refusesARowOfZerosNamingTheRow() {
        final Matrix x = Matrix.of(new double[][]{{1, 2}, {2, 1}, {0, 0}, {3, 3}});
        for (final Linkage l : COSINE_LINKAGES) {
            assertEquals("row 2 of the data has only zeros: its cosine distance to other rows is undefined; remove "
                + "such rows or use the Euclidean metric", assertThrows(IllegalArgumentException.class,
                    () -> AgglomerativeClustering.fit(x, cosine(l, 2), Progress.NONE)).getMessage());
        }
        // Euclidean has no problem with it.
        assertEquals(2, AgglomerativeClustering
            .fit(x, AgglomerativeClustering.Parameters.clusters(Linkage.AVERAGE, 2), Progress.NONE).clusterCount());
    }

    @Test
    void rowsPointingTheSameWayCountAsOneForTheNumberOfClusters() {
        final Matrix x = Matrix.of(new double[][]{{1, 0}, {2, 0}, {5, 0}, {0.5, 0}});
        assertEquals("the number of clusters (2) is larger than the number of distinct rows (1; for the cosine metric "
            + "rows that are positive multiples of each other are the same): lower it to at most 1 or provide more "
            + "varied rows", assertThrows(IllegalArgumentException.class,
                () -> AgglomerativeClustering.fit(x, cosine(Linkage.COMPLETE, 2), Progress.NONE)).getMessage());
        final AgglomerativeModel one = AgglomerativeClustering.fit(x,
            AgglomerativeClustering.Parameters.height(Linkage.SINGLE, 0.5).withMetric(Metric.COSINE), Progress.NONE);
        assertArrayEquals(new int[]{0, 0, 0, 0}, one.labels());
        assertArrayEquals(new double[]{0, 0, 0}, one.dendrogram().heights());
        // Opposite directions are at the largest cosine distance, 2.
        final AgglomerativeModel opposite = AgglomerativeClustering.fit(
            Matrix.of(new double[][]{{1, 0}, {-3, 0}}), cosine(Linkage.AVERAGE, 1), Progress.NONE);
        assertEquals(2.0, opposite.dendrogram().height(0), 1e-15);
    }

    @Test
    void newRowsGoToTheClusterOfTheTrainingRowOfSmallestCosineDistance() {
        final Matrix x = Matrix.of(new double[][]{{1, 0.1}, {5, 0.2}, {0.1, 1}, {0.3, 4}, {0.2, 9}});
        for (final Linkage l : COSINE_LINKAGES) {
            final AgglomerativeModel model = AgglomerativeClustering.fit(x, cosine(l, 2), Progress.NONE);
            assertArrayEquals(new int[]{0, 0, 1, 1, 1}, model.labels(), l.id());
            assertEquals(Metric.COSINE, model.metric());
            assertArrayEquals(model.labels(), model.assign(x).labels(), "the training rows keep their clusters");
            // Far from both groups by Euclidean distance, but close in angle to the first: cosine decides.
            final Assignment a = model.assign(Matrix.of(new double[][]{{100, 3}, {0.01, 0.02}}));
            assertArrayEquals(new int[]{0, 1}, a.labels(), l.id());
            final double expected = 1 - (100 * 5 + 3 * 0.2) / (Math.hypot(100, 3) * Math.hypot(5, 0.2));
            assertEquals(expected, a.distances()[0], 1e-12, "the cosine distance to the nearest training row");
            final double second = 1 - (0.01 * 0.1 + 0.02 * 1) / (Math.hypot(0.01, 0.02) * Math.hypot(0.1, 1));
            assertEquals(second, a.distances()[1], 1e-12);
            assertEquals("row 1 of the data has only zeros: its cosine distance to other rows is undefined; remove "
                + "such rows or use the Euclidean metric", assertThrows(IllegalArgumentException.class,
                    () -> model.assign(Matrix.of(new double[][]{{1, 1}, {0, 0}}))).getMessage());
            assertTrue(model.summary().contains(l.id() + " linkage, cosine metric"), model.summary());
            assertTrue(model.summary().contains("nearest training row (cosine distance)"), model.summary());
        }
    }

    @Test
    void cosineModelsSaveTheirMetricAndReadBackEqual() throws IOException {
        final Matrix x = dataset("embeddings");
        final Matrix probe = AgglomerativeClusteringTest.randomRows(30, 8, 4);
        for (final Linkage l : COSINE_LINKAGES) {
            final AgglomerativeModel model = AgglomerativeClustering.fit(x,
                AgglomerativeClustering.Parameters.height(l, 0.3).withMetric(Metric.COSINE), Progress.NONE);
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            ClusterModels.write(model, out);
            final AgglomerativeModel back =
                (AgglomerativeModel)ClusterModels.read(new ByteArrayInputStream(out.toByteArray()));
            assertEquals(Metric.COSINE, back.metric());
            assertEquals(l, back.linkage());
            assertArrayEquals(model.labels(), back.labels());
            assertEquals(model.dendrogram().toLinkageMatrix(), back.dendrogram().toLinkageMatrix());
            assertEquals(model.summary(), back.summary());
            final Assignment a = model.assign(probe);
            final Assignment b = back.assign(probe);
            assertArrayEquals(a.labels(), b.labels());
            assertArrayEquals(a.distances(), b.distances());
        }
    }

    @Test
    void modelsSavedBeforeTheMetricExistedReadAsEuclidean() throws IOException {
        // The state exactly as AgglomerativeModel.save wrote it before the metric: no "metric" key.
        final Matrix x = Matrix.of(new double[][]{{0, 0}, {0, 1}, {10, 0}, {10, 1}});
        final AgglomerativeModel fitted = AgglomerativeClustering.fit(x,
            AgglomerativeClustering.Parameters.clusters(Linkage.AVERAGE, 2), Progress.NONE);
        final ModelState old = new ModelState();
        old.put("linkage", "average");
        old.put("requestedClusters", 2);
        old.put("distanceThreshold", Double.NaN);
        old.put("dendrogram", fitted.dendrogram().toLinkageMatrix());
        old.put("labels", fitted.labels());
        old.put("reference", x);
        old.put(ClusterModels.ALGORITHM_KEY, AgglomerativeModel.ALGORITHM);
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        old.write(out);
        final AgglomerativeModel back =
            (AgglomerativeModel)ClusterModels.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(Metric.EUCLIDEAN, back.metric());
        final Assignment a = back.assign(Matrix.of(new double[][]{{3, 0}}));
        assertArrayEquals(new int[]{0}, a.labels());
        assertEquals(3.0, a.distances()[0], 1e-12, "Euclidean distance to the nearest training row");
    }

    @Test
    void parallelScansAndTheSpanningTreeGiveTheSameCosineTreesAsSimpleScans() {
        final int n = 1500;
        final int d = 24;
        final Matrix x = scaled(AgglomerativeClusteringTest.randomRows(n, d, 17));
        final double[] flat = new double[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x.row(i), 0, flat, i * d, d);
        }
        for (final Linkage l : new Linkage[]{Linkage.COMPLETE, Linkage.AVERAGE}) {
            final Dendrogram sequential =
                NearestNeighborChain.run(flat, n, d, l, Metric.COSINE, Integer.MAX_VALUE, Progress.NONE);
            final Dendrogram parallel = NearestNeighborChain.run(flat, n, d, l, Metric.COSINE, 16, Progress.NONE);
            assertEquals(sequential.toLinkageMatrix(), parallel.toLinkageMatrix(), l.id());
        }
        // Single linkage (matrix-free, parallel chunks at this size) against a textbook Prim on cosine distances.
        final double[] heights =
            AgglomerativeClustering.fit(x, cosine(Linkage.SINGLE, 3), Progress.NONE).dendrogram().heights();
        assertArrayEquals(primCosineHeights(x.toRowArrays()), heights, 1e-12);
    }

    private static double[] primCosineHeights(final double[][] r) {
        final int n = r.length;
        final double[] norm = new double[n];
        for (int i = 0; i < n; i++) {
            norm[i] = Math.sqrt(Arrays.stream(r[i]).map(v -> v * v).sum());
        }
        final double[] best = new double[n];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        final boolean[] in = new boolean[n];
        final double[] edges = new double[n - 1];
        int current = 0;
        in[0] = true;
        for (int k = 0; k < n - 1; k++) {
            int next = -1;
            for (int i = 0; i < n; i++) {
                if (!in[i]) {
                    double dot = 0;
                    for (int c = 0; c < r[i].length; c++) {
                        dot += r[i][c] * r[current][c];
                    }
                    best[i] = Math.min(best[i], 1 - dot / (norm[i] * norm[current]));
                    if (next < 0 || best[i] < best[next]) {
                        next = i;
                    }
                }
            }
            edges[k] = best[next];
            in[next] = true;
            current = next;
        }
        Arrays.sort(edges);
        return edges;
    }

    @Test
    void isDeterministicAndCanBeCancelled() {
        final Matrix x = AgglomerativeClusteringTest.randomRows(2000, 6, 8);
        for (final Linkage l : COSINE_LINKAGES) {
            final AgglomerativeModel a = AgglomerativeClustering.fit(x, cosine(l, 4), Progress.NONE);
            final AgglomerativeModel b = AgglomerativeClustering.fit(x, cosine(l, 4), Progress.NONE);
            assertArrayEquals(a.labels(), b.labels());
            assertEquals(a.dendrogram().toLinkageMatrix(), b.dendrogram().toLinkageMatrix());
            final AtomicInteger checks = new AtomicInteger();
            assertThrows(CancelledException.class, () -> AgglomerativeClustering.fit(x, cosine(l, 4), new Progress() {
                @Override
                public void report(final double fraction, final String message) {
                }

                @Override
                public void checkCancelled() {
                    if (checks.incrementAndGet() > 4) { // inside the O(n²) loops
                        throw new CancelledException();
                    }
                }
            }));
        }
    }
}
