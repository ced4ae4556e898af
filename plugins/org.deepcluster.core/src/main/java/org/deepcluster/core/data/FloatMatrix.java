package org.deepcluster.core.data;

import java.util.Arrays;
import java.util.Optional;

/**
 * An immutable dense matrix of {@code float} values with {@code rows × cols} entries, stored row-major in one array.
 *
 * <p>This is the input of the neural-network encoders. Networks compute in 32-bit floats, and a data set of
 * 100,000 cells × 2,000 genes is 800 MB as floats (1.6 GB as doubles), so a node converts a table straight into
 * this type and the encoders read mini-batches from it without making another copy of the whole data.
 *
 * <p>Like {@link Matrix} it holds any float value, including NaN and infinities; {@link #firstNonFinite()} finds
 * the first offending cell so that a caller can name it in an error message.
 */
public final class FloatMatrix {

    private final int rows;
    private final int cols;
    private final float[] data;

    private FloatMatrix(final int rows, final int cols, final float[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /**
     * Creates a matrix from an array of rows, copying the values.
     *
     * @param rows the rows; all must have the same length
     * @return the matrix ({@code 0 × 0} for an empty array)
     * @throws IllegalArgumentException if {@code rows} is null, contains a null row or is not rectangular
     */
    public static FloatMatrix of(final float[][] rows) {
        if (rows == null) {
            throw new IllegalArgumentException("rows must not be null");
        }
        final int n = rows.length;
        if (n == 0) {
            return new FloatMatrix(0, 0, new float[0]);
        }
        final int d = requireRow(rows, 0).length;
        final float[] data = new float[Math.multiplyExact(n, d)];
        for (int i = 0; i < n; i++) {
            final float[] row = requireRow(rows, i);
            if (row.length != d) {
                throw new IllegalArgumentException(
                    "row " + i + " has " + row.length + " values but row 0 has " + d + ": rows must all have the same length");
            }
            System.arraycopy(row, 0, data, i * d, d);
        }
        return new FloatMatrix(n, d, data);
    }

    /**
     * Converts a double matrix, rounding each value to the nearest float.
     *
     * @param matrix the matrix to convert
     * @return a float matrix of the same shape
     */
    public static FloatMatrix of(final Matrix matrix) {
        final int n = matrix.rows();
        final int d = matrix.cols();
        final float[] data = new float[Math.multiplyExact(n, d)];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                data[i * d + j] = (float)matrix.get(i, j);
            }
        }
        return new FloatMatrix(n, d, data);
    }

    private static float[] requireRow(final float[][] rows, final int i) {
        if (rows[i] == null) {
            throw new IllegalArgumentException("row " + i + " must not be null");
        }
        return rows[i];
    }

    /**
     * Creates a matrix that takes ownership of a row-major array <em>without copying</em> it; the caller must not
     * modify the array afterwards. This is how a table is converted without a second copy.
     *
     * @param rows the number of rows, at least 0
     * @param cols the number of columns, at least 0
     * @param data the values, row after row; its length must be {@code rows * cols}
     * @return the matrix
     * @throws IllegalArgumentException if the dimensions are negative or do not match the array length
     */
    public static FloatMatrix wrap(final int rows, final int cols, final float[] data) {
        MatrixShape.checkWrap(rows, cols, data, data == null ? 0 : data.length);
        return new FloatMatrix(rows, cols, data);
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
    public float get(final int i, final int j) {
        checkRow(i);
        MatrixShape.checkColumn(j, cols);
        return data[i * cols + j];
    }

    /**
     * @param i the row index
     * @return a copy of row {@code i}
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public float[] row(final int i) {
        checkRow(i);
        return Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
    }

    /**
     * Copies row {@code i} into an array without allocating, for code that assembles mini-batches.
     *
     * @param i the row index
     * @param target the array to copy into
     * @param offset where in {@code target} the row starts; {@code cols()} values are written from there
     * @throws IndexOutOfBoundsException if the row index is out of range or {@code target} is too short
     */
    public void copyRow(final int i, final float[] target, final int offset) {
        checkRow(i);
        System.arraycopy(data, i * cols, target, offset, cols);
    }

    /**
     * Finds the first cell, in row-major order, that holds NaN or an infinity.
     *
     * @return the position of that cell, or empty if all values are finite
     */
    public Optional<Matrix.Cell> firstNonFinite() {
        for (int k = 0; k < data.length; k++) {
            if (!Float.isFinite(data[k])) {
                return Optional.of(new Matrix.Cell(k / cols, k % cols, data[k]));
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
            throw new IllegalArgumentException(what + " contains " + (float)c.value() + " at row " + c.row()
                + ", column " + c.col() + ": only finite values are allowed");
        });
    }

    private void checkRow(final int i) {
        MatrixShape.checkRow(i, rows);
    }

    /** Two matrices are equal when they have the same shape and the same values ({@link Float#equals} semantics). */
    @Override
    public boolean equals(final Object o) {
        return o instanceof FloatMatrix m && rows == m.rows && cols == m.cols && Arrays.equals(data, m.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "FloatMatrix[" + rows + " × " + cols + "]";
    }
}
