package org.deepcluster.batch;

/** The exit codes of the batch runner: those of KNIME's {@code BatchExecutor}. */
public final class ExitCodes {

    /** The workflow executed (or there was nothing to do). */
    public static final int SUCCESS = 0;

    /** Bad or missing command line arguments (the usage is printed). */
    public static final int BAD_ARGUMENTS = 2;

    /** The workflow cannot be loaded (malformed files, unknown nodes, invalid settings, ...). */
    public static final int LOAD_ERROR = 3;

    /** A node failed, or the executed workflow could not be saved. */
    public static final int EXECUTION_ERROR = 4;

    private ExitCodes() {
    }
}
