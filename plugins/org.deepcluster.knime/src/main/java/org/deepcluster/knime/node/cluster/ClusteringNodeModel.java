package org.deepcluster.knime.node.cluster;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.deepcluster.core.cluster.ClusterModel;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.progress.CancelledException;
import org.deepcluster.core.progress.Progress;
import org.deepcluster.knime.port.ClusterDistance;
import org.deepcluster.knime.port.ClusterModelPortObject;
import org.deepcluster.knime.port.ClusterModelPortObjectSpec;
import org.deepcluster.knime.util.ExecutionProgress;
import org.deepcluster.knime.util.NumericColumns;
import org.deepcluster.knime.util.NumericTable;
import org.deepcluster.knime.util.NumericTableReader;
import org.deepcluster.knime.util.SettingsNodeModel;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Base of the clustering nodes: one table in; out (0) the input table with the cluster column (String,
 * {@code Cluster_0}, ..., {@value ClusterModelPortObjectSpec#NOISE_NAME} for noise, missing for skipped rows) and any
 * columns the algorithm adds, (1) the Cluster Model, and (2, …) any further ports the algorithm declares in the
 * constructor ({@link #additionalPortSpecs}, {@link #additionalPorts}; e.g. the merge history of hierarchical
 * clustering).
 *
 * <p>The base computes the exact configure() specs, reads the feature columns into a matrix with the missing-value
 * policy, L2-normalises the rows for cosine distance, bridges progress and cancellation to the engine, turns the
 * engine's {@link IllegalArgumentException}s into errors, writes the output table and the model port, and warns about
 * skipped rows, empty clusters, one cluster holding more than {@value #DOMINANT_SHARE_PERCENT} % of the rows and
 * all-noise results. A subclass supplies the algorithm: {@link #algorithmName()}, {@link #fit} and optionally the
 * other protected hooks.
 *
 * @param <S> the node's settings type
 */
public abstract class ClusteringNodeModel<S extends ClusteringSettings> extends SettingsNodeModel<S> {

    /** A cluster holding more than this share of the rows is reported as a degenerate result. */
    static final int DOMINANT_SHARE_PERCENT = 95;

    /** Fills the algorithm's extra columns of one clustered row. */
    @FunctionalInterface
    public interface ExtraCells {
        /**
         * @param matrixRow the row in the clustered matrix (training order)
         * @param cells where to write the extra cells, one per column of {@link #extraColumns}
         */
        void fill(int matrixRow, DataCell[] cells);
    }

    private final Supplier<S> settingsFactory;

    private final int additionalPortCount;

    /**
     * @param settingsFactory creates the settings with their defaults (used for a new node and for every load)
     */
    protected ClusteringNodeModel(final Supplier<S> settingsFactory) {
        this(settingsFactory, new PortType[0]);
    }

    /**
     * @param settingsFactory creates the settings with their defaults (used for a new node and for every load)
     * @param additionalOutPorts output ports after the clustered table (0) and the Cluster Model (1), filled by
     *            {@link #additionalPortSpecs} and {@link #additionalPorts}
     */
    protected ClusteringNodeModel(final Supplier<S> settingsFactory, final PortType... additionalOutPorts) {
        super(new PortType[]{BufferedDataTable.TYPE}, outPorts(additionalOutPorts), settingsFactory.get());
        this.settingsFactory = settingsFactory;
        this.additionalPortCount = additionalOutPorts.length;
    }

    private static PortType[] outPorts(final PortType[] additional) {
        final PortType[] ports = new PortType[2 + additional.length];
        ports[0] = BufferedDataTable.TYPE;
        ports[1] = ClusterModelPortObject.TYPE;
        System.arraycopy(additional, 0, ports, 2, additional.length);
        return ports;
    }

    // ---- hooks -------------------------------------------------------------------------------------------------

    /** @return the algorithm's display name, e.g. "k-means" (in the model spec, messages and progress) */
    protected abstract String algorithmName();

    /**
     * Fits the model. Rows are already prepared for the distance (L2-normalised for cosine) and all finite.
     * The engine's {@link IllegalArgumentException} (bad parameters for this data) becomes an error that quotes it;
     * better, check data-dependent settings first in {@link #checkRows} with messages that name the setting.
     *
     * @param data the rows to cluster, at least one
     * @param progress progress and cancellation (the base maps them to KNIME)
     * @return the fitted model; its {@link ClusterModel#labels()} are in the rows' order
     * @throws InvalidSettingsException if the settings do not fit the data
     */
    protected abstract ClusterModel fit(Matrix data, Progress progress) throws InvalidSettingsException;

    /**
     * @return the number of clusters if the settings fix it (e.g. k), else {@link ClusterModelPortObjectSpec#UNKNOWN_COUNT}
     *         (the default); a known count gives the cluster column a domain and lets the Assigner's configure()
     *         create probability columns
     */
    protected int knownClusterCount() {
        return ClusterModelPortObjectSpec.UNKNOWN_COUNT;
    }

    /** @return whether the model may label rows as noise (default false) */
    protected boolean mayAssignNoise() {
        return false;
    }

    /** @return whether the model's {@link ClusterModel#assign} gives probabilities (default false) */
    protected boolean assignsProbabilities() {
        return false;
    }

    /** @return whether the model's {@link ClusterModel#assign} gives distances (default false) */
    protected boolean assignsDistances() {
        return false;
    }

    /**
     * Checks data-dependent settings before fitting (e.g. k must not exceed the rows).
     *
     * @param rows the number of rows that will be clustered (after skipping rows with missing values), at least 1
     * @param skippedRows the number of skipped rows (for the message)
     * @throws InvalidSettingsException naming the setting
     */
    protected void checkRows(final int rows, final int skippedRows) throws InvalidSettingsException {
        // no checks by default
    }

    /**
     * @param in the input table's spec
     * @return the algorithm's extra output columns after the cluster column, with their wanted names (made unique
     *         by the base); none by default. Must depend on settings and {@code in} only (configure() calls it).
     */
    protected List<DataColumnSpec> extraColumns(final DataTableSpec in) {
        return List.of();
    }

    /**
     * @param model the fitted model
     * @param data the clustered rows (as given to {@link #fit})
     * @return what fills {@link #extraColumns} of each clustered row; skipped rows get missing cells. Only called if
     *         there are extra columns.
     */
    protected ExtraCells extraCells(final ClusterModel model, final Matrix data) {
        return (row, cells) -> {
            throw new IllegalStateException(getClass().getName() + " declares extra columns but no extraCells()");
        };
    }

    /**
     * @param in the input table's spec
     * @return the exact specs of the additional output ports (one per port declared in the constructor, in order);
     *         none by default. Must depend on settings and {@code in} only (configure() calls it).
     * @throws InvalidSettingsException if the settings do not allow the specs
     */
    protected PortObjectSpec[] additionalPortSpecs(final DataTableSpec in) throws InvalidSettingsException {
        return new PortObjectSpec[0];
    }

    /**
     * @param model the fitted model
     * @param trainingRowIds the row ID of each clustered row, in the model's (training) order
     * @param exec for the tables, progress and cancellation
     * @return the additional output ports' contents, one per port declared in the constructor; their specs must equal
     *         {@link #additionalPortSpecs}. None by default.
     * @throws CanceledExecutionException if cancelled
     */
    protected PortObject[] additionalPorts(final ClusterModel model, final String[] trainingRowIds,
        final ExecutionContext exec) throws CanceledExecutionException {
        return new PortObject[0];
    }

    /**
     * @param model the fitted model
     * @return an algorithm-specific warning (e.g. "did not converge"), or null (default)
     */
    protected String fitWarning(final ClusterModel model) {
        return null;
    }

    /**
     * @return whether an empty cluster is worth a warning (default true); false where empty clusters are normal, e.g.
     *         the units of a self-organising map that no row matches
     */
    protected boolean warnsAboutEmptyClusters() {
        return true;
    }

    // ---- the node --------------------------------------------------------------------------------------------

    @Override
    protected final S loadSettings(final NodeSettingsRO settingsRO) throws InvalidSettingsException {
        final S s = settingsFactory.get();
        s.loadFrom(settingsRO);
        return s;
    }

    /**
     * @param in the input table's spec
     * @return the indices of the feature columns
     * @throws InvalidSettingsException if none is selected, or one is missing or not numeric
     */
    protected final int[] featureColumns(final DataTableSpec in) throws InvalidSettingsException {
        return NumericColumns.resolve(in, settings().allNumericColumns, settings().includedColumnList(),
            ClusteringSettings.LABEL_COLUMNS);
    }

    @Override
    protected final PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        final DataTableSpec in = (DataTableSpec)inSpecs[0];
        final int[] columns = featureColumns(in);
        final PortObjectSpec[] additional = checkedAdditional(additionalPortSpecs(in), "additionalPortSpecs");
        final PortObjectSpec[] specs = new PortObjectSpec[2 + additional.length];
        specs[0] = outputSpec(in);
        specs[1] = modelSpec(in, columns, knownClusterCount());
        System.arraycopy(additional, 0, specs, 2, additional.length);
        return specs;
    }

    private <T> T[] checkedAdditional(final T[] additional, final String hook) {
        if (additional.length != additionalPortCount) {
            throw new IllegalStateException(getClass().getName() + "." + hook + " returned " + additional.length
                + " ports, but the node declares " + additionalPortCount);
        }
        return additional;
    }

    private DataTableSpec outputSpec(final DataTableSpec in) {
        final int count = knownClusterCount();
        final List<String> names = count == ClusterModelPortObjectSpec.UNKNOWN_COUNT ? List.of()
            : modelSpec(List.of("x"), List.of("x"), count).clusterNames();
        final DataTableSpec withCluster = ClusterColumns.appendUnique(in,
            List.of(ClusterColumns.clusterColumn(settings().clusterColumn(), names)));
        return ClusterColumns.appendUnique(withCluster, extraColumns(in));
    }

    private ClusterModelPortObjectSpec modelSpec(final DataTableSpec in, final int[] columns, final int count) {
        final List<List<String>> namesAndTypes = ClusterModelPortObjectSpec.namesAndTypes(in, columns);
        return modelSpec(namesAndTypes.get(0), namesAndTypes.get(1), count);
    }

    private ClusterModelPortObjectSpec modelSpec(final List<String> names, final List<String> types, final int count) {
        return new ClusterModelPortObjectSpec(algorithmName(), names, types, settings().distance(), count,
            mayAssignNoise(), assignsProbabilities(), assignsDistances());
    }

    @Override
    protected final PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec)
        throws Exception {
        final BufferedDataTable table = (BufferedDataTable)inObjects[0];
        final DataTableSpec in = table.getDataTableSpec();
        final int[] columns = featureColumns(in);

        final NumericTable data =
            NumericTableReader.read(table, columns, settings().missingValues(), exec.createSubProgress(0.1));
        checkEnoughRows(data, table.size());
        checkRows(data.matrix().rows(), data.skippedRows());
        final Matrix prepared = prepare(data, table);

        exec.setMessage("Clustering " + prepared.rows() + " rows with " + algorithmName());
        final double additionalShare = additionalPortCount > 0 ? 0.05 : 0;
        final ClusterModel model;
        try {
            model = fit(prepared, new ExecutionProgress(exec.createSubProgress(0.8 - additionalShare)));
        } catch (final CancelledException e) {
            throw ExecutionProgress.rethrowAsKnime(e);
        } catch (final IllegalArgumentException e) {
            throw new InvalidSettingsException("The " + algorithmName() + " clustering cannot run on these data: "
                + e.getMessage(), e);
        }
        if (model.featureCount() != columns.length || model.labels().length != prepared.rows()) {
            throw new IllegalStateException(getClass().getName() + ".fit returned a model of "
                + model.featureCount() + " features and " + model.labels().length + " labels for " + columns.length
                + " columns and " + prepared.rows() + " rows");
        }
        final int[] labels = model.labels();
        final DataTableSpec outSpec = outputSpec(in);
        final int extra = outSpec.getNumColumns() - in.getNumColumns() - 1;
        final ExtraCells extraCells = extra > 0 ? extraCells(model, prepared) : null;
        final String[] trainingRowIds = additionalPortCount > 0 ? new String[prepared.rows()] : null;
        final BufferedDataTable clustered = append(table, outSpec, data.matrixRowOfTableRow(), labels, extra,
            extraCells, trainingRowIds, exec.createSubProgress(0.1), exec);
        final ClusterModelPortObjectSpec spec = modelSpec(in, columns, model.clusterCount());
        final PortObject[] additional = additionalPortCount == 0 ? new PortObject[0]
            : checkedAdditional(additionalPorts(model, trainingRowIds,
                exec.createSubExecutionContext(additionalShare)), "additionalPorts");
        setWarningMessage(warning(data, table.size(), labels, model.clusterCount(), warnsAboutEmptyClusters(),
            fitWarning(model)));
        final PortObject[] out = new PortObject[2 + additional.length];
        out[0] = clustered;
        out[1] = new ClusterModelPortObject(spec, model);
        System.arraycopy(additional, 0, out, 2, additional.length);
        return out;
    }

    private static void checkEnoughRows(final NumericTable data, final long total) throws InvalidSettingsException {
        if (total == 0) {
            throw new InvalidSettingsException("The input table is empty: there are no rows to cluster.");
        }
        if (data.matrix().rows() == 0) {
            throw new InvalidSettingsException("All " + total
                + " rows have missing, NaN or infinite values in the selected columns: nothing left to cluster.");
        }
    }

    /** The rows as the algorithm sees them: L2-normalised for cosine distance. */
    private Matrix prepare(final NumericTable data, final BufferedDataTable table) throws InvalidSettingsException {
        try {
            return settings().distance().prepare(data.matrix(), matrixRow -> rowKey(table, data, matrixRow));
        } catch (final IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage() + " (setting '" + ClusteringSettings.LABEL_DISTANCE
                + "')", e);
        }
    }

    /** Finds the row ID of a matrix row (only for error messages, so a scan is fine). */
    private static String rowKey(final BufferedDataTable table, final NumericTable data, final int matrixRow) {
        final int[] map = data.matrixRowOfTableRow();
        int index = 0;
        for (final DataRow row : table) {
            if (map[index++] == matrixRow) {
                return row.getKey().getString();
            }
        }
        return "#" + matrixRow;
    }

    private static BufferedDataTable append(final BufferedDataTable table, final DataTableSpec spec,
        final int[] matrixRowOfTableRow, final int[] labels, final int extra, final ExtraCells extraCells,
        final String[] trainingRowIds, final ExecutionMonitor monitor, final ExecutionContext exec)
        throws CanceledExecutionException {
        final BufferedDataContainer out = exec.createDataContainer(spec);
        final long size = table.size();
        final DataCell[] extraRow = new DataCell[extra];
        int index = 0;
        for (final DataRow row : table) {
            if (index % 1024 == 0) {
                monitor.setProgress(index / (double)size, "Writing row " + index + " of " + size);
                monitor.checkCanceled();
            }
            final int matrixRow = matrixRowOfTableRow[index];
            final int n = row.getNumCells();
            final DataCell[] cells = new DataCell[n + 1 + extra];
            for (int j = 0; j < n; j++) {
                cells[j] = row.getCell(j);
            }
            if (matrixRow < 0) {
                for (int j = n; j < cells.length; j++) {
                    cells[j] = DataType.getMissingCell();
                }
            } else {
                if (trainingRowIds != null) {
                    trainingRowIds[matrixRow] = row.getKey().getString();
                }
                cells[n] = ClusterColumns.clusterCell(labels[matrixRow]);
                if (extra > 0) {
                    extraCells.fill(matrixRow, extraRow);
                    System.arraycopy(extraRow, 0, cells, n + 1, extra);
                }
            }
            out.addRowToTable(new DefaultRow(row.getKey(), cells));
            index++;
        }
        out.close();
        return out.getTable();
    }

    /** @return the warning for skipped rows and degenerate results, or null if there is nothing to warn about */
    static String warning(final NumericTable data, final long rows, final int[] labels, final int clusterCount,
        final boolean warnEmpty, final String fitWarning) {
        final StringBuilder warning = new StringBuilder();
        if (data.skippedRows() > 0) {
            warning.append(data.skippedRows()).append(" of ").append(rows)
                .append(" rows were skipped because of missing, NaN or infinite values (first: row '")
                .append(data.firstSkippedRowKey()).append("'); their cluster is missing.");
        }
        final int[] sizes = new int[clusterCount];
        int noise = 0;
        for (final int label : labels) {
            if (label < 0) {
                noise++;
            } else {
                sizes[label]++;
            }
        }
        if (noise == labels.length) {
            append(warning, "All " + labels.length + " rows are noise: no cluster was found; the density settings "
                + "may be too strict for these data.");
        }
        for (int c = 0; c < clusterCount; c++) {
            if (sizes[c] == 0 && warnEmpty) {
                append(warning, ClusterModelPortObjectSpec.clusterName(c)
                    + " is empty: the data may have fewer natural clusters than asked for.");
            }
            if (clusterCount > 1 && sizes[c] * 100L > DOMINANT_SHARE_PERCENT * (long)labels.length) {
                append(warning, ClusterModelPortObjectSpec.clusterName(c) + " holds "
                    + String.format(Locale.ROOT, "%.1f", 100.0 * sizes[c] / labels.length)
                    + " % of the rows: the clustering is degenerate (check the settings and the scaling of the "
                    + "columns).");
            }
        }
        if (fitWarning != null) {
            append(warning, fitWarning);
        }
        return warning.length() == 0 ? null : warning.toString();
    }

    private static void append(final StringBuilder warning, final String text) {
        warning.append(warning.length() > 0 ? " " : "").append(text);
    }

    /** @return the distance in use (for subclasses' messages) */
    protected final ClusterDistance distance() {
        return settings().distance();
    }
}
