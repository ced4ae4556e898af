package org.deepcluster.knime.port;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import org.deepcluster.core.cluster.hierarchical.AgglomerativeClustering;
import org.deepcluster.core.cluster.hierarchical.AgglomerativeModel;
import org.deepcluster.core.cluster.hierarchical.Dendrogram;
import org.deepcluster.core.cluster.hierarchical.Linkage;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.progress.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The dendrogram view's layout against SciPy's {@code dendrogram(truncate_mode="lastp")} (fixture
 * {@code dendrogram_reference.json}, made by {@code dendrogram_reference.py} in the test resources): leaf order and
 * labels, every link's position and heights, the cut and the cluster colours.
 */
class DendrogramLayoutTest {

    private static JsonObject reference;

    @BeforeAll
    static void readReference() throws IOException {
        try (Reader in = new InputStreamReader(
            DendrogramLayoutTest.class.getResourceAsStream("/dendrogram_reference.json"), StandardCharsets.UTF_8)) {
            reference = new JsonParser().parse(in).getAsJsonObject();
        }
    }

    static Dendrogram tree(final String name) {
        final JsonArray rows = reference.getAsJsonObject(name).getAsJsonArray("linkage");
        final double[][] values = new double[rows.size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = doubles(rows.get(i).getAsJsonArray());
        }
        return Dendrogram.fromLinkageMatrix(Matrix.of(values));
    }

