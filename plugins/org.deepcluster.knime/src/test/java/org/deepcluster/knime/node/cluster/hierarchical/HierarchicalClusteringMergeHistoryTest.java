package org.deepcluster.knime.node.cluster.hierarchical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.swing.JComponent;

import org.deepcluster.core.cluster.hierarchical.AgglomerativeModel;
import org.deepcluster.core.cluster.hierarchical.Dendrogram;
import org.deepcluster.core.cluster.hierarchical.Linkage;
import org.deepcluster.knime.node.cluster.ClusteringSettings;
import org.deepcluster.knime.port.ClusterModelPortObject;
import org.deepcluster.knime.testing.TestTables;
import org.deepcluster.standin.NodeHarness;
import org.deepcluster.standin.PortObjects;
import org.deepcluster.standin.Tables;
import org.junit.jupiter.api.Test;
import org.knime.core.data.BooleanValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The Hierarchical Clustering node's third port, the merge history: its exact spec at configure time, its values
 * against the engine's dendrogram and SciPy's linkage matrix (the blobs of {@code dendrogram_reference.json}, made by
 * {@code dendrogram_reference.py} in the test resources), the row IDs of single-row sides, and the Kept flags against
 * the clusters of the first port, cut by k and by height.
 */
class HierarchicalClusteringMergeHistoryTest {

    private static final String[] COLUMNS =
        {"Merge", "Left", "Right", "Height", "Size", "Left row ID", "Right row ID", "Kept"};

    private static NodeHarness<HierarchicalClusteringNodeModel> byK(final String linkage, final int k)
        throws InvalidSettingsException {
        return NodeHarness.of(HierarchicalClusteringNodeFactory.class).editSettings(s -> {
            s.addString(HierarchicalClusteringSettings.KEY_LINKAGE, linkage);
            s.addInt(HierarchicalClusteringSettings.KEY_K, k);
        });
    }

    private static NodeHarness<HierarchicalClusteringNodeModel> byHeight(final String linkage, final double height)
        throws InvalidSettingsException {
        return NodeHarness.of(HierarchicalClusteringNodeFactory.class).editSettings(s -> {
            s.addString(HierarchicalClusteringSettings.KEY_LINKAGE, linkage);
            s.addString(HierarchicalClusteringSettings.KEY_CUT, HierarchicalClusteringSettings.CUT_HEIGHT);
            s.addDouble(HierarchicalClusteringSettings.KEY_THRESHOLD, height);
        });
    }

    /** One merge-history row as plain values (null for a missing cell). */
    private record Merge(int merge, int left, int right, double height, int size, String leftRowId,
        String rightRowId, boolean kept) {
        static Merge of(final DataRow row) {
            return new Merge(((IntValue)row.getCell(0)).getIntValue(), ((IntValue)row.getCell(1)).getIntValue(),
                ((IntValue)row.getCell(2)).getIntValue(), ((DoubleValue)row.getCell(3)).getDoubleValue(),
                ((IntValue)row.getCell(4)).getIntValue(), text(row.getCell(5)), text(row.getCell(6)),
                ((BooleanValue)row.getCell(7)).getBooleanValue());
        }

        private static String text(final DataCell cell) {
            return cell.isMissing() ? null : cell.toString();
        }
    }

    private static List<Merge> merges(final PortObject[] out) {
        return Tables.rows((BufferedDataTable)out[2]).stream().map(Merge::of).toList();
    }

