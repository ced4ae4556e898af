package org.deepcluster.batch;

import org.deepcluster.batch.archive.SafeUnzip;
import org.deepcluster.batch.workflow.NodeFactories;

/**
 * The headless workflow runner's entry point ({@code java -jar deepcluster-batch.jar ...}, or the
 * {@code knime-batch} script at the repository root). See {@link BatchOptions#USAGE} and the module README.
 */
public final class BatchMain {

    /** The least time between two progress lines of a node on stderr. */
    public static final long PROGRESS_INTERVAL_MILLIS = 1000;

    private BatchMain() {
    }

    /**
     * Runs the workflow and exits with the run's exit code.
     *
     * @param args the command line
     */
    public static void main(final String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the workflow in this JVM.
     *
     * @param args the command line
     * @return the exit code ({@link ExitCodes})
     */
    public static int run(final String... args) {
        return new BatchRun(System.out, System.err, NodeFactories.onClassPath(), PROGRESS_INTERVAL_MILLIS,
            SafeUnzip.DEFAULT_LIMITS).run(args);
    }
}
