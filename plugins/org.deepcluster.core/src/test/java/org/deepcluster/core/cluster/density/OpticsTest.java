package org.deepcluster.core.cluster.density;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.deepcluster.core.Fixtures;
import org.deepcluster.core.cluster.ClusterModel;
import org.deepcluster.core.cluster.ClusterModels;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.metrics.ClusteringScores;
import org.deepcluster.core.progress.CancelledException;
import org.deepcluster.core.progress.Progress;
import org.junit.jupiter.api.Test;

class OpticsTest {

    private static int minClusterSize(final String text, final int n) {
        final double v = Double.parseDouble(text);
        return v <= 1 ? Math.max(2, (int)(v * n)) : (int)v; // scikit-learn's fraction rule
    }

    @Test
    void agreesWithScikitLearn() {
        for (final Map<String, String> c : Fixtures.readCsv("density/optics_cases.csv")) {
            final String name = c.get("case");
            final Matrix data = DensityFixtures.data(c.get("data"));
            final int n = data.rows();
            final List<Map<String, String>> expected = Fixtures.readCsv("density/optics_" + name + ".csv");
            final int minSamples = Integer.parseInt(c.get("min_samples"));
            final double maxEps = DensityFixtures.parse(c.get("max_eps"));
            final OpticsExtraction.Xi xi = new OpticsExtraction.Xi(Double.parseDouble(c.get("xi")),
                minClusterSize(c.get("min_cluster_size"), n), Boolean.parseBoolean(c.get("predecessor_correction")));
            final OpticsModel model = Optics.fit(data, new Optics.Parameters(minSamples, maxEps, xi), Progress.NONE);
            final OpticsModel cut = Optics.fit(data, new Optics.Parameters(minSamples, maxEps,
                new OpticsExtraction.EpsCut(Double.parseDouble(c.get("eps_cut")))), Progress.NONE);
            final double[] core = model.coreDistances();
            final double[] reach = model.reachability();
            final int[] predecessor = model.predecessors();
            final int[] ordering = model.ordering();
            final int[] xiLabels = new int[n];
            final int[] epsLabels = new int[n];
            for (int i = 0; i < n; i++) {
                final Map<String, String> e = expected.get(i);
                assertEquals(DensityFixtures.parse(e.get("core_distance")), core[i], 1e-12, name + " core " + i);
                assertEquals(DensityFixtures.parse(e.get("reachability")), reach[i], 1e-12, name + " reach " + i);
                assertEquals(Integer.parseInt(e.get("predecessor")), predecessor[i], name + " predecessor " + i);
                assertEquals(Integer.parseInt(e.get("ordering")), ordering[i], name + " ordering " + i);
                xiLabels[i] = Integer.parseInt(e.get("labels_xi"));
                epsLabels[i] = Integer.parseInt(e.get("labels_eps"));
            }
            // The orderings are identical, so the extractions should be too (not just ARI ≥ 0.99).
            assertArrayEquals(xiLabels, model.labels(), name + " xi");
            assertArrayEquals(epsLabels, cut.labels(), name + " eps");
            assertTrue(ClusteringScores.adjustedRandIndex(xiLabels, model.labels()) >= 0.99);
        }
    }

    @Test
    void epsCutMatchesDbscanOnCorePoints() {
        final Matrix data = DensityFixtures.data("blobs2d");
        final OpticsModel cut = Optics.fit(data, new Optics.Parameters(5, Double.POSITIVE_INFINITY,
            new OpticsExtraction.EpsCut(0.5)), Progress.NONE);
        final DbscanModel dbscan = Dbscan.fit(data, new Dbscan.Parameters(0.5, 5), Progress.NONE);
        final int[] a = cut.labels();
        final int[] b = dbscan.labels();
        final int[] coreA = new int[dbscan.coreRows().length];
        final int[] coreB = new int[coreA.length];
        int k = 0;
        for (final int r : dbscan.coreRows()) {
            coreA[k] = a[r];
            coreB[k++] = b[r];
        }
        assertEquals(1.0, ClusteringScores.adjustedRandIndex(coreB, coreA), 1e-12);
    }

    @Test
    void reachabilityPlotOfTwoBlobs() {
        final int[] truth = new int[620];
        final Matrix data = DensityFixtures.blobs(600, 32, 3, 1.0, 20, 5, truth);
        final OpticsModel model = Optics.fit(data, new Optics.Parameters(10, Double.POSITIVE_INFINITY,
            new OpticsExtraction.Xi(0.05, 0, true)), Progress.NONE);
        assertEquals(3, model.clusterCount());
        final int[] labels = model.labels();
        assertTrue(ClusteringScores.adjustedRandIndex(java.util.Arrays.copyOf(truth, 600),
            java.util.Arrays.copyOf(labels, 600)) > 0.99);
        // Positions invert the ordering.
        final int[] positions = model.orderingPositions();
        final int[] ordering = model.ordering();
        for (int i = 0; i < ordering.length; i++) {
            assertEquals(i, positions[ordering[i]]);
        }
    }

