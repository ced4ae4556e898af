package org.deepcluster.knime.node.generator;

import static org.deepcluster.knime.node.generator.SyntheticDataGeneratorSettings.KEY_BLOBS_CENTRE_BOX;
import static org.deepcluster.knime.node.generator.SyntheticDataGeneratorSettings.KEY_BLOBS_CLUSTERS;
import static org.deepcluster.knime.node.generator.SyntheticDataGeneratorSettings.KEY_BLOBS_DIMENSIONS;
import static org.deepcluster.knime.node.generator.SyntheticDataGeneratorSettings.KEY_BLOBS_ROWS;
import static org.deepcluster.knime.node.generator.SyntheticDataGeneratorSettings.KEY_BLOBS_SPREAD;
import static org.deepcluster.knime.node.generator.SyntheticDataGeneratorSettings.KEY_KIND;
import static org.deepcluster.knime.node.generator.SyntheticDataGeneratorSettings.KEY_LABEL_COLUMN;
import static org.deepcluster.knime.node.generator.SyntheticDataGeneratorSettings.KEY_SC_CELLS;
import static org.deepcluster.knime.node.generator.SyntheticDataGeneratorSettings.KEY_SC_CELL_TYPES;
import static org.deepcluster.knime.node.generator.SyntheticDataGeneratorSettings.KEY_SC_DE_FRACTION;
import static org.deepcluster.knime.node.generator.SyntheticDataGeneratorSettings.KEY_SC_DE_LOCATION;
import static org.deepcluster.knime.node.generator.SyntheticDataGeneratorSettings.KEY_SC_DROPOUT;
import static org.deepcluster.knime.node.generator.SyntheticDataGeneratorSettings.KEY_SC_DROPOUT_MIDPOINT;
import static org.deepcluster.knime.node.generator.SyntheticDataGeneratorSettings.KEY_SC_GENES;
import static org.deepcluster.knime.node.generator.SyntheticDataGeneratorSettings.KEY_SC_LIBRARY_LOCATION;
import static org.deepcluster.knime.node.generator.SyntheticDataGeneratorSettings.KEY_SEED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.deepcluster.core.progress.Progress;
import org.deepcluster.core.synthetic.GaussianBlobs;
import org.deepcluster.core.synthetic.SingleCellCounts;
import org.deepcluster.core.synthetic.SyntheticData;
import org.deepcluster.standin.NodeHarness;
import org.deepcluster.standin.SettingsXml;
import org.deepcluster.standin.Tables;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeFactory.NodeType;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.workflow.NodeProgress;

/** The Synthetic Data Generator executed through the KNIME API stand-in, as KNIME would run it. */
class SyntheticDataGeneratorNodeModelTest {

    private static NodeHarness<SyntheticDataGeneratorNodeModel> generator() {
        return NodeHarness.of(SyntheticDataGeneratorNodeFactory.class);
    }

    /** Blobs: 250 rows, 3 dimensions, 4 clusters, spread 0.7, box 5, seed 9. */
    private static NodeHarness<SyntheticDataGeneratorNodeModel> blobs() throws InvalidSettingsException {
        return generator().editSettings(s -> {
            s.addString(KEY_KIND, "GAUSSIAN_BLOBS");
            s.addInt(KEY_BLOBS_ROWS, 250);
            s.addInt(KEY_BLOBS_DIMENSIONS, 3);
            s.addInt(KEY_BLOBS_CLUSTERS, 4);
            s.addDouble(KEY_BLOBS_SPREAD, 0.7);
            s.addDouble(KEY_BLOBS_CENTRE_BOX, 5.0);
            s.addLong(KEY_SEED, 9);
        });
    }

    /** Single-cell counts: 120 cells, 50 genes, 3 types, DE 0.2 at 2.0, library 7.0, dropout at 1.0, seed 5. */
    private static NodeHarness<SyntheticDataGeneratorNodeModel> cells() throws InvalidSettingsException {
        return generator().editSettings(s -> {
            s.addString(KEY_KIND, "SINGLE_CELL_COUNTS");
            s.addInt(KEY_SC_CELLS, 120);
            s.addInt(KEY_SC_GENES, 50);
            s.addInt(KEY_SC_CELL_TYPES, 3);
            s.addDouble(KEY_SC_DE_FRACTION, 0.2);
            s.addDouble(KEY_SC_DE_LOCATION, 2.0);
            s.addDouble(KEY_SC_LIBRARY_LOCATION, 7.0);
            s.addBoolean(KEY_SC_DROPOUT, true);
            s.addDouble(KEY_SC_DROPOUT_MIDPOINT, 1.0);
            s.addLong(KEY_SEED, 5);
        });
    }

