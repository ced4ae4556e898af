package org.deepcluster.core.data;

/**
 * Shape and index checks shared by {@link Matrix} (double) and {@link FloatMatrix} (float). The two matrix types stay
 * separate because Java generics cannot abstract over primitive arrays, and boxing would defeat their purpose.
 */
final class MatrixShape {

    private MatrixShape() {
    }

    /**
     * Checks the arguments of a {@code wrap(rows, cols, data)} factory.
     *
     * @param rows the number of rows
     * @param cols the number of columns
     * @param data the array (only tested for null)
     * @param length the array's length
     * @throws IllegalArgumentException if the dimensions are negative or do not match the array length
     */
    static void checkWrap(final int rows, final int cols, final Object data, final int length) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("dimensions must not be negative, got " + rows + " × " + cols);
        }
        if (data == null) {
            throw new IllegalArgumentException("data must not be null");
        }
        if ((long)rows * cols != length) {
            throw new IllegalArgumentException("a " + rows + " × " + cols + " matrix needs " + (long)rows * cols
                + " values, got " + length);
        }
    }

    /**
     * @param i a row index
     * @param rows the number of rows
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    static void checkRow(final int i, final int rows) {
        if (i < 0 || i >= rows) {
            throw new IndexOutOfBoundsException("row " + i + " is out of range for " + rows + " rows");
        }
    }

    /**
     * @param j a column index
     * @param cols the number of columns
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    static void checkColumn(final int j, final int cols) {
        if (j < 0 || j >= cols) {
            throw new IndexOutOfBoundsException("column " + j + " is out of range for " + cols + " columns");
        }
    }
}
