package org.deepcluster.knime.port;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.swing.JComponent;

import org.deepcluster.core.data.FloatMatrix;
import org.deepcluster.core.encode.Architecture;
import org.deepcluster.core.encode.Scaling;
import org.deepcluster.knime.node.encoder.EncoderLearnerFixture;
import org.deepcluster.knime.testing.TestTables;
import org.deepcluster.standin.PluginXml;
import org.deepcluster.standin.PortObjects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/** The Encoder Model port: registration, summary and views, saving and loading, damaged files. */
class EncoderModelPortObjectTest {

    private static EncoderModelPortObject model;

    @BeforeAll
    static void train() throws Exception {
        PluginXml.registerPortTypes(Path.of("plugin.xml"), EncoderModelPortObjectTest.class.getClassLoader());
        model = EncoderLearnerFixture.train(TestTables.blobs(100, 5, 2, 1.0, 3), 2);
    }

    @Test
    void thePortTypeIsRegisteredInPluginXml() throws IOException {
        final List<?> registered =
            PluginXml.registerPortTypes(Path.of("plugin.xml"), EncoderModelPortObjectTest.class.getClassLoader());
        assertTrue(registered.contains(EncoderModelPortObject.class), registered.toString());
        final PortType type = PortTypeRegistry.getInstance().getPortType(EncoderModelPortObject.class);
        assertEquals("Encoder Model", type.getName());
        assertEquals(0xff7b3fa0, type.getColor());
        assertEquals(EncoderModelPortObjectSpec.class, type.getPortObjectSpecClass());
        assertEquals(type, EncoderModelPortObject.TYPE);
        assertTrue(EncoderModelPortObject.TYPE_OPTIONAL.isOptional());
    }

    @Test
    void theSummaryAndTheViewsDescribeTheModel() {
        final String summary = model.getSummary();
        for (final String part : List.of("5 columns", "embedding size 3", "Autoencoder (AE)", "5 → 16 → 8 → 3",
            "parameters", "trained 2 of 2 epochs", "final loss")) {
            assertTrue(summary.contains(part), part + " in " + summary);
        }
        assertEquals(-1, summary.indexOf('\n'), "one line");
        final JComponent[] views = model.getViews(); // plain Swing components: no display needed
        assertEquals(2, views.length);
        assertEquals("Encoder Model", views[0].getName());
        assertEquals("Training History", views[1].getName());
        final JComponent[] specViews = model.getSpec().getViews();
        assertEquals(1, specViews.length);
        assertTrue(model.toString().contains("AE"));
    }

    @Test
    void aSavedAndLoadedModelIsTheSame() throws Exception {
        final EncoderModelPortObject copy = PortObjects.roundTrip(model);
        assertEquals(model.getSpec(), copy.getSpec());
        assertEquals(List.of("x0", "x1", "x2", "x3", "x4"), copy.getSpec().columnNames());
        final FloatMatrix rows = FloatMatrix.of(new float[][]{{1, 2, 3, 4, 5}, {-1, 0, 0.5f, 7, -3}});
        assertEquals(model.encoder().transform(rows), copy.encoder().transform(rows));
        assertEquals(model.encoder().history(), copy.encoder().history());
    }

    /**
     * Saves the model as KNIME would, then changes the entries of the port object's own zip stream (inside
     * {@code object.file}) before loading it back.
     */
    private static IOException loadChanged(final Consumer<Map<String, byte[]>> change) throws IOException {
        final ByteArrayOutputStream saved = new ByteArrayOutputStream();
        PortObjects.save(model, saved);
        final Map<String, byte[]> outer = unzip(saved.toByteArray());
        final Map<String, byte[]> inner = unzip(outer.get("object.file"));
        assertTrue(inner.containsKey(EncoderModelPortObject.ENCODER_ENTRY), inner.keySet().toString());
        change.accept(inner);
        outer.put("object.file", zip(inner));
        return assertThrows(IOException.class, () -> PortObjects.load(new ByteArrayInputStream(zip(outer))));
    }

