package org.deepcluster.knime.node.dec;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.deepcluster.core.data.FloatMatrix;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.deep.DeepClusteringResult;
import org.deepcluster.core.deep.DeepEmbeddedClustering;
import org.deepcluster.core.encode.EmbeddingRefiner;
import org.deepcluster.core.encode.TrainingDivergedException;
import org.deepcluster.core.progress.CancelledException;
import org.deepcluster.knime.port.EncoderModelPortObject;
import org.deepcluster.knime.port.EncoderModelPortObjectSpec;
import org.deepcluster.knime.util.ExecutionProgress;
import org.deepcluster.knime.util.FloatTable;
import org.deepcluster.knime.util.FloatTableReader;
import org.deepcluster.knime.util.SettingsNodeModel;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnDomainCreator;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Refines an Encoder Model and clusters a table with DEC / IDEC ({@link DeepEmbeddedClustering}); outputs the
 * refined encoder, the table with the cluster and soft-assignment columns, and the convergence history. The
 * algorithm lives in the engine; this class converts tables and reports progress.
 */
final class DeepClusteringNodeModel extends SettingsNodeModel<DeepClusteringSettings> {

    /** Prefix of the cluster names, as in the Clusterer and KNIME's k-Means node. */
    static final String CLUSTER_PREFIX = "Cluster_";

    static final String COLUMN_ITERATION = "Iteration";
    static final String COLUMN_LOSS = "Loss";
    static final String COLUMN_KL = "KL divergence";
    static final String COLUMN_RECONSTRUCTION = "Reconstruction loss";
    static final String COLUMN_CHANGED = "Fraction of changed labels";
    static final String COLUMN_KL_BEFORE = "KL on all rows (old target)";
    static final String COLUMN_KL_AFTER = "KL on all rows (new target)";

    /** The convergence history: one row for the initialisation, one per target update, one for the end. */
    static final DataTableSpec HISTORY_SPEC = new DataTableSpec(
        new DataColumnSpecCreator(COLUMN_ITERATION, IntCell.TYPE).createSpec(),
        new DataColumnSpecCreator(COLUMN_LOSS, DoubleCell.TYPE).createSpec(),
        new DataColumnSpecCreator(COLUMN_KL, DoubleCell.TYPE).createSpec(),
        new DataColumnSpecCreator(COLUMN_RECONSTRUCTION, DoubleCell.TYPE).createSpec(),
        new DataColumnSpecCreator(COLUMN_CHANGED, DoubleCell.TYPE).createSpec(),
        new DataColumnSpecCreator(COLUMN_KL_BEFORE, DoubleCell.TYPE).createSpec(),
        new DataColumnSpecCreator(COLUMN_KL_AFTER, DoubleCell.TYPE).createSpec());

    /** Shares of the progress bar: reading the table, clustering, writing the outputs. */
    private static final double READ_SHARE = 0.05;
    private static final double FIT_SHARE = 0.9;

    DeepClusteringNodeModel() {
        super(new PortType[]{EncoderModelPortObject.TYPE, BufferedDataTable.TYPE},
            new PortType[]{EncoderModelPortObject.TYPE, BufferedDataTable.TYPE, BufferedDataTable.TYPE},
            new DeepClusteringSettings());
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        final EncoderModelPortObjectSpec model = modelSpec(inSpecs[0]);
        final DataTableSpec in = (DataTableSpec)inSpecs[1];
        if (in == null) {
            throw new InvalidSettingsException("No table at the second input: connect the table to cluster.");
        }
        model.findColumns(in);
        return new PortObjectSpec[]{model, clusteredSpec(in), HISTORY_SPEC};
    }

    /** The model spec, checked for an architecture that can be refined. */
    private static EncoderModelPortObjectSpec modelSpec(final PortObjectSpec spec) throws InvalidSettingsException {
        if (!(spec instanceof EncoderModelPortObjectSpec model)) {
            throw new InvalidSettingsException("No encoder model at the first input: connect an Encoder Learner.");
        }
        if (!EmbeddingRefiner.SUPPORTED.contains(model.architecture())) {
            throw new InvalidSettingsException("Deep embedded clustering refines dense encoders (AE, DAE or SAE), but "
                + "the encoder model is a " + model.architecture() + " (" + model.architecture().description()
                + "): train an AE, DAE or SAE with the Encoder Learner.");
        }
        return model;
    }

