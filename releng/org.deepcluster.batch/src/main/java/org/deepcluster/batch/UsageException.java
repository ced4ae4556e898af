package org.deepcluster.batch;

/** Bad command line arguments: exit code 2, and the usage is printed. */
public final class UsageException extends BatchException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with the arguments */
    public UsageException(final String message) {
        super(ExitCodes.BAD_ARGUMENTS, message);
    }
}
