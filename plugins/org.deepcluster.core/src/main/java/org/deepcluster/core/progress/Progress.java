package org.deepcluster.core.progress;

/**
 * How a long computation reports progress and learns that it should stop. The engine calls it; the node layer
 * implements it on top of its own execution monitor, so that no engine class depends on the platform.
 *
 * <p>Implementations must be cheap: algorithms may call both methods once per iteration.
 */
public interface Progress {

    /** Ignores reports and never cancels. */
    Progress NONE = new Progress() {
        @Override
        public void report(final double fraction, final String message) {
            // ignored on purpose
        }

        @Override
        public void checkCancelled() {
            // never cancelled
        }
    };

    /**
     * @param progress a progress
     * @return a progress that forwards only the cancellation checks to {@code progress} and ignores reports (for a
     *         sub-step whose own fractions and messages would confuse the caller's)
     */
    static Progress cancellationOnly(final Progress progress) {
        return new Progress() {
            @Override
            public void report(final double fraction, final String message) {
                // the caller reports
            }

            @Override
            public void checkCancelled() {
                progress.checkCancelled();
            }
        };
    }

    /**
     * Reports how far the computation is.
     *
     * @param fraction the finished part, between 0 and 1
     * @param message a short description of the current step, may be null
     */
    void report(double fraction, String message);

    /**
     * Returns normally unless the computation should stop.
     *
     * @throws CancelledException if the computation should stop
     */
    void checkCancelled();
}
