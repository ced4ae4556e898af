package org.deepcluster.core.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.deepcluster.core.cluster.KMeans;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.metrics.ClusteringScores;
import org.deepcluster.core.progress.CancelledException;
import org.deepcluster.core.progress.Progress;
import org.deepcluster.core.synthetic.GaussianBlobs.Parameters;
import org.junit.jupiter.api.Test;

class GaussianBlobsTest {

    @Test
    void defaults() {
        assertEquals(new Parameters(300, 2, 3, 1.0, 10.0, 42L), Parameters.defaults());
        assertDoesNotThrow(Parameters.defaults()::validate);
    }

    @Test
    void shapeNamesAndBalancedShuffledLabels() {
        final SyntheticData blobs = GaussianBlobs.generate(new Parameters(301, 3, 4, 1, 10, 7), Progress.NONE);
        assertEquals(301, blobs.data().rows());
        assertEquals(3, blobs.data().cols());
        assertEquals(List.of("x0", "x1", "x2"), blobs.columnNames());
        assertEquals(List.of("cluster_0", "cluster_1", "cluster_2", "cluster_3"), blobs.labelNames());
        assertArrayEquals(new int[]{76, 75, 75, 75}, blobs.groupSizes());
        final int[] labels = blobs.labels();
        int inPlace = 0;
        for (int i = 0; i < labels.length; i++) {
            inPlace += labels[i] == i % 4 ? 1 : 0;
        }
        assertTrue(inPlace < 150, "the rows are shuffled, not in round-robin order");
        assertEquals("cluster_" + labels[0], blobs.labelsAsNames().get(0));
    }

    @Test
    void sameSeedSameDataOtherSeedOtherData() {
        final Parameters p = new Parameters(200, 4, 5, 1.5, 8, 123);
        final SyntheticData a = GaussianBlobs.generate(p, Progress.NONE);
        assertEquals(a, GaussianBlobs.generate(p, Progress.NONE));
        final SyntheticData b = GaussianBlobs.generate(new Parameters(200, 4, 5, 1.5, 8, 124), Progress.NONE);
        assertNotEquals(a.data(), b.data());
        assertFalse(Arrays.equals(a.labels(), b.labels()), "the shuffle depends on the seed");
    }

    @Test
    void zeroSpreadPutsEveryRowOnItsCentreInsideTheBox() {
        final SyntheticData blobs = GaussianBlobs.generate(new Parameters(50, 3, 4, 0, 2, 1), Progress.NONE);
        final Matrix data = blobs.data();
        final int[] labels = blobs.labels();
        final double[][] centre = new double[4][];
        for (int i = 0; i < data.rows(); i++) {
            final double[] row = data.row(i);
            if (centre[labels[i]] == null) {
                centre[labels[i]] = row;
            }
            assertArrayEquals(centre[labels[i]], row, 0.0);
            for (final double v : row) {
                assertTrue(v >= -2 && v <= 2, "centre coordinate " + v + " lies in [-2, 2]");
            }
        }
    }

    @Test
    void spreadIsTheStandardDeviationAroundTheCentre() {
        final SyntheticData blobs = GaussianBlobs.generate(new Parameters(20_000, 2, 2, 2.5, 10, 3), Progress.NONE);
        final Matrix data = blobs.data();
        final int[] labels = blobs.labels();
        final double[][] sum = new double[2][2];
        final double[][] sumSq = new double[2][2];
        for (int i = 0; i < data.rows(); i++) {
            for (int j = 0; j < 2; j++) {
                sum[labels[i]][j] += data.get(i, j);
                sumSq[labels[i]][j] += data.get(i, j) * data.get(i, j);
            }
        }
        for (int c = 0; c < 2; c++) {
            for (int j = 0; j < 2; j++) {
                final double mean = sum[c][j] / 10_000;
                final double sd = Math.sqrt(sumSq[c][j] / 10_000 - mean * mean);
                assertEquals(2.5, sd, 0.1, "standard deviation of cluster " + c + ", column " + j);
            }
        }
    }

