package org.deepcluster.core.deep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.deepcluster.core.data.FloatMatrix;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.encode.Architecture;
import org.deepcluster.core.encode.EncoderParameters;
import org.deepcluster.core.encode.EncoderTrainer;
import org.deepcluster.core.encode.FittedEncoder;
import org.deepcluster.core.encode.Optimizer;
import org.deepcluster.core.encode.Scaling;
import org.deepcluster.core.metrics.ClusteringScores;
import org.deepcluster.core.progress.CancelledException;
import org.deepcluster.core.progress.Progress;
import org.deepcluster.core.synthetic.GaussianBlobs;
import org.deepcluster.core.synthetic.SyntheticData;
import org.junit.jupiter.api.Test;

/**
 * DEC and IDEC on Gaussian blobs with known groups, embedded by a small autoencoder trained once for the class.
 */
class DeepEmbeddedClusteringTest {

    /** 600 rows, 12 dimensions, 4 overlapping blobs (k-means on the embedding is good but not perfect). */
    private static final SyntheticData BLOBS =
        GaussianBlobs.generate(new GaussianBlobs.Parameters(600, 12, 4, 3.0, 5.0, 3L), Progress.NONE);

    private static final FloatMatrix DATA = FloatMatrix.of(BLOBS.data());

    private static final FittedEncoder ENCODER = EncoderTrainer.fit(DATA,
        EncoderParameters.builder(Architecture.AE).hiddenSizes(32).embeddingSize(4).epochs(15).batchSize(32)
            .learningRate(0.003).scaling(Scaling.Z_SCORE).seed(5).build(),
        Progress.NONE);

    /** DEC settings that run in a second: target update every 20 batches of 64, at most 400 iterations. */
    private static DeepEmbeddedClustering.Parameters dec(final int maxIterations, final double reconstruction) {
        return new DeepEmbeddedClustering.Parameters(4, 1.0, 20, 0.0, maxIterations, 64, 1e-3, Optimizer.ADAM,
            reconstruction, 10, 7L);
    }

    @Test
    void decDoesNotLowerTheAriOfItsKMeansInitialisationAndLowersTheKlLoss() {
        final DeepClusteringResult r = DeepEmbeddedClustering.fit(ENCODER, DATA, dec(400, 0), Progress.NONE);
        final double before = ClusteringScores.adjustedRandIndex(BLOBS.labels(), r.initialLabels());
        final double after = ClusteringScores.adjustedRandIndex(BLOBS.labels(), r.labels());
        System.out.printf("DEC: ARI k-means init %.4f -> refined %.4f; KL %s%n", before, after, kls(r.history()));
        assertTrue(before > 0.3 && before < 0.99, "the test case leaves room for improvement: " + before);
        assertTrue(after >= before, "ARI " + before + " -> " + after);
        assertEquals(400, r.iterations());
        assertFalse(r.converged(), "tolerance 0 runs all iterations");
        final List<DeepClusteringResult.Update> h = r.history();
        assertEquals(1 + 400 / 20, h.size(), "the initialisation, one entry per update, the last at the end");
        assertEquals(0, h.get(0).iteration());
        assertTrue(Double.isNaN(h.get(0).loss()) && Double.isNaN(h.get(0).changedFraction()), h.get(0).toString());
        assertEquals(400, h.get(h.size() - 1).iteration());
        klFallsWhileTheTargetIsFixed(h);
        for (final DeepClusteringResult.Update u : h.subList(1, h.size())) {
            assertTrue(Double.isNaN(u.reconstruction()), "DEC has no reconstruction term");
            assertEquals(u.kl(), u.loss(), 1e-12);
        }
        assertEquals(List.of(), r.warnings());
        checkShapes(r);
    }

    @Test
    void idecTrainsTheDecoderTooAndDoesNotLowerTheAri() {
        final DeepClusteringResult r = DeepEmbeddedClustering.fit(ENCODER, DATA, dec(400, 2.0), Progress.NONE);
        final double before = ClusteringScores.adjustedRandIndex(BLOBS.labels(), r.initialLabels());
        final double after = ClusteringScores.adjustedRandIndex(BLOBS.labels(), r.labels());
        System.out.printf("IDEC: ARI k-means init %.4f -> refined %.4f; KL %s%n", before, after, kls(r.history()));
        assertTrue(after >= before, "ARI " + before + " -> " + after);
        for (final DeepClusteringResult.Update u : r.history().subList(1, r.history().size())) {
            assertTrue(u.reconstruction() > 0 && Double.isFinite(u.reconstruction()), "reconstruction " + u);
            assertEquals(u.kl() + 2.0 * u.reconstruction(), u.loss(), 1e-9);
        }
        klFallsWhileTheTargetIsFixed(r.history());
        checkShapes(r);
    }

    /** The objective KL(P‖Q) on all rows is lower at the end of each interval than at its start (same P). */
    private static void klFallsWhileTheTargetIsFixed(final List<DeepClusteringResult.Update> h) {
        for (int t = 1; t < h.size(); t++) {
            assertTrue(h.get(t).klBefore() < h.get(t - 1).klAfter(), "KL(P‖Q) in interval " + t + ": "
                + h.get(t - 1).klAfter() + " -> " + h.get(t).klBefore() + "; " + kls(h));
        }
    }

