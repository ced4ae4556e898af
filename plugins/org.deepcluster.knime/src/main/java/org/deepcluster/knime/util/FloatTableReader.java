package org.deepcluster.knime.util;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import org.deepcluster.core.data.FloatMatrix;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;

/**
 * Copies the selected numeric columns of a table straight into one dense row-major {@link FloatMatrix} (4 bytes per
 * value, the only copy of the data a neural network trains on), applying the missing-value policy. The float
 * counterpart of {@link NumericTableReader}, with the same messages: missing cells, NaN and infinite values are
 * treated alike, and so is a finite value too large for a 32-bit float (beyond ±3.4e38), which would become
 * infinite.
 */
public final class FloatTableReader {

    /** How often (in rows) progress is reported and cancellation checked. */
    private static final int CHECK_EVERY = 1024;

    private FloatTableReader() {
    }

    /**
     * Reads a whole table.
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
    public static FloatTable read(final BufferedDataTable table, final int[] columns,
        final MissingValuePolicy policy, final ExecutionMonitor monitor)
        throws InvalidSettingsException, CanceledExecutionException {
        try (CloseableRowIterator rows = table.iterator()) {
            return read(rows, table.size(), table.getDataTableSpec(), columns, policy, monitor);
        }
    }

    /**
     * Reads a block of rows already in memory (e.g. one batch of a table that is encoded batch by batch), without
     * progress reports.
     *
     * @param rows the rows
     * @param spec the spec of the table the rows come from (for the column names in messages)
     * @param columns the column indices to read
     * @param policy what to do with rows that have missing or non-finite values
     * @return the matrix and the mapping of the rows to matrix rows
     * @throws InvalidSettingsException if a value is missing or not finite and the policy is FAIL
     */
    public static FloatTable read(final List<? extends DataRow> rows, final DataTableSpec spec, final int[] columns,
        final MissingValuePolicy policy) throws InvalidSettingsException {
        try {
            return read(rows.iterator(), rows.size(), spec, columns, policy, null);
        } catch (final CanceledExecutionException e) { // cannot happen without a monitor
            throw new IllegalStateException(e);
        }
    }

    private static FloatTable read(final Iterator<? extends DataRow> rows, final long size, final DataTableSpec spec,
        final int[] columns, final MissingValuePolicy policy, final ExecutionMonitor monitor)
        throws InvalidSettingsException, CanceledExecutionException {
        final int d = columns.length;
        if (size * d > Integer.MAX_VALUE - 8) {
            throw new InvalidSettingsException("The table has too many values (" + size + " rows × " + d
                + " columns) for one in-memory matrix: select fewer columns or rows.");
        }
        final float[] values = new float[(int)(size * d)];
        final int[] matrixRow = new int[(int)size];
        int used = 0;
        int skipped = 0;
        String firstSkipped = null;
        int index = 0;
        while (rows.hasNext()) {
            if (monitor != null && index % CHECK_EVERY == 0) {
                monitor.setProgress(index / (double)size, "Reading row " + index + " of " + size);
                monitor.checkCanceled();
            }
            final DataRow row = rows.next();
            final int bad = firstBadColumn(row, columns);
            if (bad >= 0) {
                if (policy == MissingValuePolicy.FAIL) {
                    final String column = spec.getColumnSpec(columns[bad]).getName();
                    throw new InvalidSettingsException("Row '" + row.getKey().getString() + "' has "
                        + describe(row.getCell(columns[bad])) + " in column '" + column
                        + "': remove or replace such values first (e.g. with the Missing Value node), or set "
                        + "'Rows with missing values' to 'Skip row'.");
                }
                matrixRow[index] = -1;
                if (skipped++ == 0) {
                    firstSkipped = row.getKey().getString();
                }
            } else {
                final int offset = used * d;
                for (int j = 0; j < d; j++) {
                    values[offset + j] = (float)((DoubleValue)row.getCell(columns[j])).getDoubleValue();
                }
                matrixRow[index] = used++;
            }
            index++;
        }
        if (monitor != null) {
            monitor.checkCanceled();
            monitor.setProgress(1, "Read " + size + " rows");
        }
        final float[] compact = used * d == values.length ? values : Arrays.copyOf(values, used * d);
        return new FloatTable(FloatMatrix.wrap(used, d, compact), matrixRow, skipped, firstSkipped);
    }

    private static int firstBadColumn(final DataRow row, final int[] columns) {
        for (int j = 0; j < columns.length; j++) {
            final DataCell cell = row.getCell(columns[j]);
            if (cell.isMissing() || !Float.isFinite((float)((DoubleValue)cell).getDoubleValue())) {
                return j;
            }
        }
        return -1;
    }

    private static String describe(final DataCell cell) {
        if (cell.isMissing()) {
            return "a missing value";
        }
        final double v = ((DoubleValue)cell).getDoubleValue();
        if (Double.isNaN(v)) {
            return "a NaN value";
        }
        return Double.isInfinite(v) ? "an infinite value (" + v + ")"
            : "a value too large for 32-bit floats (" + v + ", beyond ±" + Float.MAX_VALUE + ")";
    }
}