    private static BufferedDataTable run(final NodeHarness<SyntheticDataGeneratorNodeModel> harness)
        throws Exception {
        return harness.executeTables()[0]; // the harness also checks that the spec equals configure's
    }

    private static List<String> domain(final DataColumnSpec column) {
        final List<String> values = new ArrayList<>();
        for (final DataCell c : column.getDomain().getValues()) {
            values.add(((StringCell)c).getStringValue());
        }
        return values;
    }

    private static void assertSameSpec(final DataTableSpec configured, final DataTableSpec executed) {
        assertArrayEquals(configured.getColumnNames(), executed.getColumnNames());
        for (int j = 0; j < configured.getNumColumns(); j++) {
            assertEquals(configured.getColumnSpec(j).getType(), executed.getColumnSpec(j).getType());
        }
        final int label = configured.getNumColumns() - 1;
        assertEquals(domain(configured.getColumnSpec(label)), domain(executed.getColumnSpec(label)),
            "the label domain of configure is that of the table");
        assertTrue(configured.equalStructure(executed));
    }

    private static List<String> rowIds(final BufferedDataTable table) {
        return Tables.rows(table).stream().map(r -> r.getKey().getString()).toList();
    }

    // ---------------------------------------------------------------- specs

    @Test
    void configureGivesTheExactSpecOfTheBlobsTable() throws Exception {
        final var harness = blobs();
        final DataTableSpec configured = (DataTableSpec)harness.configure()[0];
        assertArrayEquals(new String[]{"x0", "x1", "x2", "label"}, configured.getColumnNames());
        for (int j = 0; j < 3; j++) {
            assertEquals(DoubleCell.TYPE, configured.getColumnSpec(j).getType());
        }
        assertEquals(StringCell.TYPE, configured.getColumnSpec(3).getType());
        assertEquals(List.of("cluster_0", "cluster_1", "cluster_2", "cluster_3"),
            domain(configured.getColumnSpec(3)));

        final BufferedDataTable table = run(harness);
        assertSameSpec(configured, table.getDataTableSpec());
        assertEquals(250, table.size());
        assertEquals("Row0", rowIds(table).get(0));
        assertEquals("Row249", rowIds(table).get(249));
    }

    @Test
    void configureGivesTheExactSpecOfTheCountsTable() throws Exception {
        final var harness = cells();
        final DataTableSpec configured = (DataTableSpec)harness.configure()[0];
        assertEquals(51, configured.getNumColumns());
        for (int j = 0; j < 50; j++) {
            assertEquals("gene_" + j, configured.getColumnSpec(j).getName());
            assertEquals(IntCell.TYPE, configured.getColumnSpec(j).getType(), "counts are integer columns");
        }
        assertEquals("label", configured.getColumnSpec(50).getName());
        assertEquals(List.of("type_0", "type_1", "type_2"), domain(configured.getColumnSpec(50)));

        final BufferedDataTable table = run(harness);
        assertSameSpec(configured, table.getDataTableSpec());
        assertEquals(120, table.size());
        assertEquals("cell_0", rowIds(table).get(0));
        assertEquals("cell_119", rowIds(table).get(119));
    }

    @Test
    void defaultSettingsGiveBlobsAndTheSpecNeedsNoData() throws Exception {
        final DataTableSpec spec = (DataTableSpec)generator().configure()[0];
        assertArrayEquals(new String[]{"x0", "x1", "label"}, spec.getColumnNames());
        assertEquals(List.of("cluster_0", "cluster_1", "cluster_2"), domain(spec.getColumnSpec(2)));
        final BufferedDataTable table = run(generator());
        assertEquals(300, table.size());
    }

