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

import org.deepcluster.core.cluster.Assignment;
import org.deepcluster.core.cluster.KMeansModel;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.standin.PluginXml;
import org.deepcluster.standin.PortObjects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/** The Cluster Model port: registration, summary and view, saving and loading, damaged files, cosine assignment. */
class ClusterModelPortObjectTest {

    private static final List<String> COLUMNS = List.of("a", "b");
    private static final List<String> TYPES = List.of("Number (Float)", "Number (Integer)");

    private static ClusterModelPortObject model;

    private static ClusterModelPortObjectSpec spec(final ClusterDistance distance, final int count) {
        return new ClusterModelPortObjectSpec("k-means", COLUMNS, TYPES, distance, count, false, false, true);
    }

    @BeforeAll
    static void fit() throws Exception {
        PluginXml.registerPortTypes(Path.of("plugin.xml"), ClusterModelPortObjectTest.class.getClassLoader());
        final KMeansModel kmeans = new KMeansModel(Matrix.of(new double[][]{{0, 0}, {10, 10}}),
            new int[]{0, 0, 1, 1, 1}, 1.25);
        model = new ClusterModelPortObject(spec(ClusterDistance.EUCLIDEAN, 2), kmeans);
    }

    @Test
    void thePortTypeIsRegisteredInPluginXml() throws IOException {
        final List<?> registered =
            PluginXml.registerPortTypes(Path.of("plugin.xml"), ClusterModelPortObjectTest.class.getClassLoader());
        assertTrue(registered.contains(ClusterModelPortObject.class), registered.toString());
        final PortType type = PortTypeRegistry.getInstance().getPortType(ClusterModelPortObject.class);
        assertEquals("Cluster Model", type.getName());
        assertEquals(ClusterModelPortObjectSpec.class, type.getPortObjectSpecClass());
        assertEquals(type, ClusterModelPortObject.TYPE);
        assertTrue(ClusterModelPortObject.TYPE_OPTIONAL.isOptional());
    }

    @Test
    void theSummaryAndTheViewDescribeTheModel() {
        final String summary = model.getSummary();
        for (final String part : List.of("2 columns", "Euclidean distance", "k-means, k = 2", "inertia: 1.25",
            "cluster sizes: [2, 3]")) {
            assertTrue(summary.contains(part), part + " in " + summary);
        }
        assertEquals(-1, summary.indexOf('\n'), "one line");
        final JComponent[] views = model.getViews(); // plain Swing: no display needed
        assertEquals(1, views.length);
        assertEquals("Cluster Model", views[0].getName());
        assertEquals(1, model.getSpec().getViews().length);
        assertEquals("k-means, 2 clusters, 2 feature columns, Euclidean distance", model.getSpec().toString());
    }

    @Test
    void aSavedAndLoadedModelIsTheSame() throws Exception {
        final ClusterModelPortObject copy = PortObjects.roundTrip(model);
        assertEquals(model.getSpec(), copy.getSpec());
        assertEquals(List.of("a", "b"), copy.getSpec().columnNames());
        final KMeansModel loaded = (KMeansModel)copy.model();
        assertEquals(((KMeansModel)model.model()).centroids(), loaded.centroids());
        assertArrayEquals(new int[]{0, 0, 1, 1, 1}, loaded.labels());
        assertEquals(1.25, loaded.inertia());
        final Matrix rows = Matrix.of(new double[][]{{1, 2}, {9, 8}});
        assertArrayEquals(model.assign(rows, i -> "r" + i).labels(), copy.assign(rows, i -> "r" + i).labels());
    }

    @Test
    void cosineModelsNormaliseRowsBeforeAssigning() {
        final KMeansModel unit = new KMeansModel(Matrix.of(new double[][]{{1, 0}, {0, 1}}), new int[]{0, 1}, 0);
        final ClusterModelPortObject cosine = new ClusterModelPortObject(spec(ClusterDistance.COSINE, 2), unit);
        final Assignment a = cosine.assign(Matrix.of(new double[][]{{30, 40}, {8, 1}}), i -> "r" + i);
        assertArrayEquals(new int[]{1, 0}, a.labels());
        assertEquals(Math.hypot(0.6, 0.2), a.distances()[0], 1e-12, "distance between unit vectors");
        final var e = assertThrows(IllegalArgumentException.class,
            () -> cosine.assign(Matrix.of(new double[][]{{1, 1}, {0, 0}}), i -> "row_" + i));
        assertTrue(e.getMessage().contains("Row 'row_1' has only zeros"), e.getMessage());
    }

    /** Saves the model as KNIME would, then changes the port object's own zip entries before loading it back. */
    private static IOException loadChanged(final Consumer<Map<String, byte[]>> change) throws IOException {
        final ByteArrayOutputStream saved = new ByteArrayOutputStream();
        PortObjects.save(model, saved);
        final Map<String, byte[]> outer = unzip(saved.toByteArray());
        final Map<String, byte[]> inner = unzip(outer.get("object.file"));
        assertTrue(inner.containsKey(ClusterModelPortObject.MODEL_ENTRY), inner.keySet().toString());
        change.accept(inner);
        outer.put("object.file", zip(inner));
        return assertThrows(IOException.class, () -> PortObjects.load(new ByteArrayInputStream(zip(outer))));
    }

