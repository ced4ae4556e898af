package org.deepcluster.core.deep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.deepcluster.core.cluster.KMeans;
import org.deepcluster.core.cluster.KMeansModel;
import org.deepcluster.core.data.FloatMatrix;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.encode.EmbeddingRefiner;
import org.deepcluster.core.encode.FittedEncoder;
import org.deepcluster.core.encode.Optimizer;
import org.deepcluster.core.encode.TrainingDivergedException;
import org.deepcluster.core.progress.Progress;

/**
 * Deep embedded clustering: DEC (Xie, Girshick and Farhadi, 2016) and IDEC (Guo et al., 2017). Refines a trained
 * dense encoder and a set of cluster centres together so that the embedding forms tighter clusters.
 *
 * <p>The run:
 * <ol>
 * <li>The data is embedded with the given encoder and clustered by k-means ({@link Parameters#kMeansRestarts()}
 * restarts, seeded); its centroids initialise the centres μ.</li>
 * <li>Every {@link Parameters#updateInterval()} iterations (an iteration is one mini-batch), the soft assignments q
 * of all rows are computed with the current encoder and centres ({@link StudentTClustering}), the target
 * distribution p is recomputed from them, and the hard labels (argmax q) are compared with the previous update's:
 * if the fraction of changed labels is below {@link Parameters#tolerance()}, the run stops (converged).</li>
 * <li>Each iteration takes the next mini-batch of a seeded shuffle of the rows (reshuffled after each pass; the last
 * batch of a pass may be smaller) and takes one optimiser step on the encoder and the centres for the loss
 * KL(P‖Q) + w · L_r, where L_r is the autoencoder's reconstruction loss (mean squared error or binary cross-entropy,
 * as the encoder was trained, averaged over rows and columns) and w the {@link Parameters#reconstructionWeight()}:
 * w = 0 is DEC (the decoder is not used), w &gt; 0 is IDEC (the decoder is trained too, which keeps the embedding
 * from distorting). The IDEC paper writes its loss as L_r + γ·L_c with γ = 0.1; that is w = 1/γ = 10 up to a
 * constant factor of the loss, which Adam ignores (with SGD, divide the learning rate by 10 as well).</li>
 * <li>The history has one entry for the initialisation, one per target update and one for the end, with the mean
 * batch losses since the previous entry, the fraction of changed labels and the KL divergence on all rows.</li>
 * <li>After the last iteration (or at convergence) the final q, labels and centres are taken with the final
 * encoder.</li>
 * </ol>
 *
 * <p>Degenerate results are reported in {@link DeepClusteringResult#warnings()}: empty clusters, and one cluster
 * holding more than {@value #DOMINANT_FRACTION} of the rows (DEC can collapse this way, silently, in the authors'
 * own code).
 *
 * <p>Determinism: the same encoder, data, parameters and machine give the same result (the seed fixes k-means and
 * the batch order; the network arithmetic is that of the encoder's training).
 */
public final class DeepEmbeddedClustering {

    /** A cluster holding more than this fraction of the rows is reported as degenerate. */
    static final double DOMINANT_FRACTION = 0.9;

    /** Lloyd iterations and tolerance of the k-means initialisation (scikit-learn's defaults). */
    private static final int KMEANS_MAX_ITERATIONS = 300;
    private static final double KMEANS_TOLERANCE = 1e-4;

    private static final long SHUFFLE_SALT = 0x6A09E667F3BCC909L;

    private DeepEmbeddedClustering() {
    }

