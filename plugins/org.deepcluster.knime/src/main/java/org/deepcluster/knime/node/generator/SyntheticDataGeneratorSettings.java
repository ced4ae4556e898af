package org.deepcluster.knime.node.generator;

import java.util.Locale;

import org.deepcluster.core.synthetic.GaussianBlobs;
import org.deepcluster.core.synthetic.SingleCellCounts;
import org.deepcluster.knime.util.NodeSettingsObject;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/**
 * The Synthetic Data Generator's settings: keys, defaults, validation. Shared by the node model and the dialog, so
 * that the dialog never invents keys. Validation messages name the setting as the dialog labels it.
 *
 * <p>The parameters of both data kinds are always saved, so that switching the kind back and forth keeps what the
 * user entered; only those of the selected kind are validated.
 */
final class SyntheticDataGeneratorSettings implements NodeSettingsObject {

    static final String KEY_KIND = "data_kind";

    static final String KEY_BLOBS_ROWS = "blobs_rows";
    static final String KEY_BLOBS_DIMENSIONS = "blobs_dimensions";
    static final String KEY_BLOBS_CLUSTERS = "blobs_clusters";
    static final String KEY_BLOBS_SPREAD = "blobs_spread";
    static final String KEY_BLOBS_CENTRE_BOX = "blobs_centre_box";

    static final String KEY_SC_CELLS = "sc_cells";
    static final String KEY_SC_GENES = "sc_genes";
    static final String KEY_SC_CELL_TYPES = "sc_cell_types";
    static final String KEY_SC_DE_FRACTION = "sc_de_fraction";
    static final String KEY_SC_DE_LOCATION = "sc_de_location";
    static final String KEY_SC_LIBRARY_LOCATION = "sc_library_size_location";
    static final String KEY_SC_DROPOUT = "sc_dropout";
    static final String KEY_SC_DROPOUT_MIDPOINT = "sc_dropout_midpoint";

    static final String KEY_SEED = "seed";
    static final String KEY_LABEL_COLUMN = "label_column";

    static final String LABEL_KIND = "Data kind";

    static final String LABEL_BLOBS_ROWS = "Rows";
    static final String LABEL_BLOBS_DIMENSIONS = "Dimensions";
    static final String LABEL_BLOBS_CLUSTERS = "Clusters";
    static final String LABEL_BLOBS_SPREAD = "Cluster spread (standard deviation)";
    static final String LABEL_BLOBS_CENTRE_BOX = "Centre box (half-width)";

    static final String LABEL_SC_CELLS = "Cells";
    static final String LABEL_SC_GENES = "Genes";
    static final String LABEL_SC_CELL_TYPES = "Cell types";
    static final String LABEL_SC_DE_FRACTION = "DE gene fraction";
    static final String LABEL_SC_DE_LOCATION = "DE fold-change location (ln)";
    static final String LABEL_SC_LIBRARY_LOCATION = "Library-size location (ln)";
    static final String LABEL_SC_DROPOUT = "Dropout";
    static final String LABEL_SC_DROPOUT_MIDPOINT = "Dropout midpoint (ln mean)";

    static final String LABEL_SEED = "Random seed";
    static final String LABEL_LABEL_COLUMN = "Label column name";

    /**
     * The most values (rows × numeric columns) one data set may have: the engine generates into one Java array, whose
     * largest safe length this is (the same limit as the engine's own check).
     */
    static final long MAX_VALUES = Integer.MAX_VALUE - 8L;

    /**
     * The most numeric columns (dimensions or genes). KNIME builds the table spec in every configure, and a spec of
     * millions of columns would stall the workflow editor; 100,000 is above any genome's gene count.
     */
    static final int MAX_COLUMNS = 100_000;

    /**
     * The bound of the natural-log locations (library size, DE fold change) in both directions, as in
     * {@link SingleCellCounts.Parameters#validate()}: e^20 is hundreds of millions of counts or a fold change no
     * experiment has.
     */
    static final double MAX_LOG_LOCATION = 20;

    private static final GaussianBlobs.Parameters BLOBS_DEFAULTS = GaussianBlobs.Parameters.defaults();

    private static final SingleCellCounts.Parameters SC_DEFAULTS = SingleCellCounts.Parameters.defaults();

