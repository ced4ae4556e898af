package org.deepcluster.core.cluster.hierarchical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.stream.Stream;

import org.deepcluster.core.Fixtures;
import org.deepcluster.core.cluster.Assignment;
import org.deepcluster.core.cluster.ClusterModel;
import org.deepcluster.core.cluster.ClusterModels;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.metrics.ClusteringScores;
import org.deepcluster.core.progress.CancelledException;
import org.deepcluster.core.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Agglomerative clustering against SciPy's linkage and scikit-learn's AgglomerativeClustering (fixtures). */
class AgglomerativeClusteringTest {

    static Matrix dataset(final String name) {
        final List<double[]> rows = new ArrayList<>();
        for (final Map<String, String> r : Fixtures.readCsv("hierarchical/data.csv")) {
            if (r.get("dataset").equals(name)) {
                rows.add(new double[]{Double.parseDouble(r.get("x0")), Double.parseDouble(r.get("x1")),
                    Double.parseDouble(r.get("x2"))});
            }
        }
        return Matrix.of(rows.toArray(double[][]::new));
    }

    static Stream<Arguments> cases() {
        return Stream.of("blobs", "moons").flatMap(
            d -> Stream.of(Linkage.values()).map(l -> Arguments.of(d, l)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void mergesEqualScipysLinkageMatrix(final String dataset, final Linkage linkage) {
        final Dendrogram tree =
            AgglomerativeClustering.fit(dataset(dataset), AgglomerativeClustering.Parameters.clusters(linkage, 2),
                Progress.NONE).dendrogram();
        int merge = 0;
        for (final Map<String, String> r : Fixtures.readCsv("hierarchical/linkage.csv")) {
            if (!r.get("dataset").equals(dataset) || !r.get("linkage").equals(linkage.id())) {
                continue;
            }
            final int i = Integer.parseInt(r.get("merge"));
            final double expected = Double.parseDouble(r.get("height"));
            assertEquals(expected, tree.height(i), 1e-9 * Math.max(1, expected), "height of merge " + i);
            assertEquals(Integer.parseInt(r.get("size")), tree.size(i), "size of merge " + i);
            assertEquals(Integer.parseInt(r.get("left")), tree.left(i), "left of merge " + i);
            assertEquals(Integer.parseInt(r.get("right")), tree.right(i), "right of merge " + i);
            merge++;
        }
        assertEquals(149, merge);
        assertEquals(149, tree.merges());
    }

    @Test
    void partitionsAgreeWithScikitLearn() {
        int checked = 0;
        for (final Map<String, String> r : Fixtures.readCsv("hierarchical/labels.csv")) {
            final Linkage linkage = Linkage.fromId(r.get("linkage"));
            final boolean byK = r.get("cut").equals("k");
            final AgglomerativeClustering.Parameters p = byK
                ? AgglomerativeClustering.Parameters.clusters(linkage, Integer.parseInt(r.get("value")))
                : AgglomerativeClustering.Parameters.height(linkage, Double.parseDouble(r.get("value")));
            final AgglomerativeModel model = AgglomerativeClustering.fit(dataset(r.get("dataset")), p, Progress.NONE);
            final String what = r.get("dataset") + " " + linkage.id() + " cut by " + r.get("cut");
            assertEquals(Integer.parseInt(r.get("clusters")), model.clusterCount(), what);
            final double ari = ClusteringScores.adjustedRandIndex(Fixtures.parseInts(r.get("labels")), model.labels());
            assertTrue(ari >= 0.99, what + ": ARI " + ari);
            checked++;
        }
        assertEquals(16, checked);
    }

    @Test
    void labelsAreNumberedByFirstAppearance() {
        final int[] labels = AgglomerativeClustering.fit(dataset("blobs"),
            AgglomerativeClustering.Parameters.clusters(Linkage.WARD, 4), Progress.NONE).labels();
        int next = 0;
        for (final int label : labels) {
            assertTrue(label <= next, "label " + label + " before " + next);
            next = Math.max(next, label + 1);
        }
        assertEquals(4, next);
    }

    @Test
    void isDeterministic() {
        final Matrix x = randomRows(300, 5, 3);
        for (final Linkage l : Linkage.values()) {
            final AgglomerativeClustering.Parameters p = AgglomerativeClustering.Parameters.clusters(l, 5);
            final AgglomerativeModel a = AgglomerativeClustering.fit(x, p, Progress.NONE);
            final AgglomerativeModel b = AgglomerativeClustering.fit(x, p, Progress.NONE);
            assertArrayEquals(a.labels(), b.labels());
            assertEquals(a.dendrogram().toLinkageMatrix(), b.dendrogram().toLinkageMatrix());
        }
    }

    @Test
    void parallelScansGiveTheSameTreeAsSequentialOnes() {
        final Matrix x = randomRows(700, 6, 21);
        final double[] flat = new double[700 * 6];
        for (int i = 0; i < 700; i++) {
            System.arraycopy(x.row(i), 0, flat, i * 6, 6);
        }
        for (final Linkage l : new Linkage[]{Linkage.WARD, Linkage.COMPLETE, Linkage.AVERAGE}) {
            final Dendrogram sequential =
                NearestNeighborChain.run(flat, 700, 6, l, Metric.EUCLIDEAN, Integer.MAX_VALUE, Progress.NONE);
            final Dendrogram parallel = NearestNeighborChain.run(flat, 700, 6, l, Metric.EUCLIDEAN, 16, Progress.NONE);
            assertEquals(sequential.toLinkageMatrix(), parallel.toLinkageMatrix(), l.id());
        }
    }

    @Test
    void singleLinkageMatchesTheMatrixFreeTreeOfLargerData() {
        // Larger than the parallel threshold of the spanning tree: heights must still be the exact MST edges,
        // i.e. equal to a brute-force single linkage (complete graph Kruskal).
        final Matrix x = randomRows(1500, 24, 11);
        final double[] heights = AgglomerativeClustering.fit(x,
            AgglomerativeClustering.Parameters.clusters(Linkage.SINGLE, 3), Progress.NONE).dendrogram().heights();
        assertArrayEquals(kruskalHeights(x), heights, 1e-9);
    }

    private static double[] kruskalHeights(final Matrix x) {
        final int n = x.rows();
        final double[][] r = x.toRowArrays();
        final double[] best = new double[n];
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        final boolean[] in = new boolean[n];
        final double[] edges = new double[n - 1];
        int current = 0;
        in[0] = true;
        for (int k = 0; k < n - 1; k++) { // textbook Prim with a different scan, as an independent check
            int next = -1;
            for (int i = 0; i < n; i++) {
                if (!in[i]) {
                    double s = 0;
                    for (int c = 0; c < r[i].length; c++) {
                        s += (r[i][c] - r[current][c]) * (r[i][c] - r[current][c]);
                    }
                    best[i] = Math.min(best[i], Math.sqrt(s));
                    if (next < 0 || best[i] < best[next]) {
                        next = i;
                    }
                }
            }
            edges[k] = best[next];
            in[next] = true;
            current = next;
        }
        java.util.Arrays.sort(edges);
        return edges;
    }

    @Test
    void assignsNewRowsByCentroidForWardAndByNearestRowOtherwise() {
        final Matrix x = Matrix.of(new double[][]{{0, 0}, {0, 1}, {10, 0}, {10, 1}, {10, 2}});
        final AgglomerativeModel ward =
            AgglomerativeClustering.fit(x, AgglomerativeClustering.Parameters.clusters(Linkage.WARD, 2), Progress.NONE);
        assertArrayEquals(new int[]{0, 0, 1, 1, 1}, ward.labels());
        assertArrayEquals(new double[]{10, 1}, ward.reference().row(1));
        final Assignment a = ward.assign(Matrix.of(new double[][]{{1, 0.5}, {9, 1}}));
        assertArrayEquals(new int[]{0, 1}, a.labels());
        assertEquals(1.0, a.distances()[0], 1e-12);
        final AgglomerativeModel single = AgglomerativeClustering.fit(x,
            AgglomerativeClustering.Parameters.clusters(Linkage.SINGLE, 2), Progress.NONE);
        assertArrayEquals(single.labels(), single.assign(x).labels());
        final Assignment b = single.assign(Matrix.of(new double[][]{{6, 2}}));
        assertArrayEquals(new int[]{1}, b.labels());
        assertEquals(4.0, b.distances()[0], 1e-12);
        assertEquals("the data has 3 columns but the model was fitted on 2 columns",
            assertThrows(IllegalArgumentException.class, () -> ward.assign(Matrix.of(new double[][]{{1, 2, 3}})))
                .getMessage());
        assertThrows(IllegalArgumentException.class, () -> single.assign(Matrix.of(new double[][]{{1, Double.NaN}})));
    }

    @Test
    void savedModelsReadBackEqual() throws IOException {
        for (final Linkage l : Linkage.values()) {
            final AgglomerativeModel model = AgglomerativeClustering.fit(dataset("moons"),
                AgglomerativeClustering.Parameters.height(l, 0.5), Progress.NONE);
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            ClusterModels.write(model, out);
            final ClusterModel read = ClusterModels.read(new ByteArrayInputStream(out.toByteArray()));
            final AgglomerativeModel back = (AgglomerativeModel)read;
            assertEquals(l, back.linkage());
            assertEquals(0.5, back.distanceThreshold());
            assertArrayEquals(model.labels(), back.labels());
            assertEquals(model.dendrogram().toLinkageMatrix(), back.dendrogram().toLinkageMatrix());
            assertEquals(model.summary(), back.summary());
            final Matrix probe = randomRows(20, 3, 5);
            assertArrayEquals(model.assign(probe).labels(), back.assign(probe).labels());
        }
    }

    @Test
    void summaryNamesTheLinkageCutAndSizes() {
        final AgglomerativeModel model = AgglomerativeClustering.fit(dataset("blobs"),
            AgglomerativeClustering.Parameters.clusters(Linkage.AVERAGE, 4), Progress.NONE);
        final String s = model.summary();
        assertTrue(s.contains("average linkage"), s);
        assertTrue(s.contains("k = 4"), s);
        assertTrue(s.contains("cluster sizes: ["), s);
        assertTrue(s.contains("nearest training row"), s);
    }

    @Test
    void refusesBadSettingsAndData() {
        final Matrix x = randomRows(10, 2, 1);
        assertMessage("the number of clusters must be at least 1 (or 0 to cut by distance threshold), got -1",
            x, new AgglomerativeClustering.Parameters(Linkage.WARD, -1, Double.NaN, 100));
        assertMessage("the distance threshold must be a finite number > 0, got 0.0", x,
            AgglomerativeClustering.Parameters.height(Linkage.WARD, 0));
        assertMessage("the distance threshold must be a finite number > 0, got NaN", x,
            AgglomerativeClustering.Parameters.height(Linkage.SINGLE, Double.NaN));
        assertMessage("the memory limit must be at least 1 MB, got 0", x,
            AgglomerativeClustering.Parameters.clusters(Linkage.WARD, 2).withMemoryLimitMb(0));
        assertMessage("the linkage must be set (ward, complete, average or single)", x,
            AgglomerativeClustering.Parameters.clusters(null, 2));
        assertMessage("the number of clusters (11) is larger than the number of rows (10): lower it or provide more "
            + "rows", x, AgglomerativeClustering.Parameters.clusters(Linkage.COMPLETE, 11));
        assertMessage("the data has 1 row: agglomerative clustering needs at least 2 rows",
            Matrix.of(new double[][]{{1, 2}}), AgglomerativeClustering.Parameters.clusters(Linkage.WARD, 1));
        assertMessage("the data has no columns: select at least one numeric column", Matrix.wrap(3, 0, new double[0]),
            AgglomerativeClustering.Parameters.clusters(Linkage.WARD, 1));
        assertMessage("the data contains NaN at row 1, column 0: only finite values are allowed",
            Matrix.of(new double[][]{{1, 2}, {Double.NaN, 1}, {3, 3}}),
            AgglomerativeClustering.Parameters.clusters(Linkage.AVERAGE, 2));
        assertMessage("the number of clusters (2) is larger than the number of distinct rows (1): lower it to at "
            + "most 1 or provide more varied rows", Matrix.of(new double[][]{{1, 2}, {1, 2}, {1, 2}}),
            AgglomerativeClustering.Parameters.clusters(Linkage.WARD, 2));
    }

    @Test
    void identicalRowsAndConstantColumnsStillCluster() {
        final Matrix same = Matrix.of(new double[][]{{1, 2}, {1, 2}, {1, 2}});
        final AgglomerativeModel one = AgglomerativeClustering.fit(same,
            AgglomerativeClustering.Parameters.height(Linkage.WARD, 0.1), Progress.NONE);
        assertArrayEquals(new int[]{0, 0, 0}, one.labels());
        assertArrayEquals(new double[]{0, 0}, one.dendrogram().heights());
        final Matrix constantColumn = Matrix.of(new double[][]{{0, 5}, {1, 5}, {10, 5}, {11, 5}});
        assertArrayEquals(new int[]{0, 0, 1, 1}, AgglomerativeClustering.fit(constantColumn,
            AgglomerativeClustering.Parameters.clusters(Linkage.COMPLETE, 2), Progress.NONE).labels());
    }

    @Test
    void refusesADistanceMatrixAboveTheMemoryLimitBeforeAllocatingIt() {
        final Matrix x = randomRows(2000, 2, 4); // 2000 rows: 15.3 MB of distances
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> AgglomerativeClustering.fit(x,
                AgglomerativeClustering.Parameters.clusters(Linkage.WARD, 3).withMemoryLimitMb(10), Progress.NONE));
        assertEquals("ward linkage on 2,000 rows needs a pairwise distance matrix of 16 MB, more than the memory "
            + "limit of 10 MB: raise the memory limit setting (and the Java heap, -Xmx in knime.ini, if needed), "
            + "cluster a sample of the rows, or use single linkage (no distance matrix) or k-means", e.getMessage());
        // Single linkage keeps no matrix and is not limited.
        assertEquals(3, AgglomerativeClustering.fit(x,
            AgglomerativeClustering.Parameters.clusters(Linkage.SINGLE, 3).withMemoryLimitMb(1), Progress.NONE)
            .clusterCount());
        assertEquals(15_992_000L, AgglomerativeClustering.matrixBytes(2000, Linkage.COMPLETE));
        assertEquals(0L, AgglomerativeClustering.matrixBytes(2000, Linkage.SINGLE));
    }

    @Test
    void refusesADistanceMatrixLargerThanTheFreeJavaHeap() {
        final Matrix x = Matrix.wrap(60_000, 1, new double[60_000]); // 13.4 GB of distances: more than a test heap
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgglomerativeClustering
            .fit(x, AgglomerativeClustering.Parameters.height(Linkage.WARD, 1).withMemoryLimitMb(1 << 20),
                Progress.NONE));
        assertTrue(e.getMessage().startsWith("ward linkage on 60,000 rows needs a pairwise distance matrix of 13,733 MB, "
            + "but the Java heap has only about "), e.getMessage());
        assertTrue(e.getMessage().endsWith("raise the Java heap (-Xmx in knime.ini), cluster a sample of the rows, or "
            + "use single linkage (no distance matrix) or k-means"), e.getMessage());
    }

    @Test
    void refusesMoreRowsThanTheMatrixCanHold() {
        final Matrix x = Matrix.wrap(70_000, 1, new double[70_000]);
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgglomerativeClustering
            .fit(x, AgglomerativeClustering.Parameters.height(Linkage.AVERAGE, 1).withMemoryLimitMb(1 << 20),
                Progress.NONE));
        assertTrue(e.getMessage().startsWith("average linkage can cluster at most 65,536 rows"), e.getMessage());
    }

