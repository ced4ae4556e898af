package org.deepcluster.knime.node.clusterer;

import java.util.LinkedHashSet;
import java.util.Set;

import org.deepcluster.core.cluster.KMeans;
import org.deepcluster.core.cluster.KMeansModel;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.progress.CancelledException;
import org.deepcluster.knime.util.ExecutionProgress;
import org.deepcluster.knime.util.NumericColumns;
import org.deepcluster.knime.util.NumericTable;
import org.deepcluster.knime.util.NumericTableReader;
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
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;

/**
 * Clusters the selected numeric columns of a table (k-means for now) and appends the cluster of each row. The
 * clustering itself happens in the engine ({@link KMeans}); this class converts tables and reports progress.
 */
final class ClustererNodeModel extends SettingsNodeModel<ClustererSettings> {

    /** Prefix of the cluster names, as in KNIME's k-Means node. */
    static final String CLUSTER_PREFIX = "Cluster_";

    /** Name of the column of the centres table that holds the number of rows of each cluster. */
    static final String SIZE_COLUMN = "Number of rows";


    ClustererNodeModel() {
        super(1, 2, new ClustererSettings());
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        final DataTableSpec in = inSpecs[0];
        final int[] columns = featureColumns(in);
        return new DataTableSpec[]{clusteredSpec(in), centresSpec(in, columns)};
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        final BufferedDataTable table = inData[0];
        final DataTableSpec in = table.getDataTableSpec();
        final int[] columns = featureColumns(in);

        final NumericTable data =
            NumericTableReader.read(table, columns, settings().missingValues, exec.createSubProgress(0.1));
        final Matrix matrix = data.matrix();
        checkEnoughRows(matrix.rows(), table.size(), data.skippedRows());

        exec.setMessage("Clustering " + matrix.rows() + " rows with k-means");
        final KMeansModel model;
        try {
            model = KMeans.fit(matrix, settings().kMeansParameters(),
                new ExecutionProgress(exec.createSubProgress(0.8)));
        } catch (final CancelledException e) {
            throw ExecutionProgress.rethrowAsKnime(e);
        }

        final BufferedDataTable clustered =
            appendClusters(table, clusteredSpec(in), data.matrixRowOfTableRow(), model.labels(),
                exec.createSubProgress(0.1), exec);
        final BufferedDataTable centres = centres(centresSpec(in, columns), model, exec);
        setWarningMessage(warning(data, table.size(), model.clusterSizes()));
        return new BufferedDataTable[]{clustered, centres};
    }

    /** @return the warning for skipped rows and empty clusters, or null if there is nothing to warn about */
    private static String warning(final NumericTable data, final long rows, final int[] clusterSizes) {
        final StringBuilder warning = new StringBuilder();
        if (data.skippedRows() > 0) {
            warning.append(data.skippedRows()).append(" of ").append(rows)
                .append(" rows were skipped because of missing, NaN or infinite values (first: row '")
                .append(data.firstSkippedRowKey()).append("'); their cluster is missing.");
        }
        for (int c = 0; c < clusterSizes.length; c++) {
            if (clusterSizes[c] == 0) {
                warning.append(warning.length() > 0 ? " " : "").append(clusterName(c))
                    .append(" is empty: the data may have fewer natural clusters than k.");
            }
        }
        return warning.length() == 0 ? null : warning.toString();
    }

    private int[] featureColumns(final DataTableSpec in) throws InvalidSettingsException {
        return NumericColumns.resolve(in, settings().allNumericColumns, settings().includedColumnList(),
            ClustererSettings.LABEL_COLUMNS);
    }

    private void checkEnoughRows(final int usable, final long total, final int skipped)
        throws InvalidSettingsException {
        if (total == 0) {
            throw new InvalidSettingsException("The input table is empty: there are no rows to cluster.");
        }
        if (usable == 0) {
            throw new InvalidSettingsException("All " + total
                + " rows have missing, NaN or infinite values in the selected columns: nothing left to cluster.");
        }
        if (settings().k > usable) {
            throw new InvalidSettingsException("Setting '" + ClustererSettings.LABEL_K + "' (" + settings().k
                + ") is larger than the number of rows to cluster (" + usable
                + (skipped > 0 ? ", after skipping " + skipped + " rows with missing values" : "")
                + "): lower k or provide more rows.");
        }
    }