    @Test
    void configureReturnsTheExactSpecOfTheThirdPort() throws Exception {
        final BufferedDataTable in = TestTables.blobs(40, 2, 3, 0.5, 1);
        for (final var harness : List.of(byK("ward", 3), byHeight("single", 1.0))) {
            final PortObjectSpec[] specs = harness.configure(in.getDataTableSpec());
            assertEquals(3, specs.length, "clustered data, cluster model, merge history");
            final DataTableSpec history = (DataTableSpec)specs[2];
            assertArrayEquals(COLUMNS, history.getColumnNames());
            assertEquals(List.of(IntCell.TYPE, IntCell.TYPE, IntCell.TYPE, DoubleCell.TYPE, IntCell.TYPE,
                StringCell.TYPE, StringCell.TYPE, BooleanCell.TYPE),
                List.of(history.getColumnSpec(0).getType(), history.getColumnSpec(1).getType(),
                    history.getColumnSpec(2).getType(), history.getColumnSpec(3).getType(),
                    history.getColumnSpec(4).getType(), history.getColumnSpec(5).getType(),
                    history.getColumnSpec(6).getType(), history.getColumnSpec(7).getType()));
            final PortObject[] out = harness.execute(in); // the harness also compares all specs, strictly
            assertTrue(history.equalStructure(((BufferedDataTable)out[2]).getDataTableSpec()));
            assertEquals(39, ((BufferedDataTable)out[2]).size(), "n − 1 merges");
        }
    }

    @Test
    void theNodeDescriptionDocumentsThePortAndEveryColumn() {
        final HierarchicalClusteringNodeFactory factory = new HierarchicalClusteringNodeFactory();
        assertEquals(List.of("Clustered data", "Cluster model", "Merge history"),
            List.of(factory.getOutportName(0), factory.getOutportName(1), factory.getOutportName(2)));
        final String description = factory.getOutportDescription(2);
        for (final String column : COLUMNS) {
            assertTrue(description.contains(column), column + " in " + description);
        }
    }

    /**
     * Rows 0, 1, 5 and 6.5 on a line (IDs a, b, c, d) and a skipped row with a missing value: SciPy's linkage matrices
     * are single [[0, 1, 1, 2], [2, 3, 1.5, 2], [4, 5, 4, 4]] and ward [[0, 1, 1, 2], [2, 3, 1.5, 2],
     * [4, 5, 7.424621202458749, 4]] (scipy.cluster.hierarchy.linkage, SciPy 1.10.1).
     */
    @Test
    void aSmallExampleGivesSciPysLinkageWithRowIds() throws Exception {
        final BufferedDataTable in = Tables.builder().column("x", DoubleCell.TYPE).keyedRow("a", 0.0)
            .keyedRow("b", 1.0).keyedRow("skipped", (Object)null).keyedRow("c", 5.0).keyedRow("d", 6.5).build();
        final var single = byK("single", 2).editSettings(
            s -> s.addString(ClusteringSettings.KEY_MISSING, "SKIP_ROW"));
        assertEquals(List.of(new Merge(1, 0, 1, 1.0, 2, "a", "b", true), new Merge(2, 2, 3, 1.5, 2, "c", "d", true),
            new Merge(3, 4, 5, 4.0, 4, null, null, false)), merges(single.execute(in)),
            "ids count the clustered rows only: the skipped row has none");
        final var ward = byK("ward", 3).editSettings(s -> s.addString(ClusteringSettings.KEY_MISSING, "SKIP_ROW"));
        final List<Merge> wardMerges = merges(ward.execute(in));
        assertEquals(List.of(new Merge(1, 0, 1, 1.0, 2, "a", "b", true), new Merge(2, 2, 3, 1.5, 2, "c", "d", false),
            new Merge(3, 4, 5, 7.424621202458749, 4, null, null, false)), roundHeights(wardMerges, 1e-12,
                new double[]{1.0, 1.5, 7.424621202458749}));
        final List<String> rowKeys = Tables.rows((BufferedDataTable)ward.execute(in)[2]).stream()
            .map(r -> r.getKey().getString()).toList();
        assertEquals(List.of("Row0", "Row1", "Row2"), rowKeys);

        final BufferedDataTable two = Tables.builder().column("x", DoubleCell.TYPE).keyedRow("first", 2.0)
            .keyedRow("second", -1.0).build();
        assertEquals(List.of(new Merge(1, 0, 1, 3.0, 2, "first", "second", false)),
            merges(byK("average", 2).execute(two)), "n = 2: one merge, undone by k = 2");
        assertTrue(merges(byK("average", 1).execute(two)).get(0).kept(), "k = 1 keeps it");
    }

