package org.deepcluster.knime.port;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.swing.JComponent;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.table.DefaultTableModel;

import org.deepcluster.core.encode.Architecture;
import org.deepcluster.core.encode.Scaling;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;

/**
 * What downstream nodes know about an encoder model before it is trained: the input columns it reads (names in
 * order and the types they had when the model was trained), the architecture, the embedding size and the input
 * scaling. Enough for the Embedding Predictor's configure() to build its output spec and check the input table.
 *
 * <p>Saved as KNIME model content ({@code content.xml}); immutable.
 */
public final class EncoderModelPortObjectSpec extends AbstractSimplePortObjectSpec {

    /** The serializer KNIME finds through plugin.xml (and the stand-in through the type argument). */
    public static final class Serializer extends AbstractSimplePortObjectSpecSerializer<EncoderModelPortObjectSpec> {
    }

    /** Version of the saved content; a later layout increments it and keeps reading this one. */
    static final int CONTENT_VERSION = 1;

    private static final String KEY_VERSION = "spec_version";
    private static final String KEY_COLUMN_NAMES = "column_names";
    private static final String KEY_COLUMN_TYPES = "column_types";
    private static final String KEY_ARCHITECTURE = "architecture";
    private static final String KEY_EMBEDDING_SIZE = "embedding_size";
    private static final String KEY_SCALING = "scaling";

    private List<String> columnNames = List.of();
    private List<String> columnTypes = List.of();
    private Architecture architecture = Architecture.AE;
    private int embeddingSize = 1;
    private Scaling scaling = Scaling.NONE;

    /** For loading by the framework; use {@link #EncoderModelPortObjectSpec(List, List, Architecture, int, Scaling)}. */
    public EncoderModelPortObjectSpec() {
    }

