package org.deepcluster.knime.node.tokens;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.deepcluster.core.text.Tokenizer;
import org.deepcluster.core.text.Vocabulary;
import org.deepcluster.knime.node.tokens.TextToTokensSettings.MissingText;
import org.deepcluster.knime.util.SettingsNodeModel;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.RowKey;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.port.PortType;

/**
 * Turns a String column of texts into token-index columns {@code t0 … t{T-1}} for the LSTM autoencoder on tokens,
 * and outputs the vocabulary. Tokenising and the vocabulary live in the engine ({@link Tokenizer},
 * {@link Vocabulary}); this class reads the table twice (count, then encode) so that no token list is kept in memory.
 *
 * <p>Ports: in 0 the texts, in 1 (optional) a vocabulary table from an earlier run (columns
 * {@value #TOKEN_COLUMN} and {@value #INDEX_COLUMN}, optionally {@value #FREQUENCY_COLUMN}); out 0 the input
 * table with the token columns appended, out 1 the vocabulary.
 */
final class TextToTokensNodeModel extends SettingsNodeModel<TextToTokensSettings> {

    /** Prefix of the token columns: t0, t1, … */
    static final String TOKEN_COLUMN_PREFIX = "t";

    /** Vocabulary table: the token. */
    static final String TOKEN_COLUMN = "token";

    /** Vocabulary table: the token's index. */
    static final String INDEX_COLUMN = "index";

    /** Vocabulary table: the number of documents the token occurred in when the vocabulary was built. */
    static final String FREQUENCY_COLUMN = "document frequency";

    /** Flow variable with the vocabulary size (largest index + 1), for the Encoder Learner's vocabulary size. */
    static final String SIZE_VARIABLE = "vocabulary_size";

    private static final int CHECK_EVERY = 256;

