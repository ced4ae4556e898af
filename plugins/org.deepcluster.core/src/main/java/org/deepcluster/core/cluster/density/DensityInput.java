package org.deepcluster.core.cluster.density;

import org.deepcluster.core.data.Matrix;

/** The input checks shared by the density methods, and the row-major copy of the data they work on. */
final class DensityInput {

    private DensityInput() {
    }

    /**
     * Checks that the data can be clustered and returns its values row-major.
     *
     * @param data the rows
     * @param algorithm the algorithm's name for messages, e.g. "DBSCAN"
     * @return a row-major copy of the values
     * @throws IllegalArgumentException if there are no rows or columns or a value is not finite
     */
    static double[] rowMajor(final Matrix data, final String algorithm) {
        if (data.rows() == 0) {
            throw new IllegalArgumentException("the data has no rows: " + algorithm + " needs at least one row");
        }
        if (data.cols() == 0) {
            throw new IllegalArgumentException("the data has no columns: select at least one numeric column");
        }
        data.requireFinite("the data");
        return flatten(data);
    }

    /** @param data a matrix; @return its values row-major (a copy) */
    static double[] flatten(final Matrix data) {
        final int d = data.cols();
        final double[] values = new double[data.rows() * d];
        final double[][] rows = data.toRowArrays();
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, values, i * d, d);
        }
        return values;
    }

    /**
     * Checks a minimum-samples setting against the number of rows.
     *
     * @param name the setting's name for messages, e.g. "minPts"
     * @param value the value
     * @param min the smallest allowed value
     * @param rows the number of rows
     */
    static void checkMinSamples(final String name, final int value, final int min, final int rows) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
        }
        if (value > rows) {
            throw new IllegalArgumentException(name + " (" + value + ") is larger than the number of rows (" + rows
                + "): lower " + name + " to at most " + rows + " or provide more rows");
        }
    }

    /**
     * Checks that assigned rows match the model.
     *
     * @param rows the rows to assign
     * @param featureCount the model's number of columns
     */
    static void checkAssign(final Matrix rows, final int featureCount) {
        if (rows.rows() > 0 && rows.cols() != featureCount) {
            throw new IllegalArgumentException("the data has " + rows.cols() + " columns but the model was fitted on "
                + featureCount + " columns");
        }
        rows.requireFinite("the data to assign");
    }
}
