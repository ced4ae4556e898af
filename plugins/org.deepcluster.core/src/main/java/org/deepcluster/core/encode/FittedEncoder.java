package org.deepcluster.core.encode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Locale;

import org.deepcluster.core.backend.Nd4jBackend;
import org.deepcluster.core.data.FloatMatrix;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.progress.Progress;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import com.google.gson.JsonObject;

/**
 * A trained encoder: the network, the number of input columns, the fitted {@link Scaler}, the parameters it was
 * trained with and its {@link TrainingHistory}. Immutable from the outside; {@link #transform} calls are serialised,
 * so one instance can be shared between threads.
 *
 * <p>Models are saved in the format described at {@link ModelFormat} (a zip with JSON metadata, DL4J's network
 * configuration and ND4J binary arrays; no Java object serialisation).
 */
public final class FittedEncoder {

    /** Rows per forward pass in {@link #transform}: large enough for fast matrix products, small enough for memory. */
    static final int TRANSFORM_BATCH = 1024;

    private final EncoderNetwork network;
    private final int inputSize;
    private final Scaler scaler;
    private final EncoderParameters parameters;
    private final TrainingHistory history;
    private final String refinement; // null: as trained by EncoderTrainer

    FittedEncoder(final EncoderNetwork network, final int inputSize, final Scaler scaler,
        final EncoderParameters parameters, final TrainingHistory history) {
        this(network, inputSize, scaler, parameters, history, null);
    }

    private FittedEncoder(final EncoderNetwork network, final int inputSize, final Scaler scaler,
        final EncoderParameters parameters, final TrainingHistory history, final String refinement) {
        this.network = network;
        this.inputSize = inputSize;
        this.scaler = scaler;
        this.parameters = parameters;
        this.history = history;
        this.refinement = refinement;
    }

    /**
     * Records that the network was changed after training (e.g. by deep embedded clustering); the note is kept in the
     * model file and shown in the summary, next to the original training history.
     *
     * @param description what was done, e.g. "IDEC, 8 clusters, 1,200 iterations, converged"
     * @return an encoder with the same network (not copied) and the note
     */
    public FittedEncoder withRefinement(final String description) {
        return new FittedEncoder(network, inputSize, scaler, parameters, history, description);
    }

    /** @return the note of {@link #withRefinement}, or an empty string if the network is as trained */
    public String refinement() {
        return refinement == null ? "" : refinement;
    }

    /**
     * Encodes rows: scales them with the training scaler and returns the embedding layer's output (for a
     * variational autoencoder, the posterior mean).
     *
     * @param data rows with {@link #inputSize()} columns, all values finite
     * @return the embedding, {@code data.rows() × embeddingSize()}
     * @throws IllegalArgumentException if the number of columns differs or a value is not finite
     */
    public Matrix transform(final FloatMatrix data) {
        return transform(data, Progress.NONE);
    }

    /**
     * Encodes rows in batches, reporting progress and asking for cancellation between batches.
     *
     * @param data rows with {@link #inputSize()} columns, all values finite
     * @param progress receives a report per batch
     * @return the embedding, {@code data.rows() × embeddingSize()}
     * @throws IllegalArgumentException if the number of columns differs, a value is not finite or (token sequences)
     *             not a token index
     * @throws org.deepcluster.core.progress.CancelledException if {@code progress} cancels
     */
    public Matrix transform(final FloatMatrix data, final Progress progress) {
        if (data.cols() != inputSize) {
            throw new IllegalArgumentException("the data has " + data.cols() + " columns but the encoder was trained on "
                + inputSize + ": select the same columns, in the same order, as for training");
        }
        data.requireFinite("the data");
        Architectures.of(parameters.architecture()).checkData(data, parameters);
        final int n = data.rows();
        final int k = embeddingSize();
        final double[] result = new double[Math.multiplyExact(n, k)];
        if (n == 0) {
            return Matrix.wrap(0, k, result);
        }
        Nd4jBackend.ensureInitialised();
        // New rows may lie outside the training range; the network input is not clipped, only BCE targets are.
        final BatchSource batches = new BatchSource(data, scaler, false);
        final int[] rows = new int[n];
        Arrays.setAll(rows, i -> i);
        for (int from = 0; from < n; from += TRANSFORM_BATCH) {
            progress.checkCancelled();
            final int count = Math.min(TRANSFORM_BATCH, n - from);
            final float[] values;
            synchronized (network) {
                final INDArray embedding = network.encode(batches.batch(rows, from, count));
                values = embedding.castTo(DataType.FLOAT).dup('c').data().asFloat();
            }
            for (int v = 0; v < count * k; v++) {
                result[from * k + v] = values[v];
            }
            progress.report((double)(from + count) / n, "encoded " + (from + count) + " of " + n + " rows");
        }
        return Matrix.wrap(n, k, result);
    }

