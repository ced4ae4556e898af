package org.deepcluster.knime.node.generator;

import java.util.LinkedHashSet;
import java.util.Set;

import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.progress.CancelledException;
import org.deepcluster.core.progress.Progress;
import org.deepcluster.core.synthetic.GaussianBlobs;
import org.deepcluster.core.synthetic.SingleCellCounts;
import org.deepcluster.core.synthetic.SyntheticData;
import org.deepcluster.knime.util.ExecutionProgress;
import org.deepcluster.knime.util.SettingsNodeModel;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnDomainCreator;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
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
 * Generates a labelled synthetic table (Gaussian blobs or single-cell counts) so that example workflows need no
 * downloads. The simulation happens in the engine ({@link GaussianBlobs}, {@link SingleCellCounts}); this class
 * builds the table spec from the settings and writes the rows.
 */
final class SyntheticDataGeneratorNodeModel extends SettingsNodeModel<SyntheticDataGeneratorSettings> {

    /** Rows written between two progress reports and cancellation checks. */
    static final int WRITE_BLOCK = 1000;


    SyntheticDataGeneratorNodeModel() {
        super(0, 1, new SyntheticDataGeneratorSettings());
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        return new DataTableSpec[]{outputSpec(settings())};
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        final DataTableSpec spec = outputSpec(settings());
        final SyntheticData data;
        try {
            data = generate(settings(), new ExecutionProgress(exec.createSubProgress(0.5)), exec);
        } catch (final CancelledException e) {
            throw ExecutionProgress.rethrowAsKnime(e);
        }
        return new BufferedDataTable[]{write(spec, data, exec.createSubProgress(0.5), exec)};
    }

    private static SyntheticData generate(final SyntheticDataGeneratorSettings s, final Progress progress,
        final ExecutionMonitor exec) {
        if (s.kind == DataKind.GAUSSIAN_BLOBS) {
            exec.setMessage("Generating " + s.blobsRows + " rows × " + s.blobsDimensions + " dimensions in "
                + s.blobsClusters + " Gaussian blobs");
            return GaussianBlobs.generate(s.blobsParameters(), progress);
        }
        exec.setMessage("Simulating " + s.scCells + " cells × " + s.scGenes + " genes of " + s.scCellTypes
            + " cell types");
        return SingleCellCounts.generate(s.singleCellParameters(), progress);
    }

    /**
     * The output spec, from the settings alone: the numeric columns ({@code x0..} as doubles for blobs,
     * {@code gene_0..} as integers for counts) and the string label column, whose domain lists every group.
     *
     * @param s validated settings
     * @return the spec of the table that execute writes
     */
    static DataTableSpec outputSpec(final SyntheticDataGeneratorSettings s) {
        final int columns = s.numericColumns();
        final DataType type = s.kind == DataKind.GAUSSIAN_BLOBS ? DoubleCell.TYPE : IntCell.TYPE;
        final DataColumnSpec[] numeric = new DataColumnSpec[columns];
        for (int j = 0; j < columns; j++) {
            numeric[j] = new DataColumnSpecCreator(columnName(s.kind, j), type).createSpec();
        }
        final DataTableSpec numericSpec = new DataTableSpec(numeric);
        final DataColumnSpecCreator label =
            new DataColumnSpecCreator(DataTableSpec.getUniqueColumnName(numericSpec, s.labelColumn), StringCell.TYPE);
        final Set<DataCell> groups = new LinkedHashSet<>();
        for (int g = 0; g < s.groups(); g++) {
            groups.add(new StringCell(groupName(s.kind, g)));
        }
        label.setDomain(new DataColumnDomainCreator(groups).createDomain());
        return new DataTableSpec(numericSpec, new DataTableSpec(label.createSpec()));
    }

    /** @return the name of numeric column {@code j}, as the engine names it */
    static String columnName(final DataKind kind, final int j) {
        return (kind == DataKind.GAUSSIAN_BLOBS ? "x" : "gene_") + j;
    }

    /** @return the name of group {@code g} (cluster or cell type), as the engine names it */
    static String groupName(final DataKind kind, final int g) {
        return (kind == DataKind.GAUSSIAN_BLOBS ? "cluster_" : "type_") + g;
    }

    /** @return the row ID of row {@code i}: {@code Row0..} for blobs, {@code cell_0..} for cells */
    static String rowId(final DataKind kind, final int i) {
        return (kind == DataKind.GAUSSIAN_BLOBS ? "Row" : "cell_") + i;
    }

    private BufferedDataTable write(final DataTableSpec spec, final SyntheticData data, final ExecutionMonitor monitor,
        final ExecutionContext exec) throws CanceledExecutionException, InvalidSettingsException {
        final boolean counts = settings().kind == DataKind.SINGLE_CELL_COUNTS;
        final Matrix matrix = data.data();
        final int n = matrix.rows();
        final int d = matrix.cols();
        final DataCell[] groups = new DataCell[data.labelNames().size()];
        for (int g = 0; g < groups.length; g++) {
            groups[g] = new StringCell(data.labelNames().get(g));
        }
        final int[] labels = data.labels();
        final BufferedDataContainer out = exec.createDataContainer(spec);
        for (int i = 0; i < n; i++) {
            if (i % WRITE_BLOCK == 0) {
                monitor.setProgress(i / (double)n, "Writing row " + (i + 1) + " of " + n);
                monitor.checkCanceled();
            }
            final DataCell[] cells = new DataCell[d + 1];
            for (int j = 0; j < d; j++) {
                cells[j] = counts ? countCell(matrix.get(i, j), i, j) : new DoubleCell(matrix.get(i, j));
            }
            cells[d] = groups[labels[i]];
            out.addRowToTable(new DefaultRow(rowId(settings().kind, i), cells));
        }
        out.close();
        monitor.setProgress(1.0, "Wrote " + n + " rows");
        return out.getTable();
    }

    /** A count as an integer cell; the engine's counts are whole numbers, but extreme settings can exceed int. */
    private static IntCell countCell(final double count, final int row, final int column)
        throws InvalidSettingsException {
        if (count > Integer.MAX_VALUE) {
            throw new InvalidSettingsException("The simulated count of cell " + row + ", gene " + column + " ("
                + (long)count + ") does not fit an integer column: lower '"
                + SyntheticDataGeneratorSettings.LABEL_SC_LIBRARY_LOCATION + "'.");
        }
        return new IntCell((int)count);
    }

    @Override
    protected SyntheticDataGeneratorSettings loadSettings(final NodeSettingsRO settingsRO) throws InvalidSettingsException {
        return SyntheticDataGeneratorSettings.load(settingsRO);
    }
}
