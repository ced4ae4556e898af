package org.deepcluster.core.encode;

import java.util.Arrays;

import org.deepcluster.core.data.FloatMatrix;

/**
 * A fitted per-column scaling {@code x' = (x − offset[j]) × factor[j]}. Immutable.
 *
 * <p>Like scikit-learn's scalers, a column whose spread is zero in the training rows (a constant column) gets the
 * factor 1, so it maps to 0 instead of producing NaN, and new rows with other values in that column stay finite. A
 * spread counts as zero when it is below 1e-6 of the column's magnitude, i.e. below what float rounding produces.
 */
public final class Scaler {

    /** Spreads smaller than this, relative to the column's magnitude, are float rounding noise, not signal. */
    private static final double RELATIVE_ZERO_SPREAD = 1e-6;

    private final Scaling scaling;
    private final double[] offsets;
    private final double[] factors;
    private final float[] offsetsF; // the same values as floats, for the per-batch loop
    private final float[] factorsF;

    private Scaler(final Scaling scaling, final double[] offsets, final double[] factors) {
        this.scaling = scaling;
        this.offsets = offsets;
        this.factors = factors;
        this.offsetsF = new float[offsets.length];
        this.factorsF = new float[factors.length];
        for (int j = 0; j < offsets.length; j++) {
            offsetsF[j] = (float)offsets[j];
            factorsF[j] = (float)factors[j];
        }
    }

    /**
     * Creates a scaler from stored values, e.g. when loading a model.
     *
     * @param scaling the kind of scaling
     * @param offsets the value subtracted from each column
     * @param factors the factor each centred column is multiplied with
     * @return the scaler
     * @throws IllegalArgumentException if the arrays differ in length or hold non-finite values, or if
     *             {@code NONE} comes with offsets other than 0 or factors other than 1
     */
    public static Scaler of(final Scaling scaling, final double[] offsets, final double[] factors) {
        if (scaling == null || offsets == null || factors == null) {
            throw new IllegalArgumentException("scaling, offsets and factors must be set");
        }
        if (offsets.length != factors.length) {
            throw new IllegalArgumentException("a scaler needs as many offsets as factors, got " + offsets.length
                + " and " + factors.length);
        }
        for (int j = 0; j < offsets.length; j++) {
            if (!Double.isFinite(offsets[j]) || !Double.isFinite(factors[j])) {
                throw new IllegalArgumentException("scaler values of column " + j + " are not finite: offset "
                    + offsets[j] + ", factor " + factors[j]);
            }
            if (scaling == Scaling.NONE && (offsets[j] != 0 || factors[j] != 1)) {
                throw new IllegalArgumentException("scaling NONE needs offset 0 and factor 1, column " + j + " has "
                    + offsets[j] + " and " + factors[j]);
            }
        }
        return new Scaler(scaling, offsets.clone(), factors.clone());
    }

    /**
     * Fits a scaling to some rows of a matrix.
     *
     * @param data the data
     * @param rows the indices of the rows to fit on (the training rows), at least one; all values there finite
     * @param scaling the kind of scaling
     * @return the fitted scaler
     */
    public static Scaler fit(final FloatMatrix data, final int[] rows, final Scaling scaling) {
        final int d = data.cols();
        final double[] offsets = new double[d];
        final double[] factors = new double[d];
        Arrays.fill(factors, 1.0);
        if (scaling == Scaling.NONE) {
            return new Scaler(scaling, offsets, factors);
        }
        if (rows.length == 0) {
            throw new IllegalArgumentException("a scaler needs at least one row to fit on");
        }
        final float[] row = new float[d];
        if (scaling == Scaling.MIN_MAX) {
            final double[] max = new double[d];
            Arrays.fill(offsets, Double.POSITIVE_INFINITY);
            Arrays.fill(max, Double.NEGATIVE_INFINITY);
            for (final int i : rows) {
                data.copyRow(i, row, 0);
                for (int j = 0; j < d; j++) {
                    offsets[j] = Math.min(offsets[j], row[j]);
                    max[j] = Math.max(max[j], row[j]);
                }
            }
            for (int j = 0; j < d; j++) {
                factors[j] = spreadToFactor(max[j] - offsets[j], Math.max(Math.abs(offsets[j]), Math.abs(max[j])));
            }
        } else {
            // Welford's update: one pass, no catastrophic cancellation for large means.
            final double[] m2 = new double[d];
            long count = 0;
            for (final int i : rows) {
                data.copyRow(i, row, 0);
                count++;
                for (int j = 0; j < d; j++) {
                    final double delta = row[j] - offsets[j];
                    offsets[j] += delta / count;
                    m2[j] += delta * (row[j] - offsets[j]);
                }
            }
            for (int j = 0; j < d; j++) {
                factors[j] = spreadToFactor(Math.sqrt(m2[j] / count), Math.abs(offsets[j]));
            }
        }
        return new Scaler(scaling, offsets, factors);
    }

    private static double spreadToFactor(final double spread, final double magnitude) {
        return spread > RELATIVE_ZERO_SPREAD * magnitude && spread > 0 ? 1.0 / spread : 1.0;
    }

    /** @return the kind of scaling */
    public Scaling scaling() {
        return scaling;
    }

    /** @return the number of columns */
    public int columns() {
        return offsets.length;
    }

    /** @return a copy of the per-column offsets (minimum or mean; 0 for {@code NONE}) */
    public double[] offsets() {
        return offsets.clone();
    }

    /** @return a copy of the per-column factors (1 / range or 1 / standard deviation; 1 for constant columns) */
    public double[] factors() {
        return factors.clone();
    }

    /**
     * Scales one row of a matrix into an array.
     *
     * @param data the data; must have {@link #columns()} columns
     * @param row the row index
     * @param target receives the scaled values
     * @param offset where in {@code target} the row starts
     */
    public void scaleRow(final FloatMatrix data, final int row, final float[] target, final int offset) {
        data.copyRow(row, target, offset);
        if (scaling == Scaling.NONE) {
            return;
        }
        for (int j = 0; j < offsetsF.length; j++) {
            target[offset + j] = (target[offset + j] - offsetsF[j]) * factorsF[j];
        }
    }

    /**
     * @param value a raw value
     * @param column its column
     * @return the scaled value
     */
    public double scale(final double value, final int column) {
        return (value - offsets[column]) * factors[column];
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof Scaler s && scaling == s.scaling && Arrays.equals(offsets, s.offsets)
            && Arrays.equals(factors, s.factors);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * scaling.hashCode() + Arrays.hashCode(offsets)) + Arrays.hashCode(factors);
    }

    @Override
    public String toString() {
        return "Scaler[" + scaling + ", " + offsets.length + " columns]";
    }
}