    DataKind kind = DataKind.GAUSSIAN_BLOBS;

    int blobsRows = BLOBS_DEFAULTS.rows();
    int blobsDimensions = BLOBS_DEFAULTS.dimensions();
    int blobsClusters = BLOBS_DEFAULTS.clusters();
    double blobsSpread = BLOBS_DEFAULTS.spread();
    double blobsCentreBox = BLOBS_DEFAULTS.centreBox();

    int scCells = SC_DEFAULTS.cells();
    int scGenes = SC_DEFAULTS.genes();
    int scCellTypes = SC_DEFAULTS.cellTypes();
    double scDeFraction = SC_DEFAULTS.deFraction();
    double scDeLocation = SC_DEFAULTS.deLocation();
    double scLibraryLocation = SC_DEFAULTS.librarySizeLocation();
    boolean scDropout = SC_DEFAULTS.dropout();
    double scDropoutMidpoint = SC_DEFAULTS.dropoutMidpoint();

    long seed = 42;
    String labelColumn = "label";

    /** @return the number of rows of the output table for the selected kind */
    int rows() {
        return kind == DataKind.GAUSSIAN_BLOBS ? blobsRows : scCells;
    }

    /** @return the number of numeric columns of the output table for the selected kind */
    int numericColumns() {
        return kind == DataKind.GAUSSIAN_BLOBS ? blobsDimensions : scGenes;
    }

    /** @return the number of groups (clusters or cell types) for the selected kind */
    int groups() {
        return kind == DataKind.GAUSSIAN_BLOBS ? blobsClusters : scCellTypes;
    }

    /** @return the engine's parameters for Gaussian blobs (whatever the selected kind) */
    GaussianBlobs.Parameters blobsParameters() {
        return new GaussianBlobs.Parameters(blobsRows, blobsDimensions, blobsClusters, blobsSpread, blobsCentreBox,
            seed);
    }

    /**
     * @return the engine's parameters for single-cell counts (whatever the selected kind): the settings of this node
     *         and the engine's recommended values for the rest of the model
     */
    SingleCellCounts.Parameters singleCellParameters() {
        final SingleCellCounts.Parameters d = SingleCellCounts.Parameters.defaults(scCells, scGenes, scCellTypes, seed);
        return new SingleCellCounts.Parameters(d.cells(), d.genes(), d.cellTypes(), d.seed(), d.geneMeanShape(),
            d.geneMeanRate(), scLibraryLocation, d.librarySizeScale(), scDeFraction, scDeLocation, d.deScale(),
            d.bcv(), scDropout, scDropoutMidpoint, d.dropoutShape());
    }

    @Override
    public void saveTo(final NodeSettingsWO settings) {
        settings.addString(KEY_KIND, kind.name());
        settings.addInt(KEY_BLOBS_ROWS, blobsRows);
        settings.addInt(KEY_BLOBS_DIMENSIONS, blobsDimensions);
        settings.addInt(KEY_BLOBS_CLUSTERS, blobsClusters);
        settings.addDouble(KEY_BLOBS_SPREAD, blobsSpread);
        settings.addDouble(KEY_BLOBS_CENTRE_BOX, blobsCentreBox);
        settings.addInt(KEY_SC_CELLS, scCells);
        settings.addInt(KEY_SC_GENES, scGenes);
        settings.addInt(KEY_SC_CELL_TYPES, scCellTypes);
        settings.addDouble(KEY_SC_DE_FRACTION, scDeFraction);
        settings.addDouble(KEY_SC_DE_LOCATION, scDeLocation);
        settings.addDouble(KEY_SC_LIBRARY_LOCATION, scLibraryLocation);
        settings.addBoolean(KEY_SC_DROPOUT, scDropout);
        settings.addDouble(KEY_SC_DROPOUT_MIDPOINT, scDropoutMidpoint);
        settings.addLong(KEY_SEED, seed);
        settings.addString(KEY_LABEL_COLUMN, labelColumn);
    }

