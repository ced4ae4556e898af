package org.deepcluster.core.cluster.som;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.deepcluster.core.cluster.Assignment;
import org.deepcluster.core.cluster.ClusterModels;
import org.deepcluster.core.cluster.som.SelfOrganizingMap.Init;
import org.deepcluster.core.cluster.som.SelfOrganizingMap.Parameters;
import org.deepcluster.core.cluster.som.SelfOrganizingMap.Training;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.metrics.ClusteringScores;
import org.deepcluster.core.progress.CancelledException;
import org.deepcluster.core.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Self-organising map properties (no reference implementation is installed: MiniSom is not available): BMUs equal a
 * brute-force search, training lowers the quantization error, merged units recover well-separated blobs, determinism,
 * save/load, bad input, cancellation.
 */
class SelfOrganizingMapTest {

    /** Blobs with standard deviation 1 around centres 30 apart; truth in {@code labels}. */
    private static Matrix blobs(final int n, final int d, final int k, final long seed, final int[] labels) {
        final Random random = new Random(seed);
        final double[] values = new double[n * d];
        for (int i = 0; i < n; i++) {
            final int c = i % k;
            if (labels != null) {
                labels[i] = c;
            }
            for (int j = 0; j < d; j++) {
                values[i * d + j] = (j == c % d ? 30.0 * (1 + c / d) : 0.0) + random.nextGaussian();
            }
        }
        return Matrix.wrap(n, d, values);
    }

