package org.deepcluster.core.progress;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void noneIgnoresReportsAndNeverCancels() {
        assertDoesNotThrow(() -> {
            Progress.NONE.report(0.5, "half");
            Progress.NONE.report(1.0, null);
            Progress.NONE.checkCancelled();
        });
    }

    @Test
    void cancelledExceptionHasAMessage() {
        assertEquals("Cancelled", new CancelledException().getMessage());
        assertEquals("stop", new CancelledException("stop").getMessage());
    }
}