    /**
     * Reads and validates settings (used by the node model; missing keys are errors).
     *
     * @param settings the settings to read
     * @return the settings
     * @throws InvalidSettingsException naming the first invalid or missing setting
     */
    static SyntheticDataGeneratorSettings load(final NodeSettingsRO settings) throws InvalidSettingsException {
        final SyntheticDataGeneratorSettings s = new SyntheticDataGeneratorSettings();
        s.kind = DataKind.parse(settings.getString(KEY_KIND), LABEL_KIND);
        s.blobsRows = settings.getInt(KEY_BLOBS_ROWS);
        s.blobsDimensions = settings.getInt(KEY_BLOBS_DIMENSIONS);
        s.blobsClusters = settings.getInt(KEY_BLOBS_CLUSTERS);
        s.blobsSpread = settings.getDouble(KEY_BLOBS_SPREAD);
        s.blobsCentreBox = settings.getDouble(KEY_BLOBS_CENTRE_BOX);
        s.scCells = settings.getInt(KEY_SC_CELLS);
        s.scGenes = settings.getInt(KEY_SC_GENES);
        s.scCellTypes = settings.getInt(KEY_SC_CELL_TYPES);
        s.scDeFraction = settings.getDouble(KEY_SC_DE_FRACTION);
        s.scDeLocation = settings.getDouble(KEY_SC_DE_LOCATION);
        s.scLibraryLocation = settings.getDouble(KEY_SC_LIBRARY_LOCATION);
        s.scDropout = settings.getBoolean(KEY_SC_DROPOUT);
        s.scDropoutMidpoint = settings.getDouble(KEY_SC_DROPOUT_MIDPOINT);
        s.seed = settings.getLong(KEY_SEED);
        s.labelColumn = settings.getString(KEY_LABEL_COLUMN);
        s.validate();
        return s;
    }

    /**
     * Reads settings for the dialog: missing or invalid values fall back to the defaults.
     *
     * @param settings the settings to read
     * @return the settings
     */
    static SyntheticDataGeneratorSettings loadForDialog(final NodeSettingsRO settings) {
        final SyntheticDataGeneratorSettings d = new SyntheticDataGeneratorSettings();
        final SyntheticDataGeneratorSettings s = new SyntheticDataGeneratorSettings();
        try {
            s.kind = DataKind.parse(settings.getString(KEY_KIND, d.kind.name()), LABEL_KIND);
        } catch (final InvalidSettingsException e) { // NOSONAR: the dialog shows the default instead
            s.kind = d.kind;
        }
        s.blobsRows = settings.getInt(KEY_BLOBS_ROWS, d.blobsRows);
        s.blobsDimensions = settings.getInt(KEY_BLOBS_DIMENSIONS, d.blobsDimensions);
        s.blobsClusters = settings.getInt(KEY_BLOBS_CLUSTERS, d.blobsClusters);
        s.blobsSpread = settings.getDouble(KEY_BLOBS_SPREAD, d.blobsSpread);
        s.blobsCentreBox = settings.getDouble(KEY_BLOBS_CENTRE_BOX, d.blobsCentreBox);
        s.scCells = settings.getInt(KEY_SC_CELLS, d.scCells);
        s.scGenes = settings.getInt(KEY_SC_GENES, d.scGenes);
        s.scCellTypes = settings.getInt(KEY_SC_CELL_TYPES, d.scCellTypes);
        s.scDeFraction = settings.getDouble(KEY_SC_DE_FRACTION, d.scDeFraction);
        s.scDeLocation = settings.getDouble(KEY_SC_DE_LOCATION, d.scDeLocation);
        s.scLibraryLocation = settings.getDouble(KEY_SC_LIBRARY_LOCATION, d.scLibraryLocation);
        s.scDropout = settings.getBoolean(KEY_SC_DROPOUT, d.scDropout);
        s.scDropoutMidpoint = settings.getDouble(KEY_SC_DROPOUT_MIDPOINT, d.scDropoutMidpoint);
        s.seed = settings.getLong(KEY_SEED, d.seed);
        s.labelColumn = settings.getString(KEY_LABEL_COLUMN, d.labelColumn);
        if (s.labelColumn == null) {
            s.labelColumn = d.labelColumn;
        }
        return s;
    }