    @Test
    void assignmentOfNewRows() {
        final Matrix data = DensityFixtures.data("blobs2d");
        final OpticsModel cut = Optics.fit(data, new Optics.Parameters(5, Double.POSITIVE_INFINITY,
            new OpticsExtraction.EpsCut(0.5)), Progress.NONE);
        final int[] assigned = cut.assign(data).labels();
        final int[] labels = cut.labels();
        final double[] core = cut.coreDistances();
        for (int i = 0; i < labels.length; i++) {
            if (core[i] <= 0.5) {
                assertEquals(labels[i], assigned[i], "core row " + i);
            }
        }
        final OpticsModel xi = Optics.fit(data, new Optics.Parameters(5, Double.POSITIVE_INFINITY,
            new OpticsExtraction.Xi(0.05, 5, true)), Progress.NONE);
        final int[] xiAssigned = xi.assign(data).labels();
        final int[] xiLabels = xi.labels();
        int same = 0;
        int clustered = 0;
        for (int i = 0; i < xiLabels.length; i++) {
            if (xiLabels[i] != ClusterModel.NOISE) {
                clustered++;
                same += xiAssigned[i] == xiLabels[i] ? 1 : 0; // nearest kept row is the row itself (distance 0)
            }
        }
        assertEquals(clustered, same);
        final int[] far = xi.assign(Matrix.of(new double[][]{{100, 100}})).labels();
        assertArrayEquals(new int[]{ClusterModel.NOISE}, far);
    }

    @Test
    void badInput() {
        final Matrix data = Matrix.of(new double[][]{{0, 0}, {1, 1}, {2, 2}});
        final OpticsExtraction xi = new OpticsExtraction.Xi(0.05, 0, true);
        assertMessage(() -> Optics.fit(data, new Optics.Parameters(1, Double.POSITIVE_INFINITY, xi), Progress.NONE),
            "minSamples");
        assertMessage(() -> Optics.fit(data, new Optics.Parameters(4, Double.POSITIVE_INFINITY, xi), Progress.NONE),
            "minSamples (4)");
        assertMessage(() -> Optics.fit(data, new Optics.Parameters(2, 0, xi), Progress.NONE), "maxEps");
        assertMessage(() -> Optics.fit(data, new Optics.Parameters(2, 1, new OpticsExtraction.Xi(1, 0, true)),
            Progress.NONE), "xi");
        assertMessage(() -> Optics.fit(data, new Optics.Parameters(2, 1, new OpticsExtraction.Xi(0.1, 1, true)),
            Progress.NONE), "minClusterSize");
        assertMessage(() -> Optics.fit(data, new Optics.Parameters(2, 1, new OpticsExtraction.Xi(0.1, 5, true)),
            Progress.NONE), "minClusterSize (5)");
        assertMessage(() -> Optics.fit(data, new Optics.Parameters(2, 1, new OpticsExtraction.EpsCut(0)),
            Progress.NONE), "eps");
        assertMessage(() -> Optics.fit(Matrix.of(new double[][]{{0}, {Double.NaN}}), new Optics.Parameters(2, 1, xi),
            Progress.NONE), "row 1, column 0");
        assertMessage(() -> Optics.fit(Matrix.of(new double[][]{{0}}), new Optics.Parameters(2, 1, xi),
            Progress.NONE), "minSamples (2) is larger than the number of rows (1)");
    }

    private static void assertMessage(final Runnable r, final String part) {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    @Test
    void identicalRows() {
        final Matrix same = Matrix.of(new double[][]{{1, 1}, {1, 1}, {1, 1}, {1, 1}, {1, 1}});
        final OpticsModel cut = Optics.fit(same, new Optics.Parameters(3, Double.POSITIVE_INFINITY,
            new OpticsExtraction.EpsCut(0.1)), Progress.NONE);
        assertArrayEquals(new int[]{0, 0, 0, 0, 0}, cut.labels());
        assertArrayEquals(new int[]{0, 1, 2, 3, 4}, cut.ordering());
        assertEquals(0, cut.reachability()[1]);
        // The drop from the infinite start to 0 is steep: one ξ cluster (scikit-learn 1.2.1: [0 0 0 0 0]).
        final OpticsModel xi = Optics.fit(same, new Optics.Parameters(3, Double.POSITIVE_INFINITY,
            new OpticsExtraction.Xi(0.05, 0, true)), Progress.NONE);
        assertArrayEquals(new int[]{0, 0, 0, 0, 0}, xi.labels());
    }

    @Test
    void deterministicCancellableAndSavable() throws IOException {
        final Matrix data = DensityFixtures.blobs(3000, 8, 4, 1.0, 100, 9, null);
        final Optics.Parameters p = new Optics.Parameters(10, 6, new OpticsExtraction.Xi(0.05, 0, true));
        final OpticsModel a = Optics.fit(data, p, Progress.NONE);
        final OpticsModel b = Optics.fit(data, p, Progress.NONE);
        assertArrayEquals(a.ordering(), b.ordering());
        assertArrayEquals(a.reachability(), b.reachability());
        assertArrayEquals(a.labels(), b.labels());
        final AtomicInteger calls = new AtomicInteger();
        final Progress cancelLater = new Progress() {
            @Override
            public void report(final double fraction, final String message) {
                assertTrue(fraction >= 0 && fraction <= 1);
            }

            @Override
            public void checkCancelled() {
                if (calls.incrementAndGet() > 4) {
                    throw new CancelledException();
                }
            }
        };
        assertThrows(CancelledException.class, () -> Optics.fit(data, p, cancelLater));
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        ClusterModels.write(a, out);
        final OpticsModel back = (OpticsModel)ClusterModels.read(new ByteArrayInputStream(out.toByteArray()));
        assertArrayEquals(a.labels(), back.labels());
        assertArrayEquals(a.ordering(), back.ordering());
        assertArrayEquals(a.reachability(), back.reachability());
        assertArrayEquals(a.coreDistances(), back.coreDistances());
        assertArrayEquals(a.predecessors(), back.predecessors());
        assertArrayEquals(a.assign(data).labels(), back.assign(data).labels());
        assertEquals(a.summary(), back.summary());
    }
}
