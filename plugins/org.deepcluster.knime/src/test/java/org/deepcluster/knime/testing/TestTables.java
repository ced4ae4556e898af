package org.deepcluster.knime.testing;

import java.util.ArrayList;
import java.util.List;

import org.deepcluster.core.progress.Progress;
import org.deepcluster.core.synthetic.GaussianBlobs;
import org.deepcluster.core.synthetic.SyntheticData;
import org.deepcluster.standin.Tables;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;

/** Input tables for node tests, generated (tests must not depend on files outside the repository). */
public final class TestTables {

    /** Name of the reference label column of {@link #blobs}. */
    public static final String LABEL = "label";

    private TestTables() {
    }

    /**
     * Gaussian blobs as a KNIME table: numeric columns x0..x{d-1} and a string column "label".
     *
     * @param rows number of rows
     * @param dims number of numeric columns
     * @param clusters number of blobs
     * @param spread standard deviation of each blob
     * @param seed random seed
     * @return the table
     */
    public static BufferedDataTable blobs(final int rows, final int dims, final int clusters, final double spread,
        final long seed) {
        final SyntheticData data =
            GaussianBlobs.generate(new GaussianBlobs.Parameters(rows, dims, clusters, spread, 10, seed), Progress.NONE);
        final DataColumnSpec[] columns = new DataColumnSpec[dims + 1];
        for (int j = 0; j < dims; j++) {
            columns[j] = new DataColumnSpecCreator(data.columnNames().get(j), DoubleCell.TYPE).createSpec();
        }
        columns[dims] = new DataColumnSpecCreator(LABEL, StringCell.TYPE).createSpec();
        final List<DataRow> out = new ArrayList<>();
        final List<String> labels = data.labelsAsNames();
        for (int i = 0; i < rows; i++) {
            final DataCell[] cells = new DataCell[dims + 1];
            for (int j = 0; j < dims; j++) {
                cells[j] = new DoubleCell(data.data().get(i, j));
            }
            cells[dims] = new StringCell(labels.get(i));
            out.add(new DefaultRow("Row" + i, cells));
        }
        return Tables.table(new DataTableSpec(columns), out);
    }

    /**
     * @param table a table
     * @param column a column name
     * @return the column's values as text (null for missing cells)
     */
    public static List<String> column(final BufferedDataTable table, final String column) {
        return Tables.strings(table, column);
    }
}
