package org.deepcluster.knime.node.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.deepcluster.standin.NodeHarness;
import org.deepcluster.standin.Tables;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObjectSpec;

/** The Text to Token Sequences node executed through the KNIME API stand-in. */
class TextToTokensNodeModelTest {

    private static BufferedDataTable texts(final String... texts) {
        final Tables.Builder b = Tables.builder().column("title", StringCell.TYPE).column("year", IntCell.TYPE);
        for (int i = 0; i < texts.length; i++) {
            b.row(texts[i], 2000 + i);
        }
        return b.build();
    }

    private static final BufferedDataTable TITLES = texts(
        "Insulin resistance in the liver",
        "Liver insulin signalling and glucose",
        "T-cell activation by IL-2",
        "IL-2 and T-cell memory: the insulin link?",
        null,
        "");

    private static NodeHarness<TextToTokensNodeModel> node(final int length, final int vocabulary, final int minDf,
        final boolean stopWords, final String missing) throws InvalidSettingsException {
        return NodeHarness.of(TextToTokensNodeFactory.class).editSettings(s -> {
            s.addString(TextToTokensSettings.KEY_TEXT_COLUMN, "title");
            s.addInt(TextToTokensSettings.KEY_SEQUENCE_LENGTH, length);
            s.addInt(TextToTokensSettings.KEY_VOCABULARY_SIZE, vocabulary);
            s.addInt(TextToTokensSettings.KEY_MIN_DOCUMENT_FREQUENCY, minDf);
            s.addBoolean(TextToTokensSettings.KEY_REMOVE_STOP_WORDS, stopWords);
            s.addString(TextToTokensSettings.KEY_MISSING_TEXT, missing);
        });
    }

    private static int[] tokens(final DataRow row, final int from, final int length) {
        final int[] t = new int[length];
        for (int s = 0; s < length; s++) {
            t[s] = ((IntCell)row.getCell(from + s)).getIntValue();
        }
        return t;
    }

    @Test
    void encodesTextsAndWritesTheVocabulary() throws Exception {
        final var harness = node(5, 6, 2, true, "PAD");
        final PortObjectSpec[] specs = harness.configure(TITLES.getDataTableSpec(), null);
        final BufferedDataTable[] out = harness.executeTables(TITLES, null);
        // (the harness checks that the configured specs match the executed tables)
        assertEquals(List.of("title", "year", "t0", "t1", "t2", "t3", "t4"),
            List.of(((DataTableSpec)specs[0]).getColumnNames()));
        assertEquals(TextToTokensNodeModel.vocabularySpec().getColumnNames().length, 3);
        final DataTableSpec spec = out[0].getDataTableSpec();
        assertEquals(List.of("title", "year", "t0", "t1", "t2", "t3", "t4"), List.of(spec.getColumnNames()));
        assertEquals(IntCell.TYPE, spec.getColumnSpec("t4").getType());

        // Document frequencies without stop words: insulin 3; 2, cell, il, liver and t 2 each; the rest 1. Room for
        // 6 - 2 = 4 tokens: insulin, then the first three of the df-2 tokens in alphabetical order.
        final List<DataRow> vocabulary = Tables.rows(out[1]);
        assertEquals(List.of("insulin", "2", "cell", "il"), Tables.strings(out[1], "token"));
        assertEquals(2, ((IntCell)vocabulary.get(0).getCell(1)).getIntValue());
        assertEquals(3L, ((LongCell)vocabulary.get(0).getCell(2)).getLongValue());
        assertEquals(5, ((IntCell)vocabulary.get(3).getCell(1)).getIntValue());
        assertEquals(2L, ((LongCell)vocabulary.get(3).getCell(2)).getLongValue());
        assertEquals(6, harness.pushedFlowVariable(TextToTokensNodeModel.SIZE_VARIABLE).orElseThrow().getIntValue());

        final List<DataRow> rows = Tables.rows(out[0]);
        assertEquals(6, rows.size());
        // insulin resistance liver -> 2 1 1 0 0
        assertEquals(List.of(2, 1, 1, 0, 0), List.of(box(tokens(rows.get(0), 2, 5))));
        // t cell activation il 2 -> 1 4 1 5 3
        assertEquals(List.of(1, 4, 1, 5, 3), List.of(box(tokens(rows.get(2), 2, 5))));
        // il 2 t cell memory insulin link: 7 tokens, truncated to the first 5
        assertEquals(List.of(5, 3, 1, 4, 1), List.of(box(tokens(rows.get(3), 2, 5))));
        // missing and empty text: all padding
        assertEquals(List.of(0, 0, 0, 0, 0), List.of(box(tokens(rows.get(4), 2, 5))));
        assertEquals(List.of(0, 0, 0, 0, 0), List.of(box(tokens(rows.get(5), 2, 5))));
        assertEquals("Row4", rows.get(4).getKey().getString());
        assertEquals(2004, ((IntCell)rows.get(4).getCell(1)).getIntValue());
        assertTrue(harness.warningMessage().startsWith("1 of 6 texts have more than 5 tokens and were truncated"),
            harness.warningMessage());
    }

