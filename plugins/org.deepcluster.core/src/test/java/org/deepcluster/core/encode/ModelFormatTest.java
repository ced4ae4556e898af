package org.deepcluster.core.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.deepcluster.core.progress.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Loading damaged or foreign files fails with an {@link IOException} that says what is wrong. */
class ModelFormatTest {

    private static byte[] model;

    @BeforeAll
    static void saveAModel() throws IOException {
        final FittedEncoder e = EncoderTrainer.fit(EncoderTestData.DATA, EncoderTestData.small(Architecture.AE, 1)
            .build(), Progress.NONE);
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        e.save(out);
        model = out.toByteArray();
    }

    @Test
    void truncatedFile() {
        final String m = message(Arrays.copyOf(model, model.length / 2));
        assertTrue(m.startsWith("the encoder model cannot be read; the file is truncated, damaged or not an encoder "
            + "model"), m);
    }

    @Test
    void randomBytes() {
        final byte[] noise = new byte[4096];
        new Random(3).nextBytes(noise);
        assertEquals("not an encoder model: the data is not a zip archive (or an empty one)", message(noise));
        assertEquals("not an encoder model: the data is not a zip archive (or an empty one)", message(new byte[0]));
    }

    @Test
    void zipWithoutOurMetadata() throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("configuration.json"));
            zip.write("{}".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertEquals("not an encoder model: the archive has no entry deepcluster-encoder.json", message(out.toByteArray()));
    }

    @Test
    void otherFormatOrVersion() throws IOException {
        assertEquals("the encoder model has format version 99, but this version of the extension reads version 1: it "
            + "was saved by a newer version; update the extension",
            message(rewrite(ModelFormat.METADATA_ENTRY, json -> json.replace("\"formatVersion\":1", "\"formatVersion\":99"))));
        assertEquals("not an encoder model: the metadata's format is \"something.else\", expected "
            + "\"org.deepcluster.encoder\"",
            message(rewrite(ModelFormat.METADATA_ENTRY, json -> json.replace("org.deepcluster.encoder", "something.else"))));
        assertTrue(message(rewrite(ModelFormat.METADATA_ENTRY, json -> json.substring(5)))
            .startsWith("the model metadata (deepcluster-encoder.json) is not valid JSON"));
        assertEquals("the model metadata field \"activation\" has the unknown value \"SWISH\"; was the model saved by a "
            + "newer version?",
            message(rewrite(ModelFormat.METADATA_ENTRY, json -> json.replace("\"activation\":\"RELU\"", "\"activation\":\"SWISH\""))));
    }

    @Test
    void parameterCountMismatch() throws IOException {
        final ByteArrayOutputStream array = new ByteArrayOutputStream();
        Nd4j.write(Nd4j.zeros(DataType.FLOAT, 1, 17), new java.io.DataOutputStream(array));
        final byte[] damaged = rewriteBytes(DenseNetwork.PARAMETERS_ENTRY, old -> array.toByteArray());
        final String m = message(damaged);
        assertTrue(m.matches("the network parameters hold 17 values but the network configuration needs \\d+: the model "
            + "file is damaged"), m);
    }

    @Test
    void missingOrGarbledNetworkEntries() throws IOException {
        assertEquals("the model file has no entry network/parameters.bin: it is damaged or incomplete",
            message(rewriteBytes(DenseNetwork.PARAMETERS_ENTRY, old -> null)));
        assertTrue(message(rewriteBytes(DenseNetwork.PARAMETERS_ENTRY, old -> Arrays.copyOf(old, 20)))
            .startsWith("the array in entry network/parameters.bin cannot be read; the model file is damaged"));
        assertTrue(message(rewrite(DenseNetwork.CONFIGURATION_ENTRY, json -> "{\"confs\": 3"))
            .startsWith("the network configuration in the model file cannot be read"));
    }

    /** Files written before the image, sequence and adversarial parameters existed load with their defaults. */
    @Test
    void filesWithoutTheNewerParametersLoad() throws IOException {
        final byte[] old = rewrite(ModelFormat.METADATA_ENTRY, json -> json.replaceAll(
            ",\"(imageWidth|imageHeight|imageChannels|sequenceLength|sequenceFeatures|adversarialWeight|weightDecay)\":[0-9.]+",
            ""));
        assertTrue(!new String(old, StandardCharsets.ISO_8859_1).contains("adversarialWeight"));
        assertTrue(!new String(old, StandardCharsets.ISO_8859_1).contains("weightDecay"));
        final FittedEncoder loaded = FittedEncoder.load(new ByteArrayInputStream(old));
        assertEquals(FittedEncoder.load(new ByteArrayInputStream(model)).parameters(), loaded.parameters());
    }

    @Test
    void weightDecayIsStoredAndChecked() throws IOException {
        final FittedEncoder e = EncoderTrainer.fit(EncoderTestData.DATA, EncoderTestData.small(Architecture.AE, 1)
            .weightDecay(1e-3).build(), Progress.NONE);
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        e.save(out);
        final FittedEncoder loaded = FittedEncoder.load(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(1e-3, loaded.parameters().weightDecay());
        assertEquals(e.parameters(), loaded.parameters());
        assertEquals(0.0, FittedEncoder.load(new ByteArrayInputStream(model)).parameters().weightDecay());
        final byte[] negative = rewrite(ModelFormat.METADATA_ENTRY,
            json -> json.replace("\"weightDecay\":0.0", "\"weightDecay\":-1.0"));
        assertTrue(message(negative).contains("weightDecay must be a finite number ≥ 0"), message(negative));
    }

    private static String message(final byte[] bytes) {
        return assertThrows(IOException.class, () -> FittedEncoder.load(new ByteArrayInputStream(bytes))).getMessage();
    }

    private static byte[] rewrite(final String entry, final UnaryOperator<String> change) throws IOException {
        return rewriteBytes(entry, old -> change.apply(new String(old, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    }

    /** Copies the model, replacing one entry's content (null drops the entry). */
    private static byte[] rewriteBytes(final String entry, final UnaryOperator<byte[]> change) throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(model));
            ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals(entry)) {
                    content = change.apply(content);
                    if (content == null) {
                        continue;
                    }
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