    private static String kls(final List<DeepClusteringResult.Update> h) {
        final StringBuilder s = new StringBuilder();
        for (final DeepClusteringResult.Update u : h) {
            s.append(String.format("[%.4g -> %.4g, batches %.4g] ", u.klAfter(), u.klBefore(), u.kl()));
        }
        return s.toString();
    }

    private static void checkShapes(final DeepClusteringResult r) {
        final int n = DATA.rows();
        assertEquals(n, r.labels().length);
        assertEquals(4, r.centres().rows());
        assertEquals(ENCODER.embeddingSize(), r.centres().cols());
        assertEquals(n, r.softAssignments().rows());
        assertEquals(4, r.softAssignments().cols());
        for (int i = 0; i < n; i++) {
            double sum = 0;
            int best = 0;
            for (int j = 0; j < 4; j++) {
                sum += r.softAssignments().get(i, j);
                if (r.softAssignments().get(i, j) > r.softAssignments().get(i, best)) {
                    best = j;
                }
            }
            assertEquals(1.0, sum, 1e-9);
            assertEquals(best, r.labels()[i], "the label is the largest soft assignment");
        }
    }

    @Test
    void convergesWhenFewLabelsChange() {
        final DeepEmbeddedClustering.Parameters p = new DeepEmbeddedClustering.Parameters(4, 1.0, 20, 0.01, 5000, 64,
            1e-3, Optimizer.ADAM, 0, 10, 7L);
        final DeepClusteringResult r = DeepEmbeddedClustering.fit(ENCODER, DATA, p, Progress.NONE);
        assertTrue(r.converged());
        assertTrue(r.iterations() < 5000 && r.iterations() % 20 == 0, "stopped at an update: " + r.iterations());
        final DeepClusteringResult.Update last = r.history().get(r.history().size() - 1);
        assertTrue(last.changedFraction() < 0.01, last.toString());
        for (int u = 1; u < r.history().size() - 1; u++) {
            assertTrue(r.history().get(u).changedFraction() >= 0.01, "did not stop before: " + r.history());
        }
    }