    private static Integer[] box(final int[] values) {
        final Integer[] b = new Integer[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = values[i];
        }
        return b;
    }

    @Test
    void stopWordsCanBeKept() throws Exception {
        final BufferedDataTable[] out = node(3, 100, 1, false, "PAD").executeTables(texts("The cell", "the gene"),
            null);
        assertEquals(List.of("the", "cell", "gene"), Tables.strings(out[1], "token"));
    }

    @Test
    void missingTextsCanBeSkipped() throws Exception {
        final var harness = node(4, 10, 1, true, "SKIP");
        final BufferedDataTable[] out = harness.executeTables(TITLES, null);
        assertEquals(5, out[0].size());
        assertTrue(harness.warningMessage().startsWith("1 of 6 rows were skipped because their text is missing "
            + "(first: row 'Row4')."), harness.warningMessage());
    }

    @Test
    void aConnectedVocabularyIsUsedAsItIs() throws Exception {
        final BufferedDataTable[] first = node(5, 6, 2, true, "PAD").executeTables(TITLES, null);
        // New data with other word frequencies: the indices stay those of the first vocabulary.
        final BufferedDataTable fresh = texts("cell cell cell glucose", "new words only");
        final var harness = node(3, 1000, 1, true, "PAD");
        final BufferedDataTable[] out = harness.executeTables(fresh, first[1]);
        final List<DataRow> rows = Tables.rows(out[0]);
        assertEquals(List.of(4, 4, 4), List.of(box(tokens(rows.get(0), 2, 3))));
        assertEquals(List.of(1, 1, 0), List.of(box(tokens(rows.get(1), 2, 3)))); // "only" is a stop word
        assertEquals(Tables.rows(first[1]).toString(), Tables.rows(out[1]).toString());
        assertEquals(6, harness.pushedFlowVariable(TextToTokensNodeModel.SIZE_VARIABLE).orElseThrow().getIntValue());
        // an empty table is fine when the vocabulary is given
        assertEquals(0, harness.executeTables(texts(), first[1])[0].size());
    }

