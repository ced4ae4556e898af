package org.deepcluster.knime.port;

import org.deepcluster.core.data.Matrix;

/**
 * The distance a clustering node measures between rows. Cosine distance is implemented by scaling every row to unit
 * Euclidean length (L2 norm) before fitting and before assigning: on unit vectors the squared Euclidean distance is
 * 2 × (1 − cosine similarity), so every Euclidean algorithm then ranks and groups rows by cosine similarity (the
 * usual treatment of text and embedding vectors, e.g. scikit-learn's {@code normalize} before k-means).
 */
public enum ClusterDistance {
    /** Euclidean distance on the selected columns as they are. */
    EUCLIDEAN("Euclidean"),
    /** Cosine distance: rows are L2-normalised first. */
    COSINE("Cosine");

    private final String label;

    ClusterDistance(final String label) {
        this.label = label;
    }

    /** @return the text shown in dialogs, summaries and the node descriptions */
    public String label() {
        return label;
    }

    /**
     * Parses a stored setting value.
     *
     * @param name the enum constant's name
     * @param settingLabel the setting's label for the error message
     * @return the distance
     * @throws IllegalArgumentException naming the setting if the value is unknown
     */
    public static ClusterDistance parse(final String name, final String settingLabel) {
        for (final ClusterDistance d : values()) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("Unknown value '" + name + "' for setting '" + settingLabel
            + "': use one of EUCLIDEAN, COSINE");
    }

    /** Names a row in the message about a zero-length row. */
    @FunctionalInterface
    public interface RowNames {
        /** @param matrixRow a row of the matrix; @return its name for messages, e.g. the KNIME row ID */
        String name(int matrixRow);
    }

    /**
     * Prepares rows for this distance: Euclidean returns them unchanged, cosine returns a copy with every row scaled to
     * length 1.
     *
     * @param rows the rows
     * @param rowNames names rows in error messages
     * @return the rows to cluster or assign
     * @throws IllegalArgumentException naming the row if cosine distance meets a row whose values are all 0 (it has
     *             no direction, so its cosine distance to anything is undefined)
     */
    public Matrix prepare(final Matrix rows, final RowNames rowNames) {
        if (this == EUCLIDEAN) {
            return rows;
        }
        final int n = rows.rows();
        final int d = rows.cols();
        final double[] out = new double[n * d];
        for (int i = 0; i < n; i++) {
            double norm = 0;
            for (int j = 0; j < d; j++) {
                final double v = rows.get(i, j);
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            if (norm == 0) {
                throw new IllegalArgumentException("Row '" + rowNames.name(i) + "' has only zeros in the selected "
                    + "columns: its cosine distance to other rows is undefined. Remove such rows, or use the "
                    + "Euclidean distance.");
            }
            final int offset = i * d;
            for (int j = 0; j < d; j++) {
                out[offset + j] = rows.get(i, j) / norm;
            }
        }
        return Matrix.wrap(n, d, out);
    }
}