    /**
     * Checks the settings of the selected data kind and the shared ones; the parameters of the other kind are not
     * checked.
     *
     * @throws InvalidSettingsException naming the first invalid setting
     */
    void validate() throws InvalidSettingsException {
        if (kind == null) {
            throw new InvalidSettingsException("Setting '" + LABEL_KIND + "' is not set.");
        }
        if (kind == DataKind.GAUSSIAN_BLOBS) {
            validateBlobs();
        } else {
            validateSingleCell();
        }
        check(labelColumn != null && !labelColumn.isBlank(), LABEL_LABEL_COLUMN, "must not be empty");
        // The engine checks the same parameters; a disagreement (e.g. after an engine change) still names the kind.
        try {
            if (kind == DataKind.GAUSSIAN_BLOBS) {
                blobsParameters().validate();
            } else {
                singleCellParameters().validate();
            }
        } catch (final IllegalArgumentException e) {
            throw new InvalidSettingsException(
                "The " + kind.label() + " settings are invalid: " + e.getMessage() + ".", e);
        }
    }

    private void validateBlobs() throws InvalidSettingsException {
        checkCounts(blobsRows, LABEL_BLOBS_ROWS, blobsDimensions, LABEL_BLOBS_DIMENSIONS, blobsClusters,
            LABEL_BLOBS_CLUSTERS, "every cluster needs a row");
        checkFiniteNonNegative(blobsSpread, LABEL_BLOBS_SPREAD);
        checkFiniteNonNegative(blobsCentreBox, LABEL_BLOBS_CENTRE_BOX);
    }

    private void validateSingleCell() throws InvalidSettingsException {
        checkCounts(scCells, LABEL_SC_CELLS, scGenes, LABEL_SC_GENES, scCellTypes, LABEL_SC_CELL_TYPES,
            "every cell type needs a cell");
        check(scDeFraction >= 0 && scDeFraction <= 1, LABEL_SC_DE_FRACTION,
            "must be between 0 and 1 (is " + scDeFraction + ")");
        checkLogLocation(scDeLocation, LABEL_SC_DE_LOCATION);
        checkLogLocation(scLibraryLocation, LABEL_SC_LIBRARY_LOCATION);
        check(Double.isFinite(scDropoutMidpoint), LABEL_SC_DROPOUT_MIDPOINT,
            "must be a finite number (is " + scDropoutMidpoint + ")");
    }

    /** Rows, columns and groups: each at least 1, groups at most rows, columns and rows × columns bounded. */
    private static void checkCounts(final int rows, final String rowsLabel, final int columns,
        final String columnsLabel, final int groups, final String groupsLabel, final String why)
        throws InvalidSettingsException {
        check(rows >= 1, rowsLabel, "must be at least 1 (is " + rows + ")");
        check(columns >= 1, columnsLabel, "must be at least 1 (is " + columns + ")");
        check(columns <= MAX_COLUMNS, columnsLabel,
            "must be at most " + format(MAX_COLUMNS) + " (is " + format(columns) + ")");
        check(groups >= 1, groupsLabel, "must be at least 1 (is " + groups + ")");
        check(groups <= rows, groupsLabel,
            "(" + groups + ") must be at most '" + rowsLabel + "' (" + rows + "): " + why);
        final long values = (long)rows * columns;
        if (values > MAX_VALUES) {
            throw new InvalidSettingsException("Settings '" + rowsLabel + "' × '" + columnsLabel + "' ("
                + format(rows) + " × " + format(columns) + " = " + format(values) + " values, "
                + format(Math.round(values * (double)Double.BYTES / (1L << 30)))
                + " GiB as doubles) exceed the largest data set this node can generate (" + format(MAX_VALUES)
                + " values, the length limit of the one Java array the generator fills): lower '" + rowsLabel
                + "' or '" + columnsLabel + "'.");
        }
    }

    private static void checkFiniteNonNegative(final double value, final String label)
        throws InvalidSettingsException {
        check(value >= 0 && Double.isFinite(value), label, "must be a finite number ≥ 0 (is " + value + ")");
    }

    private static void checkLogLocation(final double value, final String label) throws InvalidSettingsException {
        check(value >= -MAX_LOG_LOCATION && value <= MAX_LOG_LOCATION, label,
            "must be between " + -MAX_LOG_LOCATION + " and " + MAX_LOG_LOCATION + " (is " + value + ")");
    }

    private static void check(final boolean ok, final String label, final String problem)
        throws InvalidSettingsException {
        if (!ok) {
            throw new InvalidSettingsException("Setting '" + label + "' " + problem + ".");
        }
    }

    private static String format(final long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
