package org.deepcluster.core.cluster;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.deepcluster.core.cluster.KMeans.Parameters;
import org.junit.jupiter.api.Test;

class KMeansParametersTest {

    @Test
    void defaults() {
        final Parameters p = Parameters.defaults(4);
        assertEquals(new Parameters(4, 10, 300, 1e-4, 42L), p);
        assertDoesNotThrow(p::validate);
    }

    @Test
    void validateNamesTheParameter() {
        assertEquals("k must be at least 1, got 0", message(new Parameters(0, 10, 300, 1e-4, 1)));
        assertEquals("restarts must be at least 1, got 0", message(new Parameters(2, 0, 300, 1e-4, 1)));
        assertEquals("maxIterations must be at least 1, got -3", message(new Parameters(2, 1, -3, 1e-4, 1)));
        assertEquals("tolerance must be a finite number ≥ 0, got -1.0", message(new Parameters(2, 1, 1, -1, 1)));
        assertEquals("tolerance must be a finite number ≥ 0, got NaN", message(new Parameters(2, 1, 1, Double.NaN, 1)));
        assertDoesNotThrow(() -> new Parameters(1, 1, 1, 0, -5).validate());
    }

    private static String message(final Parameters p) {
        return assertThrows(IllegalArgumentException.class, p::validate).getMessage();
    }
}
