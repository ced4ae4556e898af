package org.deepcluster.core.synthetic;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.progress.Progress;

/**
 * Isotropic Gaussian blobs, as scikit-learn's {@code make_blobs}: each cluster has a centre drawn uniformly from the
 * box {@code [-centreBox, centreBox]^d}, and each row is its cluster's centre plus independent normal noise with
 * standard deviation {@code spread} in every dimension.
 *
 * <p>Rows are assigned to clusters as evenly as possible (sizes differ by at most one) in a shuffled order. Columns
 * are named {@code x0, x1, …}, clusters {@code cluster_0, cluster_1, …}.
 *
 * <p>Determinism: the same parameters give the same data on every machine and Java version (the random numbers come
 * from commons-math3's {@link Well19937c}, whose algorithms are fixed).
 */
public final class GaussianBlobs {

    private GaussianBlobs() {
    }

    /**
     * The settings of the generator.
     *
     * @param rows the number of rows, at least 1
     * @param dimensions the number of columns, at least 1
     * @param clusters the number of clusters, between 1 and {@code rows}
     * @param spread the standard deviation of each blob in each dimension, a finite number ≥ 0
     * @param centreBox the centres lie in {@code [-centreBox, centreBox]} in each dimension; a finite number ≥ 0
     * @param seed the seed of the random numbers
     */
    public record Parameters(int rows, int dimensions, int clusters, double spread, double centreBox, long seed) {

        /**
         * The defaults: 300 rows, 2 dimensions, 3 clusters, spread 1, centre box 10, seed 42 (scikit-learn's
         * {@code make_blobs} defaults apart from the seed and the number of rows).
         *
         * @return the default parameters
         */
        public static Parameters defaults() {
            return new Parameters(300, 2, 3, 1.0, 10.0, 42L);
        }

        /**
         * Checks all values.
         *
         * @throws IllegalArgumentException naming the first invalid parameter
         */
        public void validate() {
            if (rows < 1) {
                throw new IllegalArgumentException("rows must be at least 1, got " + rows);
            }
            if (dimensions < 1) {
                throw new IllegalArgumentException("dimensions must be at least 1, got " + dimensions);
            }
            if (clusters < 1) {
                throw new IllegalArgumentException("clusters must be at least 1, got " + clusters);
            }
            if (clusters > rows) {
                throw new IllegalArgumentException(
                    "clusters (" + clusters + ") must be at most rows (" + rows + "): every cluster needs a row");
            }
            if ((long)rows * dimensions > Integer.MAX_VALUE - 8) { // the largest Java array
                throw new IllegalArgumentException("rows × dimensions (" + (long)rows * dimensions
                    + ") is too large for one matrix: lower rows or dimensions");
            }
            Generators.requireFiniteNonNegative("spread", spread);
            Generators.requireFiniteNonNegative("centreBox", centreBox);
        }
    }

    /**
     * Generates the blobs.
     *
     * @param parameters the settings
     * @param progress receives a report and is asked for cancellation every few hundred rows
     * @return the rows, their cluster labels and the names
     * @throws IllegalArgumentException if the parameters are invalid
     * @throws org.deepcluster.core.progress.CancelledException if {@code progress} cancels
     */
    public static SyntheticData generate(final Parameters parameters, final Progress progress) {
        parameters.validate();
        final int n = parameters.rows();
        final int d = parameters.dimensions();
        final int k = parameters.clusters();
        final RandomGenerator random = new Well19937c(parameters.seed());
        final double box = parameters.centreBox();
        final double[][] centres = new double[k][d];
        for (final double[] centre : centres) {
            for (int j = 0; j < d; j++) {
                centre[j] = -box + 2 * box * random.nextDouble();
            }
        }
        final int[] labels = Generators.balancedLabels(n, k, random);
        final double[] values = new double[n * d];
        for (int i = 0; i < n; i++) {
            if (i % Generators.PROGRESS_BLOCK == 0) {
                progress.checkCancelled();
                progress.report((double)i / n, "Generating row " + (i + 1) + " of " + n);
            }
            final double[] centre = centres[labels[i]];
            for (int j = 0; j < d; j++) {
                values[i * d + j] = centre[j] + parameters.spread() * random.nextGaussian();
            }
        }
        progress.report(1.0, "Blobs generated");
        return new SyntheticData(Matrix.wrap(n, d, values), labels, Generators.names("cluster_", k),
            Generators.names("x", d));
    }
}