    /** @return the merges with heights within {@code tolerance} of {@code expected} replaced by the expected values */
    private static List<Merge> roundHeights(final List<Merge> merges, final double tolerance,
        final double[] expected) {
        final List<Merge> out = new ArrayList<>();
        for (int i = 0; i < merges.size(); i++) {
            final Merge m = merges.get(i);
            final double h = Math.abs(m.height() - expected[i]) <= tolerance ? expected[i] : m.height();
            out.add(new Merge(m.merge(), m.left(), m.right(), h, m.size(), m.leftRowId(), m.rightRowId(), m.kept()));
        }
        return out;
    }

    private static JsonObject reference(final String name) throws IOException {
        try (Reader in = new InputStreamReader(HierarchicalClusteringMergeHistoryTest.class.getResourceAsStream(
            "/dendrogram_reference.json"), StandardCharsets.UTF_8)) {
            return new JsonParser().parse(in).getAsJsonObject().getAsJsonObject(name);
        }
    }

    @Test
    void theTableEqualsTheEnginesDendrogramAndSciPysLinkage() throws Exception {
        final JsonObject blobs = reference("blobs_ward");
        final var table = Tables.builder().column("u", DoubleCell.TYPE).column("v", DoubleCell.TYPE);
        final JsonArray rows = blobs.getAsJsonArray("rows");
        for (int i = 0; i < rows.size(); i++) {
            final JsonArray row = rows.get(i).getAsJsonArray();
            table.keyedRow("cell_" + i, row.get(0).getAsDouble(), row.get(1).getAsDouble());
        }
        final PortObject[] out = byK("ward", 3).execute(table.build());
        final List<Merge> merges = merges(out);
        final Dendrogram tree = ((AgglomerativeModel)((ClusterModelPortObject)out[1]).model()).dendrogram();
        final JsonArray scipy = blobs.getAsJsonArray("linkage");
        assertEquals(59, merges.size());
        for (int i = 0; i < merges.size(); i++) {
            final Merge m = merges.get(i);
            assertEquals(new Merge(i + 1, tree.left(i), tree.right(i), tree.height(i), tree.size(i),
                tree.left(i) < 60 ? "cell_" + tree.left(i) : null, tree.right(i) < 60 ? "cell_" + tree.right(i) : null,
                i < 57), m, "the engine's merge " + i);
            final JsonArray z = scipy.get(i).getAsJsonArray();
            assertEquals(z.get(0).getAsInt(), m.left(), "SciPy's merge " + i);
            assertEquals(z.get(1).getAsInt(), m.right(), "SciPy's merge " + i);
            assertEquals(z.get(2).getAsDouble(), m.height(), 1e-9, "SciPy's merge " + i);
            assertEquals(z.get(3).getAsInt(), m.size(), "SciPy's merge " + i);
        }
    }