    /** The input spec plus the cluster column, whose domain lists all k cluster names. */
    private DataTableSpec clusteredSpec(final DataTableSpec in) {
        final String name = DataTableSpec.getUniqueColumnName(in, settings().clusterColumn);
        final DataColumnSpecCreator creator = new DataColumnSpecCreator(name, StringCell.TYPE);
        final Set<DataCell> values = new LinkedHashSet<>();
        for (int i = 0; i < settings().k; i++) {
            values.add(new StringCell(clusterName(i)));
        }
        creator.setDomain(new DataColumnDomainCreator(values).createDomain());
        return new DataTableSpec(in, new DataTableSpec(creator.createSpec()));
    }

    /** One row per cluster: the centre's coordinates in the feature columns, and the cluster size. */
    private static DataTableSpec centresSpec(final DataTableSpec in, final int[] columns) {
        final DataColumnSpec[] coordinates = new DataColumnSpec[columns.length];
        for (int j = 0; j < columns.length; j++) {
            coordinates[j] =
                new DataColumnSpecCreator(in.getColumnSpec(columns[j]).getName(), DoubleCell.TYPE).createSpec();
        }
        final DataTableSpec coordinateSpec = new DataTableSpec(coordinates);
        final String sizeName = DataTableSpec.getUniqueColumnName(coordinateSpec, SIZE_COLUMN);
        return new DataTableSpec(coordinateSpec,
            new DataTableSpec(new DataColumnSpecCreator(sizeName, IntCell.TYPE).createSpec()));
    }

    static String clusterName(final int cluster) {
        return CLUSTER_PREFIX + cluster;
    }

    private static BufferedDataTable appendClusters(final BufferedDataTable table, final DataTableSpec spec,
        final int[] matrixRowOfTableRow, final int[] labels, final ExecutionMonitor monitor,
        final ExecutionContext exec) throws CanceledExecutionException {
        final BufferedDataContainer out = exec.createDataContainer(spec);
        final long size = table.size();
        int index = 0;
        for (final DataRow row : table) {
            if (index % 1024 == 0) {
                monitor.setProgress(index / (double)size, "Writing row " + index + " of " + size);
                monitor.checkCanceled();
            }
            final int matrixRow = matrixRowOfTableRow[index];
            final DataCell cluster =
                matrixRow < 0 ? DataType.getMissingCell() : new StringCell(clusterName(labels[matrixRow]));
            final DataCell[] cells = new DataCell[row.getNumCells() + 1];
            for (int j = 0; j < row.getNumCells(); j++) {
                cells[j] = row.getCell(j);
            }
            cells[cells.length - 1] = cluster;
            out.addRowToTable(new DefaultRow(row.getKey(), cells));
            index++;
        }
        out.close();
        return out.getTable();
    }

    private static BufferedDataTable centres(final DataTableSpec spec, final KMeansModel model,
        final ExecutionContext exec) {
        final BufferedDataContainer out = exec.createDataContainer(spec);
        final Matrix centroids = model.centroids();
        final int[] sizes = model.clusterSizes();
        for (int c = 0; c < model.k(); c++) {
            final DataCell[] cells = new DataCell[centroids.cols() + 1];
            for (int j = 0; j < centroids.cols(); j++) {
                cells[j] = new DoubleCell(centroids.get(c, j));
            }
            cells[cells.length - 1] = new IntCell(sizes[c]);
            out.addRowToTable(new DefaultRow(new RowKey(clusterName(c)), cells));
        }
        out.close();
        return out.getTable();
    }

    @Override
    protected ClustererSettings loadSettings(final NodeSettingsRO settingsRO) throws InvalidSettingsException {
        return ClustererSettings.load(settingsRO);
    }
}
