package org.deepcluster.core.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.deepcluster.core.cluster.KMeans;
import org.deepcluster.core.data.FloatMatrix;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.encode.EncoderTestData.RecordingProgress;
import org.deepcluster.core.metrics.ClusteringScores;
import org.deepcluster.core.progress.CancelledException;
import org.deepcluster.core.progress.Progress;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The LSTM autoencoder on token-index sequences ({@link SequenceInput#TOKENS}, {@link TokenSequenceNetwork}).
 */
class TokenSequenceAutoencoderTest {

    static final int T = 10;
    static final int V = 24;

    /** Topic of each row of {@link #TOKENS}: 0 or 1. */
    static final int[] TOPICS = new int[160];

    /**
     * 160 "documents" of 3 to 10 tokens, padded with 0 at the end: topic 0 draws 80 % of its words from tokens 2…11,
     * topic 1 from tokens 12…23, both the rest from the whole vocabulary (1 = the unknown token included).
     */
    static final FloatMatrix TOKENS = documents(160, 3);

    static FloatMatrix documents(final int n, final long seed) {
        final Random r = new Random(seed);
        final float[] v = new float[n * T];
        for (int i = 0; i < n; i++) {
            final int topic = i % 2;
            TOPICS[i] = topic;
            final int length = 3 + r.nextInt(T - 2);
            for (int s = 0; s < length; s++) {
                final int token;
                if (r.nextDouble() < 0.8) {
                    token = topic == 0 ? 2 + r.nextInt(10) : 12 + r.nextInt(12);
                } else {
                    token = 1 + r.nextInt(V - 1);
                }
                v[i * T + s] = token;
            }
        }
        return FloatMatrix.wrap(n, T, v);
    }

    static EncoderParameters.Builder tokens(final int epochs) {
        return EncoderParameters.builder(Architecture.LSTM_AE).hiddenSizes(16).embeddingSize(4).epochs(epochs)
            .batchSize(32).learningRate(0.01).scaling(Scaling.NONE).tokenSequences(T, V, 8).seed(5);
    }

    @Test
    void learnsTopicsAndRoundTrips() throws IOException {
        final EncoderParameters p = tokens(25).build();
        final RecordingProgress progress = new RecordingProgress(0);
        final FittedEncoder encoder = EncoderTrainer.fit(TOKENS, p, progress);
        final TrainingHistory h = encoder.history();
        final double first = h.epochs().get(0).trainingLoss();
        // per row: ~6.5 tokens × ln 24 ≈ 20.6 nats at the start; a topic-aware model needs far less
        assertTrue(first > 15 && first < 25, "first epoch loss " + first);
        assertTrue(h.finalTrainingLoss() < 0.8 * first, "loss went from " + first + " to " + h.finalTrainingLoss());
        assertTrue(progress.messages.toString().contains("epoch 25/25: loss "), progress.messages.toString());

        final Matrix embedding = encoder.transform(TOKENS);
        assertEquals(TOKENS.rows(), embedding.rows());
        assertEquals(4, embedding.cols());
        assertTrue(embedding.firstNonFinite().isEmpty());
        final int[] clusters = KMeans.fit(embedding, KMeans.Parameters.defaults(2), Progress.NONE).labels();
        final double ari = ClusteringScores.adjustedRandIndex(TOPICS, clusters);
        assertTrue(ari > 0.8, "k-means on the embedding should separate the two topics, ARI " + ari);

        final String summary = encoder.summary();
        assertTrue(summary.startsWith("LSTM autoencoder (LSTM_AE): 10 tokens → token embedding 8 (vocabulary 24) → "
            + "LSTM 16 (last step) → 4 (embedding) → repeat 10 → LSTM 16 → softmax over 24 tokens per step"), summary);
        assertTrue(summary.contains("loss token cross-entropy (padding masked)"), summary);
        assertTrue(summary.contains("token sequences of 10 tokens, vocabulary 24, token embedding 8"), summary);
        // embedding 24 × 8, LSTM 8→16 and 4→16, dense 16→4, softmax 16→24
        final long lstm = 4L * 16 * (8 + 16 + 1) + 4L * 16 * (4 + 16 + 1);
        assertEquals(24 * 8 + lstm + (16 * 4 + 4) + (16 * 24 + 24), encoder.parameterCount());

        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        encoder.save(bytes);
        final FittedEncoder loaded = FittedEncoder.load(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(p, loaded.parameters());
        assertEquals(embedding, loaded.transform(TOKENS));
        assertEquals(h, loaded.history());
    }

    @Test
    void isDeterministic() {
        final EncoderParameters p = tokens(2).build();
        final Matrix a = EncoderTrainer.fit(TOKENS, p, Progress.NONE).transform(TOKENS);
        final Matrix b = EncoderTrainer.fit(TOKENS, p, Progress.NONE).transform(TOKENS);
        assertEquals(a, b);
        assertNotEquals(a, EncoderTrainer.fit(TOKENS, p.toBuilder().seed(6).build(), Progress.NONE).transform(TOKENS));
    }

    @Test
    void paddingIsIgnored() {
        // The same documents with more trailing padding (T + 4 columns) encode exactly like the originals: leading
        // and trailing padding is masked out of the encoder.
        final EncoderParameters p = tokens(2).build();
        final FittedEncoder encoder = EncoderTrainer.fit(TOKENS, p, Progress.NONE);
        final float[] row = new float[T];
        final float[] shifted = new float[TOKENS.rows() * T];
        for (int i = 0; i < TOKENS.rows(); i++) {
            TOKENS.copyRow(i, row, 0);
            // move each document to the end of its row: leading instead of trailing padding
            int length = 0;
            while (length < T && row[length] != 0) {
                length++;
            }
            System.arraycopy(row, 0, shifted, i * T + T - length, length);
        }
        final Matrix original = encoder.transform(TOKENS);
        final Matrix moved = encoder.transform(FloatMatrix.wrap(TOKENS.rows(), T, shifted));
        for (int i = 0; i < original.rows(); i++) {
            for (int j = 0; j < original.cols(); j++) {
                assertEquals(original.get(i, j), moved.get(i, j), 1e-5, "row " + i);
            }
        }
    }

    @Test
    void encodesARowOfPaddingOnly() {
        final FittedEncoder encoder = EncoderTrainer.fit(TOKENS, tokens(1).build(), Progress.NONE);
        final Matrix z = encoder.transform(FloatMatrix.wrap(2, T, new float[2 * T]));
        assertTrue(z.firstNonFinite().isEmpty());
        assertEquals(z.get(0, 0), z.get(1, 0));
    }

    @Test
    void trainsWithRowsOfPaddingOnly() {
        final float[] v = new float[TOKENS.rows() * T];
        for (int i = 0; i < TOKENS.rows(); i++) {
            if (i % 10 != 0) { // every tenth document is empty
                TOKENS.copyRow(i, v, i * T);
            }
        }
        final FittedEncoder encoder = EncoderTrainer.fit(FloatMatrix.wrap(TOKENS.rows(), T, v), tokens(2).build(),
            Progress.NONE);
        assertTrue(Double.isFinite(encoder.history().finalTrainingLoss()));
    }

    @Test
    void cancellationStopsWithinOneBatch() {
        // 160 rows in batches of 32: 5 batches per epoch, one check before building the network and before each batch
        final RecordingProgress progress = new RecordingProgress(4);
        assertThrows(CancelledException.class, () -> EncoderTrainer.fit(TOKENS, tokens(3).build(), progress));
        assertEquals(4, progress.checks);
        assertFalse(progress.messages.toString().contains("epoch 1/"), progress.messages.toString());
    }

    @Test
    void rejectsValuesThatAreNotTokenIndices() {
        final EncoderParameters p = tokens(1).build();
        final float[] v = new float[3 * T];
        v[T + 4] = 2.5f;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> EncoderTrainer.fit(FloatMatrix.wrap(3, T, v), p, Progress.NONE));
        assertTrue(e.getMessage().startsWith("row 1, column 4 holds 2.5, which is not a token index"), e.getMessage());

        v[T + 4] = V;
        e = assertThrows(IllegalArgumentException.class,
            () -> EncoderTrainer.fit(FloatMatrix.wrap(3, T, v), p, Progress.NONE));
        assertTrue(e.getMessage().startsWith("row 1, column 4 holds the token index 24, outside the vocabulary [0, 24)"),
            e.getMessage());

        v[T + 4] = -1;
        e = assertThrows(IllegalArgumentException.class,
            () -> EncoderTrainer.fit(FloatMatrix.wrap(3, T, v), p, Progress.NONE));
        assertTrue(e.getMessage().contains("token index -1, outside the vocabulary"), e.getMessage());

        // the same checks when encoding new rows
        final FittedEncoder encoder = EncoderTrainer.fit(TOKENS, p, Progress.NONE);
        e = assertThrows(IllegalArgumentException.class, () -> encoder.transform(FloatMatrix.wrap(3, T, v)));
        assertTrue(e.getMessage().contains("row 1, column 4 holds the token index -1"), e.getMessage());
    }

    @Test
    void rejectsAColumnCountOtherThanTheSequenceLength() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> EncoderTrainer.fit(TOKENS, tokens(1).sequenceShape(12, 1).build(), Progress.NONE));
        assertTrue(e.getMessage().startsWith("the sequence length 12 does not match the 10 input columns"),
            e.getMessage());
    }

    @Test
    void validatesTheTokenSettings() {
        assertInvalid(tokens(1).tokenSequences(T, 1, 8), "vocabularySize must be between 2 and 131072");
        assertInvalid(tokens(1).tokenSequences(T, V, 0), "tokenEmbeddingSize must be between 1 and 65536");
        assertInvalid(tokens(1).scaling(Scaling.Z_SCORE), "scaling must be NONE for token sequences");
        assertInvalid(tokens(1).sequenceInput(null), "sequenceInput must be set");
        // other architectures ignore the token settings
        EncoderParameters.builder(Architecture.AE).tokenSequences(T, 0, 0).build().validate();
    }

    private static void assertInvalid(final EncoderParameters.Builder b, final String message) {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.build().validate());
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void numericLstmModelsWithoutTheTokenFieldsStillLoad() throws IOException {
        // A model saved before token sequences existed has no sequenceInput, vocabularySize, tokenEmbeddingSize.
        final EncoderParameters p = ShapedArchitecturesTest.lstm(1).build();
        final FittedEncoder encoder = EncoderTrainer.fit(ShapedArchitecturesTest.SEQUENCES, p, Progress.NONE);
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        encoder.save(bytes);
        final byte[] old = withoutTokenFields(bytes.toByteArray());
        final FittedEncoder loaded = FittedEncoder.load(new ByteArrayInputStream(old));
        assertEquals(SequenceInput.NUMERIC, loaded.parameters().sequenceInput());
        assertEquals(p, loaded.parameters());
        assertEquals(encoder.transform(ShapedArchitecturesTest.SEQUENCES),
            loaded.transform(ShapedArchitecturesTest.SEQUENCES));
    }

    /** Rewrites a model file with the metadata's token fields removed, as older versions wrote it. */
    private static byte[] withoutTokenFields(final byte[] model) throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(model));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals(ModelFormat.METADATA_ENTRY)) {
                    final JsonObject meta = new JsonParser().parse(new String(content, StandardCharsets.UTF_8))
                        .getAsJsonObject();
                    final JsonObject parameters = meta.getAsJsonObject("parameters");
                    assertTrue(parameters.has("sequenceInput"));
                    parameters.remove("sequenceInput");
                    parameters.remove("vocabularySize");
                    parameters.remove("tokenEmbeddingSize");
                    content = meta.toString().getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