    private static double[] doubles(final JsonArray array) {
        final double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).getAsDouble();
        }
        return values;
    }

    private static DendrogramLayout layout(final Dendrogram tree, final int clusters, final int p) {
        return DendrogramLayout.of(tree, tree.cut(clusters), clusters, Double.NaN, p);
    }

    /** Compares one case and p with SciPy: labels, leaf ids, and the links as (xl, xr, hl, h, hr), x in leaf units. */
    private static void assertLikeScipy(final String name, final int p) {
        final Dendrogram tree = tree(name);
        final DendrogramLayout layout = layout(tree, 1, p);
        final JsonObject scipy = reference.getAsJsonObject(name).getAsJsonObject("lastp").getAsJsonObject("" + p);
        final List<String> labels = new ArrayList<>();
        for (final JsonElement e : scipy.getAsJsonArray("ivl")) {
            labels.add(e.getAsString());
        }
        final String what = name + ", p = " + p;
        assertEquals(labels, IntStream.range(0, layout.leafCount()).mapToObj(layout::leafLabel).toList(), what);
        final int[] ids = Arrays.stream(doubles(scipy.getAsJsonArray("leaves"))).mapToInt(d -> (int)d).toArray();
        assertArrayEquals(ids, layout.leafIds(), what);

        final List<double[]> expected = new ArrayList<>();
        final JsonArray icoord = scipy.getAsJsonArray("icoord");
        final JsonArray dcoord = scipy.getAsJsonArray("dcoord");
        for (int i = 0; i < icoord.size(); i++) {
            final double[] x = doubles(icoord.get(i).getAsJsonArray());
            final double[] h = doubles(dcoord.get(i).getAsJsonArray());
            expected.add(new double[]{(x[0] - 5) / 10, (x[2] - 5) / 10, h[0], h[1], h[3]});
        }
        final List<double[]> actual = new ArrayList<>();
        for (final DendrogramLayout.Link l : layout.links()) {
            actual.add(new double[]{l.leftX(), l.rightX(), l.leftHeight(), l.height(), l.rightHeight()});
            assertEquals((l.leftX() + l.rightX()) / 2, l.x(), 1e-12, "a merge sits between its children");
        }
        final Comparator<double[]> order = Comparator.<double[]>comparingDouble(v -> v[3])
            .thenComparingDouble(v -> v[0]);
        expected.sort(order);
        actual.sort(order);
        assertEquals(expected.size(), actual.size(), what);
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), 1e-9, what + ", link " + i);
        }
    }

    @Test
    void truncatedLayoutsEqualScipysLastP() {
        for (final int p : new int[]{30, 5, 2, 60}) {
            assertLikeScipy("blobs_ward", p);
        }
        assertLikeScipy("blobs_average", 30);
    }

    @Test
    void truncationShowsPLeavesThatCoverAllRows() {
        final Dendrogram tree = tree("blobs_ward");
        for (final int p : new int[]{1, 2, 5, 30, 59, 60, 500}) {
            final DendrogramLayout layout = layout(tree, 3, p);
            final int shown = Math.min(p, 60);
            assertEquals(shown, layout.leafCount(), "p = " + p);
            assertEquals(60, Arrays.stream(layout.leafSizes()).sum(), "every row is under exactly one leaf");
            assertEquals(shown - 1, layout.links().size(), "the last p − 1 merges are drawn");
            assertArrayEquals(Arrays.copyOfRange(tree.heights(), 60 - shown, 59), layout.nodeHeights(),
                "the drawn merges are the last ones, in merge order");
            for (int i = 0; i < shown; i++) {
                final int id = layout.leafIds()[i];
                assertTrue(id < 2 * 60 - shown, "leaf " + id + " is not one of the drawn merges, p = " + p);
                assertEquals(id < 60 ? "" + id : "(" + layout.leafSizes()[i] + ")", layout.leafLabel(i));
            }
        }
    }

    @Test
    void equalHeightsAndTwoRowsAreLaidOut() {
        assertLikeScipy("line_single", 5);
        assertLikeScipy("line_single", 8);
        final DendrogramLayout line = layout(tree("line_single"), 2, 5);
        assertArrayEquals(new double[]{1, 1, 1, 1}, line.nodeHeights());
        assertEquals(1.0, line.topHeight());

        assertLikeScipy("two_ward", 30);
        assertLikeScipy("two_ward", 2);
        final DendrogramLayout two = layout(tree("two_ward"), 2, 30);
        assertEquals(2, two.leafCount());
        assertEquals(List.of("0", "1"), List.of(two.leafLabel(0), two.leafLabel(1)));
        assertEquals(1, two.links().size());
        assertEquals(5.0, two.topHeight(), 1e-12, "ward height of two rows = their distance");
        assertEquals(DendrogramLayout.ABOVE_CUT, two.links().get(0).cluster(), "k = 2 undoes the only merge");
        assertArrayEquals(new int[]{0, 1}, two.leafClusters());

        final Dendrogram flat = Dendrogram.fromLinkageMatrix(Matrix.of(new double[][]{{0, 1, 0, 2}, {2, 3, 0, 3}}));
        final DendrogramLayout zero = DendrogramLayout.of(flat, new int[]{0, 0, 0}, 1, Double.NaN, 30);
        assertArrayEquals(new double[]{0, 0}, zero.nodeHeights(), "identical rows merge at height 0");
    }

    @Test
    void mergesBelowTheCutCarryTheirClusterAndTheCutLiesBetweenTheMerges() {
        final Dendrogram tree = tree("blobs_ward");
        final int[] labels = tree.cut(3);
        final DendrogramLayout layout = DendrogramLayout.of(tree, labels, 3, Double.NaN, 30);
        int above = 0;
        for (final DendrogramLayout.Link link : layout.links()) {
            if (link.merge() >= 60 - 3) {
                assertEquals(DendrogramLayout.ABOVE_CUT, link.cluster(), "the last k − 1 merges join clusters");
                above++;
            } else {
                assertEquals(labels[anyRow(tree, tree.left(link.merge()))], link.cluster());
                assertEquals(labels[anyRow(tree, tree.right(link.merge()))], link.cluster(), "one cluster below");
            }
        }
        assertEquals(2, above);
        final int[] leafClusters = layout.leafClusters();
        for (int i = 0; i < layout.leafCount(); i++) {
            assertEquals(labels[anyRow(tree, layout.leafIds()[i])], leafClusters[i]);
        }

        final double[] rows = flatten(reference.getAsJsonObject("blobs_ward").getAsJsonArray("rows"));
        final AgglomerativeModel byK = AgglomerativeClustering.fit(Matrix.wrap(60, 2, rows),
            AgglomerativeClustering.Parameters.clusters(Linkage.WARD, 3), Progress.NONE);
        final double cut = DendrogramLayout.cutHeight(byK);
        assertTrue(cut > tree.height(56) && cut < tree.height(57), "between the highest kept and lowest undone");
        assertEquals((tree.height(56) + tree.height(57)) / 2, cut, 1e-9);
        final AgglomerativeModel byHeight = AgglomerativeClustering.fit(Matrix.wrap(60, 2, rows),
            AgglomerativeClustering.Parameters.height(Linkage.WARD, 7.5), Progress.NONE);
        assertEquals(7.5, DendrogramLayout.cutHeight(byHeight));
        assertEquals(7.5, DendrogramLayout.of(byHeight, 30).cutHeight());
        final AgglomerativeModel one = AgglomerativeClustering.fit(Matrix.wrap(60, 2, rows),
            AgglomerativeClustering.Parameters.clusters(Linkage.WARD, 1), Progress.NONE);
        assertTrue(Double.isNaN(DendrogramLayout.cutHeight(one)), "k = 1 undoes nothing: no cut line");
        final AgglomerativeModel all = AgglomerativeClustering.fit(Matrix.wrap(60, 2, rows),
            AgglomerativeClustering.Parameters.clusters(Linkage.WARD, 60), Progress.NONE);
        assertEquals(tree.height(0) / 2, DendrogramLayout.cutHeight(all), 1e-12, "k = n: below the first merge");
    }

    @Test
    void badArgumentsAreRefused() {
        final Dendrogram tree = tree("two_ward");
        assertThrows(IllegalArgumentException.class, () -> DendrogramLayout.of(tree, new int[]{0}, 1, 0, 30));
        assertThrows(IllegalArgumentException.class, () -> DendrogramLayout.of(tree, new int[]{0, 1}, 3, 0, 30));
        assertThrows(IllegalArgumentException.class, () -> DendrogramLayout.of(tree, new int[]{0, 1}, 2, 0, 0));
    }

    private static double[] flatten(final JsonArray rows) {
        final List<Double> values = new ArrayList<>();
        for (final JsonElement row : rows) {
            for (final double v : doubles(row.getAsJsonArray())) {
                values.add(v);
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** @return some row under cluster id {@code id} (walks down left children) */
    private static int anyRow(final Dendrogram tree, final int id) {
        int node = id;
        while (node >= tree.leaves()) {
            node = tree.left(node - tree.leaves());
        }
        return node;
    }
}
