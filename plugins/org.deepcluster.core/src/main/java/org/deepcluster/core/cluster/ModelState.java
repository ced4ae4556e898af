package org.deepcluster.core.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.deepcluster.core.data.Matrix;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * The saved state of a {@link ClusterModel}: named strings, numbers, integer and double arrays and matrices. Written as
 * a zip stream of our own layout (no Java object serialisation, so a file from a collaborator can hold data only):
 *
 * <pre>
 * state.json           {"format": "org.deepcluster.cluster", "formatVersion": 1, "values": {name: value, ...}}
 * matrices/NAME.bin    per matrix: rows (int), cols (int), then rows × cols doubles, row by row, big-endian
 * </pre>
 *
 * Reading checks every name, type and size and turns anything unexpected into an {@link IOException} that says what is
 * wrong, with limits that keep a damaged or hostile file from exhausting memory.
 */
public final class ModelState {

    static final String FORMAT_NAME = "org.deepcluster.cluster";
    static final int FORMAT_VERSION = 1;
    private static final String STATE_ENTRY = "state.json";
    private static final String MATRIX_PREFIX = "matrices/";
    private static final int MAX_ENTRIES = 1_000;
    private static final long MAX_TOTAL_BYTES = 4L << 30;

    private final JsonObject values = new JsonObject();
    private final Map<String, Matrix> matrices = new LinkedHashMap<>();

    /** @param key the name; @param value the value; @return this state */
    public ModelState put(final String key, final String value) {
        values.add(checkKey(key), new JsonPrimitive(value));
        return this;
    }

    /** @param key the name; @param value the value (finite, or NaN/±Inf stored as text); @return this state */
    public ModelState put(final String key, final double value) {
        values.add(checkKey(key), number(value));
        return this;
    }

    /** @param key the name; @param value the value; @return this state */
    public ModelState put(final String key, final long value) {
        values.add(checkKey(key), new JsonPrimitive(value));
        return this;
    }

    /** @param key the name; @param value the value; @return this state */
    public ModelState put(final String key, final boolean value) {
        values.add(checkKey(key), new JsonPrimitive(value));
        return this;
    }

    /** @param key the name; @param value the values; @return this state */
    public ModelState put(final String key, final int[] value) {
        final JsonArray a = new JsonArray();
        for (final int v : value) {
            a.add(new JsonPrimitive(v));
        }
        values.add(checkKey(key), a);
        return this;
    }

    /** @param key the name; @param value the values; @return this state */
    public ModelState put(final String key, final double[] value) {
        final JsonArray a = new JsonArray();
        for (final double v : value) {
            a.add(number(v));
        }
        values.add(checkKey(key), a);
        return this;
    }

    /** @param key the name; @param value the matrix, stored in binary; @return this state */
    public ModelState put(final String key, final Matrix value) {
        matrices.put(checkKey(key), value);
        return this;
    }

    /** @param key the name; @return whether a value or matrix of that name is present */
    public boolean has(final String key) {
        return values.has(key) || matrices.containsKey(key);
    }

