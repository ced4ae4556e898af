package org.deepcluster.core.encode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * The encoder model file: a zip archive of our own layout, read and written without Java object serialisation.
 *
 * <pre>
 * deepcluster-encoder.json     metadata: format name and version, architecture, input size, all parameters,
 *                              scaler values, training history, network kind and parameter count (UTF-8 JSON)
 * network/...                  the network, written by the architecture: for dense networks DL4J's
 *                              configuration JSON and the flat parameter vector in ND4J's binary array format
 *                              ({@code Nd4j.write}); for the variational autoencoder one ND4J array per variable;
 *                              for the convolutional and LSTM autoencoders (numeric or token sequences) the
 *                              flat parameter vector only (the network is rebuilt from the parameters); for
 *                              the adversarial autoencoder the autoencoder's and the discriminator's flat
 *                              parameter vectors
 * </pre>
 *
 * <p>Why not DL4J's {@code ModelSerializer}: its restore methods read an optional {@code preprocessor.bin} entry with
 * {@code ObjectInputStream} (checked in the 1.0.0-M2.1 sources), so a crafted file could deserialise arbitrary
 * objects. Here every entry is parsed as JSON or as an ND4J array, and anything unexpected becomes an
 * {@link IOException} with a message that says what is wrong.
 */
final class ModelFormat {

    /** The metadata entry; it must be present for a file to count as an encoder model. */
    static final String METADATA_ENTRY = "deepcluster-encoder.json";

    /** The value of the metadata's {@code format} field. */
    static final String FORMAT_NAME = "org.deepcluster.encoder";

    /** The layout version written by this code; files with another version are rejected. */
    static final int FORMAT_VERSION = 1;

    /** Limits that keep a damaged or hostile file from exhausting memory before it is recognised as such. */
    private static final int MAX_ENTRIES = 10_000;
    private static final long MAX_TOTAL_BYTES = 8L << 30;

    private ModelFormat() {
    }

    /** Writes entries into a zip archive on a stream that the caller keeps ownership of. */
    static final class Writer {
        private final ZipOutputStream zip;

        Writer(final OutputStream out) {
            this.zip = new ZipOutputStream(new NonClosingOutputStream(out), StandardCharsets.UTF_8);
        }

