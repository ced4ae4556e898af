package org.deepcluster.core.progress;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    @Test
    void cancellationOnlyForwardsChecksButNotReports() {
        final StringBuilder reports = new StringBuilder();
        final boolean[] cancelled = {false};
        final Progress outer = new Progress() {
            @Override
            public void report(final double fraction, final String message) {
                reports.append(message);
            }

            @Override
            public void checkCancelled() {
                if (cancelled[0]) {
                    throw new CancelledException();
                }
            }
        };
        final Progress inner = Progress.cancellationOnly(outer);
        inner.report(0.5, "inner step");
        inner.checkCancelled();
        assertEquals("", reports.toString());
        cancelled[0] = true;
        assertThrows(CancelledException.class, inner::checkCancelled);
    }
}
