package org.deepcluster.batch.archive;

import java.io.IOException;

/** An archive that must not be extracted: a path escaping the target folder, or too much data (a zip bomb). */
public final class UnsafeArchiveException extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong */
    public UnsafeArchiveException(final String message) {
        super(message);
    }
}