    /** @return the network (for {@link EmbeddingRefiner}, which trains a copy of it) */
    EncoderNetwork network() {
        return network;
    }

    /** @return the number of input columns */
    public int inputSize() {
        return inputSize;
    }

    /** @return the number of embedding columns */
    public int embeddingSize() {
        return parameters.embeddingSize();
    }

    /** @return the scaler fitted on the training rows */
    public Scaler scaler() {
        return scaler;
    }

    /** @return the parameters the encoder was trained with */
    public EncoderParameters parameters() {
        return parameters;
    }

    /** @return the losses per epoch */
    public TrainingHistory history() {
        return history;
    }

    /** @return the number of trainable values of the network */
    public long parameterCount() {
        return network.parameterCount();
    }

    /**
     * @return a few lines for people: architecture, layer sizes, activation, loss, optimiser, parameter count and
     *         the final losses
     */
    public String summary() {
        final EncoderParameters p = parameters;
        final StringBuilder s = new StringBuilder();
        s.append(capitalise(p.architecture().description())).append(" (").append(p.architecture()).append("): ")
            .append(network.layout()).append('\n');
        s.append("activation ").append(p.activation()).append(", loss ")
            .append(p.tokenSequences() ? "token cross-entropy (padding masked)" : p.loss()).append(", optimizer ")
            .append(p.optimizer()).append(" (learning rate ").append(p.learningRate()).append("), batch size ")
            .append(p.batchSize()).append(", scaling ").append(p.scaling());
        switch (p.architecture()) {
            case DAE -> s.append(", noise ").append(p.noise());
            case VAE -> s.append(", KL weight ").append(p.klWeight());
            case SAE -> s.append(", ").append(p.pretrainEpochs()).append(" pretraining epochs per layer");
            case CAE -> s.append(", images ").append(p.imageWidth()).append(" × ").append(p.imageHeight())
                .append(" × ").append(p.imageChannels()).append(" (width × height × channels, channel-first)");
            case LSTM_AE -> {
                if (p.tokenSequences()) {
                    s.append(", token sequences of ").append(p.sequenceLength()).append(" tokens, vocabulary ")
                        .append(p.vocabularySize()).append(", token embedding ").append(p.tokenEmbeddingSize());
                } else {
                    s.append(", sequences of ").append(p.sequenceLength()).append(" steps × ")
                        .append(p.sequenceFeatures()).append(" features");
                }
            }
            case AAE -> s.append(", adversarial weight ").append(p.adversarialWeight());
            default -> {
                // nothing architecture-specific
            }
        }
        s.append('\n');
        s.append(String.format(Locale.ROOT, "%,d parameters", network.parameterCount())).append('\n');
        s.append("trained ").append(history.size()).append(" of ").append(p.epochs()).append(" epochs in ")
            .append(String.format(Locale.ROOT, "%.1f s", history.totalSeconds()));
        if (history.size() > 0) {
            s.append("; final loss ").append(TrainingContext.format(history.finalTrainingLoss()));
            if (!Double.isNaN(history.finalValidationLoss())) {
                s.append(", validation ").append(TrainingContext.format(history.finalValidationLoss()));
            }
        }
        if (history.stoppedEarly()) {
            s.append("; stopped early, weights of epoch ").append(history.bestEpoch()).append(" restored");
        }
        if (refinement != null) {
            s.append("\nrefined after training: ").append(refinement);
        }
        return s.toString();
    }