    @Test
    void kMeansRecoversWellSeparatedBlobs() {
        for (long seed = 1; seed <= 5; seed++) {
            final SyntheticData blobs = GaussianBlobs.generate(new Parameters(300, 2, 3, 0.5, 10, seed), Progress.NONE);
            final int[] found = KMeans.fit(blobs.data(), KMeans.Parameters.defaults(3), Progress.NONE).labels();
            final double ari = ClusteringScores.adjustedRandIndex(blobs.labels(), found);
            assertTrue(ari > 0.99, "seed " + seed + ": ARI " + ari);
        }
    }

    @Test
    void kMeansCannotRecoverHeavilyOverlappingBlobs() {
        final SyntheticData blobs = GaussianBlobs.generate(new Parameters(300, 2, 3, 5, 1, 42), Progress.NONE);
        final int[] found = KMeans.fit(blobs.data(), KMeans.Parameters.defaults(3), Progress.NONE).labels();
        final double ari = ClusteringScores.adjustedRandIndex(blobs.labels(), found);
        assertTrue(ari < 0.2, "ARI " + ari);
    }

    @Test
    void validateNamesTheParameter() {
        assertEquals("rows must be at least 1, got 0", message(new Parameters(0, 2, 1, 1, 10, 1)));
        assertEquals("dimensions must be at least 1, got 0", message(new Parameters(10, 0, 1, 1, 10, 1)));
        assertEquals("clusters must be at least 1, got 0", message(new Parameters(10, 2, 0, 1, 10, 1)));
        assertEquals("clusters (11) must be at most rows (10): every cluster needs a row",
            message(new Parameters(10, 2, 11, 1, 10, 1)));
        assertEquals("rows × dimensions (4000000000) is too large for one matrix: lower rows or dimensions",
            message(new Parameters(2_000_000, 2000, 3, 1, 10, 1)));
        assertEquals("spread must be a finite number ≥ 0, got -1.0", message(new Parameters(10, 2, 3, -1, 10, 1)));
        assertEquals("spread must be a finite number ≥ 0, got NaN",
            message(new Parameters(10, 2, 3, Double.NaN, 10, 1)));
        assertEquals("centreBox must be a finite number ≥ 0, got Infinity",
            message(new Parameters(10, 2, 3, 1, Double.POSITIVE_INFINITY, 1)));
        assertDoesNotThrow(() -> new Parameters(1, 1, 1, 0, 0, -1).validate());
        assertThrows(IllegalArgumentException.class,
            () -> GaussianBlobs.generate(new Parameters(0, 2, 1, 1, 10, 1), Progress.NONE));
    }

    @Test
    void cancellationStopsTheGenerator() {
        final List<Double> reported = new ArrayList<>();
        final Progress cancelAfterTwo = new Progress() {
            private int checks;

            @Override
            public void report(final double fraction, final String message) {
                reported.add(fraction);
            }

            @Override
            public void checkCancelled() {
                if (++checks > 2) {
                    throw new CancelledException();
                }
            }
        };
        assertThrows(CancelledException.class,
            () -> GaussianBlobs.generate(new Parameters(1000, 2, 3, 1, 10, 1), cancelAfterTwo));
        assertEquals(List.of(0.0, 0.1), reported);
    }

    @Test
    void progressRisesToOne() {
        final List<Double> reported = new ArrayList<>();
        GaussianBlobs.generate(new Parameters(450, 2, 3, 1, 10, 1), new Progress() {
            @Override
            public void report(final double fraction, final String message) {
                reported.add(fraction);
            }

            @Override
            public void checkCancelled() {
                // never
            }
        });
        assertEquals(List.of(0.0, 100 / 450.0, 200 / 450.0, 300 / 450.0, 400 / 450.0, 1.0), reported);
    }

    private static String message(final Parameters p) {
        return assertThrows(IllegalArgumentException.class, p::validate).getMessage();
    }
}
