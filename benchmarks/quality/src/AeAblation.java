import java.io.FileWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.PrintWriter;
import java.util.Locale;

import org.deepcluster.core.cluster.KMeans;
import org.deepcluster.core.data.FloatMatrix;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.encode.Activation;
import org.deepcluster.core.encode.Architecture;
import org.deepcluster.core.encode.EncoderParameters;
import org.deepcluster.core.encode.EncoderTrainer;
import org.deepcluster.core.encode.FittedEncoder;
import org.deepcluster.core.encode.Noise;
import org.deepcluster.core.encode.Optimizer;
import org.deepcluster.core.encode.ReconstructionLoss;
import org.deepcluster.core.encode.Scaling;
import org.deepcluster.core.metrics.ClusteringScores;
import org.deepcluster.core.progress.Progress;

/**
 * Ablation of the AE + k-means pipeline of {@link QualityBenchmark} on one data set: which training setting makes the
 * AE embedding + k-means reach PCA-50 + k-means. Loads and preprocesses the set once, then runs each configuration
 * for each seed and appends one CSV row per (configuration, seed).
 *
 * <p>Usage: AeAblation dataDir outCsv set seeds config...
 * <br>config: name:key=value;key=value... with keys arch (AE, DAE, SAE, VAE, AAE), epochs, batch, lr, emb, hidden
 * (e.g. 256-64), val (validation fraction), patience, restarts (k-means; 10/100 scores the same embedding
 * with 10 and with 100 restarts, the second as a row named config_r100), and sys.NAME=VALUE for an engine system
 * property (engine-internal experimental switches). Unset keys: the benchmark's ae_kmeans protocol (2000-256-64-10,
 * ReLU, MSE, Adam 1e-3, batch 256, 100 epochs, k-means 10 restarts).
 */
public final class AeAblation {

    private AeAblation() {
    }

    public static void main(final String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        final Path out = Path.of(args[1]);
        final String set = args[2];
        final String[] seeds = args[3].split(",");
        final QualityBenchmark.Loaded d = QualityBenchmark.load(Path.of(args[0]).resolve(set));
        final double[][] x = QualityBenchmark.preprocess(set, d.x());
        final FloatMatrix fx = toFloat(x);
        final boolean newFile = !Files.exists(out);
        try (PrintWriter w = new PrintWriter(new FileWriter(out.toFile(), StandardCharsets.UTF_8, true))) {
            if (newFile) {
                w.println("set,config,seed,ari,nmi,acc,epochs_run,best_epoch,final_loss,train_s,spec");
            }
            for (int c = 4; c < args.length; c++) {
                final String spec = args[c];
                final String name = spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec;
                for (final String s : seeds) {
                    final long seed = Long.parseLong(s.trim());
                    final Config cfg = new Config(spec.contains(":") ? spec.substring(spec.indexOf(':') + 1) : "");
                    final EncoderParameters p = EncoderParameters.builder(cfg.arch).hiddenSizes(cfg.hidden)
                        .embeddingSize(cfg.emb).activation(Activation.RELU).loss(ReconstructionLoss.MSE)
                        .epochs(cfg.epochs).batchSize(Math.min(cfg.batch, x.length)).learningRate(cfg.lr)
                        .optimizer(Optimizer.ADAM).noise(Noise.masking(0.1)).klWeight(1.0).scaling(Scaling.NONE)
                        .validationFraction(cfg.val).patience(cfg.patience).seed(seed).build();
                    final long t0 = System.nanoTime();
                    final FittedEncoder enc = EncoderTrainer.fit(fx, p, Progress.NONE);
                    final double sec = (System.nanoTime() - t0) / 1e9;
                    final Matrix z = enc.transform(fx);
                    cfg.clearProperties();
                    for (int r = 0; r < cfg.restarts.length; r++) { // k-means variants on the same embedding
                        final int[] pred = KMeans.fit(z, new KMeans.Parameters(d.k(), cfg.restarts[r], 300, 1e-4,
                            seed), Progress.NONE).labels();
                        final String line = String.format("%s,%s,%d,%.6f,%.6f,%.6f,%d,%d,%.6g,%.1f,\"%s\"", set,
                            r == 0 ? name : name + "_r" + cfg.restarts[r], seed,
                            ClusteringScores.adjustedRandIndex(d.truth(), pred),
                            ClusteringScores.normalizedMutualInformation(d.truth(), pred),
                            ClusteringScores.unsupervisedAccuracy(d.truth(), pred), enc.history().size(),
                            enc.history().bestEpoch(), enc.history().finalTrainingLoss(), sec, spec);
                        w.println(line);
                        w.flush();
                        System.out.println(line);
                    }
                }
            }
        }
    }

    /** One configuration; sets the system properties it names until {@link #clearProperties()}. */
    private static final class Config {
        Architecture arch = Architecture.AE;
        int epochs = 100;
        int batch = 256;
        double lr = 1e-3;
        int emb = 10;
        int[] hidden = {256, 64};
        double val;
        int patience;
        int[] restarts = {10};
        private final java.util.List<String> properties = new java.util.ArrayList<>();

        Config(final String text) {
            for (final String kv : text.split(";")) {
                if (kv.isBlank()) {
                    continue;
                }
                final String key = kv.substring(0, kv.indexOf('='));
                final String value = kv.substring(kv.indexOf('=') + 1);
                switch (key) {
                    case "arch" -> arch = Architecture.valueOf(value);
                    case "epochs" -> epochs = Integer.parseInt(value);
                    case "batch" -> batch = Integer.parseInt(value);
                    case "lr" -> lr = Double.parseDouble(value);
                    case "emb" -> emb = Integer.parseInt(value);
                    case "hidden" -> hidden = java.util.Arrays.stream(value.split("-")).mapToInt(Integer::parseInt)
                        .toArray();
                    case "val" -> val = Double.parseDouble(value);
                    case "patience" -> patience = Integer.parseInt(value);
                    case "restarts" -> restarts = java.util.Arrays.stream(value.split("/"))
                        .mapToInt(Integer::parseInt).toArray();
                    default -> {
                        if (!key.startsWith("sys.")) {
                            throw new IllegalArgumentException("unknown key " + key);
                        }
                        System.setProperty(key.substring(4), value);
                        properties.add(key.substring(4));
                    }
                }
            }
        }

        void clearProperties() {
            properties.forEach(System::clearProperty);
        }
    }

    private static FloatMatrix toFloat(final double[][] x) {
        final float[][] f = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            f[i] = new float[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                f[i][j] = (float)x[i][j];
            }
        }
        return FloatMatrix.of(f);
    }
}
