package org.deepcluster.knime.node.cluster.assigner;

import java.util.List;

import org.deepcluster.core.cluster.Assignment;
import org.deepcluster.knime.node.cluster.ClusterColumns;
import org.deepcluster.knime.port.ClusterModelPortObject;
import org.deepcluster.knime.port.ClusterModelPortObjectSpec;
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
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Assigns the rows of a table to the clusters of a Cluster Model: appends the cluster column and, where the model
 * has them, one probability column per cluster and a distance column. How a row is assigned is the model's
 * {@link org.deepcluster.core.cluster.ClusterModel#assign} (nearest centroid for k-means, ...).
 */
final class ClusterAssignerNodeModel extends SettingsNodeModel<ClusterAssignerSettings> {

    ClusterAssignerNodeModel() {
        super(new PortType[]{ClusterModelPortObject.TYPE, BufferedDataTable.TYPE},
            new PortType[]{BufferedDataTable.TYPE}, new ClusterAssignerSettings());
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        final ClusterModelPortObjectSpec model = (ClusterModelPortObjectSpec)inSpecs[0];
        if (model == null) {
            throw new InvalidSettingsException(
                "No cluster model at the first input: connect the model output of a clustering node.");
        }
        final DataTableSpec in = (DataTableSpec)inSpecs[1];
        model.findColumns(in);
        if (model.hasProbabilities() && !model.isClusterCountKnown()) {
            return new PortObjectSpec[]{null}; // the probability columns are known once the model is fitted
        }
        return new PortObjectSpec[]{outputSpec(in, model)};
    }

    private DataTableSpec outputSpec(final DataTableSpec in, final ClusterModelPortObjectSpec model) {
        final DataTableSpec withCluster = ClusterColumns.appendUnique(in,
            List.of(ClusterColumns.clusterColumn(settings().clusterColumn, model.clusterNames())));
        return ClusterColumns.appendUnique(withCluster, extraColumns(model));
    }

    private static List<DataColumnSpec> extraColumns(final ClusterModelPortObjectSpec model) {
        return ClusterColumns.assignmentColumns(probabilityColumns(model), model.hasDistances());
    }

    private static int probabilityColumns(final ClusterModelPortObjectSpec model) {
        return model.hasProbabilities() ? model.clusterCount() : 0;
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        final ClusterModelPortObject model = (ClusterModelPortObject)inObjects[0];
        final BufferedDataTable table = (BufferedDataTable)inObjects[1];
        final DataTableSpec in = table.getDataTableSpec();
        final ClusterModelPortObjectSpec spec = model.getSpec();
        final int[] columns = spec.findColumns(in);

        final NumericTable data =
            NumericTableReader.read(table, columns, settings().missingValues, exec.createSubProgress(0.3));
        exec.setMessage("Assigning " + data.matrix().rows() + " rows to the " + spec.algorithm() + " clusters");
        exec.checkCanceled();
        final Assignment assignment;
        try {
            assignment = model.assign(data.matrix(), matrixRow -> rowKey(table, data.matrixRowOfTableRow(), matrixRow));
        } catch (final IllegalArgumentException e) {
            throw new InvalidSettingsException("Cannot assign the rows to the cluster model: " + e.getMessage(), e);
        }
        exec.setProgress(0.7);
        final BufferedDataTable out =
            append(table, outputSpec(in, spec), data.matrixRowOfTableRow(), assignment, spec,
                exec.createSubProgress(0.3), exec);
        if (data.skippedRows() > 0) {
            setWarningMessage(data.skippedRows() + " of " + table.size()
                + " rows were skipped because of missing, NaN or infinite values (first: row '"
                + data.firstSkippedRowKey() + "'); their cluster is missing.");
        }
        return new PortObject[]{out};
    }

    private static String rowKey(final BufferedDataTable table, final int[] matrixRowOfTableRow, final int matrixRow) {
        int index = 0;
        for (final DataRow row : table) {
            if (matrixRowOfTableRow[index++] == matrixRow) {
                return row.getKey().getString();
            }
        }
        return "#" + matrixRow;
    }

    private static BufferedDataTable append(final BufferedDataTable table, final DataTableSpec outSpec,
        final int[] matrixRowOfTableRow, final Assignment assignment, final ClusterModelPortObjectSpec spec,
        final ExecutionMonitor monitor, final ExecutionContext exec) throws Exception {
        final BufferedDataContainer out = exec.createDataContainer(outSpec);
        final int probabilities = probabilityColumns(spec);
        final long size = table.size();
        int index = 0;
        for (final DataRow row : table) {
            if (index % 1024 == 0) {
                monitor.setProgress(index / (double)size, "Writing row " + index + " of " + size);
                monitor.checkCanceled();
            }
            final int matrixRow = matrixRowOfTableRow[index];
            final int n = row.getNumCells();
            final DataCell[] cells = new DataCell[outSpec.getNumColumns()];
            for (int j = 0; j < n; j++) {
                cells[j] = row.getCell(j);
            }
            cells[n] = matrixRow < 0 ? DataType.getMissingCell()
                : ClusterColumns.clusterCell(assignment.labels()[matrixRow]);
            ClusterColumns.fillAssignmentCells(assignment, matrixRow, probabilities, spec.hasDistances(), cells,
                n + 1);
            out.addRowToTable(new DefaultRow(row.getKey(), cells));
            index++;
        }
        out.close();
        return out.getTable();
    }

    @Override
    protected ClusterAssignerSettings loadSettings(final NodeSettingsRO settingsRO) throws InvalidSettingsException {
        return ClusterAssignerSettings.load(settingsRO);
    }
}