    @Test
    void labelColumnIsNamedAsSetAndMadeUniqueAgainstTheNumericColumns() throws Exception {
        final var named = blobs().editSettings(s -> s.addString(KEY_LABEL_COLUMN, "true cluster"));
        assertEquals("true cluster", run(named).getDataTableSpec().getColumnSpec(3).getName());
        final var clash = blobs().editSettings(s -> s.addString(KEY_LABEL_COLUMN, "x1"));
        final DataTableSpec configured = (DataTableSpec)clash.configure()[0];
        assertEquals("x1 (#1)", configured.getColumnSpec(3).getName());
        assertSameSpec(configured, run(clash).getDataTableSpec());
    }

    // ---------------------------------------------------------------- values

    @Test
    void blobsEqualTheEnginesOutput() throws Exception {
        final BufferedDataTable table = run(blobs());
        final SyntheticData expected =
            GaussianBlobs.generate(new GaussianBlobs.Parameters(250, 3, 4, 0.7, 5.0, 9), Progress.NONE);
        final List<DataRow> rows = Tables.rows(table);
        final List<String> labels = expected.labelsAsNames();
        for (int i = 0; i < 250; i++) {
            final DataRow row = rows.get(i);
            for (int j = 0; j < 3; j++) {
                assertEquals(expected.data().get(i, j), ((DoubleCell)row.getCell(j)).getDoubleValue(), 0.0,
                    "row " + i + ", column " + j);
            }
            assertEquals(labels.get(i), ((StringCell)row.getCell(3)).getStringValue());
        }
        assertEquals(expected.labelNames(), domain(table.getDataTableSpec().getColumnSpec(3)));
    }

    @Test
    void countsEqualTheEnginesOutput() throws Exception {
        final BufferedDataTable table = run(cells());
        final SingleCellCounts.Parameters d = SingleCellCounts.Parameters.defaults(120, 50, 3, 5);
        final SingleCellCounts.Parameters p = new SingleCellCounts.Parameters(120, 50, 3, 5, d.geneMeanShape(),
            d.geneMeanRate(), 7.0, d.librarySizeScale(), 0.2, 2.0, d.deScale(), d.bcv(), true, 1.0, d.dropoutShape());
        final SyntheticData expected = SingleCellCounts.generate(p, Progress.NONE);
        final List<DataRow> rows = Tables.rows(table);
        final List<String> labels = expected.labelsAsNames();
        long zeros = 0;
        for (int i = 0; i < 120; i++) {
            final DataRow row = rows.get(i);
            for (int j = 0; j < 50; j++) {
                final int count = ((IntCell)row.getCell(j)).getIntValue();
                assertEquals(expected.data().get(i, j), count, 0.0, "cell " + i + ", gene " + j);
                zeros += count == 0 ? 1 : 0;
            }
            assertEquals(labels.get(i), ((StringCell)row.getCell(50)).getStringValue());
        }
        assertTrue(zeros > 0 && zeros < 120 * 50, "some but not all counts are zero: " + zeros);
        assertEquals(expected.labelNames(), domain(table.getDataTableSpec().getColumnSpec(50)));
    }

    @Test
    void sameSeedGivesTheSameTableAndAnotherSeedAnotherOne() throws Exception {
        for (final var make : List.<HarnessMaker>of(SyntheticDataGeneratorNodeModelTest::blobs,
            SyntheticDataGeneratorNodeModelTest::cells)) {
            final var harness = make.get();
            final List<DataRow> first = Tables.rows(run(harness));
            assertFalse(harness.progressEvents().isEmpty(), "the node reports progress");
            assertEquals(first, Tables.rows(run(harness)), "re-execution");
            assertEquals(first, Tables.rows(run(make.get())), "a new node with the same settings");
            final List<DataRow> other = Tables.rows(run(make.get().editSettings(s -> s.addLong(KEY_SEED, 10))));
            assertNotEquals(first, other, "another seed");
        }
    }

    @FunctionalInterface
    private interface HarnessMaker {
        NodeHarness<SyntheticDataGeneratorNodeModel> get() throws InvalidSettingsException;
    }

    // ---------------------------------------------------------------- settings

