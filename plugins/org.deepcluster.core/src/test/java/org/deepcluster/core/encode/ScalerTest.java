package org.deepcluster.core.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.deepcluster.core.data.FloatMatrix;
import org.junit.jupiter.api.Test;

class ScalerTest {

    /** Column 0 varies, column 1 is constant, row 3 is held out (not a training row). */
    private static final FloatMatrix DATA = FloatMatrix.of(new float[][]{{1, 5}, {2, 5}, {3, 5}, {100, 7}});
    private static final int[] TRAINING = {0, 1, 2};

    @Test
    void minMaxUsesTrainingRowsOnlyAndLeavesConstantColumnsAtZero() {
        final Scaler s = Scaler.fit(DATA, TRAINING, Scaling.MIN_MAX);
        assertArrayEquals(new double[]{1, 5}, s.offsets());
        assertArrayEquals(new double[]{0.5, 1}, s.factors());
        assertArrayEquals(new float[]{0, 0, 0.5f, 0, 1, 0, 49.5f, 2}, scaled(s));
    }

    @Test
    void zScoreUsesThePopulationStandardDeviation() {
        final Scaler s = Scaler.fit(DATA, TRAINING, Scaling.Z_SCORE);
        assertEquals(2, s.offsets()[0], 1e-12);
        assertEquals(1 / Math.sqrt(2.0 / 3), s.factors()[0], 1e-12);
        assertEquals(5, s.offsets()[1], 1e-12);
        assertEquals(1, s.factors()[1]); // constant column: factor 1, so (x − mean) is 0 and never NaN
        final float[] v = scaled(s);
        assertEquals(-Math.sqrt(1.5), v[0], 1e-6);
        assertEquals(0, v[1]);
        assertEquals(2, v[7], 1e-6);
    }

    @Test
    void noneIsTheIdentity() {
        final Scaler s = Scaler.fit(DATA, TRAINING, Scaling.NONE);
        assertArrayEquals(new float[]{1, 5, 2, 5, 3, 5, 100, 7}, scaled(s));
        assertEquals(s, Scaler.of(Scaling.NONE, new double[2], new double[]{1, 1}));
    }

    @Test
    void ofChecksItsArguments() {
        assertThrows(IllegalArgumentException.class, () -> Scaler.of(Scaling.Z_SCORE, new double[2], new double[3]));
        assertThrows(IllegalArgumentException.class,
            () -> Scaler.of(Scaling.Z_SCORE, new double[]{Double.NaN}, new double[]{1}));
        assertThrows(IllegalArgumentException.class, () -> Scaler.of(Scaling.NONE, new double[]{1}, new double[]{1}));
        final Scaler s = Scaler.of(Scaling.MIN_MAX, new double[]{1}, new double[]{0.5});
        assertEquals(1.5, s.scale(4, 0));
        assertEquals(1, s.columns());
    }

    private static float[] scaled(final Scaler s) {
        final float[] out = new float[DATA.rows() * DATA.cols()];
        for (int i = 0; i < DATA.rows(); i++) {
            s.scaleRow(DATA, i, out, i * DATA.cols());
        }
        return out;
    }
}
