package org.deepcluster.core.encode;

import java.util.Set;

import org.bytedeco.javacpp.FloatPointer;
import org.deepcluster.core.backend.Nd4jBackend;
import org.deepcluster.core.data.FloatMatrix;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.progress.Progress;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Further trains a copy of a dense encoder ({@link Architecture#AE}, {@link Architecture#DAE},
 * {@link Architecture#SAE}) against a loss defined on its embedding, optionally plus its reconstruction loss, as
 * deep embedded clustering (DEC, IDEC) does. The loss may have parameters of its own (e.g. cluster centres), which
 * are optimised by the same method and learning rate as the network.
 *
 * <p>Each {@link #step} is one mini-batch: forward pass to the embedding (and through the decoder when the
 * reconstruction weight is positive), the loss's gradient with respect to the embedding, back-propagation through
 * the encoder (and the weighted reconstruction gradient through decoder and encoder), one optimiser step on all
 * parameters. The arithmetic is {@link DenseTrainer}'s, on the copy's own parameters; the original encoder is not
 * changed. The clean (uncorrupted) rows are used as input, also for a denoising autoencoder, as in the DEC and IDEC
 * papers' fine-tuning.
 *
 * <p>Not thread-safe.
 */
public final class EmbeddingRefiner {

    /** The architectures whose encoder can be refined. */
    public static final Set<Architecture> SUPPORTED = Set.of(Architecture.AE, Architecture.DAE, Architecture.SAE);

    /** A loss on a mini-batch's embedding. */
    @FunctionalInterface
    public interface EmbeddingLoss {
        /**
         * Computes the loss of a mini-batch and its gradients.
         *
         * @param rows the data rows of the batch (indices into the data), {@code rows[from]} to
         *            {@code rows[from + count - 1]}
         * @param from the first position in {@code rows}
         * @param count the batch size
         * @param embedding the batch's embedding, row-major {@code count × embeddingSize}
         * @param parameters the loss's own parameters (current values; do not change them)
         * @param embeddingGradient receives dLoss/d(embedding), row-major {@code count × embeddingSize}
         * @param parameterGradient receives dLoss/d(parameters)
         * @return the loss of the batch (the mean over its rows, so that it does not depend on the batch size)
         */
        double evaluate(int[] rows, int from, int count, float[] embedding, float[] parameters,
            float[] embeddingGradient, float[] parameterGradient);
    }

    /**
     * The losses of one step.
     *
     * @param embeddingLoss the loss on the embedding
     * @param reconstruction the unweighted mean reconstruction loss, or NaN when the reconstruction weight is 0
     */
    public record StepLoss(double embeddingLoss, double reconstruction) {
    }

    private final FittedEncoder encoder;
    private final DenseTrainer trainer;
    private final int embeddingLayer;
    private final int embeddingSize;
    private final double reconstructionWeight;
    private final BatchSource batches;
    private final float[] parameters;
    private final float[] parameterGradient;
    private final INDArray parameterArray;
    private final INDArray parameterGradientArray;
    private final GradientUpdater<?> parameterUpdater;
    private int parameterIteration;
    private float[] embedding = new float[0];
    private float[] embeddingGradient = new float[0];
    private float[] columnMajor = new float[0];

    /**
     * @param original the encoder to start from (not changed)
     * @param data the rows to train on, with the encoder's input columns, all finite
     * @param optimizer the optimisation method
     * @param learningRate its step size, &gt; 0
     * @param reconstructionWeight the weight w in "loss = embedding loss + w · reconstruction loss", ≥ 0
     * @param lossParameters the initial values of the embedding loss's own parameters (copied)
     * @throws IllegalArgumentException if the architecture is not supported, or the data does not fit
     */
    public EmbeddingRefiner(final FittedEncoder original, final FloatMatrix data, final Optimizer optimizer,
        final double learningRate, final double reconstructionWeight, final float[] lossParameters) {
        checkSupported(original);
        if (data.cols() != original.inputSize()) {
            throw new IllegalArgumentException("the data has " + data.cols() + " columns but the encoder was trained "
                + "on " + original.inputSize() + ": select the same columns, in the same order, as for training");
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("the learning rate must be a finite number > 0, got " + learningRate);
        }
        if (!(reconstructionWeight >= 0) || Double.isInfinite(reconstructionWeight)) {
            throw new IllegalArgumentException("the reconstruction weight must be a finite number ≥ 0, got "
                + reconstructionWeight);
        }
        Nd4jBackend.ensureInitialised();
        NativeSettings.apply();
        final EncoderParameters p = original.parameters();
        if (!(original.network() instanceof DenseNetwork dense)) {
            throw new IllegalArgumentException("the " + p.architecture() + " encoder has no dense network to refine");
        }
        final DenseNetwork copy = dense.copy();
        this.encoder = new FittedEncoder(copy, original.inputSize(), original.scaler(), p, original.history());
        final IUpdater updater = optimizer.updater(learningRate);
        final boolean crossEntropy = p.loss() == ReconstructionLoss.BINARY_CROSS_ENTROPY;
        this.trainer = new DenseTrainer(copy.network(), DenseNetwork.activations(p), crossEntropy, updater);
        this.embeddingLayer = copy.embeddingLayer();
        this.embeddingSize = p.embeddingSize();
        this.reconstructionWeight = reconstructionWeight;
        this.batches = new BatchSource(data, original.scaler(), crossEntropy);
        this.parameters = lossParameters.clone();
        this.parameterGradient = new float[parameters.length];
        this.parameterArray = Nd4j.zeros(DataType.FLOAT, 1, Math.max(1, parameters.length));
        this.parameterGradientArray = Nd4j.zeros(DataType.FLOAT, 1, Math.max(1, parameters.length));
        final long stateSize = updater.stateSize(parameters.length);
        this.parameterUpdater = parameters.length == 0 ? null
            : updater.instantiate(stateSize == 0 ? null : Nd4j.zeros(DataType.FLOAT, 1, stateSize), true);
    }

    /**
     * @param encoder an encoder
     * @throws IllegalArgumentException if its architecture cannot be refined, naming it and what to use instead
     */
    public static void checkSupported(final FittedEncoder encoder) {
        final Architecture a = encoder.parameters().architecture();
        if (!SUPPORTED.contains(a)) {
            throw new IllegalArgumentException("deep embedded clustering refines dense encoders (AE, DAE or SAE), but "
                + "this encoder model is a " + a + " (" + a.description() + "): train an AE, DAE or SAE with the "
                + "Encoder Learner for it");
        }
    }

    /** @return the refined encoder (it changes with every {@link #step}; its transform gives the current embedding) */
    public FittedEncoder encoder() {
        return encoder;
    }

    /** @return the current values of the loss's own parameters (a copy) */
    public float[] lossParameters() {
        return parameters.clone();
    }

    /**
     * @param data rows with the encoder's input columns
     * @param progress asked for cancellation between batches; its reports are ignored
     * @return their embedding with the current weights
     */
    public Matrix embed(final FloatMatrix data, final Progress progress) {
        return encoder.transform(data, new Progress() {
            @Override
            public void report(final double fraction, final String message) {
                // the caller reports its own progress
            }

            @Override
            public void checkCancelled() {
                progress.checkCancelled();
            }
        });
    }

    /**
     * One optimisation step on a mini-batch.
     *
     * @param rows data row indices
     * @param from the first position in {@code rows} to use
     * @param count the batch size
     * @param loss the loss on the embedding
     * @return the losses of the batch, computed before the step
     */
    public StepLoss step(final int[] rows, final int from, final int count, final EmbeddingLoss loss) {
        final INDArray batch = batches.batch(rows, from, count);
        final int size = count * embeddingSize;
        if (embedding.length < size) {
            embedding = new float[size];
            embeddingGradient = new float[size];
            columnMajor = new float[size];
        }
        final double[] embeddingLoss = new double[1];
        final double reconstruction = trainer.computeGradient(batch, batch, embeddingLayer, (output, gradient) -> {
            // column-major (what the trainer's buffers hold) to row-major (what the loss reads), and back
            new FloatPointer(output.data().addressPointer()).get(columnMajor, 0, size);
            transpose(columnMajor, embedding, embeddingSize, count);
            embeddingLoss[0] = loss.evaluate(rows, from, count, embedding, parameters, embeddingGradient,
                parameterGradient);
            transpose(embeddingGradient, columnMajor, count, embeddingSize);
            new FloatPointer(gradient.data().addressPointer()).put(columnMajor, 0, size);
        }, reconstructionWeight);
        if (Double.isFinite(embeddingLoss[0]) && (reconstructionWeight == 0 || Double.isFinite(reconstruction))) {
            // without reconstruction the decoder (the layers above the embedding) never gets a gradient
            trainer.update(reconstructionWeight > 0 ? Integer.MAX_VALUE : embeddingLayer + 1);
            updateLossParameters();
        }
        return new StepLoss(embeddingLoss[0], reconstruction);
    }

    private void updateLossParameters() {
        if (parameterUpdater == null) {
            return;
        }
        final int n = parameters.length;
        new FloatPointer(parameterArray.data().addressPointer()).put(parameters, 0, n);
        new FloatPointer(parameterGradientArray.data().addressPointer()).put(parameterGradient, 0, n);
        parameterUpdater.applyUpdater(parameterGradientArray, parameterIteration++, 0);
        parameterArray.subi(parameterGradientArray);
        new FloatPointer(parameterArray.data().addressPointer()).get(parameters, 0, n);
    }

    /**
     * Transposes a matrix stored row-major as {@code rows × cols} (equivalently: column-major {@code cols × rows}).
     */
    private static void transpose(final float[] from, final float[] to, final int rows, final int cols) {
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                to[j * rows + i] = from[i * cols + j];
            }
        }
    }
}