        /**
         * @param name the entry name
         * @param text its content, written as UTF-8
         * @throws IOException if writing fails
         */
        void text(final String name, final String text) throws IOException {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(text.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        /**
         * @param name the entry name
         * @param array the array, written in ND4J's binary format
         * @throws IOException if writing fails
         */
        void array(final String name, final INDArray array) throws IOException {
            zip.putNextEntry(new ZipEntry(name));
            final DataOutputStream data = new DataOutputStream(new NonClosingOutputStream(zip));
            Nd4j.write(array, data);
            data.flush();
            zip.closeEntry();
        }

        /**
         * Finishes the archive without closing the underlying stream.
         *
         * @throws IOException if writing fails
         */
        void finish() throws IOException {
            zip.finish();
            zip.flush();
        }
    }

    /** The entries of a model file, read completely into memory and checked for our metadata. */
    static final class Reader {
        private final Map<String, byte[]> entries;
        private final JsonObject metadata;

        private Reader(final Map<String, byte[]> entries, final JsonObject metadata) {
            this.entries = entries;
            this.metadata = metadata;
        }

        /**
         * Reads a model file and checks its format name and version.
         *
         * @param in the stream; read to the end of the archive, not closed
         * @return the reader
         * @throws IOException if the stream is not a readable encoder model of a supported version
         */
        static Reader read(final InputStream in) throws IOException {
            final Map<String, byte[]> entries = new HashMap<>();
            long total = 0;
            try {
                final ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8);
                ZipEntry entry;
                while ((entry = zip.getNextEntry()) != null) {
                    if (entries.size() >= MAX_ENTRIES) {
                        throw new IOException("the file has more than " + MAX_ENTRIES + " entries: not an encoder model");
                    }
                    final byte[] content = readEntry(zip, MAX_TOTAL_BYTES - total);
                    total += content.length;
                    entries.put(entry.getName(), content);
                }
            } catch (final IOException | RuntimeException e) { // ZipException, EOFException, IllegalArgumentException
                throw new IOException("the encoder model cannot be read; the file is truncated, damaged or not an "
                    + "encoder model (" + e.getMessage() + ")", e);
            }
            if (entries.isEmpty()) {
                throw new IOException("not an encoder model: the data is not a zip archive (or an empty one)");
            }
            final byte[] meta = entries.get(METADATA_ENTRY);
            if (meta == null) {
                throw new IOException("not an encoder model: the archive has no entry " + METADATA_ENTRY);
            }
            final JsonObject metadata;
            try {
                final JsonElement parsed = new JsonParser().parse(new String(meta, StandardCharsets.UTF_8));
                if (!parsed.isJsonObject()) {
                    throw new IOException("the metadata is not a JSON object");
                }
                metadata = parsed.getAsJsonObject();
            } catch (final RuntimeException e) {
                throw new IOException("the model metadata (" + METADATA_ENTRY + ") is not valid JSON: " + e.getMessage(),
                    e);
            }
            final Reader reader = new Reader(entries, metadata);
            final String format = reader.string(metadata, "format");
            if (!FORMAT_NAME.equals(format)) {
                throw new IOException("not an encoder model: the metadata's format is \"" + format + "\", expected \""
                    + FORMAT_NAME + "\"");
            }
            final int version = reader.integer(metadata, "formatVersion");
            if (version != FORMAT_VERSION) {
                throw new IOException("the encoder model has format version " + version + ", but this version of the "
                    + "extension reads version " + FORMAT_VERSION
                    + (version > FORMAT_VERSION ? ": it was saved by a newer version; update the extension" : ""));
            }
            return reader;
        }

        private static byte[] readEntry(final InputStream zip, final long budget) throws IOException {
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            final byte[] buffer = new byte[1 << 16];
            long size = 0;
            int n;
            while ((n = zip.read(buffer)) > 0) {
                size += n;
                if (size > budget || size > Integer.MAX_VALUE - 16) {
                    throw new IOException("an entry is larger than an encoder model can be");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }

        /** @return the metadata object */
        JsonObject metadata() {
            return metadata;
        }

        /**
         * @param name an entry name
         * @return the entry's bytes
         * @throws IOException if it is missing
         */
        byte[] bytes(final String name) throws IOException {
            final byte[] content = entries.get(name);
            if (content == null) {
                throw new IOException("the model file has no entry " + name + ": it is damaged or incomplete");
            }
            return content;
        }

        /**
         * @param name an entry name
         * @return the entry as UTF-8 text
         * @throws IOException if it is missing
         */
        String text(final String name) throws IOException {
            return new String(bytes(name), StandardCharsets.UTF_8);
        }

        /**
         * @param name an entry name
         * @return the ND4J array stored there
         * @throws IOException if it is missing or not a readable array
         */
        INDArray array(final String name) throws IOException {
            final byte[] content = bytes(name);
            try (DataInputStream data = new DataInputStream(new ByteArrayInputStream(content))) {
                return Nd4j.read(data);
            } catch (final IOException | RuntimeException e) {
                throw new IOException("the array in entry " + name + " cannot be read; the model file is damaged ("
                    + e.getMessage() + ")", e);
            }
        }

        /**
         * @param object a JSON object
         * @param key a field name
         * @return the field
         * @throws IOException if it is missing
         */
        JsonElement field(final JsonObject object, final String key) throws IOException {
            final JsonElement value = object.get(key);
            if (value == null) {
                throw new IOException("the model metadata lacks the field \"" + key + "\": the file is damaged");
            }
            return value;
        }

        String string(final JsonObject object, final String key) throws IOException {
            final JsonElement value = field(object, key);
            if (!value.isJsonPrimitive()) {
                throw new IOException("the model metadata field \"" + key + "\" is not a text: the file is damaged");
            }
            return value.getAsString();
        }

        int integer(final JsonObject object, final String key) throws IOException {
            final double value = number(object, key);
            if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
                throw new IOException("the model metadata field \"" + key + "\" is not an integer: " + value);
            }
            return (int)value;
        }

        long longInteger(final JsonObject object, final String key) throws IOException {
            final JsonElement value = field(object, key);
            try {
                return value.getAsLong();
            } catch (final RuntimeException e) {
                throw new IOException("the model metadata field \"" + key + "\" is not an integer: " + value, e);
            }
        }

        /** Reads a number; JSON null stands for NaN. */
        double number(final JsonObject object, final String key) throws IOException {
            return asNumber(field(object, key), key);
        }

        boolean bool(final JsonObject object, final String key) throws IOException {
            final JsonElement value = field(object, key);
            if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
                throw new IOException("the model metadata field \"" + key + "\" is not true or false: " + value);
            }
            return value.getAsBoolean();
        }

        JsonObject object(final JsonObject object, final String key) throws IOException {
            final JsonElement value = field(object, key);
            if (!value.isJsonObject()) {
                throw new IOException("the model metadata field \"" + key + "\" is not an object: the file is damaged");
            }
            return value.getAsJsonObject();
        }

        JsonArray array(final JsonObject object, final String key) throws IOException {
            final JsonElement value = field(object, key);
            if (!value.isJsonArray()) {
                throw new IOException("the model metadata field \"" + key + "\" is not a list: the file is damaged");
            }
            return value.getAsJsonArray();
        }

        double[] doubles(final JsonObject object, final String key) throws IOException {
            final JsonArray values = array(object, key);
            final double[] result = new double[values.size()];
            for (int i = 0; i < result.length; i++) {
                result[i] = asNumber(values.get(i), key + "[" + i + "]");
            }
            return result;
        }

        int[] integers(final JsonObject object, final String key) throws IOException {
            final double[] values = doubles(object, key);
            final int[] result = new int[values.length];
            for (int i = 0; i < result.length; i++) {
                if (values[i] != Math.rint(values[i]) || Math.abs(values[i]) > Integer.MAX_VALUE) {
                    throw new IOException("the model metadata field \"" + key + "\" holds a non-integer " + values[i]);
                }
                result[i] = (int)values[i];
            }
            return result;
        }

        <E extends Enum<E>> E enumValue(final JsonObject object, final String key, final Class<E> type)
            throws IOException {
            final String name = string(object, key);
            try {
                return Enum.valueOf(type, name);
            } catch (final IllegalArgumentException e) {
                throw new IOException("the model metadata field \"" + key + "\" has the unknown value \"" + name
                    + "\"; was the model saved by a newer version?", e);
            }
        }

        private static double asNumber(final JsonElement value, final String what) throws IOException {
            if (value.isJsonNull()) {
                return Double.NaN;
            }
            if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
                throw new IOException("the model metadata field \"" + what + "\" is not a number: " + value);
            }
            return value.getAsDouble();
        }
    }