    @Test
    void sameSeedSameResultAndTheInputEncoderIsUnchanged() throws IOException {
        final Matrix before = ENCODER.transform(DATA);
        final DeepClusteringResult a = DeepEmbeddedClustering.fit(ENCODER, DATA, dec(60, 1.0), Progress.NONE);
        final DeepClusteringResult b = DeepEmbeddedClustering.fit(ENCODER, DATA, dec(60, 1.0), Progress.NONE);
        assertArrayEquals(a.labels(), b.labels());
        assertEquals(a.centres(), b.centres());
        assertEquals(a.softAssignments(), b.softAssignments());
        assertEquals(a.encoder().transform(DATA), b.encoder().transform(DATA));
        assertEquals(before, ENCODER.transform(DATA), "the input encoder is not changed");
        assertFalse(before.equals(a.encoder().transform(DATA)), "the refined encoder differs from the input");

        // the refined encoder is an ordinary encoder model: it saves and loads with the same embedding
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        a.encoder().save(bytes);
        final FittedEncoder loaded = FittedEncoder.load(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(a.encoder().transform(DATA), loaded.transform(DATA));

        // the refined model says so (summary and file); the input encoder does not
        assertEquals("", ENCODER.refinement());
        assertFalse(ENCODER.summary().contains("refined"));
        assertTrue(a.encoder().refinement().startsWith("IDEC, 4 clusters, "), a.encoder().refinement());
        assertTrue(a.encoder().refinement().contains(a.iterations() + " iterations"), a.encoder().refinement());
        assertTrue(a.encoder().summary().contains("refined after training: IDEC, "), a.encoder().summary());
        assertEquals(a.encoder().refinement(), loaded.refinement());
        assertEquals(a.encoder().summary(), loaded.summary());
    }

    @Test
    void cancellationStopsWithinOneIteration() {
        final int[] checks = {0};
        final Progress cancelling = new Progress() {
            @Override
            public void report(final double fraction, final String message) {
                // ignored
            }

            @Override
            public void checkCancelled() {
                if (++checks[0] == 40) {
                    throw new CancelledException();
                }
            }
        };
        assertThrows(CancelledException.class,
            () -> DeepEmbeddedClustering.fit(ENCODER, DATA, dec(100_000, 0), cancelling));
        assertEquals(40, checks[0]);
    }

    @Test
    void reportsProgressWithTheLoss() {
        final StringBuilder messages = new StringBuilder();
        final double[] last = {0};
        DeepEmbeddedClustering.fit(ENCODER, DATA, dec(30, 1.0), new Progress() {
            @Override
            public void report(final double fraction, final String message) {
                assertTrue(fraction >= last[0] && fraction <= 1, "monotone: " + last[0] + " -> " + fraction);
                last[0] = fraction;
                messages.append(message).append('\n');
            }

            @Override
            public void checkCancelled() {
                // never
            }
        });
        assertTrue(messages.toString().contains("iteration 30/30: loss "), messages.toString());
        assertTrue(messages.toString().contains("reconstruction "), messages.toString());
        assertEquals(1.0, last[0]);
    }

    @Test
    void badInputIsRejectedWithAMessageNamingTheSetting() {
        assertMessage("k must be at least 2", new DeepEmbeddedClustering.Parameters(1, 1, 20, 0, 10, 64, 1e-3,
            Optimizer.ADAM, 0, 1, 1L));
        assertMessage("k (601) is larger than the number of rows (600)",
            new DeepEmbeddedClustering.Parameters(601, 1, 20, 0, 10, 64, 1e-3, Optimizer.ADAM, 0, 1, 1L));
        assertMessage("alpha must be a finite number > 0", new DeepEmbeddedClustering.Parameters(4, 0, 20, 0, 10, 64,
            1e-3, Optimizer.ADAM, 0, 1, 1L));
        assertMessage("alpha must be a finite number > 0", new DeepEmbeddedClustering.Parameters(4, Double.NaN, 20,
            0, 10, 64, 1e-3, Optimizer.ADAM, 0, 1, 1L));
        assertMessage("updateInterval must be at least 1", new DeepEmbeddedClustering.Parameters(4, 1, 0, 0, 10, 64,
            1e-3, Optimizer.ADAM, 0, 1, 1L));
        assertMessage("tolerance must be a fraction in [0, 1]", new DeepEmbeddedClustering.Parameters(4, 1, 20, 2,
            10, 64, 1e-3, Optimizer.ADAM, 0, 1, 1L));
        assertMessage("maxIterations must be at least 1", new DeepEmbeddedClustering.Parameters(4, 1, 20, 0, 0, 64,
            1e-3, Optimizer.ADAM, 0, 1, 1L));
        assertMessage("the batch size (601) is larger than the number of rows (600)",
            new DeepEmbeddedClustering.Parameters(4, 1, 20, 0, 10, 601, 1e-3, Optimizer.ADAM, 0, 1, 1L));
        assertMessage("learningRate must be a finite number > 0", new DeepEmbeddedClustering.Parameters(4, 1, 20, 0,
            10, 64, 0, Optimizer.ADAM, 0, 1, 1L));
        assertMessage("reconstructionWeight must be a finite number ≥ 0", new DeepEmbeddedClustering.Parameters(4,
            1, 20, 0, 10, 64, 1e-3, Optimizer.ADAM, -1, 1, 1L));
        assertMessage("kMeansRestarts must be at least 1", new DeepEmbeddedClustering.Parameters(4, 1, 20, 0, 10, 64,
            1e-3, Optimizer.ADAM, 0, 0, 1L));

        final FloatMatrix fewColumns = FloatMatrix.wrap(2, 3, new float[6]);
        final IllegalArgumentException columns = assertThrows(IllegalArgumentException.class,
            () -> DeepEmbeddedClustering.fit(ENCODER, fewColumns, dec(10, 0), Progress.NONE));
        assertTrue(columns.getMessage().contains("has 3 columns but the encoder was trained on 12"),
            columns.getMessage());

        final float[] values = new float[600 * 12];
        values[5 * 12 + 2] = Float.NaN;
        final IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
            () -> DeepEmbeddedClustering.fit(ENCODER, FloatMatrix.wrap(600, 12, values), dec(10, 0), Progress.NONE));
        assertTrue(nan.getMessage().contains("row 5"), nan.getMessage());
    }

    @Test
    void otherArchitecturesAreRefusedByName() {
        final FittedEncoder vae = EncoderTrainer.fit(DATA, EncoderParameters.builder(Architecture.VAE)
            .hiddenSizes(8).embeddingSize(2).epochs(1).batchSize(64).seed(1).build(), Progress.NONE);
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> DeepEmbeddedClustering.fit(vae, DATA, dec(10, 0), Progress.NONE));
        assertTrue(e.getMessage().contains("VAE (variational autoencoder)") && e.getMessage().contains("AE, DAE or SAE"),
            e.getMessage());
    }

    @Test
    void degenerateResultsAreNamed() {
        assertEquals(List.of(), DeepEmbeddedClustering.degeneracies(new int[]{0, 1, 2, 0, 1, 2}, 3));
        final List<String> empty = DeepEmbeddedClustering.degeneracies(new int[]{0, 0, 2, 0, 2, 2}, 4);
        assertEquals(1, empty.size());
        assertTrue(empty.get(0).startsWith("2 of 4 clusters ended empty (clusters 1, 3, 0-based)"), empty.get(0));
        final int[] collapsed = new int[100];
        collapsed[0] = 1;
        final List<String> one = DeepEmbeddedClustering.degeneracies(collapsed, 2);
        assertEquals(1, one.size());
        assertTrue(one.get(0).startsWith("cluster 0 (0-based) holds 99.0 % of the rows"), one.get(0));
    }

    private static void assertMessage(final String expected, final DeepEmbeddedClustering.Parameters p) {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> DeepEmbeddedClustering.fit(ENCODER, DATA, p, Progress.NONE));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