    @Test
    void settingsOfBothKindsSurviveSettingsXmlAndTheDialog() throws Exception {
        final var harness = cells().editSettings(s -> {
            s.addInt(KEY_BLOBS_ROWS, 77);
            s.addDouble(KEY_BLOBS_SPREAD, 2.5);
            s.addLong(KEY_SEED, 123456789012L);
            s.addString(KEY_LABEL_COLUMN, "cell type");
        });
        final NodeSettings loaded = harness.settingsRoundTrip();
        assertEquals("SINGLE_CELL_COUNTS", loaded.getString(KEY_KIND));
        assertEquals(120, loaded.getInt(KEY_SC_CELLS));
        assertEquals(1.0, loaded.getDouble(KEY_SC_DROPOUT_MIDPOINT));
        assertTrue(loaded.getBoolean(KEY_SC_DROPOUT));
        assertEquals(77, loaded.getInt(KEY_BLOBS_ROWS), "the other kind's settings are kept");
        assertEquals(2.5, loaded.getDouble(KEY_BLOBS_SPREAD));
        assertEquals(123456789012L, loaded.getLong(KEY_SEED));
        final ByteArrayOutputStream xml = new ByteArrayOutputStream();
        loaded.saveToXML(xml);
        final String text = xml.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("<entry key=\"data_kind\" type=\"xstring\" value=\"SINGLE_CELL_COUNTS\"/>"), text);
        assertTrue(text.contains("<entry key=\"sc_genes\" type=\"xint\" value=\"50\"/>"), text);

        final NodeSettings fromDialog = harness.dialogRoundTrip(); // a source node: no input specs
        assertEquals("SINGLE_CELL_COUNTS", fromDialog.getString(KEY_KIND));
        assertEquals(50, fromDialog.getInt(KEY_SC_GENES));
        assertEquals(2.0, fromDialog.getDouble(KEY_SC_DE_LOCATION));
        assertEquals(7.0, fromDialog.getDouble(KEY_SC_LIBRARY_LOCATION));
        assertEquals(0.2, fromDialog.getDouble(KEY_SC_DE_FRACTION));
        assertTrue(fromDialog.getBoolean(KEY_SC_DROPOUT));
        assertEquals(77, fromDialog.getInt(KEY_BLOBS_ROWS));
        assertEquals(123456789012L, fromDialog.getLong(KEY_SEED));
        assertEquals("cell type", fromDialog.getString(KEY_LABEL_COLUMN));
        assertTrue(fromDialog.isIdentical(harness.saveSettings()), "the dialog changes nothing");