    @Test
    void reportsProgressAndCanBeCancelled() {
        final Matrix x = randomRows(3000, 4, 9);
        for (final Linkage l : new Linkage[]{Linkage.WARD, Linkage.SINGLE}) {
            final List<Double> fractions = new ArrayList<>();
            AgglomerativeClustering.fit(x, AgglomerativeClustering.Parameters.clusters(l, 2), new Progress() {
                @Override
                public void report(final double fraction, final String message) {
                    fractions.add(fraction);
                }

                @Override
                public void checkCancelled() {
                }
            });
            assertTrue(fractions.size() > 5, l + ": " + fractions.size() + " reports");
            for (int i = 1; i < fractions.size(); i++) {
                assertTrue(fractions.get(i) >= fractions.get(i - 1), l + ": progress went back");
            }
            assertEquals(1.0, fractions.get(fractions.size() - 1));
            final AtomicInteger checks = new AtomicInteger();
            assertThrows(CancelledException.class, () -> AgglomerativeClustering.fit(x,
                AgglomerativeClustering.Parameters.clusters(l, 2), new Progress() {
                    @Override
                    public void report(final double fraction, final String message) {
                    }

                    @Override
                    public void checkCancelled() {
                        if (checks.incrementAndGet() > 4) { // cancel inside the O(n²) loops, not before them
                            throw new CancelledException();
                        }
                    }
                }));
        }
    }

    private static void assertMessage(final String expected, final Matrix x,
        final AgglomerativeClustering.Parameters p) {
        assertEquals(expected,
            assertThrows(IllegalArgumentException.class, () -> AgglomerativeClustering.fit(x, p, Progress.NONE))
                .getMessage());
    }

    static Matrix randomRows(final int n, final int d, final long seed) {
        final Random random = new Random(seed);
        final double[] v = new double[n * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextGaussian() + (i / d % 3) * 4;
        }
        return Matrix.wrap(n, d, v);
    }
}
