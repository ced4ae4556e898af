package org.deepcluster.knime.util;

import org.deepcluster.core.data.Matrix;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;

/**
 * Copies the selected numeric columns of a table into one dense row-major matrix (the only copy of the data the
 * engine works on), applying the missing-value policy. Missing cells, NaN and infinite values are treated alike.
 */
public final class NumericTableReader {

    /** How often (in rows) progress is reported and cancellation checked. */
    private static final int CHECK_EVERY = 1024;

    private NumericTableReader() {
    }

    /**
     * Reads the table.
     *
     * @param table the input table
     * @param columns the column indices to read
     * @param policy what to do with rows that have missing or non-finite values
     * @param monitor progress and cancellation
     * @return the matrix and the mapping of table rows to matrix rows
     * @throws InvalidSettingsException if a value is missing or not finite and the policy is FAIL, or if the table
     *             is too large for one matrix
     * @throws CanceledExecutionException if cancelled
     */
    public static NumericTable read(final BufferedDataTable table, final int[] columns,
        final MissingValuePolicy policy, final ExecutionMonitor monitor)
        throws InvalidSettingsException, CanceledExecutionException {
        final long size = table.size();
        final int d = columns.length;
        if (size * d > Integer.MAX_VALUE - 8) {
            throw new InvalidSettingsException("The table has too many values (" + size + " rows × " + d
                + " columns) for one in-memory matrix: select fewer columns or rows.");
        }
        final DataTableSpec spec = table.getDataTableSpec();
        final double[] values = new double[(int)(size * d)];
        final int[] matrixRow = new int[(int)size];
        int used = 0;
        int skipped = 0;
        String firstSkipped = null;
        long index = 0;
        for (final DataRow row : table) {
            if (index % CHECK_EVERY == 0) {
                monitor.setProgress(size == 0 ? 1 : index / (double)size, "Reading row " + index + " of " + size);
                monitor.checkCanceled();
            }
            final int bad = firstBadColumn(row, columns);
            if (bad >= 0) {
                if (policy == MissingValuePolicy.FAIL) {
                    final String column = spec.getColumnSpec(columns[bad]).getName();
                    throw new InvalidSettingsException("Row '" + row.getKey().getString() + "' has a "
                        + describe(row.getCell(columns[bad])) + " in column '" + column
                        + "': remove or replace such values first (e.g. with the Missing Value node), or set "
                        + "'Rows with missing values' to 'Skip row'.");
                }
                matrixRow[(int)index] = -1;
                if (skipped++ == 0) {
                    firstSkipped = row.getKey().getString();
                }
            } else {
                final int offset = used * d;
                for (int j = 0; j < d; j++) {
                    values[offset + j] = ((DoubleValue)row.getCell(columns[j])).getDoubleValue();
                }
                matrixRow[(int)index] = used++;
            }
            index++;
        }
        monitor.checkCanceled();
        final double[] compact = used * d == values.length ? values : java.util.Arrays.copyOf(values, used * d);
        monitor.setProgress(1, "Read " + size + " rows");
        return new NumericTable(Matrix.wrap(used, d, compact), matrixRow, skipped, firstSkipped);
    }

    private static int firstBadColumn(final DataRow row, final int[] columns) {
        for (int j = 0; j < columns.length; j++) {
            final DataCell cell = row.getCell(columns[j]);
            if (cell.isMissing() || !Double.isFinite(((DoubleValue)cell).getDoubleValue())) {
                return j;
            }
        }
        return -1;
    }

    private static String describe(final DataCell cell) {
        if (cell.isMissing()) {
            return "missing value";
        }
        final double v = ((DoubleValue)cell).getDoubleValue();
        return Double.isNaN(v) ? "NaN value" : "infinite value (" + v + ")";
    }
}