    TextToTokensNodeModel() {
        super(new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE_OPTIONAL},
            new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE}, new TextToTokensSettings());
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        textColumn(inSpecs[0]);
        if (inSpecs[1] != null) {
            vocabularyColumns(inSpecs[1]);
        }
        return new DataTableSpec[]{tokensSpec(inSpecs[0]), vocabularySpec()};
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        final BufferedDataTable table = inData[0];
        final int textColumn = textColumn(table.getDataTableSpec());
        final Tokenizer tokenizer = new Tokenizer(settings().removeStopWords);
        final Vocabulary vocabulary;
        if (inData[1] != null) {
            vocabulary = readVocabulary(inData[1]);
        } else {
            if (table.size() == 0) {
                throw new InvalidSettingsException("The input table is empty: there is no text to build a vocabulary "
                    + "from. Provide rows, or connect a vocabulary table to the second input.");
            }
            vocabulary = buildVocabulary(table, textColumn, tokenizer, exec.createSubProgress(0.5));
        }
        final BufferedDataTable tokens = encode(table, textColumn, tokenizer, vocabulary,
            tokensSpec(table.getDataTableSpec()), exec.createSubProgress(inData[1] != null ? 1.0 : 0.5), exec);
        pushFlowVariableInt(SIZE_VARIABLE, vocabulary.size());
        return new BufferedDataTable[]{tokens, vocabularyTable(vocabulary, exec)};
    }

    /** @return the index of the text column, which must exist and hold strings */
    private int textColumn(final DataTableSpec spec) throws InvalidSettingsException {
        final String name = settings().textColumn;
        final int index = spec.findColumnIndex(name);
        if (index < 0) {
            throw new InvalidSettingsException("Setting '" + TextToTokensSettings.LABEL_TEXT_COLUMN + "': the input "
                + "table has no column '" + name + "'. Choose the String column that holds the texts.");
        }
        final DataColumnSpec column = spec.getColumnSpec(index);
        if (!column.getType().isCompatible(StringValue.class)) {
            throw new InvalidSettingsException("Setting '" + TextToTokensSettings.LABEL_TEXT_COLUMN + "': column '"
                + name + "' is of type " + column.getType().getName() + ", not a String column. Choose a String "
                + "column, or convert this one to String first.");
        }
        return index;
    }

    /** @return {token column, index column, document frequency column or −1} of a vocabulary table */
    private static int[] vocabularyColumns(final DataTableSpec spec) throws InvalidSettingsException {
        final int token = spec.findColumnIndex(TOKEN_COLUMN);
        final int index = spec.findColumnIndex(INDEX_COLUMN);
        if (token < 0 || !spec.getColumnSpec(token).getType().isCompatible(StringValue.class) || index < 0
            || !spec.getColumnSpec(index).getType().isCompatible(IntValue.class)) {
            throw new InvalidSettingsException("The vocabulary table at the second input needs a String column '"
                + TOKEN_COLUMN + "' and an integer column '" + INDEX_COLUMN + "', as this node's second output "
                + "writes them. Connect the vocabulary output of an earlier Text to Token Sequences node.");
        }
        final int frequency = spec.findColumnIndex(FREQUENCY_COLUMN);
        final boolean hasFrequency =
            frequency >= 0 && spec.getColumnSpec(frequency).getType().isCompatible(LongValue.class);
        return new int[]{token, index, hasFrequency ? frequency : -1};
    }

    /** The input columns, then T int columns t0 … t{T-1} (renamed with a suffix where a name is taken). */
    private DataTableSpec tokensSpec(final DataTableSpec in) {
        final int t = settings().sequenceLength;
        final DataColumnSpec[] columns = new DataColumnSpec[t];
        final Set<String> taken = new HashSet<>();
        for (final DataColumnSpec c : in) {
            taken.add(c.getName());
        }
        for (int s = 0; s < t; s++) {
            String name = TOKEN_COLUMN_PREFIX + s;
            if (taken.contains(name)) {
                name = DataTableSpec.getUniqueColumnName(in, name);
            }
            taken.add(name);
            columns[s] = new DataColumnSpecCreator(name, IntCell.TYPE).createSpec();
        }
        return new DataTableSpec(in, new DataTableSpec(columns));
    }

    static DataTableSpec vocabularySpec() {
        return new DataTableSpec(new DataColumnSpecCreator(TOKEN_COLUMN, StringCell.TYPE).createSpec(),
            new DataColumnSpecCreator(INDEX_COLUMN, IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator(FREQUENCY_COLUMN, LongCell.TYPE).createSpec());
    }

    private Vocabulary buildVocabulary(final BufferedDataTable table, final int textColumn, final Tokenizer tokenizer,
        final ExecutionMonitor monitor) throws CanceledExecutionException, InvalidSettingsException {
        final Vocabulary.Builder builder = new Vocabulary.Builder();
        final long n = table.size();
        long i = 0;
        for (final DataRow row : table) {
            if (i % CHECK_EVERY == 0) {
                monitor.checkCanceled();
                monitor.setProgress(i / (double)n, "Counting tokens in row " + i + " of " + n);
            }
            final DataCell cell = row.getCell(textColumn);
            if (!cell.isMissing()) {
                builder.add(tokenizer.tokens(((StringValue)cell).getStringValue()));
            }
            i++;
        }
        if (builder.distinctTokens() == 0) {
            throw new InvalidSettingsException("Column '" + settings().textColumn + "' holds no token in any of the "
                + n + " rows (all texts are missing, empty, punctuation only"
                + (settings().removeStopWords ? " or stop words" : "") + "): there is nothing to build a vocabulary "
                + "from.");
        }
        final Vocabulary v = builder.build(settings().vocabularySize, settings().minDocumentFrequency);
        if (v.entries().isEmpty()) {
            throw new InvalidSettingsException("No token occurs in at least " + settings().minDocumentFrequency
                + " documents (setting '" + TextToTokensSettings.LABEL_MIN_DOCUMENT_FREQUENCY + "'), so the "
                + "vocabulary would be empty: lower the minimum document frequency.");
        }
        return v;
    }

    private static Vocabulary readVocabulary(final BufferedDataTable table) throws InvalidSettingsException {
        final int[] columns = vocabularyColumns(table.getDataTableSpec());
        final List<Vocabulary.Entry> entries = new ArrayList<>();
        for (final DataRow row : table) {
            final DataCell token = row.getCell(columns[0]);
            final DataCell index = row.getCell(columns[1]);
            if (token.isMissing() || index.isMissing()) {
                throw new InvalidSettingsException("The vocabulary table has a missing token or index in row '"
                    + row.getKey() + "': every row needs both.");
            }
            final DataCell frequency = columns[2] < 0 ? null : row.getCell(columns[2]);
            entries.add(new Vocabulary.Entry(((StringValue)token).getStringValue(), ((IntValue)index).getIntValue(),
                frequency == null || frequency.isMissing() ? 0 : ((LongValue)frequency).getLongValue()));
        }
        try {
            return Vocabulary.of(entries);
        } catch (final IllegalArgumentException e) {
            throw new InvalidSettingsException("The vocabulary table at the second input is invalid: "
                + e.getMessage() + " (entries counted from row 0).", e);
        }
    }

    private BufferedDataTable encode(final BufferedDataTable table, final int textColumn, final Tokenizer tokenizer,
        final Vocabulary vocabulary, final DataTableSpec spec, final ExecutionMonitor monitor,
        final ExecutionContext exec) throws CanceledExecutionException {
        final int t = settings().sequenceLength;
        final boolean skipMissing = settings().missingText == MissingText.SKIP;
        final int[] indices = new int[t];
        final BufferedDataContainer out = exec.createDataContainer(spec);
        final long n = table.size();
        long i = 0;
        long skipped = 0;
        long truncated = 0;
        String firstSkipped = null;
        for (final DataRow row : table) {
            if (i % CHECK_EVERY == 0) {
                monitor.checkCanceled();
                monitor.setProgress(n == 0 ? 1 : i / (double)n, "Encoding row " + i + " of " + n);
            }
            i++;
            final DataCell text = row.getCell(textColumn);
            if (text.isMissing()) {
                if (skipMissing) {
                    skipped++;
                    firstSkipped = firstSkipped == null ? row.getKey().getString() : firstSkipped;
                    continue;
                }
                vocabulary.encode(List.of(), t, indices, 0);
            } else {
                final List<String> tokens = tokenizer.tokens(((StringValue)text).getStringValue());
                truncated += tokens.size() > t ? 1 : 0;
                vocabulary.encode(tokens, t, indices, 0);
            }
            final DataCell[] cells = new DataCell[row.getNumCells() + t];
            for (int j = 0; j < row.getNumCells(); j++) {
                cells[j] = row.getCell(j);
            }
            for (int s = 0; s < t; s++) {
                cells[row.getNumCells() + s] = new IntCell(indices[s]);
            }
            out.addRowToTable(new DefaultRow(row.getKey(), cells));
        }
        out.close();
        setWarningMessage(warning(skipped, firstSkipped, truncated, n));
        return out.getTable();
    }

    private String warning(final long skipped, final String firstSkipped, final long truncated, final long n) {
        final StringBuilder w = new StringBuilder();
        if (skipped > 0) {
            w.append(skipped).append(" of ").append(n).append(" rows were skipped because their text is missing "
                + "(first: row '").append(firstSkipped).append("').");
        }
        if (truncated > 0) {
            w.append(w.length() > 0 ? " " : "").append(truncated).append(" of ").append(n).append(" texts have more "
                + "than ").append(settings().sequenceLength).append(" tokens and were truncated (the first ")
                .append(settings().sequenceLength).append(" are kept): raise '")
                .append(TextToTokensSettings.LABEL_SEQUENCE_LENGTH).append("' to keep more.");
        }
        return w.length() == 0 ? null : w.toString();
    }

    private static BufferedDataTable vocabularyTable(final Vocabulary vocabulary, final ExecutionContext exec) {
        final BufferedDataContainer out = exec.createDataContainer(vocabularySpec());
        for (final Vocabulary.Entry e : vocabulary.entries()) {
            out.addRowToTable(new DefaultRow(new RowKey("Row" + (e.index() - Vocabulary.RESERVED)),
                new StringCell(e.token()), new IntCell(e.index()), new LongCell(e.documentFrequency())));
        }
        out.close();
        return out.getTable();
    }

    @Override
    protected TextToTokensSettings loadSettings(final NodeSettingsRO settingsRO) throws InvalidSettingsException {
        return TextToTokensSettings.load(settingsRO);
    }
}
