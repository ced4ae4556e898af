package org.deepcluster.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;

import org.deepcluster.core.data.Matrix;
import org.junit.jupiter.api.Test;

/** The one-pass column variance that k-means' stopping tolerance is scaled by. */
class PointsTest {

    /** The mean over the columns of the population variances, in exact decimal arithmetic (two passes). */
    private static double exactMeanColumnVariance(final double[] values, final int n, final int d) {
        final MathContext mc = MathContext.DECIMAL128;
        BigDecimal total = BigDecimal.ZERO;
        for (int j = 0; j < d; j++) {
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                sum = sum.add(new BigDecimal(values[i * d + j]));
            }
            final BigDecimal mean = sum.divide(BigDecimal.valueOf(n), mc);
            BigDecimal squares = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                final BigDecimal diff = new BigDecimal(values[i * d + j]).subtract(mean);
                squares = squares.add(diff.multiply(diff, mc), mc);
            }
            total = total.add(squares.divide(BigDecimal.valueOf(n), mc), mc);
        }
        return total.divide(BigDecimal.valueOf(d), mc).doubleValue();
    }

    private static void assertMatchesExact(final double[] values, final int n, final int d, final String what) {
        final double exact = exactMeanColumnVariance(values, n, d);
        final double computed = Points.of(Matrix.wrap(n, d, values)).meanColumnVariance();
        assertEquals(exact, computed, 1e-9 * exact, what);
    }

    @Test
    void meanColumnVarianceMatchesExactArithmeticOnCentredData() {
        final Random random = new Random(1);
        final int n = 9000; // several chunks, so chunk sums are combined
        final int d = 5;
        final double[] values = new double[n * d];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian() * (1 + i % d);
        }
        assertMatchesExact(values, n, d, "centred data");
    }

    @Test
    void meanColumnVarianceStaysAccurateFarFromTheOrigin() {
        // A large common offset is where the textbook one-pass formula E[x²] - E[x]² loses every digit; the shift by
        // a data row keeps the result exact to about 1e-12 here.
        final Random random = new Random(2);
        final int n = 6000;
        final int d = 3;
        final double[] values = new double[n * d];
        for (int i = 0; i < values.length; i++) {
            values[i] = 1e9 + random.nextGaussian();
        }
        assertMatchesExact(values, n, d, "offset 1e9, spread 1");
    }

    @Test
    void meanColumnVarianceStaysAccurateWhenTheFirstRowIsAnOutlier() {
        // The shift is the first row: put an extreme value there, the worst case of the error bound in the comment.
        final Random random = new Random(3);
        final int n = 6000;
        final int d = 2;
        final double[] values = new double[n * d];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian();
        }
        values[0] = 1e6;
        values[1] = -1e7;
        assertMatchesExact(values, n, d, "outlier in the first row");
    }

    @Test
    void constantColumnsHaveZeroVariance() {
        final double[] values = new double[300 * 2];
        for (int i = 0; i < 300; i++) {
            values[2 * i] = 3.25;
            values[2 * i + 1] = -7.5;
        }
        assertEquals(0.0, Points.of(Matrix.wrap(300, 2, values)).meanColumnVariance());
    }
}