    /** The input spec plus the cluster column (domain: all k cluster names) and k probability columns. */
    private DataTableSpec clusteredSpec(final DataTableSpec in) {
        final int k = settings().k;
        final DataColumnSpec[] added = new DataColumnSpec[k + 1];
        DataTableSpec spec = in;
        final String clusterName = DataTableSpec.getUniqueColumnName(spec, settings().clusterColumn);
        final DataColumnSpecCreator cluster = new DataColumnSpecCreator(clusterName, StringCell.TYPE);
        final Set<DataCell> values = new LinkedHashSet<>();
        for (int j = 0; j < k; j++) {
            values.add(new StringCell(clusterName(j)));
        }
        cluster.setDomain(new DataColumnDomainCreator(values).createDomain());
        added[0] = cluster.createSpec();
        spec = new DataTableSpec(spec, new DataTableSpec(added[0]));
        for (int j = 0; j < k; j++) {
            final String name = DataTableSpec.getUniqueColumnName(spec, probabilityColumn(j));
            final DataColumnSpecCreator p = new DataColumnSpecCreator(name, DoubleCell.TYPE);
            p.setDomain(new DataColumnDomainCreator(new DoubleCell(0), new DoubleCell(1)).createDomain());
            added[j + 1] = p.createSpec();
            spec = new DataTableSpec(spec, new DataTableSpec(added[j + 1]));
        }
        return spec;
    }

    static String clusterName(final int cluster) {
        return CLUSTER_PREFIX + cluster;
    }

    /** @return the name of the soft-assignment column of a cluster, e.g. "P (Cluster_0)" */
    static String probabilityColumn(final int cluster) {
        return "P (" + clusterName(cluster) + ")";
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        final EncoderModelPortObject model = (EncoderModelPortObject)inObjects[0];
        final BufferedDataTable table = (BufferedDataTable)inObjects[1];
        final DataTableSpec in = table.getDataTableSpec();
        final EncoderModelPortObjectSpec modelSpec = modelSpec(model.getSpec());
        final int[] columns = modelSpec.findColumns(in);

        final FloatTable data =
            FloatTableReader.read(table, columns, settings().missingValues, exec.createSubProgress(READ_SHARE));
        final FloatMatrix matrix = data.matrix();
        checkRows(matrix.rows(), table.size(), data.skippedRows());

        exec.setMessage("Deep embedded clustering of " + matrix.rows() + " rows");
        final DeepClusteringResult result = fit(model, matrix, exec);

        final BufferedDataTable clustered = appendClusters(table, clusteredSpec(in), data.matrixRowOfTableRow(),
            result, exec);
        final BufferedDataTable history = history(result, exec);
        setWarningMessage(warning(data, table.size(), result));
        return new PortObject[]{new EncoderModelPortObject(modelSpec, result.encoder()), clustered, history};
    }

    private DeepClusteringResult fit(final EncoderModelPortObject model, final FloatMatrix matrix,
        final ExecutionContext exec) throws InvalidSettingsException, CanceledExecutionException {
        try {
            return DeepEmbeddedClustering.fit(model.encoder(), matrix, settings().parameters(),
                new ExecutionProgress(exec.createSubProgress(FIT_SHARE)));
        } catch (final CancelledException e) {
            throw ExecutionProgress.rethrowAsKnime(e);
        } catch (final TrainingDivergedException e) {
            throw new InvalidSettingsException(capitalise(e.getMessage()) + " (setting '"
                + DeepClusteringSettings.LABEL_LEARNING_RATE + "').", e);
        } catch (final IllegalArgumentException e) { // parameters that do not fit the data
            throw new InvalidSettingsException("Cannot run deep embedded clustering: " + e.getMessage() + ".", e);
        }
    }