    @Test
    void aDamagedOrForeignPortFileIsAClearError() throws IOException {
        final IOException truncated = loadChanged(inner -> inner.computeIfPresent(ClusterModelPortObject.MODEL_ENTRY,
            (k, v) -> Arrays.copyOf(v, v.length / 2)));
        assertTrue(truncated.getMessage().startsWith("Cannot load the Cluster Model: "), truncated.getMessage());

        final IOException garbage = loadChanged(inner -> inner.put(ClusterModelPortObject.MODEL_ENTRY,
            "this is not a model".getBytes(StandardCharsets.UTF_8)));
        assertTrue(garbage.getMessage().startsWith("Cannot load the Cluster Model: ")
            && garbage.getMessage().contains("not a cluster model"), garbage.getMessage());

        final IOException foreign = loadChanged(inner -> {
            final byte[] content = inner.remove(ClusterModelPortObject.MODEL_ENTRY);
            inner.put("weights.bin", content);
        });
        assertTrue(foreign.getMessage().contains("has no entry " + ClusterModelPortObject.MODEL_ENTRY)
            && foreign.getMessage().contains("'weights.bin'"), foreign.getMessage());
    }

    @Test
    void aModelThatDoesNotFitItsSavedSpecIsRefused() throws IOException {
        // a port saved with a spec of 3 clusters around a 2-cluster model (e.g. edited by hand)
        final ByteArrayOutputStream saved = new ByteArrayOutputStream();
        PortObjects.save(model, saved);
        final Map<String, byte[]> outer = unzip(saved.toByteArray());
        final ByteArrayOutputStream other = new ByteArrayOutputStream();
        PortObjects.save(new ClusterModelPortObject(spec(ClusterDistance.EUCLIDEAN, 3), new KMeansModel(
            Matrix.of(new double[][]{{0, 0}, {1, 1}, {2, 2}}), new int[]{0, 1, 2}, 0)), other);
        outer.put("objectSpec.file", unzip(other.toByteArray()).get("objectSpec.file"));
        final IOException e =
            assertThrows(IOException.class, () -> PortObjects.load(new ByteArrayInputStream(zip(outer))));
        assertTrue(e.getMessage().contains("3 clusters but the model 2") && e.getMessage().contains("damaged"),
            e.getMessage());
    }

    @Test
    void theSpecChecksItsValuesAndFutureVersions() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> new ClusterModelPortObjectSpec("k-means", List.of(),
            List.of(), ClusterDistance.EUCLIDEAN, 2, false, false, false));
        assertThrows(IllegalArgumentException.class, () -> new ClusterModelPortObjectSpec("k-means",
            List.of("a", "a"), TYPES, ClusterDistance.EUCLIDEAN, 2, false, false, false));
        assertThrows(IllegalArgumentException.class, () -> new ClusterModelPortObjectSpec("k-means", COLUMNS,
            List.of("x"), ClusterDistance.EUCLIDEAN, 2, false, false, false));
        assertThrows(IllegalArgumentException.class, () -> spec(ClusterDistance.EUCLIDEAN, -2));

        final ClusterModelPortObjectSpec spec =
            new ClusterModelPortObjectSpec("DBSCAN", COLUMNS, TYPES, ClusterDistance.COSINE, 3, true, true, false);
        assertEquals(List.of("Cluster_0", "Cluster_1", "Cluster_2", "Noise"), spec.clusterNames());
        final ModelContent content = new ModelContent("model");
        spec.save(content);
        final ClusterModelPortObjectSpec loaded = new ClusterModelPortObjectSpec();
        loaded.load(content);
        assertEquals(spec, loaded);
        assertTrue(loaded.mayAssignNoise() && loaded.hasProbabilities() && !loaded.hasDistances());
        assertNotEquals(spec, spec.withClusterCount(4));
        assertEquals(List.of(), spec.withClusterCount(ClusterModelPortObjectSpec.UNKNOWN_COUNT).clusterNames());

        content.addString("distance", "MAHALANOBIS");
        final var d = assertThrows(InvalidSettingsException.class, () -> new ClusterModelPortObjectSpec()
            .load(content));
        assertTrue(d.getMessage().contains("'MAHALANOBIS'") && d.getMessage().contains("newer version"),
            d.getMessage());
        content.addInt("spec_version", ClusterModelPortObjectSpec.CONTENT_VERSION + 1);
        final var version = assertThrows(InvalidSettingsException.class, () -> new ClusterModelPortObjectSpec()
            .load(content));
        assertTrue(version.getMessage().contains("newer version"), version.getMessage());
    }

    @Test
    void specAndModelMustFitTogether() {
        final var e = assertThrows(IllegalArgumentException.class,
            () -> new ClusterModelPortObject(spec(ClusterDistance.EUCLIDEAN, 3), model.model()));
        assertTrue(e.getMessage().contains("3 clusters but the model 2"), e.getMessage());
        final var c = assertThrows(IllegalArgumentException.class, () -> new ClusterModelPortObject(
            new ClusterModelPortObjectSpec("k-means", List.of("a"), List.of("x"), ClusterDistance.EUCLIDEAN, 2,
                false, false, true), model.model()));
        assertTrue(c.getMessage().contains("1 feature columns but the model reads 2"), c.getMessage());
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