    /**
     * @param value a number
     * @return it as JSON; NaN and infinities, which JSON cannot hold, become null
     */
    static JsonElement number(final double value) {
        return Double.isFinite(value) ? new JsonPrimitive(value) : JsonNull.INSTANCE;
    }

    /**
     * @param values numbers
     * @return them as a JSON array
     */
    static JsonArray numbers(final double[] values) {
        final JsonArray array = new JsonArray();
        for (final double v : values) {
            array.add(number(v));
        }
        return array;
    }

    /**
     * @param values integers
     * @return them as a JSON array
     */
    static JsonArray integers(final int[] values) {
        final JsonArray array = new JsonArray();
        for (final int v : values) {
            array.add(v);
        }
        return array;
    }

    /**
     * @param history a training history
     * @return it as JSON: best epoch, early-stop flag and one [epoch, training loss, validation loss, seconds] row per
     *         epoch
     */
    static JsonObject history(final TrainingHistory history) {
        final JsonObject o = new JsonObject();
        o.addProperty("bestEpoch", history.bestEpoch());
        o.addProperty("stoppedEarly", history.stoppedEarly());
        final JsonArray epochs = new JsonArray();
        for (final TrainingHistory.Epoch e : history.epochs()) {
            epochs.add(numbers(new double[]{e.epoch(), e.trainingLoss(), e.validationLoss(), e.seconds()}));
        }
        o.add("epochs", epochs);
        return o;
    }