    private static String capitalise(final String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private void checkRows(final int usable, final long total, final int skipped) throws InvalidSettingsException {
        if (total == 0) {
            throw new InvalidSettingsException("The input table is empty: there are no rows to cluster.");
        }
        if (usable == 0) {
            throw new InvalidSettingsException("All " + total + " rows have missing, NaN or infinite values in the "
                + "model's columns: nothing left to cluster.");
        }
        final String after = skipped > 0 ? ", after skipping " + skipped + " rows with missing values" : "";
        if (settings().k > usable) {
            throw new InvalidSettingsException("Setting '" + DeepClusteringSettings.LABEL_K + "' (" + settings().k
                + ") is larger than the number of rows to cluster (" + usable + after
                + "): lower k or provide more rows.");
        }
        if (settings().batchSize > usable) {
            throw new InvalidSettingsException("Setting '" + DeepClusteringSettings.LABEL_BATCH_SIZE + "' ("
                + settings().batchSize + ") is larger than the number of rows to cluster (" + usable + after
                + "): lower it to at most " + usable + ".");
        }
    }

    private static BufferedDataTable appendClusters(final BufferedDataTable table, final DataTableSpec spec,
        final int[] matrixRowOfTableRow, final DeepClusteringResult result, final ExecutionContext exec)
        throws CanceledExecutionException {
        final BufferedDataContainer out = exec.createDataContainer(spec);
        final int[] labels = result.labels();
        final Matrix q = result.softAssignments();
        final int k = result.k();
        final long size = table.size();
        int index = 0;
        for (final DataRow row : table) {
            if (index % 1024 == 0) {
                exec.setProgress(READ_SHARE + FIT_SHARE + (1 - READ_SHARE - FIT_SHARE) * index / (double)size,
                    "Writing row " + index + " of " + size);
                exec.checkCanceled();
            }
            final int matrixRow = matrixRowOfTableRow[index];
            final int n = row.getNumCells();
            final DataCell[] cells = new DataCell[n + 1 + k];
            for (int j = 0; j < n; j++) {
                cells[j] = row.getCell(j);
            }
            cells[n] = matrixRow < 0 ? DataType.getMissingCell() : new StringCell(clusterName(labels[matrixRow]));
            for (int j = 0; j < k; j++) {
                cells[n + 1 + j] = matrixRow < 0 ? DataType.getMissingCell() : new DoubleCell(q.get(matrixRow, j));
            }
            out.addRowToTable(new DefaultRow(row.getKey(), cells));
            index++;
        }
        out.close();
        return out.getTable();
    }

    private static BufferedDataTable history(final DeepClusteringResult result, final ExecutionContext exec) {
        final BufferedDataContainer out = exec.createDataContainer(HISTORY_SPEC);
        long row = 0;
        for (final DeepClusteringResult.Update u : result.history()) {
            out.addRowToTable(new DefaultRow(RowKey.createRowKey(row++), new IntCell(u.iteration()), cell(u.loss()),
                cell(u.kl()), cell(u.reconstruction()), cell(u.changedFraction()), cell(u.klBefore()),
                cell(u.klAfter())));
        }
        out.close();
        return out.getTable();
    }

    private static DataCell cell(final double value) {
        return Double.isNaN(value) ? DataType.getMissingCell() : new DoubleCell(value);
    }

    /** @return the warnings (skipped rows, degenerate clusters, no convergence), or null if there are none */
    private String warning(final FloatTable data, final long rows, final DeepClusteringResult result) {
        final StringBuilder warning = new StringBuilder();
        if (data.skippedRows() > 0) {
            warning.append(data.skippedRows()).append(" of ").append(rows)
                .append(" rows were skipped because of missing, NaN or infinite values (first: row '")
                .append(data.firstSkippedRowKey()).append("'); their cluster and probabilities are missing.");
        }
        for (final String w : result.warnings()) {
            warning.append(warning.length() > 0 ? " " : "").append(capitalise(w)).append('.');
        }
        if (!result.converged()) {
            final double last = result.history().get(result.history().size() - 1).changedFraction();
            warning.append(warning.length() > 0 ? " " : "").append(String.format(Locale.ROOT, "Did not converge in "
                + "%d iterations: %.2f %% of the labels changed at the last target update (tolerance %.2f %%); raise '"
                + DeepClusteringSettings.LABEL_MAX_ITERATIONS + "' to refine further.", result.iterations(),
                100 * last, 100 * settings().tolerance));
        }
        return warning.length() == 0 ? null : warning.toString();
    }

    @Override
    protected DeepClusteringSettings loadSettings(final NodeSettingsRO settingsRO) throws InvalidSettingsException {
        return DeepClusteringSettings.load(settingsRO);
    }
}
