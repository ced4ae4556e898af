package org.deepcluster.batch.workflow;

import java.nio.file.Path;

/**
 * A workflow cannot be loaded. The message names the file and the key (the "/"-separated path of the config entry)
 * where the problem is, and says what is wrong. The batch runner exits with code 3 for it.
 */
public final class WorkflowLoadException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path m_file;

    /** The key path, or null. */
    private final String m_key;

    /** The problem without file and key. */
    private final String m_problem;

    /**
     * @param file the file with the problem
     * @param key the key path of the entry (or null if the problem concerns the whole file)
     * @param problem what is wrong
     */
    public WorkflowLoadException(final Path file, final String key, final String problem) {
        this(file, key, problem, null);
    }

    /**
     * @param file the file with the problem
     * @param key the key path (or null)
     * @param problem what is wrong
     * @param cause the cause
     */
    public WorkflowLoadException(final Path file, final String key, final String problem, final Throwable cause) {
        super(format(file, key, problem), cause);
        m_file = file;
        m_key = key;
        m_problem = problem;
    }

    private static String format(final Path file, final String key, final String problem) {
        return file + (key == null ? "" : ", key \"" + key + "\"") + ": " + problem;
    }

    /** @return the file with the problem */
    public Path file() {
        return m_file;
    }

    /** @return the key path, or null */
    public String key() {
        return m_key;
    }

    /** @return the problem without file and key */
    public String problem() {
        return m_problem;
    }
}