    private static Matrix uniform(final int n, final int d, final long seed) {
        final Random random = new Random(seed);
        final double[] values = new double[n * d];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble();
        }
        return Matrix.wrap(n, d, values);
    }

    @ParameterizedTest
    @EnumSource(Training.class)
    void bestMatchingUnitsAreTheNearestCodebookVectors(final Training training) {
        final Matrix data = uniform(400, 3, 1);
        final SomModel model = SelfOrganizingMap.fit(data, Parameters.defaults(5, 4).withTraining(training),
            Progress.NONE);
        final Matrix codebook = model.codebook();
        final Matrix fresh = uniform(300, 3, 2);
        final int[] bmu = model.bestMatchingUnits(fresh);
        final Assignment a = model.assign(fresh);
        for (int i = 0; i < fresh.rows(); i++) {
            int best = 0;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int u = 0; u < codebook.rows(); u++) {
                double sum = 0;
                for (int j = 0; j < 3; j++) {
                    final double diff = fresh.get(i, j) - codebook.get(u, j);
                    sum += diff * diff;
                }
                if (sum < bestDistance) {
                    bestDistance = sum;
                    best = u;
                }
            }
            assertEquals(best, bmu[i]);
            assertEquals(best, a.labels()[i]); // no merging: cluster = unit
            assertEquals(Math.sqrt(bestDistance), a.distances()[i], 1e-12);
        }
        assertNull(a.probabilities());
        assertArrayEquals(model.trainingUnits(), model.bestMatchingUnits(data));
        assertArrayEquals(model.labels(), model.assign(data).labels());
        assertEquals(20, model.clusterCount());
    }

    @ParameterizedTest
    @EnumSource(Training.class)
    void trainingLowersTheQuantizationError(final Training training) {
        final Matrix data = uniform(500, 2, 3);
        final Parameters p = Parameters.defaults(6, 6).withTraining(training).withInit(Init.RANDOM_ROWS);
        final SomModel short1 = SelfOrganizingMap.fit(data, p.withEpochs(1), Progress.NONE);
        final SomModel long30 = SelfOrganizingMap.fit(data, p.withEpochs(30), Progress.NONE);
        final double[] history = long30.statistics().epochQuantizationErrors();
        assertEquals(30, history.length);
        assertTrue(long30.statistics().quantizationError() < short1.statistics().quantizationError());
        assertTrue(history[29] < history[0], () -> java.util.Arrays.toString(history));
        // 36 units on the unit square: each unit covers about 1/36 of it; the mean distance is far below the
        // data's own mean distance to its centre (≈ 0.38).
        assertTrue(long30.statistics().quantizationError() < 0.1, long30.summary());
        // A trained map preserves the topology: nearest and second-nearest units are mostly grid neighbours.
        assertTrue(long30.statistics().topographicError() < 0.15, long30.summary());
    }

    @ParameterizedTest
    @EnumSource(Training.class)
    void mergedUnitsRecoverWellSeparatedBlobs(final Training training) {
        final int[] truth = new int[600];
        final Matrix data = blobs(600, 4, 5, 7, truth);
        final SomModel model = SelfOrganizingMap.fit(data,
            Parameters.defaults(6, 6).withTraining(training).withMergeClusters(5), Progress.NONE);
        assertEquals(5, model.clusterCount());
        assertTrue(ClusteringScores.adjustedRandIndex(truth, model.labels()) >= 0.99, model.summary());
        assertArrayEquals(model.labels(), model.assign(data).labels());
        assertTrue(model.summary().contains("merged into 5"));
    }

    @ParameterizedTest
    @EnumSource(Training.class)
    void sameSeedGivesTheSameMap(final Training training) {
        final Matrix data = blobs(700, 3, 3, 5, null);
        final Parameters p = Parameters.defaults(4, 5).withTraining(training).withInit(Init.RANDOM_ROWS)
            .withMergeClusters(3);
        final SomModel a = SelfOrganizingMap.fit(data, p, Progress.NONE);
        final SomModel b = SelfOrganizingMap.fit(data, p, Progress.NONE);
        assertEquals(a.codebook(), b.codebook());
        assertArrayEquals(a.unitClusters(), b.unitClusters());
        assertEquals(a.statistics(), b.statistics());
        final SomModel other = SelfOrganizingMap.fit(data, new Parameters(p.grid(), p.epochs(), p.training(),
            p.init(), p.radiusStart(), p.radiusEnd(), p.learningRateStart(), p.learningRateEnd(), p.decay(), 3, 99L),
            Progress.NONE);
        assertTrue(!a.codebook().equals(other.codebook()), "another seed gives another random initialisation");
    }

    @Test
    void theResultDoesNotDependOnTheNumberOfThreads() throws Exception {
        final Matrix data = blobs(5000, 3, 4, 6, null); // several blocks of rows
        final Parameters p = Parameters.defaults(5, 5).withMergeClusters(4);
        final SomModel one = new java.util.concurrent.ForkJoinPool(1)
            .submit(() -> SelfOrganizingMap.fit(data, p, Progress.NONE)).get();
        final SomModel four = new java.util.concurrent.ForkJoinPool(4)
            .submit(() -> SelfOrganizingMap.fit(data, p, Progress.NONE)).get();
        assertEquals(one.codebook(), four.codebook());
        assertEquals(one.statistics(), four.statistics());
        assertArrayEquals(one.labels(), four.labels());
    }

    @Test
    void pcaInitialisationSpansThePrincipalPlane() {
        // Points on the line t·(1, 2, 0) plus a smaller spread along (0, 0, 1): PC1 = (1, 2, 0)/√5, PC2 = (0, 0, 1).
        final Random random = new Random(4);
        final double[][] rows = new double[2000][];
        for (int i = 0; i < rows.length; i++) {
            final double t = random.nextGaussian() * 3;
            final double s = random.nextGaussian() * 0.5;
            rows[i] = new double[] {5 + t, -1 + 2 * t, s};
        }
        final double[] codebook = CodebookInitialisation.principalPlane(rows, new SomGrid(3, 2));
        // Grid rows follow PC1: unit (0, c) and (2, c) differ along (1, 2, 0) by 2 · 2 · sd1 (sd1 ≈ 3√5).
        final double dx = codebook[4 * 3] - codebook[0];
        final double dy = codebook[4 * 3 + 1] - codebook[1];
        assertEquals(2.0, dy / dx, 0.01);
        assertEquals(4 * 3 * Math.sqrt(5), Math.hypot(dx, dy), 0.1 * 4 * 3 * Math.sqrt(5));
        // Grid columns follow PC2: unit (1, 0) and (1, 1) differ along z by 2 · 2 · 0.5.
        assertEquals(2.0, Math.abs(codebook[3 * 3 + 2] - codebook[2 * 3 + 2]), 0.2);
        // The centre row sits at the mean.
        assertEquals(5.0, (codebook[2 * 3] + codebook[3 * 3]) / 2, 0.2);
    }

    @Test
    void saveAndReadGiveAnEqualModel() throws IOException {
        final Matrix data = blobs(300, 3, 3, 2, null);
        final SomModel model = SelfOrganizingMap.fit(data, Parameters.defaults(3, 4).withMergeClusters(3),
            Progress.NONE);
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        ClusterModels.write(model, out);
        final SomModel copy = (SomModel)ClusterModels.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(model.parameters(), copy.parameters());
        assertEquals(model.codebook(), copy.codebook());
        assertArrayEquals(model.labels(), copy.labels());
        assertEquals(model.statistics(), copy.statistics());
        assertEquals(model.summary(), copy.summary());
        assertArrayEquals(model.assign(data).labels(), copy.assign(data).labels());
    }

    @Test
    void identicalPointsGiveZeroErrorAndRefuseMergingWithAMessage() {
        final double[][] same = new double[30][];
        for (int i = 0; i < same.length; i++) {
            same[i] = new double[] {1.5, -2, 7};
        }
        for (final Training training : Training.values()) {
            for (final Init init : Init.values()) {
                final SomModel model = SelfOrganizingMap.fit(Matrix.of(same),
                    Parameters.defaults(3, 3).withTraining(training).withInit(init), Progress.NONE);
                assertEquals(0.0, model.statistics().quantizationError(), 1e-9);
            }
        }
        assertMessage(() -> SelfOrganizingMap.fit(Matrix.of(same), Parameters.defaults(3, 3).withMergeClusters(2),
            Progress.NONE), "cannot be merged into 2 clusters");
    }

    @Test
    void constantColumnsAreFine() {
        final Matrix data = blobs(300, 3, 3, 8, null);
        final double[][] rows = data.toRowArrays();
        for (final double[] row : rows) {
            row[1] = 4.0;
        }
        final SomModel model = SelfOrganizingMap.fit(Matrix.of(rows), Parameters.defaults(4, 4), Progress.NONE);
        for (int u = 0; u < 16; u++) {
            assertEquals(4.0, model.codebook().get(u, 1), 1e-9);
        }
    }

    @Test
    void invalidSettingsAreRefusedWithTheirName() {
        assertMessage(() -> new SomGrid(0, 3), "grid rows must be at least 1");
        assertMessage(() -> new SomGrid(3, 0), "grid columns must be at least 1");
        assertMessage(() -> new SomGrid(1000, 1000), "more than");
        final Matrix data = uniform(50, 2, 1);
        final Parameters p = Parameters.defaults(3, 3);
        assertMessage(() -> SelfOrganizingMap.fit(data, p.withEpochs(0), Progress.NONE), "epochs");
        assertMessage(() -> SelfOrganizingMap.fit(data, p.withMergeClusters(10), Progress.NONE),
            "merged clusters");
        assertMessage(() -> SelfOrganizingMap.fit(data, new Parameters(p.grid(), 5, Training.ONLINE, Init.PCA, 0.0,
            0.5, 0.5, 0.01, Decay.LINEAR, 0, 1L), Progress.NONE), "start radius");
        assertMessage(() -> SelfOrganizingMap.fit(data, new Parameters(p.grid(), 5, Training.ONLINE, Init.PCA, 1.0,
            0.5, 1.5, 0.01, Decay.LINEAR, 0, 1L), Progress.NONE), "start learning rate");
        assertMessage(() -> SelfOrganizingMap.fit(data, new Parameters(p.grid(), 5, Training.ONLINE, Init.PCA, 1.0,
            0.5, 0.5, 0.0, Decay.EXPONENTIAL, 0, 1L), Progress.NONE), "end learning rate");
    }

    @Test
    void badDataIsRefusedWithAClearMessage() {
        final Parameters p = Parameters.defaults(2, 2);
        assertMessage(() -> SelfOrganizingMap.fit(Matrix.of(new double[][] {{1, 2}}), p, Progress.NONE),
            "at least 2 rows");
        assertMessage(() -> SelfOrganizingMap.fit(Matrix.wrap(4, 0, new double[0]), p, Progress.NONE),
            "no columns");
        assertMessage(() -> SelfOrganizingMap.fit(Matrix.of(new double[][] {{1, 2}, {Double.NaN, 0}}), p,
            Progress.NONE), "NaN at row 1, column 0");
        final SomModel model = SelfOrganizingMap.fit(uniform(20, 2, 1), p, Progress.NONE);
        assertMessage(() -> model.assign(Matrix.of(new double[][] {{1, 2, 3}})), "trained on 2 columns");
        assertMessage(() -> model.assign(Matrix.of(new double[][] {{1, Double.POSITIVE_INFINITY}})), "Infinity");
    }

    @ParameterizedTest
    @EnumSource(Training.class)
    void reportsProgressAndCancelsPerEpoch(final Training training) {
        final AtomicInteger checks = new AtomicInteger();
        final AtomicInteger reports = new AtomicInteger();
        final Progress progress = new Progress() {
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
        assertThrows(CancelledException.class, () -> SelfOrganizingMap.fit(uniform(100, 2, 1),
            Parameters.defaults(3, 3).withTraining(training).withEpochs(50), progress));
        assertEquals(4, checks.get()); // one before training, then one per epoch: cancelled in the third epoch
        assertTrue(reports.get() >= 2);
    }

    private static void assertMessage(final Executable call, final String part) {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), () -> "\"" + e.getMessage() + "\" should contain \"" + part + "\"");
    }
}
