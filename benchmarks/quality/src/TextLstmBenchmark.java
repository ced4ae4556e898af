import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.deepcluster.core.cluster.KMeans;
import org.deepcluster.core.data.FloatMatrix;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.encode.Architecture;
import org.deepcluster.core.encode.EncoderParameters;
import org.deepcluster.core.encode.EncoderTrainer;
import org.deepcluster.core.encode.FittedEncoder;
import org.deepcluster.core.encode.Scaling;
import org.deepcluster.core.metrics.ClusteringScores;
import org.deepcluster.core.progress.Progress;
import org.deepcluster.core.text.Tokenizer;
import org.deepcluster.core.text.Vocabulary;

/**
 * Quality check of the LSTM autoencoder on token sequences: texts.tsv.gz + labels.csv of a shared text set (e.g.
 * biomedical-text) → Tokenizer (stop words removed) → Vocabulary (size V, min document frequency 2) → T token
 * indices per text → LSTM_AE on tokens → k-means (k = number of labels, 10 restarts) on the embedding → ARI, NMI.
 * One seed. Prints one CSV line: set,pipeline,seed,epochs,V,T,ari,nmi,final_loss,train_seconds.
 *
 * <p>Arguments: DATA_DIR SET V T EPOCHS SEED [HIDDEN EMBEDDING TOKEN_EMBEDDING BATCH LEARNING_RATE]
 */
public final class TextLstmBenchmark {

    public static void main(final String[] args) throws IOException {
        final Path dir = Path.of(args[0], args[1]);
        final int v = Integer.parseInt(args[2]);
        final int t = Integer.parseInt(args[3]);
        final int epochs = Integer.parseInt(args[4]);
        final long seed = Long.parseLong(args[5]);
        final int hidden = args.length > 6 ? Integer.parseInt(args[6]) : 64;
        final int embedding = args.length > 7 ? Integer.parseInt(args[7]) : 20;
        final int tokenEmbedding = args.length > 8 ? Integer.parseInt(args[8]) : 32;
        final int batch = args.length > 9 ? Integer.parseInt(args[9]) : 128;
        final double lr = args.length > 10 ? Double.parseDouble(args[10]) : 2e-3;

        final Map<String, String> texts = new HashMap<>();
        final List<String> ids = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(dir.resolve("texts.tsv.gz"))), StandardCharsets.UTF_8))) {
            in.readLine(); // header
            String line;
            while ((line = in.readLine()) != null) {
                final int tab = line.indexOf('\t');
                ids.add(line.substring(0, tab));
                texts.put(line.substring(0, tab), line.substring(tab + 1));
            }
        }
        final Map<String, String> labelOf = new HashMap<>();
        for (final String line : Files.readAllLines(dir.resolve("labels.csv"), StandardCharsets.UTF_8).subList(1,
            Files.readAllLines(dir.resolve("labels.csv")).size())) {
            final int comma = line.indexOf(',');
            labelOf.put(line.substring(0, comma), line.substring(comma + 1));
        }
        final Map<String, Integer> codes = new HashMap<>();
        final int n = ids.size();
        final int[] truth = new int[n];
        final Tokenizer tokenizer = new Tokenizer(true);
        final List<List<String>> documents = new ArrayList<>(n);
        final Vocabulary.Builder builder = new Vocabulary.Builder();
        for (int i = 0; i < n; i++) {
            truth[i] = codes.computeIfAbsent(labelOf.get(ids.get(i)), k -> codes.size());
            final List<String> tokens = tokenizer.tokens(texts.get(ids.get(i)));
            documents.add(tokens);
            builder.add(tokens);
        }
        final Vocabulary vocabulary = builder.build(v, 2);
        final int[] indices = new int[n * t];
        for (int i = 0; i < n; i++) {
            vocabulary.encode(documents.get(i), t, indices, i * t);
        }
        final float[] values = new float[n * t];
        for (int k = 0; k < values.length; k++) {
            values[k] = indices[k];
        }
        final FloatMatrix data = FloatMatrix.wrap(n, t, values);

        final EncoderParameters p = EncoderParameters.builder(Architecture.LSTM_AE).hiddenSizes(hidden)
            .embeddingSize(embedding).epochs(epochs).batchSize(batch).learningRate(lr).scaling(Scaling.NONE)
            .tokenSequences(t, vocabulary.size(), tokenEmbedding).seed(seed).build();
        final long start = System.nanoTime();
        final FittedEncoder encoder = EncoderTrainer.fit(data, p, new Progress() {
            @Override
            public void report(final double fraction, final String message) {
                System.err.println(message);
            }

            @Override
            public void checkCancelled() {
                // never cancelled
            }
        });
        final double seconds = (System.nanoTime() - start) / 1e9;
        System.err.println(encoder.summary());
        final Matrix z = encoder.transform(data);
        final int k = codes.size();
        final int[] clusters = KMeans.fit(z, new KMeans.Parameters(k, 10, 300, 1e-4, seed), Progress.NONE).labels();
        System.out.println(String.format(Locale.ROOT, "%s,lstm_tokens_kmeans,%d,%d,%d,%d,%.4f,%.4f,%.4f,%.1f", args[1],
            seed, epochs, vocabulary.size(), t, ClusteringScores.adjustedRandIndex(truth, clusters),
            ClusteringScores.normalizedMutualInformation(truth, clusters), encoder.history().finalTrainingLoss(),
            seconds));
    }
}
