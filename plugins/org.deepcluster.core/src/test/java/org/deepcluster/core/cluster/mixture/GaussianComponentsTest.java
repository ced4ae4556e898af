package org.deepcluster.core.cluster.mixture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.deepcluster.core.cluster.BlockColumns;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The E-step's two ways to compute log-densities: per row ({@link GaussianComponents#weightedLogDensities}, used for
 * full covariances and for assigning new rows) and per block of rows as columns
 * ({@link GaussianComponents#blockLogDensities}, the fit's diagonal and spherical E-step). They must agree bit for
 * bit, or a model would label its own training rows differently from how it assigns them.
 */
class GaussianComponentsTest {

    @ParameterizedTest
    @EnumSource(value = CovarianceType.class, names = {"DIAGONAL", "SPHERICAL"})
    void blockLogDensitiesEqualThePerRowOnesBitForBit(final CovarianceType type) {
        final Random random = new Random(7);
        // d and k not multiples of 4 (the kernels' remainder loops), blocks full and partial, data far from 0.
        for (final int d : new int[]{1, 3, 4, 9, 32}) {
            for (final int k : new int[]{1, 3, 10}) {
                final GaussianComponents components = randomComponents(type, k, d, random);
                final int n = 150;
                final double[] x = new double[n * d];
                final double[] shift = new double[d];
                for (int j = 0; j < d; j++) {
                    shift[j] = 1000 * random.nextGaussian();
                }
                for (int i = 0; i < x.length; i++) {
                    x[i] = shift[i % d] + 5 * random.nextGaussian();
                }
                final BlockColumns block = new BlockColumns(d);
                final double[][] blockValues = new double[k][BlockColumns.SIZE];
                final double[] row = new double[d];
                final double[] rowValues = new double[k];
                final double[] scratch = new double[Math.max(d, k)];
                for (int from = 0; from < n; from += BlockColumns.SIZE) {
                    final int to = Math.min(n, from + BlockColumns.SIZE);
                    block.load(x, shift, from, to);
                    assertEquals(to - from, block.count());
                    components.blockLogDensities(block, blockValues);
                    for (int i = from; i < to; i++) {
                        for (int j = 0; j < d; j++) {
                            row[j] = x[i * d + j] - shift[j];
                        }
                        components.weightedLogDensities(row, 0, rowValues, scratch);
                        for (int c = 0; c < k; c++) {
                            assertEquals(Double.doubleToLongBits(rowValues[c]),
                                Double.doubleToLongBits(blockValues[c][i - from]),
                                () -> type + " d=" + d + " k=" + k + ": row and block differ");
                        }
                    }
                }
            }
        }
    }

    private static GaussianComponents randomComponents(final CovarianceType type, final int k, final int d,
        final Random random) {
        final double[] weights = new double[k];
        double total = 0;
        for (int c = 0; c < k; c++) {
            weights[c] = 0.1 + random.nextDouble();
            total += weights[c];
        }
        for (int c = 0; c < k; c++) {
            weights[c] /= total;
        }
        final double[] means = new double[k * d];
        for (int i = 0; i < means.length; i++) {
            means[i] = 10 * random.nextGaussian();
        }
        final double[] variances = new double[type.storedPerComponent(d) * k];
        for (int i = 0; i < variances.length; i++) {
            variances[i] = 0.01 + 4 * random.nextDouble();
        }
        return new GaussianComponents(type, weights, means, variances);
    }
}
