package org.deepcluster.core.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.deepcluster.core.data.Matrix;
import org.junit.jupiter.api.Test;

class ClusterModelsTest {

    private static byte[] bytes(final ClusterModel model) throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        ClusterModels.write(model, out);
        return out.toByteArray();
    }

    @Test
    void kMeansModelRoundTrip() throws IOException {
        final KMeansModel model = new KMeansModel(Matrix.of(new double[][]{{0, 0}, {10, 10}}), new int[]{0, 1, 1}, 2.5);
        final ClusterModel back = ClusterModels.read(new ByteArrayInputStream(bytes(model)));
        assertEquals("kmeans", back.algorithm());
        assertArrayEquals(model.labels(), back.labels());
        final Matrix rows = Matrix.of(new double[][]{{1, 1}, {9, 8}});
        assertArrayEquals(model.assign(rows).labels(), back.assign(rows).labels());
        assertArrayEquals(new int[]{0, 1}, back.assign(rows).labels());
        assertEquals(Math.sqrt(2), back.assign(rows).distances()[0], 1e-12);
    }

    @Test
    void stateValuesRoundTrip() throws IOException {
        final ModelState s = new ModelState().put("a", "text").put("b", 1.5).put("c", 7L).put("d", true)
            .put("e", new int[]{1, -1}).put("f", new double[]{Double.NaN, 2}).put("m", Matrix.of(new double[][]{{1, 2}}));
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.write(out);
        final ModelState r = ModelState.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals("text", r.string("a"));
        assertEquals(1.5, r.number("b"));
        assertEquals(7, r.integer("c", 0, 10));
        assertTrue(r.bool("d"));
        assertArrayEquals(new int[]{1, -1}, r.ints("e"));
        assertTrue(Double.isNaN(r.doubles("f")[0]));
        assertEquals(Matrix.of(new double[][]{{1, 2}}), r.matrix("m"));
        final IOException e = assertThrows(IOException.class, () -> r.integer("c", 8, 10));
        assertTrue(e.getMessage().contains("\"c\""), e.getMessage());
        assertThrows(IOException.class, () -> r.string("missing"));
    }

    @Test
    void refusesForeignAndDamagedStreams() throws IOException {
        assertThrows(IOException.class, () -> ClusterModels.read(new ByteArrayInputStream("not a zip".getBytes())));
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("../evil"));
            zip.write(1);
        }
        final IOException e = assertThrows(IOException.class,
            () -> ClusterModels.read(new ByteArrayInputStream(out.toByteArray())));
        assertTrue(e.getMessage().contains("unexpected entry"), e.getMessage());
        final ByteArrayOutputStream unknown = new ByteArrayOutputStream();
        new ModelState().put("algorithm", "nonsense").write(unknown);
        final IOException u = assertThrows(IOException.class,
            () -> ClusterModels.read(new ByteArrayInputStream(unknown.toByteArray())));
        assertTrue(u.getMessage().contains("nonsense"), u.getMessage());
        final ByteArrayOutputStream json = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(json)) {
            zip.putNextEntry(new ZipEntry("state.json"));
            zip.write("{\"format\":\"other\"}".getBytes(StandardCharsets.UTF_8));
        }
        assertThrows(IOException.class, () -> ClusterModels.read(new ByteArrayInputStream(json.toByteArray())));
    }
}