    /**
     * Checks the Kept flags against the cluster column of the first port, using only the merge table to find the rows
     * under each merge: a kept merge joins rows of one cluster; an undone one joins sides with no cluster in common.
     *
     * @return the number of kept merges
     */
    private static int assertKeptMatchesClusters(final PortObject[] out) {
        final BufferedDataTable clustered = (BufferedDataTable)out[0];
        final Map<String, String> clusterOfRow = new HashMap<>();
        for (final DataRow row : Tables.rows(clustered)) {
            final DataCell cell = row.getCell(clustered.getDataTableSpec().findColumnIndex("Cluster"));
            if (!cell.isMissing()) {
                clusterOfRow.put(row.getKey().getString(), cell.toString());
            }
        }
        final int n = clusterOfRow.size();
        final List<Merge> merges = merges(out);
        assertEquals(n - 1, merges.size());
        final List<Set<String>> clustersUnder = new ArrayList<>(); // per SciPy id: the clusters of its rows
        final String[] rowOfId = new String[n];
        for (final Merge m : merges) { // the row IDs of single rows, from the table itself
            if (m.left() < n) {
                rowOfId[m.left()] = m.leftRowId();
            }
            if (m.right() < n) {
                rowOfId[m.right()] = m.rightRowId();
            }
        }
        for (int id = 0; id < n; id++) {
            clustersUnder.add(Set.of(clusterOfRow.get(rowOfId[id])));
        }
        int kept = 0;
        boolean undoneSeen = false;
        for (final Merge m : merges) {
            final Set<String> left = clustersUnder.get(m.left());
            final Set<String> right = clustersUnder.get(m.right());
            final Set<String> union = new HashSet<>(left);
            union.addAll(right);
            if (m.kept()) {
                assertFalse(undoneSeen, "kept merges come first");
                assertEquals(1, union.size(), "merge " + m.merge() + " is kept, so its rows share a cluster");
                kept++;
            } else {
                undoneSeen = true;
                assertEquals(left.size() + right.size(), union.size(),
                    "merge " + m.merge() + " is undone, so it joins different clusters");
            }
            clustersUnder.add(union);
        }
        assertEquals(n - new HashSet<>(clusterOfRow.values()).size(), kept, "n − clusters merges are kept");
        return kept;
    }

    @Test
    void keptMergesLieInsideTheOutputClustersCutByKOrByHeight() throws Exception {
        final BufferedDataTable in = TestTables.blobs(120, 3, 4, 1.5, 11);
        for (final Linkage linkage : Linkage.values()) {
            for (final int k : new int[]{1, 2, 4, 7, 120}) {
                assertEquals(120 - k, assertKeptMatchesClusters(byK(linkage.id(), k).execute(in)),
                    linkage.id() + ", k = " + k);
            }
        }
        for (final double threshold : new double[]{0.5, 2.0, 6.0, 1e6}) {
            final PortObject[] out = byHeight("average", threshold).execute(in);
            assertKeptMatchesClusters(out);
            for (final Merge m : merges(out)) {
                assertEquals(m.height() < threshold, m.kept(), "threshold " + threshold + ", merge " + m.merge());
            }
        }
    }

    @Test
    void theModelWithItsDendrogramSurvivesSaveAndLoad() throws Exception {
        final BufferedDataTable in = TestTables.blobs(50, 2, 3, 1.0, 4);
        final PortObject[] out = byHeight("complete", 3.0).execute(in);
        final ClusterModelPortObject model = (ClusterModelPortObject)out[1];
        final ClusterModelPortObject copy = PortObjects.roundTrip(model);
        final AgglomerativeModel original = (AgglomerativeModel)model.model();
        final AgglomerativeModel loaded = (AgglomerativeModel)copy.model();
        assertEquals(original.dendrogram().toLinkageMatrix(), loaded.dendrogram().toLinkageMatrix());
        assertArrayEquals(original.labels(), loaded.labels());
        assertEquals(3.0, loaded.distanceThreshold());
        final JComponent[] views = copy.getViews();
        assertEquals(List.of("Cluster Model", "Dendrogram"), List.of(views[0].getName(), views[1].getName()));
        final List<Merge> merges = merges(out);
        for (int i = 0; i < merges.size(); i++) {
            assertEquals(loaded.dendrogram().height(i), merges.get(i).height(), "the table matches the saved tree");
        }
    }

    @Test
    void cancellingWhileTheHistoryIsWrittenStopsTheNode() throws Exception {
        final BufferedDataTable in = TestTables.blobs(300, 2, 3, 1.0, 4);
        final var harness = byK("single", 3);
        harness.cancelWhen(p -> p.getMessage() != null && p.getMessage().startsWith("Writing merge"));
        assertThrows(CanceledExecutionException.class, () -> harness.execute(in));
    }
}