    private static String capitalise(final String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * Writes the model. The stream is not closed.
     *
     * @param out the stream
     * @throws IOException if writing fails
     */
    public void save(final OutputStream out) throws IOException {
        final JsonObject meta = new JsonObject();
        meta.addProperty("format", ModelFormat.FORMAT_NAME);
        meta.addProperty("formatVersion", ModelFormat.FORMAT_VERSION);
        meta.addProperty("architecture", parameters.architecture().name());
        meta.addProperty("inputSize", inputSize);
        meta.addProperty("embeddingSize", embeddingSize());
        meta.addProperty("parameterCount", network.parameterCount());
        meta.add("parameters", ModelFormat.parameters(parameters));
        final JsonObject scalerJson = new JsonObject();
        scalerJson.addProperty("scaling", scaler.scaling().name());
        scalerJson.add("offsets", ModelFormat.numbers(scaler.offsets()));
        scalerJson.add("factors", ModelFormat.numbers(scaler.factors()));
        meta.add("scaler", scalerJson);
        meta.add("history", ModelFormat.history(history));
        if (refinement != null) {
            meta.addProperty("refinement", refinement);
        }
        final ModelFormat.Writer writer = new ModelFormat.Writer(out);
        synchronized (network) {
            writer.text(ModelFormat.METADATA_ENTRY, meta.toString());
            network.write(writer);
        }
        writer.finish();
    }

    /**
     * Reads a model written by {@link #save}. The stream is read to the end of the model and not closed.
     *
     * @param in the stream
     * @return the encoder
     * @throws IOException if the stream is not an encoder model, is damaged or truncated, or has an unsupported
     *             format version; the message says which
     * @throws IllegalStateException if the native backend cannot be loaded
     */
    public static FittedEncoder load(final InputStream in) throws IOException {
        final ModelFormat.Reader reader = ModelFormat.Reader.read(in);
        final JsonObject meta = reader.metadata();
        final EncoderParameters parameters = ModelFormat.parameters(reader, reader.object(meta, "parameters"));
        final int inputSize = reader.integer(meta, "inputSize");
        if (inputSize < 1) {
            throw new IOException("the model metadata has an invalid input size " + inputSize);
        }
        final JsonObject scalerJson = reader.object(meta, "scaler");
        final Scaler scaler;
        try {
            scaler = Scaler.of(reader.enumValue(scalerJson, "scaling", Scaling.class),
                reader.doubles(scalerJson, "offsets"), reader.doubles(scalerJson, "factors"));
        } catch (final IllegalArgumentException e) {
            throw new IOException("the scaler stored in the model is invalid (" + e.getMessage() + ")", e);
        }
        if (scaler.columns() != inputSize) {
            throw new IOException("the scaler stored in the model has " + scaler.columns() + " columns but the model "
                + "has " + inputSize + " inputs: the file is damaged");
        }
        final TrainingHistory history = ModelFormat.history(reader, reader.object(meta, "history"));
        Nd4jBackend.ensureInitialised();
        final EncoderNetwork network = Architectures.of(parameters.architecture()).restore(inputSize, parameters,
            reader);
        final long expected = reader.longInteger(meta, "parameterCount");
        if (network.parameterCount() != expected) {
            throw new IOException("the network has " + network.parameterCount() + " parameters but the metadata "
                + "records " + expected + ": the file is damaged");
        }
        // optional: models written before refinements were recorded have none
        final String refinement = meta.has("refinement") ? reader.string(meta, "refinement") : null;
        return new FittedEncoder(network, inputSize, scaler, parameters, history, refinement);
    }

    @Override
    public String toString() {
        return "FittedEncoder[" + parameters.architecture() + ", " + inputSize + " → " + embeddingSize() + "]";
    }
}
