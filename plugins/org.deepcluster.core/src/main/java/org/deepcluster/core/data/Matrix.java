package org.deepcluster.core.data;

import java.util.Arrays;
import java.util.Optional;

/**
 * An immutable dense matrix of {@code double} values with {@code rows × cols} entries, stored row-major in one
 * array.
 *
 * <p>The matrix holds any double value, including NaN and infinities: whether such values are acceptable is up to
 * the caller (an algorithm, or the node layer that converts a table). {@link #firstNonFinite()} finds the first
 * offending cell so that a caller can name it in an error message.
 *
 * <p>A matrix may have zero rows or zero columns (an empty table); algorithms reject such input with their own
 * messages. {@code Matrix.of(new double[0][])} is the 0 × 0 matrix.
 */
public final class Matrix {

    private final int rows;
    private final int cols;
    private final double[] data;

    private Matrix(final int rows, final int cols, final double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /**
     * Creates a matrix from an array of rows, copying the values.
     *
     * @param rows the rows; all must have the same length
     * @return the matrix
     * @throws IllegalArgumentException if {@code rows} is null, contains a null row or is not rectangular
     */
    public static Matrix of(final double[][] rows) {
        if (rows == null) {
            throw new IllegalArgumentException("rows must not be null");
        }
        final int n = rows.length;
        if (n == 0) {
            return new Matrix(0, 0, new double[0]);
        }
        final int d = requireRow(rows, 0).length;
        final double[] data = new double[Math.multiplyExact(n, d)];
        for (int i = 0; i < n; i++) {
            final double[] row = requireRow(rows, i);
            if (row.length != d) {
                throw new IllegalArgumentException(
                    "row " + i + " has " + row.length + " values but row 0 has " + d + ": rows must all have the same length");
            }
            System.arraycopy(row, 0, data, i * d, d);
        }
        return new Matrix(n, d, data);
    }

    private static double[] requireRow(final double[][] rows, final int i) {
        if (rows[i] == null) {
            throw new IllegalArgumentException("row " + i + " must not be null");
        }
        return rows[i];
    }

    /**
     * Creates a matrix that takes ownership of a row-major array <em>without copying</em> it; the caller must not
     * modify the array afterwards. Use this to avoid a copy when the array was just built for this matrix.
     *
     * @param rows the number of rows, at least 0
     * @param cols the number of columns, at least 0
     * @param data the values, row after row; its length must be {@code rows * cols}
     * @return the matrix
     * @throws IllegalArgumentException if the dimensions are negative or do not match the array length
     */
    public static Matrix wrap(final int rows, final int cols, final double[] data) {
        MatrixShape.checkWrap(rows, cols, data, data == null ? 0 : data.length);
        return new Matrix(rows, cols, data);
    }

    /**
     * The row-major backing array itself, <em>not a copy</em>, for hot loops that would otherwise copy millions of
     * values (k-means). Read-only by contract: callers must never modify it, because the matrix is immutable and may
     * share the array with others.
     *
     * @return the values, row {@code i} at {@code [i * cols, (i + 1) * cols)}
     */
    public double[] backingArrayReadOnly() {
        return data;
    }

    /** @return the number of rows (observations) */
    public int rows() {
        return rows;
    }

    /** @return the number of columns (features) */
    public int cols() {
        return cols;
    }

    /**
     * @param i the row index
     * @param j the column index
     * @return the value at row {@code i}, column {@code j}
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public double get(final int i, final int j) {
        return data[index(i, j)];
    }

    /**
     * @param i the row index
     * @return a copy of row {@code i}
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public double[] row(final int i) {
        checkRow(i);
        return Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
    }

    /** @return a copy of the values as an array of rows */
    public double[][] toRowArrays() {
        final double[][] result = new double[rows][];
        for (int i = 0; i < rows; i++) {
            result[i] = Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
        }
        return result;
    }

    /**
     * Finds the first cell, in row-major order, that holds NaN or an infinity.
     *
     * @return the position of that cell, or empty if all values are finite
     */
    public Optional<Cell> firstNonFinite() {
        for (int k = 0; k < data.length; k++) {
            if (!Double.isFinite(data[k])) {
                return Optional.of(new Cell(k / cols, k % cols, data[k]));
            }
        }
        return Optional.empty();
    }

    /**
     * Throws if any value is NaN or infinite.
     *
     * @param what how to call the matrix in the message, e.g. "the input data"
     * @throws IllegalArgumentException naming the first non-finite cell
     */
    public void requireFinite(final String what) {
        firstNonFinite().ifPresent(c -> {
            throw new IllegalArgumentException(what + " contains " + c.value() + " at row " + c.row() + ", column "
                + c.col() + ": only finite values are allowed");
        });
    }

    /**
     * The position and value of one cell.
     *
     * @param row the row index, 0-based
     * @param col the column index, 0-based
     * @param value the value
     */
    public record Cell(int row, int col, double value) {
    }

    private int index(final int i, final int j) {
        checkRow(i);
        MatrixShape.checkColumn(j, cols);
        return i * cols + j;
    }

    private void checkRow(final int i) {
        MatrixShape.checkRow(i, rows);
    }

    /** Two matrices are equal when they have the same shape and the same values ({@link Double#equals} semantics). */
    @Override
    public boolean equals(final Object o) {
        return o instanceof Matrix m && rows == m.rows && cols == m.cols && Arrays.equals(data, m.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Matrix[" + rows + " × " + cols + "]";
    }
}