    /** @param key the name; @return the value @throws IOException if it is missing or not a string */
    public String string(final String key) throws IOException {
        final JsonElement e = field(key);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw damaged(key, "is not a string");
        }
        return e.getAsString();
    }

    /** @param key the name; @return the value @throws IOException if it is missing or not a number */
    public double number(final String key) throws IOException {
        return asDouble(field(key), key);
    }

    /** @param key the name; @return the value @throws IOException if it is missing or not an integer */
    public long integer(final String key) throws IOException {
        final JsonElement e = field(key);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw damaged(key, "is not a number");
        }
        try {
            return e.getAsJsonPrimitive().getAsBigDecimal().longValueExact();
        } catch (final ArithmeticException ex) {
            throw damaged(key, "is not an integer");
        }
    }

    /**
     * @param key the name
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @return the value as an int
     * @throws IOException if it is missing, not an integer or out of range
     */
    public int integer(final String key, final int min, final int max) throws IOException {
        final long v = integer(key);
        if (v < min || v > max) {
            throw damaged(key, "is " + v + ", outside [" + min + ", " + max + "]");
        }
        return (int)v;
    }

    /** @param key the name; @return the value @throws IOException if it is missing or not a boolean */
    public boolean bool(final String key) throws IOException {
        final JsonElement e = field(key);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw damaged(key, "is not true or false");
        }
        return e.getAsBoolean();
    }

    /** @param key the name; @return the values @throws IOException if missing or not an array of integers */
    public int[] ints(final String key) throws IOException {
        final JsonArray a = array(key);
        final int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            final JsonElement e = a.get(i);
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
                throw damaged(key, "has a non-numeric entry at " + i);
            }
            try {
                out[i] = e.getAsJsonPrimitive().getAsBigDecimal().intValueExact();
            } catch (final ArithmeticException ex) {
                throw damaged(key, "has a non-integer entry at " + i);
            }
        }
        return out;
    }

    /** @param key the name; @return the values @throws IOException if missing or not an array of numbers */
    public double[] doubles(final String key) throws IOException {
        final JsonArray a = array(key);
        final double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = asDouble(a.get(i), key + "[" + i + "]");
        }
        return out;
    }

    /** @param key the name; @return the matrix @throws IOException if it is missing */
    public Matrix matrix(final String key) throws IOException {
        final Matrix m = matrices.get(key);
        if (m == null) {
            throw damaged(key, "is missing");
        }
        return m;
    }

    /**
     * Writes the state as a zip stream. Does not close {@code out}.
     *
     * @param out the stream
     * @throws IOException if writing fails
     */
    public void write(final OutputStream out) throws IOException {
        final ZipOutputStream zip = new ZipOutputStream(new NonClosing(out));
        final JsonObject root = new JsonObject();
        root.addProperty("format", FORMAT_NAME);
        root.addProperty("formatVersion", FORMAT_VERSION);
        root.add("values", values);
        zip.putNextEntry(new ZipEntry(STATE_ENTRY));
        zip.write(root.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        for (final Map.Entry<String, Matrix> e : matrices.entrySet()) {
            zip.putNextEntry(new ZipEntry(MATRIX_PREFIX + e.getKey() + ".bin"));
            final DataOutputStream data = new DataOutputStream(zip);
            final Matrix m = e.getValue();
            data.writeInt(m.rows());
            data.writeInt(m.cols());
            for (int i = 0; i < m.rows(); i++) {
                for (int j = 0; j < m.cols(); j++) {
                    data.writeDouble(m.get(i, j));
                }
            }
            data.flush();
            zip.closeEntry();
        }
        zip.finish();
    }

    /**
     * Reads a state written by {@link #write}.
     *
     * @param in the stream (not closed)
     * @return the state
     * @throws IOException if the stream is not a cluster model state or is damaged
     */
    public static ModelState read(final InputStream in) throws IOException {
        final ModelState state = new ModelState();
        JsonObject root = null;
        final ZipInputStream zip = new ZipInputStream(in);
        long total = 0;
        int count = 0;
        ZipEntry entry;
        try {
            while ((entry = zip.getNextEntry()) != null) {
                if (++count > MAX_ENTRIES) {
                    throw new IOException("the cluster model has too many entries: the file is damaged");
                }
                final byte[] content = readEntry(zip, MAX_TOTAL_BYTES - total);
                total += content.length;
                final String name = entry.getName();
                if (STATE_ENTRY.equals(name)) {
                    root = parseRoot(content);
                } else if (name.startsWith(MATRIX_PREFIX) && name.endsWith(".bin")) {
                    final String key = name.substring(MATRIX_PREFIX.length(), name.length() - ".bin".length());
                    state.matrices.put(checkKey(key), readMatrix(key, content));
                } else {
                    throw new IOException("the cluster model has an unexpected entry \"" + name
                        + "\": it is not a model written by this extension, or it is damaged");
                }
            }
        } catch (final java.util.zip.ZipException e) {
            throw new IOException("the cluster model is not a valid zip stream (" + e.getMessage() + ")", e);
        } catch (final IllegalArgumentException e) {
            throw new IOException("the cluster model is damaged: " + e.getMessage(), e);
        }
        if (root == null) {
            throw new IOException("not a cluster model: the entry " + STATE_ENTRY + " is missing");
        }
        for (final Map.Entry<String, JsonElement> e : root.getAsJsonObject("values").entrySet()) {
            state.values.add(checkKey(e.getKey()), e.getValue());
        }
        return state;
    }

    private static JsonObject parseRoot(final byte[] content) throws IOException {
        final JsonElement parsed;
        try {
            parsed = new JsonParser().parse(new String(content, StandardCharsets.UTF_8));
        } catch (final RuntimeException e) {
            throw new IOException("the cluster model's " + STATE_ENTRY + " is not valid JSON: " + e.getMessage(), e);
        }
        if (!parsed.isJsonObject()) {
            throw new IOException("the cluster model's " + STATE_ENTRY + " is not a JSON object");
        }
        final JsonObject root = parsed.getAsJsonObject();
        final JsonElement format = root.get("format");
        if (format == null || !format.isJsonPrimitive() || !FORMAT_NAME.equals(format.getAsString())) {
            throw new IOException("not a cluster model: the format is " + format + ", expected \"" + FORMAT_NAME + "\"");
        }
        final JsonElement version = root.get("formatVersion");
        if (version == null || !version.isJsonPrimitive() || !version.getAsJsonPrimitive().isNumber()
            || version.getAsInt() != FORMAT_VERSION) {
            throw new IOException("the cluster model has format version " + version + ", but this version of the "
                + "extension reads version " + FORMAT_VERSION + ": update the extension");
        }
        if (!root.has("values") || !root.get("values").isJsonObject()) {
            throw new IOException("the cluster model's " + STATE_ENTRY + " has no \"values\" object");
        }
        return root;
    }

    private static Matrix readMatrix(final String key, final byte[] content) throws IOException {
        try (DataInputStream data = new DataInputStream(new ByteArrayInputStream(content))) {
            final int rows = data.readInt();
            final int cols = data.readInt();
            if (rows < 0 || cols < 0 || (long)rows * cols * Double.BYTES != content.length - 8L) {
                throw damaged(key, "has " + rows + " × " + cols + " values but " + (content.length - 8)
                    + " bytes of data");
            }
            final double[] values = new double[rows * cols];
            for (int i = 0; i < values.length; i++) {
                values[i] = data.readDouble();
            }
            return Matrix.wrap(rows, cols, values);
        }
    }

    private static byte[] readEntry(final InputStream zip, final long budget) throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final byte[] buffer = new byte[1 << 16];
        long size = 0;
        int n;
        while ((n = zip.read(buffer)) > 0) {
            size += n;
            if (size > budget || size > Integer.MAX_VALUE - 16) {
                throw new IOException("the cluster model is larger than a model can be: the file is damaged");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private JsonElement field(final String key) throws IOException {
        final JsonElement e = values.get(key);
        if (e == null || e.isJsonNull()) {
            throw damaged(key, "is missing");
        }
        return e;
    }

    private JsonArray array(final String key) throws IOException {
        final JsonElement e = field(key);
        if (!e.isJsonArray()) {
            throw damaged(key, "is not an array");
        }
        return e.getAsJsonArray();
    }

    private static double asDouble(final JsonElement e, final String key) throws IOException {
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            return e.getAsDouble();
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            switch (e.getAsString()) {
                case "NaN": return Double.NaN;
                case "Infinity": return Double.POSITIVE_INFINITY;
                case "-Infinity": return Double.NEGATIVE_INFINITY;
                default: break;
            }
        }
        throw damaged(key, "is not a number");
    }

    private static JsonPrimitive number(final double v) {
        return Double.isFinite(v) ? new JsonPrimitive(v) : new JsonPrimitive(Double.toString(v));
    }

    private static String checkKey(final String key) {
        if (key == null || key.isEmpty() || key.length() > 200 || !key.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("invalid state key \"" + key + "\": use letters, digits, _ . -");
        }
        return key;
    }

    private static IOException damaged(final String key, final String what) {
        return new IOException("the cluster model's value \"" + key + "\" " + what + ": the file is damaged or was "
            + "written by an incompatible version");
    }

    /** Keeps {@link ZipOutputStream#finish()} from closing the caller's stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(final OutputStream out) {
            super(out);
        }

        @Override
        public void write(final byte[] b, final int off, final int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