    /**
     * @param columnNames the input columns, in the order the model reads them; at least one, unique
     * @param columnTypes the display names of their types when the model was trained, e.g. "Number (Float)"
     * @param architecture the network architecture
     * @param embeddingSize the number of embedding columns, at least 1
     * @param scaling the input scaling the model applies
     * @throws IllegalArgumentException if the values are inconsistent
     */
    public EncoderModelPortObjectSpec(final List<String> columnNames, final List<String> columnTypes,
        final Architecture architecture, final int embeddingSize, final Scaling scaling) {
        try {
            init(columnNames, columnTypes, architecture, embeddingSize, scaling);
        } catch (final InvalidSettingsException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * The spec of a model trained on some columns of a table.
     *
     * @param table the training table's spec
     * @param columns the indices of the columns the model reads, in order
     * @param architecture the network architecture
     * @param embeddingSize the number of embedding columns
     * @param scaling the input scaling
     * @return the spec
     */
    public static EncoderModelPortObjectSpec of(final DataTableSpec table, final int[] columns,
        final Architecture architecture, final int embeddingSize, final Scaling scaling) {
        final List<List<String>> namesAndTypes = ModelColumns.namesAndTypes(table, columns);
        return new EncoderModelPortObjectSpec(namesAndTypes.get(0), namesAndTypes.get(1), architecture, embeddingSize,
            scaling);
    }

    private void init(final List<String> names, final List<String> types, final Architecture arch, final int size,
        final Scaling scale) throws InvalidSettingsException {
        if (names == null || names.isEmpty()) {
            throw new InvalidSettingsException("an encoder model needs at least one input column");
        }
        if (types == null || types.size() != names.size()) {
            throw new InvalidSettingsException("an encoder model needs one type per input column, got "
                + (types == null ? 0 : types.size()) + " types for " + names.size() + " columns");
        }
        final Set<String> seen = new HashSet<>();
        for (final String name : names) {
            if (name == null || !seen.add(name)) {
                throw new InvalidSettingsException("the input column names of an encoder model must be unique and "
                    + "set, got '" + name + "' twice or unset");
            }
        }
        if (arch == null || scale == null) {
            throw new InvalidSettingsException("an encoder model needs an architecture and a scaling");
        }
        if (size < 1) {
            throw new InvalidSettingsException("the embedding size must be at least 1, got " + size);
        }
        columnNames = List.copyOf(names);
        columnTypes = List.copyOf(types);
        architecture = arch;
        embeddingSize = size;
        scaling = scale;
    }

    /** @return the input columns, in the order the model reads them */
    public List<String> columnNames() {
        return columnNames;
    }

    /** @return the display names of the input columns' types when the model was trained */
    public List<String> columnTypes() {
        return columnTypes;
    }

    /** @return the network architecture */
    public Architecture architecture() {
        return architecture;
    }

    /** @return the number of embedding columns */
    public int embeddingSize() {
        return embeddingSize;
    }

    /** @return the input scaling the model applies */
    public Scaling scaling() {
        return scaling;
    }

    /**
     * Finds the model's input columns in a table.
     *
     * @param table the spec of a table to encode
     * @return the indices of the model's columns in the table, in the model's order
     * @throws InvalidSettingsException naming the first column the table lacks or has with a non-numeric type
     */
    public int[] findColumns(final DataTableSpec table) throws InvalidSettingsException {
        return ModelColumns.find(table, columnNames, columnTypes, "the encoder model was trained on",
            "training columns");
    }

    @Override
    protected void save(final ModelContentWO model) {
        model.addInt(KEY_VERSION, CONTENT_VERSION);
        model.addStringArray(KEY_COLUMN_NAMES, columnNames.toArray(new String[0]));
        model.addStringArray(KEY_COLUMN_TYPES, columnTypes.toArray(new String[0]));
        model.addString(KEY_ARCHITECTURE, architecture.name());
        model.addInt(KEY_EMBEDDING_SIZE, embeddingSize);
        model.addString(KEY_SCALING, scaling.name());
    }

    @Override
    protected void load(final ModelContentRO model) throws InvalidSettingsException {
        final int version = model.getInt(KEY_VERSION);
        if (version > CONTENT_VERSION) {
            throw new InvalidSettingsException("The encoder model spec was saved by a newer version of the Deep "
                + "Clustering extension (spec version " + version + "): update the extension.");
        }
        final String[] names = model.getStringArray(KEY_COLUMN_NAMES);
        final String[] types = model.getStringArray(KEY_COLUMN_TYPES);
        init(names == null ? null : List.of(names), types == null ? null : List.of(types),
            parse(Architecture.class, model.getString(KEY_ARCHITECTURE), "architecture"),
            model.getInt(KEY_EMBEDDING_SIZE), parse(Scaling.class, model.getString(KEY_SCALING), "scaling"));
    }

    private static <E extends Enum<E>> E parse(final Class<E> type, final String name, final String what)
        throws InvalidSettingsException {
        for (final E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new InvalidSettingsException("The encoder model spec has an unknown " + what + " '" + name
            + "': it was saved by a newer version of the Deep Clustering extension; update the extension.");
    }

    /** @return a table of the input columns and their types, named "Encoder Model Spec" */
    @Override
    public JComponent[] getViews() {
        final DefaultTableModel rows = new DefaultTableModel(new Object[]{"Input column", "Type at training"}, 0) {
            private static final long serialVersionUID = 1L;

            @Override
            public boolean isCellEditable(final int row, final int column) {
                return false;
            }
        };
        for (int j = 0; j < columnNames.size(); j++) {
            rows.addRow(new Object[]{columnNames.get(j), columnTypes.get(j)});
        }
        final JScrollPane view = new JScrollPane(new JTable(rows));
        view.setName("Encoder Model Spec");
        return new JComponent[]{view};
    }

    /** @return one line: architecture, input columns, embedding size, scaling */
    @Override
    public String toString() {
        return architecture + " (" + architecture.description() + "), " + columnNames.size() + " input columns → "
            + embeddingSize + " embedding columns, scaling " + scaling;
    }
}