    static TrainingHistory history(final Reader in, final JsonObject o) throws IOException {
        final JsonArray rows = in.array(o, "epochs");
        final List<TrainingHistory.Epoch> epochs = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            final JsonElement row = rows.get(i);
            if (!row.isJsonArray() || row.getAsJsonArray().size() != 4) {
                throw new IOException("the training history in the model metadata is damaged at epoch " + (i + 1));
            }
            final JsonObject wrapper = new JsonObject();
            wrapper.add("epoch", row);
            final double[] v = in.doubles(wrapper, "epoch");
            epochs.add(new TrainingHistory.Epoch((int)v[0], v[1], v[2], v[3]));
        }
        return new TrainingHistory(epochs, in.integer(o, "bestEpoch"), in.bool(o, "stoppedEarly"));
    }

    /**
     * @param p parameters
     * @return them as JSON, one field per record component
     */
    static JsonObject parameters(final EncoderParameters p) {
        final JsonObject o = new JsonObject();
        o.addProperty("architecture", p.architecture().name());
        o.add("hiddenSizes", integers(p.hiddenSizes()));
        o.addProperty("embeddingSize", p.embeddingSize());
        o.addProperty("activation", p.activation().name());
        o.addProperty("loss", p.loss().name());
        o.addProperty("epochs", p.epochs());
        o.addProperty("batchSize", p.batchSize());
        o.addProperty("learningRate", p.learningRate());
        o.addProperty("optimizer", p.optimizer().name());
        if (p.noise() != null) {
            final JsonObject noise = new JsonObject();
            noise.addProperty("type", p.noise().type().name());
            noise.addProperty("level", p.noise().level());
            o.add("noise", noise);
        }
        o.addProperty("klWeight", p.klWeight());
        o.addProperty("pretrainEpochs", p.pretrainEpochs());
        o.addProperty("validationFraction", p.validationFraction());
        o.addProperty("patience", p.patience());
        o.addProperty("scaling", p.scaling().name());
        o.addProperty("seed", p.seed());
        // Added with CAE, LSTM_AE and AAE; files without them (older ones) get the defaults when read.
        o.addProperty("imageWidth", p.imageWidth());
        o.addProperty("imageHeight", p.imageHeight());
        o.addProperty("imageChannels", p.imageChannels());
        o.addProperty("sequenceLength", p.sequenceLength());
        o.addProperty("sequenceFeatures", p.sequenceFeatures());
        o.addProperty("adversarialWeight", p.adversarialWeight());
        // Added with token sequences for LSTM_AE; older files get NUMERIC and the defaults when read.
        o.addProperty("sequenceInput", p.sequenceInput().name());
        o.addProperty("vocabularySize", p.vocabularySize());
        o.addProperty("tokenEmbeddingSize", p.tokenEmbeddingSize());
        // Added with weight decay; older files have none (0) when read.
        o.addProperty("weightDecay", p.weightDecay());
        return o;
    }

    static EncoderParameters parameters(final Reader in, final JsonObject o) throws IOException {
        Noise noise = null;
        if (o.has("noise") && !o.get("noise").isJsonNull()) {
            final JsonObject n = in.object(o, "noise");
            noise = new Noise(in.enumValue(n, "type", Noise.Type.class), in.number(n, "level"));
        }
        final EncoderParameters p = new EncoderParameters(in.enumValue(o, "architecture", Architecture.class),
            in.integers(o, "hiddenSizes"), in.integer(o, "embeddingSize"),
            in.enumValue(o, "activation", Activation.class), in.enumValue(o, "loss", ReconstructionLoss.class),
            in.integer(o, "epochs"), in.integer(o, "batchSize"), in.number(o, "learningRate"),
            in.enumValue(o, "optimizer", Optimizer.class), noise, in.number(o, "klWeight"),
            in.integer(o, "pretrainEpochs"), in.number(o, "validationFraction"), in.integer(o, "patience"),
            in.enumValue(o, "scaling", Scaling.class), in.longInteger(o, "seed"),
            optionalInteger(in, o, "imageWidth", EncoderParameters.DEFAULT_IMAGE_SIZE),
            optionalInteger(in, o, "imageHeight", EncoderParameters.DEFAULT_IMAGE_SIZE),
            optionalInteger(in, o, "imageChannels", EncoderParameters.DEFAULT_CHANNELS),
            optionalInteger(in, o, "sequenceLength", EncoderParameters.DEFAULT_SEQUENCE_LENGTH),
            optionalInteger(in, o, "sequenceFeatures", EncoderParameters.DEFAULT_CHANNELS),
            o.has("adversarialWeight") ? in.number(o, "adversarialWeight")
                : EncoderParameters.DEFAULT_ADVERSARIAL_WEIGHT,
            o.has("sequenceInput") ? in.enumValue(o, "sequenceInput", SequenceInput.class) : SequenceInput.NUMERIC,
            optionalInteger(in, o, "vocabularySize", EncoderParameters.DEFAULT_VOCABULARY_SIZE),
            optionalInteger(in, o, "tokenEmbeddingSize", EncoderParameters.DEFAULT_TOKEN_EMBEDDING_SIZE),
            o.has("weightDecay") ? in.number(o, "weightDecay") : 0.0);
        try {
            p.validate();
        } catch (final IllegalArgumentException e) {
            throw new IOException("the parameters stored in the model are invalid (" + e.getMessage() + ")", e);
        }
        return p;
    }

    /** Reads an integer field that older files lack. */
    private static int optionalInteger(final Reader in, final JsonObject o, final String key, final int absent)
        throws IOException {
        return o.has(key) ? in.integer(o, key) : absent;
    }

    /** Keeps {@link ZipOutputStream#close()} and our wrappers from closing a stream the caller owns. */
    private static final class NonClosingOutputStream extends OutputStream {
        private final OutputStream out;

        NonClosingOutputStream(final OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(final int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(final byte[] b, final int off, final int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