    @Test
    void aDamagedOrForeignPortFileIsAClearError() throws IOException {
        final IOException truncated = loadChanged(inner -> inner.computeIfPresent(EncoderModelPortObject.ENCODER_ENTRY,
            (k, v) -> Arrays.copyOf(v, v.length / 2)));
        assertTrue(truncated.getMessage().startsWith("Cannot load the Encoder Model: "), truncated.getMessage());
        assertTrue(truncated.getMessage().contains("encoder model"), truncated.getMessage());

        final IOException garbage = loadChanged(inner -> inner.put(EncoderModelPortObject.ENCODER_ENTRY,
            "this is not a model".getBytes(StandardCharsets.UTF_8)));
        assertTrue(garbage.getMessage().startsWith("Cannot load the Encoder Model: ")
            && garbage.getMessage().contains("not an encoder model"), garbage.getMessage());

        final IOException foreign = loadChanged(inner -> {
            final byte[] content = inner.remove(EncoderModelPortObject.ENCODER_ENTRY);
            inner.put("weights.bin", content);
        });
        assertTrue(foreign.getMessage().contains("has no entry " + EncoderModelPortObject.ENCODER_ENTRY)
            && foreign.getMessage().contains("'weights.bin'"), foreign.getMessage());
    }

    @Test
    void theSpecChecksItsValuesAndFutureVersions() throws Exception {
        final var names = List.of("a", "b");
        final var types = List.of("Number (Float)", "Number (Integer)");
        assertThrows(IllegalArgumentException.class,
            () -> new EncoderModelPortObjectSpec(List.of(), List.of(), Architecture.AE, 2, Scaling.NONE));
        assertThrows(IllegalArgumentException.class,
            () -> new EncoderModelPortObjectSpec(List.of("a", "a"), types, Architecture.AE, 2, Scaling.NONE));
        assertThrows(IllegalArgumentException.class,
            () -> new EncoderModelPortObjectSpec(names, List.of("x"), Architecture.AE, 2, Scaling.NONE));
        assertThrows(IllegalArgumentException.class,
            () -> new EncoderModelPortObjectSpec(names, types, Architecture.AE, 0, Scaling.NONE));

        final EncoderModelPortObjectSpec spec =
            new EncoderModelPortObjectSpec(names, types, Architecture.SAE, 2, Scaling.MIN_MAX);
        final ModelContent content = new ModelContent("model");
        spec.save(content);
        final EncoderModelPortObjectSpec loaded = new EncoderModelPortObjectSpec();
        loaded.load(content);
        assertEquals(spec, loaded);
        assertArrayEquals(new String[]{"a", "b"}, loaded.columnNames().toArray(new String[0]));
        assertNotEquals(spec, new EncoderModelPortObjectSpec(names, types, Architecture.SAE, 3, Scaling.MIN_MAX));

        content.addString("architecture", "HYPER_AE");
        final var arch = assertThrows(InvalidSettingsException.class, () -> new EncoderModelPortObjectSpec()
            .load(content));
        assertTrue(arch.getMessage().contains("'HYPER_AE'") && arch.getMessage().contains("newer version"),
            arch.getMessage());
        content.addInt("spec_version", EncoderModelPortObjectSpec.CONTENT_VERSION + 1);
        final var version = assertThrows(InvalidSettingsException.class, () -> new EncoderModelPortObjectSpec()
            .load(content));
        assertTrue(version.getMessage().contains("newer version"), version.getMessage());
    }

    @Test
    void specAndEncoderMustFitTogether() {
        final EncoderModelPortObjectSpec wrong = new EncoderModelPortObjectSpec(List.of("a", "b"),
            List.of("Number (Float)", "Number (Float)"), Architecture.AE, 3, Scaling.Z_SCORE);
        final var e = assertThrows(IllegalArgumentException.class,
            () -> new EncoderModelPortObject(wrong, model.encoder()));
        assertTrue(e.getMessage().contains("2 input columns") && e.getMessage().contains("reads 5"), e.getMessage());
    }

    private static Map<String, byte[]> unzip(final byte[] bytes) throws IOException {
        final Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static byte[] zip(final Map<String, byte[]> entries) throws IOException {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (final Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
