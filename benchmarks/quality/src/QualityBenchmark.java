import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.FileWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.deepcluster.core.cluster.KMeans;
import org.deepcluster.core.cluster.KMeansModel;
import org.deepcluster.core.data.FloatMatrix;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.deep.DeepClusteringResult;
import org.deepcluster.core.deep.DeepEmbeddedClustering;
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
 * Quality benchmark of the deepcluster engine on the shared data sets, following the protocol of
 * /work/shared/peers/RESULTS.md (preprocessing per kind, PCA-50, k = number of labels, KMeans(k, n_init=10),
 * ae_kmeans: d-256-64-10 mirrored, ReLU, linear bottleneck, MSE, Adam 1e-3, batch 256, 100 epochs).
 *
 * <p>Usage: QualityBenchmark dataDir outCsv set pipelines seeds [epochs [extraRestarts]]
 * <br>pipelines: comma list of kmeans_pca50, kmeans_pca10, ae_kmeans, dae_kmeans, sae_kmeans, vae_kmeans,
 * aae_kmeans, cae_kmeans and lstm_ae_kmeans (the last two for square grey-scale images: breastmnist), dec, idec
 * (dec/idec: the ae_kmeans encoder and k-means centres refined by DEC / IDEC with the peers' settings); a suffix _rN
 * (e.g. kmeans_pca50_r100) runs k-means with N restarts instead of 10; a suffix _wdλ before it (e.g. ae_kmeans_wd1e-3,
 * ae_kmeans_wd1e-3_r100) trains the encoder with L2 weight decay λ (AE, DAE, SAE, AAE; dec/idec: their AE)
 * <br>seeds: comma list, e.g. 0,1,2,3,4
 *
 * <p>One CSV row per (set, pipeline, seed) is appended to outCsv and flushed at once. Labels are used only for k and
 * for the scores.
 */
public final class QualityBenchmark {

    private QualityBenchmark() {
    }

    public static void main(final String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        final Path dataDir = Path.of(args[0]);
        final Path out = Path.of(args[1]);
        final String set = args[2];
        final String[] pipelines = args[3].split(",");
        final String[] seedText = args[4].split(",");
        final int epochs = args.length > 5 ? Integer.parseInt(args[5]) : 100;
        // > 0: every encoder pipeline also scores its embedding with k-means of this many restarts (row <pipeline>_rN)
        final int extraRestarts = args.length > 6 ? Integer.parseInt(args[6]) : 0;

        long t0 = System.nanoTime();
        final Loaded d = load(dataDir.resolve(set));
        final double loadS = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        final double[][] x = preprocess(set, d.x);
        final double preS = (System.nanoTime() - t0) / 1e9;
        final int k = d.k;
        System.out.printf("%s: n=%d d=%d k=%d load %.1fs preprocess %.1fs%n", set, x.length, x[0].length, k, loadS,
            preS);

        double[][] pca = null;
        final boolean newFile = !Files.exists(out);
        try (PrintWriter w = new PrintWriter(new FileWriter(out.toFile(), StandardCharsets.UTF_8, true))) {
            if (newFile) {
                w.println("set,pipeline,seed,epochs,ari,nmi,acc,n_clusters,seconds,ae_seconds,final_loss,note");
                w.flush();
            }
            for (final String pipelineName : pipelines) {
                // a suffix _rN (e.g. kmeans_pca50_r100) runs k-means with N restarts instead of 10; before it, a
                // suffix _wdλ (e.g. ae_kmeans_wd1e-3, ae_kmeans_wd1e-3_r100) trains the encoder with weight decay λ
                final java.util.regex.Matcher suffix = java.util.regex.Pattern
                    .compile("(.*?)(?:_wd([0-9.eE+-]+))?(?:_r(\\d+))?").matcher(pipelineName);
                if (!suffix.matches()) {
                    throw new IllegalArgumentException("unknown pipeline " + pipelineName);
                }
                final String pipeline = suffix.group(1);
                final double weightDecay = suffix.group(2) != null ? Double.parseDouble(suffix.group(2)) : 0.0;
                final int restarts = suffix.group(3) != null ? Integer.parseInt(suffix.group(3)) : 10;
                if (weightDecay != 0 && pipeline.startsWith("kmeans_")) {
                    throw new IllegalArgumentException(pipelineName + ": weight decay needs an encoder pipeline");
                }
                for (final String s : seedText) {
                    final long seed = Long.parseLong(s.trim());
                    if (pipeline.equals("kmeans_pca50") || pipeline.equals("kmeans_pca10")) {
                        if (pca == null) {
                            t0 = System.nanoTime();
                            pca = pca(x, Math.min(50, Math.min(x.length - 1, x[0].length)));
                            System.out.printf("PCA -> %d dims in %.1fs%n", pca[0].length,
                                (System.nanoTime() - t0) / 1e9);
                        }
                        t0 = System.nanoTime();
                        final double[][] input = pipeline.equals("kmeans_pca10") ? firstColumns(pca, 10) : pca;
                        final KMeansModel km = KMeans.fit(Matrix.of(input),
                            new KMeans.Parameters(k, restarts, 300, 1e-4, seed), Progress.NONE);
                        final double sec = (System.nanoTime() - t0) / 1e9;
                        write(w, set, pipelineName, seed, 0, d.truth, km.labels(), sec, Double.NaN, Double.NaN,
                            String.format("inertia %.6g", km.inertia()));
                    } else {
                        final Architecture arch = switch (pipeline) {
                            case "ae_kmeans", "dec", "idec" -> Architecture.AE;
                            case "dae_kmeans" -> Architecture.DAE;
                            case "sae_kmeans" -> Architecture.SAE;
                            case "vae_kmeans" -> Architecture.VAE;
                            case "aae_kmeans" -> Architecture.AAE;
                            case "cae_kmeans" -> Architecture.CAE;
                            case "lstm_ae_kmeans" -> Architecture.LSTM_AE;
                            default -> throw new IllegalArgumentException("unknown pipeline " + pipeline);
                        };
                        final EncoderParameters.Builder b = EncoderParameters.builder(arch).hiddenSizes(256, 64)
                            .embeddingSize(10).activation(Activation.RELU).loss(ReconstructionLoss.MSE)
                            .epochs(epochs).batchSize(Math.min(256, x.length)).learningRate(1e-3).optimizer(Optimizer.ADAM)
                            .noise(Noise.masking(0.1)).klWeight(1.0).scaling(Scaling.NONE).seed(seed)
                            .weightDecay(weightDecay);
                        if (arch == Architecture.CAE || arch == Architecture.LSTM_AE) {
                            // images: one 28×28 grey-scale image per row (breastmnist)
                            final int side = (int)Math.round(Math.sqrt(x[0].length));
                            if (side * side != x[0].length) {
                                throw new IllegalArgumentException(pipeline + " needs square grey-scale images, "
                                    + set + " has " + x[0].length + " columns");
                            }
                            if (arch == Architecture.CAE) { // 3×3 conv blocks of 16 and 8 filters, 2×2 max-pooling
                                b.hiddenSizes(16, 8).imageShape(side, side, 1);
                            } else { // the image as a sequence: one pixel row per time step, one LSTM layer of 64
                                b.hiddenSizes(64).sequenceShape(side, side);
                            }
                        }
                        final EncoderParameters p = b.build();
                        final FloatMatrix fx = toFloat(x);
                        t0 = System.nanoTime();
                        final FittedEncoder enc = EncoderTrainer.fit(fx, p, Progress.NONE);
                        final double aeSec = (System.nanoTime() - t0) / 1e9;
                        t0 = System.nanoTime();
                        final int[] pred;
                        String decNote = "";
                        Matrix z = null;
                        KMeansModel km = null;
                        if (pipeline.equals("dec") || pipeline.equals("idec")) {
                            // the peers' protocol: Adam 1e-4, one target update per epoch, tol 0.001, at most 200
                            // epochs, batch 256; IDEC L = MSE + 0.1 KL, i.e. reconstruction weight 10 (Adam ignores
                            // the constant factor); centres from k-means with 10 restarts on the AE embedding
                            final int batch = Math.min(256, x.length);
                            final int perEpoch = (x.length + batch - 1) / batch;
                            final DeepClusteringResult r = DeepEmbeddedClustering.fit(enc, fx,
                                new DeepEmbeddedClustering.Parameters(k, 1.0, perEpoch, 1e-3, 200 * perEpoch, batch,
                                    1e-4, Optimizer.ADAM, pipeline.equals("idec") ? 10.0 : 0.0, 10, seed),
                                Progress.NONE);
                            pred = r.labels();
                            decNote = String.format("%s after %d epochs; k-means init ARI %.4f%s",
                                r.converged() ? "converged" : "not converged", r.iterations() / perEpoch,
                                ClusteringScores.adjustedRandIndex(d.truth, r.initialLabels()),
                                r.warnings().isEmpty() ? "" : "; " + String.join(" / ", r.warnings()).replace(',', ';'));
                        } else {
                            z = enc.transform(fx);
                            km = KMeans.fit(z, new KMeans.Parameters(k, restarts, 300, 1e-4, seed), Progress.NONE);
                            pred = km.labels();
                        }
                        final double sec = (System.nanoTime() - t0) / 1e9;
                        // the engine refuses a batch larger than the data; PyTorch's DataLoader then makes one full batch
                        final String batchNote = x.length < 256 ? "batch " + x.length + " (= n); " : "";
                        final String note = batchNote + decNote + switch (arch) {
                            case SAE -> "pretrain_epochs=" + p.pretrainEpochs();
                            case DAE -> "masking 0.1";
                            case VAE -> "kl=1";
                            case AAE -> "adversarial weight " + p.adversarialWeight();
                            case CAE -> "conv filters 16-8; image " + p.imageWidth() + "x" + p.imageHeight() + "x1";
                            case LSTM_AE -> "LSTM 64; sequence " + p.sequenceLength() + "x" + p.sequenceFeatures();
                            default -> "";
                        }
                            + (weightDecay == 0 ? "" : "; weight decay " + weightDecay
                                + " (final_loss includes 0.5 wd sum W^2)")
                            + (km == null ? "" : String.format("; inertia %.6g", km.inertia()));
                        write(w, set, pipelineName, seed, epochs, d.truth, pred, sec, aeSec,
                            enc.history().finalTrainingLoss(), note);
                        if (extraRestarts > 0 && z != null) { // the same embedding, k-means with more restarts
                            t0 = System.nanoTime();
                            final KMeansModel more = KMeans.fit(z, new KMeans.Parameters(k, extraRestarts, 300, 1e-4,
                                seed), Progress.NONE);
                            final String base = suffix.group(2) != null ? pipeline + "_wd" + suffix.group(2) : pipeline;
                            write(w, set, base + "_r" + extraRestarts, seed, epochs, d.truth, more.labels(),
                                (System.nanoTime() - t0) / 1e9, aeSec, enc.history().finalTrainingLoss(),
                                "same embedding as " + pipelineName + ", k-means seconds only"
                                    + String.format("; inertia %.6g", more.inertia()));
                        }
                    }
                }
            }
        }
    }

    private static void write(final PrintWriter w, final String set, final String pipeline, final long seed,
        final int epochs, final int[] truth, final int[] pred, final double sec, final double aeSec,
        final double loss, final String note) {
        final double ari = ClusteringScores.adjustedRandIndex(truth, pred);
        final double nmi = ClusteringScores.normalizedMutualInformation(truth, pred);
        final double acc = ClusteringScores.unsupervisedAccuracy(truth, pred);
        final long used = java.util.Arrays.stream(pred).distinct().count();
        final String line = String.format("%s,%s,%d,%d,%.6f,%.6f,%.6f,%d,%.3f,%s,%s,%s", set, pipeline, seed,
            epochs, ari, nmi, acc, used, sec, Double.isNaN(aeSec) ? "" : String.format("%.2f", aeSec),
            Double.isNaN(loss) ? "" : String.format("%.6g", loss), note);
        w.println(line);
        w.flush();
        System.out.println(line);
    }

    /** The first m columns (PCA-10 = the first 10 columns of PCA-50, as in the peers' protocol). */
    private static double[][] firstColumns(final double[][] x, final int m) {
        final double[][] r = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            r[i] = java.util.Arrays.copyOf(x[i], Math.min(m, x[i].length));
        }
        return r;
    }

    private static FloatMatrix toFloat(final double[][] x) {
        final float[][] f = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            f[i] = new float[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                f[i][j] = (float) x[i][j];
            }
        }
        return FloatMatrix.of(f);
    }

    // ---------------------------------------------------------------- PCA

    /**
     * PCA like sklearn's PCA(svd_solver='full'): centre the columns, take the leading principal axes, project the
     * centred data onto them. Uses Smile's PCA (covariance eigen-decomposition or SVD; the axes are the same up to
     * sign, and k-means does not care about signs). Checks that the projected columns are centred and that their
     * variances are the leading eigenvalues in decreasing order.
     */
    static double[][] pca(final double[][] x, final int m) {
        final smile.feature.extraction.PCA full = smile.feature.extraction.PCA.fit(x);
        final smile.feature.extraction.PCA proj = full.getProjection(m);
        final double[][] z = proj.apply(x);
        final double[] var = full.variance();
        final int n = z.length;
        double maxMean = 0;
        double maxRel = 0;
        for (int j = 0; j < m; j++) {
            double s = 0;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                s += z[i][j];
            }
            final double mean = s / n;
            for (int i = 0; i < n; i++) {
                ss += (z[i][j] - mean) * (z[i][j] - mean);
            }
            maxMean = Math.max(maxMean, Math.abs(mean));
            // sklearn's explained_variance_ uses n-1; compare with the usual conventions and keep the best match
            final double vPop = ss / n;
            final double vSample = ss / (n - 1);
            // Smile 3.1.1 reports the squared singular values of the centred data (= sum of squares), so accept that
            // convention too
            final double rel = Math.min(Math.abs(ss - var[j]),
                Math.min(Math.abs(vPop - var[j]), Math.abs(vSample - var[j]))) / var[j];
            maxRel = Math.max(maxRel, rel);
            if (j > 0 && var[j] > var[j - 1] * (1 + 1e-9)) {
                throw new IllegalStateException("PCA variances not decreasing at " + j);
            }
        }
        System.out.printf("PCA check: %d comps, max |col mean| %.2e, max rel var mismatch %.2e, var[0..2] %.4g %.4g %.4g%n",
            m, maxMean, maxRel, var[0], var[1], var[Math.min(2, m - 1)]);
        if (maxMean > 1e-6 * Math.sqrt(var[0]) + 1e-9 || maxRel > 1e-6) {
            throw new IllegalStateException("PCA projection is not the centred leading-component projection");
        }
        return z;
    }

    // ---------------------------------------------------------------- data

    record Loaded(double[][] x, int[] truth, int k) {
    }

    static Loaded load(final Path dir) throws IOException {
        final Map<String, String> labelOf = new HashMap<>();
        for (final String line : Files.readAllLines(dir.resolve("labels.csv"), StandardCharsets.UTF_8).subList(1,
            Files.readAllLines(dir.resolve("labels.csv"), StandardCharsets.UTF_8).size())) {
            if (line.isBlank()) {
                continue;
            }
            final int c = line.indexOf(',');
            labelOf.put(unquote(line.substring(0, c)), unquote(line.substring(c + 1)));
        }
        final List<double[]> rows = new ArrayList<>();
        final List<String> ids = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(new FileInputStream(dir.resolve("data.csv.gz").toFile())), StandardCharsets.UTF_8))) {
            final int cols = r.readLine().split(",").length - 1;
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                final String[] f = line.split(",", -1);
                if (f.length != cols + 1) {
                    throw new IOException("bad row " + f[0]);
                }
                final double[] v = new double[cols];
                for (int j = 0; j < cols; j++) {
                    v[j] = Double.parseDouble(f[j + 1]);
                }
                ids.add(unquote(f[0]));
                rows.add(v);
            }
        }
        final Map<String, Integer> classes = new LinkedHashMap<>();
        final int[] truth = new int[rows.size()];
        for (int i = 0; i < truth.length; i++) {
            final String l = labelOf.get(ids.get(i));
            if (l == null) {
                throw new IOException("no label for " + ids.get(i));
            }
            truth[i] = classes.computeIfAbsent(l, key -> classes.size());
        }
        return new Loaded(rows.toArray(new double[0][]), truth, classes.size());
    }

    private static String unquote(final String s) {
        final String t = s.trim();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    static double[][] preprocess(final String set, final double[][] raw) {
        final double[][] x = new double[raw.length][];
        for (int i = 0; i < raw.length; i++) {
            x[i] = raw[i].clone();
        }
        switch (set) {
            case "pbmc2100" -> {
                for (final double[] row : x) {
                    double total = 0;
                    for (final double v : row) {
                        total += v;
                    }
                    for (int j = 0; j < row.length; j++) {
                        row[j] = Math.log1p(total > 0 ? row[j] / total * 1e4 : 0);
                    }
                }
                zscore(x);
                for (final double[] row : x) {
                    for (int j = 0; j < row.length; j++) {
                        row[j] = Math.max(-10, Math.min(10, row[j]));
                    }
                }
            }
            case "khan-srbct", "wdbc" -> zscore(x);
            case "breastmnist" -> {
                for (final double[] row : x) {
                    for (int j = 0; j < row.length; j++) {
                        row[j] /= 255.0;
                    }
                }
            }
            default -> throw new IllegalArgumentException("no preprocessing defined for " + set);
        }
        return x;
    }

    /** Per column (x - mean) / population std; a constant column becomes 0. */
    static void zscore(final double[][] x) {
        final int n = x.length;
        final int d = x[0].length;
        for (int j = 0; j < d; j++) {
            double s = 0;
            for (final double[] row : x) {
                s += row[j];
            }
            final double mean = s / n;
            double ss = 0;
            for (final double[] row : x) {
                ss += (row[j] - mean) * (row[j] - mean);
            }
            final double sd = Math.sqrt(ss / n);
            for (final double[] row : x) {
                row[j] = sd > 0 ? (row[j] - mean) / sd : 0.0;
            }
        }
    }
}