        final var blobs = blobs();
        assertTrue(blobs.dialogRoundTrip().isIdentical(blobs.saveSettings()));
        assertNotNull(blobs.settingsRoundTrip());
    }

    @Test
    void settingsOfTheOtherKindAreKeptButNotValidated() throws Exception {
        final var harness = blobs().editSettings(s -> {
            s.addInt(KEY_SC_CELLS, 0);
            s.addDouble(KEY_SC_DE_FRACTION, 7.0);
        });
        assertEquals(250, run(harness).size());
        final NodeSettings loaded = harness.settingsRoundTrip();
        assertEquals(0, loaded.getInt(KEY_SC_CELLS));
        assertEquals(7.0, loaded.getDouble(KEY_SC_DE_FRACTION));
        assertEquals(0, harness.dialogRoundTrip().getInt(KEY_SC_CELLS));
        // ...but they are checked as soon as their kind is selected
        final var e = assertThrows(InvalidSettingsException.class,
            () -> harness.editSettings(s -> s.addString(KEY_KIND, "SINGLE_CELL_COUNTS")));
        assertTrue(e.getMessage().contains("'Cells'"), e.getMessage());
    }

    private static void assertRejected(final NodeHarness.SettingsEditor edit, final String... expected)
        throws Exception {
        final var e = assertThrows(InvalidSettingsException.class, () -> generator().editSettings(edit));
        for (final String part : expected) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' not in: " + e.getMessage());
        }
    }

    private static NodeHarness.SettingsEditor blobsWith(final NodeHarness.SettingsEditor edit) {
        return s -> {
            s.addString(KEY_KIND, "GAUSSIAN_BLOBS");
            edit.edit(s);
        };
    }

    private static NodeHarness.SettingsEditor cellsWith(final NodeHarness.SettingsEditor edit) {
        return s -> {
            s.addString(KEY_KIND, "SINGLE_CELL_COUNTS");
            edit.edit(s);
        };
    }

    @Test
    void invalidBlobsSettingsAreRejectedWithTheSettingsName() throws Exception {
        assertRejected(blobsWith(s -> s.addInt(KEY_BLOBS_ROWS, 0)), "Setting 'Rows'", "at least 1");
        assertRejected(blobsWith(s -> s.addInt(KEY_BLOBS_DIMENSIONS, 0)), "Setting 'Dimensions'");
        assertRejected(blobsWith(s -> s.addInt(KEY_BLOBS_DIMENSIONS, 100_001)), "Setting 'Dimensions'",
            "at most 100,000");
        assertRejected(blobsWith(s -> s.addInt(KEY_BLOBS_CLUSTERS, 0)), "Setting 'Clusters'");
        assertRejected(blobsWith(s -> {
            s.addInt(KEY_BLOBS_ROWS, 5);
            s.addInt(KEY_BLOBS_CLUSTERS, 6);
        }), "Setting 'Clusters' (6)", "'Rows' (5)");
        assertRejected(blobsWith(s -> s.addDouble(KEY_BLOBS_SPREAD, -0.1)),
            "Setting 'Cluster spread (standard deviation)'");
        assertRejected(blobsWith(s -> s.addDouble(KEY_BLOBS_CENTRE_BOX, Double.NaN)),
            "Setting 'Centre box (half-width)'");
        assertRejected(blobsWith(s -> s.addDouble(KEY_BLOBS_CENTRE_BOX, Double.POSITIVE_INFINITY)),
            "Setting 'Centre box (half-width)'");
    }

    @Test
    void invalidSingleCellSettingsAreRejectedWithTheSettingsName() throws Exception {
        assertRejected(cellsWith(s -> s.addInt(KEY_SC_CELLS, 0)), "Setting 'Cells'");
        assertRejected(cellsWith(s -> s.addInt(KEY_SC_GENES, -3)), "Setting 'Genes'");
        assertRejected(cellsWith(s -> s.addInt(KEY_SC_CELL_TYPES, 0)), "Setting 'Cell types'");
        assertRejected(cellsWith(s -> {
            s.addInt(KEY_SC_CELLS, 3);
            s.addInt(KEY_SC_CELL_TYPES, 4);
        }), "Setting 'Cell types' (4)", "'Cells' (3)");
        assertRejected(cellsWith(s -> s.addDouble(KEY_SC_DE_FRACTION, 1.5)), "Setting 'DE gene fraction'",
            "between 0 and 1");
        assertRejected(cellsWith(s -> s.addDouble(KEY_SC_DE_LOCATION, 25)),
            "Setting 'DE fold-change location (ln)'", "between -20.0 and 20.0");
        assertRejected(cellsWith(s -> s.addDouble(KEY_SC_LIBRARY_LOCATION, -21)),
            "Setting 'Library-size location (ln)'");
        assertRejected(cellsWith(s -> s.addDouble(KEY_SC_DROPOUT_MIDPOINT, Double.NaN)),
            "Setting 'Dropout midpoint (ln mean)'");
    }

    @Test
    void invalidSharedSettingsAreRejectedWithTheSettingsName() throws Exception {
        assertRejected(s -> s.addString(KEY_LABEL_COLUMN, "  "), "Setting 'Label column name'", "empty");
        assertRejected(s -> s.addString(KEY_KIND, "SPIRALS"), "'Data kind'", "SPIRALS");
        final var missing = assertThrows(InvalidSettingsException.class, () -> generator().loadSettings(
            settingsWithout(KEY_SEED)));
        assertTrue(missing.getMessage().contains("\"seed\""), missing.getMessage());
    }

    /** @return the default settings as settings.xml would hold them, without one key (as from an older version) */
    private static NodeSettings settingsWithout(final String key) throws Exception {
        final String text = SettingsXml.toXml(generator().saveSettings())
            .replaceAll("\\s*<entry key=\"" + key + "\"[^>]*/>", "");
        final NodeSettings reread = SettingsXml.fromXml(text);
        assertFalse(reread.containsKey(key));
        return reread;
    }

    @Test
    void tooLargeOutputsAreRefusedNamingTheSettings() throws Exception {
        assertRejected(blobsWith(s -> {
            s.addInt(KEY_BLOBS_ROWS, 100_000);
            s.addInt(KEY_BLOBS_DIMENSIONS, 100_000);
        }), "'Rows' × 'Dimensions'", "10,000,000,000 values", "2,147,483,639", "lower 'Rows' or 'Dimensions'");
        assertRejected(cellsWith(s -> {
            s.addInt(KEY_SC_CELLS, 50_000);
            s.addInt(KEY_SC_GENES, 50_000);
        }), "'Cells' × 'Genes'", "2,500,000,000 values");
        // just below the limit is accepted (nothing is generated here)
        final var big = generator().editSettings(cellsWith(s -> {
            s.addInt(KEY_SC_CELLS, 21_474);
            s.addInt(KEY_SC_GENES, 100_000);
        }));
        assertEquals(100_001, ((DataTableSpec)big.configure()[0]).getNumColumns());
    }

    // ---------------------------------------------------------------- cancellation

    private static boolean says(final NodeProgress p, final String text) {
        return p.getMessage() != null && p.getMessage().contains(text);
    }

    @Test
    void cancellationStopsGeneration() throws Exception {
        final var blobs = blobs().editSettings(s -> s.addInt(KEY_BLOBS_ROWS, 5000));
        blobs.cancelWhen(p -> says(p, "Generating row"));
        assertThrows(CanceledExecutionException.class, () -> blobs.execute());
        assertTrue(blobs.progressEvents().stream().noneMatch(p -> says(p, "Writing row")),
            "cancelled before the table is written");

        final var cells = cells();
        cells.cancelWhen(p -> says(p, "Simulating cell"));
        assertThrows(CanceledExecutionException.class, () -> cells.execute());
        assertTrue(cells.progressEvents().stream().noneMatch(p -> says(p, "Writing row")));
    }

    @Test
    void cancellationStopsWritingTheTable() throws Exception {
        final var harness = blobs().editSettings(s -> s.addInt(KEY_BLOBS_ROWS, 5000));
        harness.cancelWhen(p -> says(p, "Writing row 1001 of 5000"));
        assertThrows(CanceledExecutionException.class, () -> harness.execute());
        assertTrue(harness.progressEvents().stream().noneMatch(p -> says(p, "Writing row 2001")),
            "the write loop checks for cancellation every 1000 rows");
    }

    // ---------------------------------------------------------------- description

    @Test
    void descriptionIsASourceNodeThatDocumentsEveryOption() {
        final var factory = new SyntheticDataGeneratorNodeFactory();
        assertEquals("Synthetic Data Generator", factory.getNodeName());
        assertEquals(NodeType.Source, factory.getType());
        assertNotNull(factory.getIcon(), "the icon next to the factory");
        assertEquals("Synthetic data", factory.getOutportName(0));
        final var options = factory.getXMLDescription().getElementsByTagName("option");
        final List<String> documented = new ArrayList<>();
        for (int i = 0; i < options.getLength(); i++) {
            documented.add(((org.w3c.dom.Element)options.item(i)).getAttribute("name"));
        }
        assertEquals(List.of(SyntheticDataGeneratorSettings.LABEL_KIND,
            SyntheticDataGeneratorSettings.LABEL_BLOBS_ROWS, SyntheticDataGeneratorSettings.LABEL_BLOBS_DIMENSIONS,
            SyntheticDataGeneratorSettings.LABEL_BLOBS_CLUSTERS, SyntheticDataGeneratorSettings.LABEL_BLOBS_SPREAD,
            SyntheticDataGeneratorSettings.LABEL_BLOBS_CENTRE_BOX, SyntheticDataGeneratorSettings.LABEL_SC_CELLS,
            SyntheticDataGeneratorSettings.LABEL_SC_GENES, SyntheticDataGeneratorSettings.LABEL_SC_CELL_TYPES,
            SyntheticDataGeneratorSettings.LABEL_SC_DE_FRACTION, SyntheticDataGeneratorSettings.LABEL_SC_DE_LOCATION,
            SyntheticDataGeneratorSettings.LABEL_SC_LIBRARY_LOCATION, SyntheticDataGeneratorSettings.LABEL_SC_DROPOUT,
            SyntheticDataGeneratorSettings.LABEL_SC_DROPOUT_MIDPOINT, SyntheticDataGeneratorSettings.LABEL_SEED,
            SyntheticDataGeneratorSettings.LABEL_LABEL_COLUMN), documented);
    }
}