    @Test
    void rejectsABadVocabularyTable() throws Exception {
        final var harness = node(3, 10, 1, true, "PAD");
        final BufferedDataTable noIndex = Tables.builder().column("token", StringCell.TYPE).row("a").build();
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> harness.configure(TITLES.getDataTableSpec(), noIndex.getDataTableSpec()));
        assertTrue(e.getMessage().startsWith("The vocabulary table at the second input needs a String column 'token' "
            + "and an integer column 'index'"), e.getMessage());
        final BufferedDataTable duplicate = Tables.builder().column("token", StringCell.TYPE)
            .column("index", IntCell.TYPE).row("a", 2).row("b", 2).build();
        e = assertThrows(InvalidSettingsException.class, () -> harness.executeTables(TITLES, duplicate));
        assertEquals("The vocabulary table at the second input is invalid: vocabulary entry 1 (\"b\"): the index 2 "
            + "appears twice (entries counted from row 0).", e.getMessage());
        final BufferedDataTable reserved = Tables.builder().column("token", StringCell.TYPE)
            .column("index", IntCell.TYPE).row("a", 0).build();
        e = assertThrows(InvalidSettingsException.class, () -> harness.executeTables(TITLES, reserved));
        assertTrue(e.getMessage().contains("has the index 0, but indices 0 (padding) and 1"), e.getMessage());
        final BufferedDataTable missing = Tables.builder().column("token", StringCell.TYPE)
            .column("index", IntCell.TYPE).row(null, 2).build();
        e = assertThrows(InvalidSettingsException.class, () -> harness.executeTables(TITLES, missing));
        assertEquals("The vocabulary table has a missing token or index in row 'Row0': every row needs both.",
            e.getMessage());
    }

    @Test
    void rejectsBadInput() throws Exception {
        final var harness = node(3, 10, 1, true, "PAD");
        final BufferedDataTable numbers = Tables.builder().column("title", DoubleCell.TYPE).row(1.0).build();
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> harness.configure(numbers.getDataTableSpec(), null));
        assertEquals("Setting 'Text column': column 'title' is of type Number (Float), not a String column. Choose "
            + "a String column, or convert this one to String first.", e.getMessage());
        final BufferedDataTable other = Tables.builder().column("abstract", StringCell.TYPE).row("x").build();
        e = assertThrows(InvalidSettingsException.class, () -> harness.configure(other.getDataTableSpec(), null));
        assertEquals("Setting 'Text column': the input table has no column 'title'. Choose the String column that "
            + "holds the texts.", e.getMessage());
        e = assertThrows(InvalidSettingsException.class, () -> harness.executeTables(texts(), null));
        assertTrue(e.getMessage().startsWith("The input table is empty: there is no text to build a vocabulary"),
            e.getMessage());
        e = assertThrows(InvalidSettingsException.class, () -> harness.executeTables(texts(null, "the, of!"), null));
        assertTrue(e.getMessage().startsWith("Column 'title' holds no token in any of the 2 rows"), e.getMessage());
        e = assertThrows(InvalidSettingsException.class,
            () -> node(3, 10, 5, true, "PAD").executeTables(TITLES, null));
        assertTrue(e.getMessage().startsWith("No token occurs in at least 5 documents"), e.getMessage());
    }

    @Test
    void rejectsBadSettings() {
        assertSetting(s -> s.addInt(TextToTokensSettings.KEY_SEQUENCE_LENGTH, 0),
            "Setting 'Sequence length (tokens)' must be between 1 and 10000 (is 0).");
        assertSetting(s -> s.addInt(TextToTokensSettings.KEY_VOCABULARY_SIZE, 2),
            "Setting 'Vocabulary size' must be between 3 and 131072 (is 2)");
        assertSetting(s -> s.addInt(TextToTokensSettings.KEY_MIN_DOCUMENT_FREQUENCY, 0),
            "Setting 'Minimum document frequency' must be at least 1 (is 0).");
        assertSetting(s -> s.addString(TextToTokensSettings.KEY_TEXT_COLUMN, ""),
            "Setting 'Text column' is not set");
        assertSetting(s -> s.addString(TextToTokensSettings.KEY_MISSING_TEXT, "DROP"),
            "Unknown value 'DROP' for setting 'Rows with missing text': use one of PAD, SKIP.");
    }

    private static void assertSetting(final NodeHarness.SettingsEditor edit, final String message) {
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> node(3, 10, 1, true,
            "PAD").editSettings(edit));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void settingsAndDialogRoundTrip() throws Exception {
        final var harness = node(7, 50, 3, false, "SKIP");
        final NodeSettings s = harness.settingsRoundTrip();
        assertEquals(7, s.getInt(TextToTokensSettings.KEY_SEQUENCE_LENGTH));
        assertEquals("SKIP", s.getString(TextToTokensSettings.KEY_MISSING_TEXT));
        final NodeSettings fromDialog = harness.dialogRoundTrip(TITLES.getDataTableSpec(), null);
        assertEquals(50, fromDialog.getInt(TextToTokensSettings.KEY_VOCABULARY_SIZE));
        assertEquals(false, fromDialog.getBoolean(TextToTokensSettings.KEY_REMOVE_STOP_WORDS));
    }

    @Test
    void cancellation() throws Exception {
        final List<String> many = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            many.add("insulin liver glucose " + i);
        }
        final var harness = node(4, 100, 1, true, "PAD");
        harness.cancelWhen(p -> p.hasProgress() && p.getProgress() > 0.1);
        assertThrows(CanceledExecutionException.class,
            () -> harness.executeTables(texts(many.toArray(new String[0])), null));
    }
}