    /**
     * The settings of a run.
     *
     * @param k the number of clusters, at least 2 and at most the number of rows
     * @param alpha the degrees of freedom α of the Student's t kernel, &gt; 0 (1 in the papers)
     * @param updateInterval the number of iterations (mini-batches) between two updates of the target
     *            distribution, at least 1
     * @param tolerance the run stops when less than this fraction of the rows changes its label between two target
     *            updates; in [0, 1] (0: run all iterations)
     * @param maxIterations the maximum number of iterations (mini-batches), at least 1
     * @param batchSize the rows per mini-batch, at least 1 and at most the number of rows
     * @param learningRate the optimiser's step size, &gt; 0
     * @param optimizer Adam or SGD with Nesterov momentum 0.9
     * @param reconstructionWeight the weight w of the reconstruction loss: 0 = DEC, &gt; 0 = IDEC
     * @param kMeansRestarts the restarts of the k-means initialisation, at least 1
     * @param seed the seed of the k-means initialisation and the batch order
     */
    public record Parameters(int k, double alpha, int updateInterval, double tolerance, int maxIterations,
        int batchSize, double learningRate, Optimizer optimizer, double reconstructionWeight, int kMeansRestarts,
        long seed) {

        /**
         * Recommended settings: α 1, target update every 140 iterations, tolerance 0.001, at most 10,000 iterations,
         * batch 256, Adam with learning rate 1e-4, no reconstruction (DEC), 20 k-means restarts, seed 42.
         *
         * @param k the number of clusters
         * @return the parameters (not yet validated)
         */
        public static Parameters defaults(final int k) {
            return new Parameters(k, 1.0, 140, 1e-3, 10_000, 256, 1e-4, Optimizer.ADAM, 0.0, 20, 42L);
        }

        /**
         * Checks the values that can be checked without data.
         *
         * @throws IllegalArgumentException naming the first invalid parameter and its valid range
         */
        public void validate() {
            if (k < 2) {
                throw new IllegalArgumentException("k must be at least 2 (deep embedded clustering separates "
                    + "clusters), got " + k);
            }
            if (!(alpha > 0) || Double.isInfinite(alpha)) {
                throw new IllegalArgumentException("alpha must be a finite number > 0 (1 in the DEC paper), got "
                    + alpha);
            }
            if (updateInterval < 1) {
                throw new IllegalArgumentException("updateInterval must be at least 1 iteration, got "
                    + updateInterval);
            }
            if (!(tolerance >= 0 && tolerance <= 1)) {
                throw new IllegalArgumentException("tolerance must be a fraction in [0, 1], got " + tolerance);
            }
            if (maxIterations < 1) {
                throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
            }
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
                throw new IllegalArgumentException("learningRate must be a finite number > 0, got " + learningRate);
            }
            if (optimizer == null) {
                throw new IllegalArgumentException("optimizer is not set");
            }
            if (!(reconstructionWeight >= 0) || Double.isInfinite(reconstructionWeight)) {
                throw new IllegalArgumentException("reconstructionWeight must be a finite number ≥ 0 (0 = DEC, > 0 = "
                    + "IDEC), got " + reconstructionWeight);
            }
            if (kMeansRestarts < 1) {
                throw new IllegalArgumentException("kMeansRestarts must be at least 1, got " + kMeansRestarts);
            }
        }
    }

    /**
     * Refines an encoder and clusters the data.
     *
     * @param encoder a trained dense encoder (AE, DAE or SAE); not changed
     * @param data the rows, with the encoder's input columns, all finite
     * @param parameters the settings
     * @param progress receives a report per iteration (with the current loss) and is asked for cancellation before
     *            each iteration
     * @return the refined encoder, centres, labels, soft assignments and history
     * @throws IllegalArgumentException if the parameters are invalid, do not fit the data, or the encoder's
     *             architecture cannot be refined (the message says which and what to change)
     * @throws TrainingDivergedException if the loss becomes NaN or infinite
     * @throws org.deepcluster.core.progress.CancelledException if {@code progress} cancels
     */
    public static DeepClusteringResult fit(final FittedEncoder encoder, final FloatMatrix data,
        final Parameters parameters, final Progress progress) {
        parameters.validate();
        EmbeddingRefiner.checkSupported(encoder);
        checkData(encoder, data, parameters);
        final int n = data.rows();
        final int k = parameters.k();
        final int d = encoder.embeddingSize();

        progress.report(0, "embedding " + n + " rows and initialising the centres by k-means");
        final Matrix initialEmbedding = encoder.transform(data, Progress.cancellationOnly(progress));
        final KMeansModel kmeans = KMeans.fit(initialEmbedding, new KMeans.Parameters(k, parameters.kMeansRestarts(),
            KMEANS_MAX_ITERATIONS, KMEANS_TOLERANCE, parameters.seed()), Progress.cancellationOnly(progress));
        final float[] initialCentres = new float[k * d];
        for (int j = 0; j < k; j++) {
            for (int c = 0; c < d; c++) {
                initialCentres[j * d + c] = (float)kmeans.centroids().get(j, c);
            }
        }

        final EmbeddingRefiner refiner = new EmbeddingRefiner(encoder, data, parameters.optimizer(),
            parameters.learningRate(), parameters.reconstructionWeight(), initialCentres);
        final StudentTClustering layer = new StudentTClustering(k, d, parameters.alpha());
        final Run run = new Run(refiner, layer, data, parameters, progress);
        run.loop();
        return run.result(kmeans.labels());
    }

    /** The state of one run. */
    private static final class Run {
        private final EmbeddingRefiner refiner;
        private final StudentTClustering layer;
        private final FloatMatrix data;
        private final Parameters p;
        private final Progress progress;
        private final int n;
        private final int k;
        private final int d;
        private final int[] order;
        private final SplittableRandom shuffle;
        private final List<DeepClusteringResult.Update> history = new ArrayList<>();
        // work arrays of the mini-batch loss
        private final double[] zBatch;
        private final double[] pBatch;
        private final double[] qBatch;
        private final double[] zGradient;
        private final double[] centreGradient;
        private final double[] centres;
        // state at the last target update
        private double[] q;
        private double[] target;
        private int[] labels;
        private int position;
        private int iteration;
        private boolean converged;
        // sums since the last update
        private double lossSum;
        private double klSum;
        private double reconstructionSum;
        private int batches;

        Run(final EmbeddingRefiner refiner, final StudentTClustering layer, final FloatMatrix data,
            final Parameters p, final Progress progress) {
            this.refiner = refiner;
            this.layer = layer;
            this.data = data;
            this.p = p;
            this.progress = progress;
            this.n = data.rows();
            this.k = p.k();
            this.d = refiner.encoder().embeddingSize();
            this.order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            this.shuffle = new SplittableRandom(p.seed() ^ SHUFFLE_SALT);
            final int b = Math.min(p.batchSize(), n);
            zBatch = new double[b * d];
            pBatch = new double[b * k];
            qBatch = new double[b * k];
            zGradient = new double[b * d];
            centreGradient = new double[k * d];
            centres = new double[k * d];
            position = n; // shuffle before the first batch
        }

        void loop() {
            record(updateTarget());
            while (iteration < p.maxIterations()) {
                if (iteration > 0 && iteration % p.updateInterval() == 0) {
                    final double changed = updateTarget();
                    record(changed);
                    if (changed < p.tolerance()) {
                        converged = true;
                        return;
                    }
                }
                progress.checkCancelled();
                step();
                iteration++;
                progress.report((double)iteration / p.maxIterations(), String.format(Locale.ROOT,
                    "iteration %d/%d: loss %.5g (KL %.5g%s)%s", iteration, p.maxIterations(),
                    lastLoss, lastKl, Double.isNaN(lastReconstruction) ? ""
                        : String.format(Locale.ROOT, ", reconstruction %.5g", lastReconstruction),
                    history.isEmpty() ? "" : String.format(Locale.ROOT, ", %.2f %% of labels changed at the last "
                        + "update", 100 * history.get(history.size() - 1).changedFraction())));
            }
            // the end: the final assignments with the final weights
            final double changed = updateTarget();
            record(changed);
            converged = changed < p.tolerance();
        }

        private double klBefore;
        private double klAfter;
        private double lastLoss;
        private double lastKl;
        private double lastReconstruction;

        private void step() {
            if (position >= n) {
                shuffleOrder();
                position = 0;
            }
            final int count = Math.min(p.batchSize(), n - position);
            final EmbeddingRefiner.StepLoss loss = refiner.step(order, position, count,
                (rows, from, size, embedding, centreValues, embeddingGradient, parameterGradient) -> {
                    for (int v = 0; v < size * d; v++) {
                        zBatch[v] = embedding[v];
                    }
                    for (int v = 0; v < k * d; v++) {
                        centres[v] = centreValues[v];
                    }
                    for (int r = 0; r < size; r++) {
                        System.arraycopy(target, rows[from + r] * k, pBatch, r * k, k);
                    }
                    final double kl = layer.lossAndGradient(zBatch, size, pBatch, centres, qBatch, zGradient,
                        centreGradient);
                    for (int v = 0; v < size * d; v++) {
                        embeddingGradient[v] = (float)zGradient[v];
                    }
                    for (int v = 0; v < k * d; v++) {
                        parameterGradient[v] = (float)centreGradient[v];
                    }
                    return kl;
                });
            position += count;
            final double reconstruction = loss.reconstruction();
            final double total = loss.embeddingLoss()
                + (p.reconstructionWeight() > 0 ? p.reconstructionWeight() * reconstruction : 0);
            if (!Double.isFinite(total)) {
                throw new TrainingDivergedException("deep embedded clustering diverged in iteration "
                    + (iteration + 1) + ": the loss became " + total + ". Lower the learning rate (now "
                    + p.learningRate() + "), e.g. to " + p.learningRate() / 10);
            }
            lastLoss = total;
            lastKl = loss.embeddingLoss();
            lastReconstruction = reconstruction;
            lossSum += total;
            klSum += loss.embeddingLoss();
            reconstructionSum += p.reconstructionWeight() > 0 ? reconstruction : 0;
            batches++;
        }

        private void shuffleOrder() {
            for (int i = n - 1; i > 0; i--) { // Fisher–Yates
                final int j = shuffle.nextInt(i + 1);
                final int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }

        /**
         * Recomputes q, p and the labels on all rows.
         *
         * @return the fraction of rows whose label changed (NaN at the first call)
         */
        private double updateTarget() {
            final Matrix z = refiner.embed(data, progress);
            final double[] previousTarget = target;
            final double[] zValues = new double[n * d];
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < d; c++) {
                    zValues[i * d + c] = z.get(i, c);
                }
            }
            final float[] centreValues = refiner.lossParameters();
            for (int v = 0; v < k * d; v++) {
                centres[v] = centreValues[v];
            }
            q = new double[n * k];
            layer.assign(zValues, n, centres, q);
            klBefore = previousTarget == null ? Double.NaN : StudentTClustering.kl(previousTarget, q, n * k) / n;
            target = layer.target(q, n);
            klAfter = StudentTClustering.kl(target, q, n * k) / n;
            final int[] next = new int[n];
            layer.hardLabels(q, n, next);
            double changed = Double.NaN;
            if (labels != null) {
                int count = 0;
                for (int i = 0; i < n; i++) {
                    if (next[i] != labels[i]) {
                        count++;
                    }
                }
                changed = (double)count / n;
            }
            labels = next;
            return changed;
        }

        private void record(final double changed) {
            final boolean any = batches > 0;
            history.add(new DeepClusteringResult.Update(iteration, any ? lossSum / batches : Double.NaN,
                any ? klSum / batches : Double.NaN,
                any && p.reconstructionWeight() > 0 ? reconstructionSum / batches : Double.NaN, changed, klBefore,
                klAfter));
            lossSum = 0;
            klSum = 0;
            reconstructionSum = 0;
            batches = 0;
        }

        DeepClusteringResult result(final int[] initialLabels) {
            final double[][] centreRows = new double[k][d];
            final double[][] qRows = new double[n][k];
            for (int j = 0; j < k; j++) {
                System.arraycopy(centres, j * d, centreRows[j], 0, d);
            }
            for (int i = 0; i < n; i++) {
                System.arraycopy(q, i * k, qRows[i], 0, k);
            }
            final List<String> warnings = degeneracies(labels, k);
            progress.report(1.0, (converged ? "converged" : "stopped at the maximum number of iterations") + " after "
                + iteration + " iterations");
            final String refinement = String.format(java.util.Locale.ROOT,
                "%s, %d clusters, %d iterations (%s), batch size %d, %s learning rate %s%s",
                p.reconstructionWeight() > 0 ? "IDEC" : "DEC", k, iteration,
                converged ? "converged" : "not converged", Math.min(p.batchSize(), n), p.optimizer(),
                p.learningRate(), p.reconstructionWeight() > 0 ? ", reconstruction weight " + p.reconstructionWeight()
                    : "");
            return new DeepClusteringResult(refiner.encoder().withRefinement(refinement), Matrix.of(centreRows),
                labels, Matrix.of(qRows), initialLabels, history, iteration, converged, warnings);
        }
    }

    /**
     * @param labels hard labels
     * @param k the number of clusters
     * @return warnings about empty clusters and a dominant cluster
     */
    static List<String> degeneracies(final int[] labels, final int k) {
        final int[] sizes = new int[k];
        for (final int label : labels) {
            sizes[label]++;
        }
        final List<String> warnings = new ArrayList<>();
        final List<Integer> empty = new ArrayList<>();
        int largest = 0;
        for (int j = 0; j < k; j++) {
            if (sizes[j] == 0) {
                empty.add(j);
            }
            if (sizes[j] > sizes[largest]) {
                largest = j;
            }
        }
        final String advice = "lower the learning rate or the maximum iterations, use a reconstruction weight > 0 "
            + "(IDEC), or check k";
        if (!empty.isEmpty()) {
            warnings.add(empty.size() + " of " + k + " clusters ended empty (cluster" + (empty.size() > 1 ? "s " : " ")
                + join(empty) + ", 0-based): the refinement merged clusters; " + advice);
        }
        final double fraction = (double)sizes[largest] / labels.length;
        if (fraction > DOMINANT_FRACTION) {
            warnings.add(String.format(Locale.ROOT, "cluster %d (0-based) holds %.1f %% of the rows: the refinement "
                + "collapsed towards one cluster; %s", largest, 100 * fraction, advice));
        }
        return warnings;
    }

    private static String join(final List<Integer> values) {
        final StringBuilder s = new StringBuilder();
        for (final int v : values) {
            s.append(s.length() > 0 ? ", " : "").append(v);
        }
        return s.toString();
    }

    private static void checkData(final FittedEncoder encoder, final FloatMatrix data, final Parameters p) {
        if (data.cols() != encoder.inputSize()) {
            throw new IllegalArgumentException("the data has " + data.cols() + " columns but the encoder was trained "
                + "on " + encoder.inputSize() + ": select the same columns, in the same order, as for training");
        }
        if (data.rows() == 0) {
            throw new IllegalArgumentException("the data has no rows: deep embedded clustering needs at least k ("
                + p.k() + ") rows");
        }
        if (p.k() > data.rows()) {
            throw new IllegalArgumentException("k (" + p.k() + ") is larger than the number of rows (" + data.rows()
                + "): lower k or provide more rows");
        }
        if (p.batchSize() > data.rows()) {
            throw new IllegalArgumentException("the batch size (" + p.batchSize() + ") is larger than the number of "
                + "rows (" + data.rows() + "): lower it to at most " + data.rows());
        }
        data.requireFinite("the data");
    }
}
