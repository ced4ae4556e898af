package org.deepcluster.batch.exec;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;

import org.deepcluster.batch.workflow.NodeDefinition;
import org.knime.core.node.workflow.NodeProgress;

/**
 * Per-node progress on stderr, one line per update: {@code [3/5] k-Means (#2): 42% k-means restart 3 of 10}.
 * Updates of a node are throttled to one line per interval (and only when the text changes); the start and the end
 * of every node are always printed.
 */
public final class ProgressReporter {

    private final PrintStream m_err;

    private final long m_intervalNanos;

    private long m_lastPrinted;

    private String m_lastLine;

    /**
     * @param err where the lines go
     * @param intervalMillis the least time between two progress lines of one node
     */
    public ProgressReporter(final PrintStream err, final long intervalMillis) {
        m_err = err;
        m_intervalNanos = intervalMillis * 1_000_000L;
    }

    private static String prefix(final int index, final int total, final NodeDefinition node) {
        return "[" + index + "/" + total + "] " + node.nameWithId() + ": ";
    }

    /**
     * @param index the position of the node in the run (from 1)
     * @param total the number of nodes
     * @param node the node
     * @param what "executing", ...
     */
    public synchronized void start(final int index, final int total, final NodeDefinition node, final String what) {
        m_lastPrinted = System.nanoTime();
        m_lastLine = null;
        m_err.println(prefix(index, total, node) + what);
        m_err.flush();
    }

    /**
     * @param index the position of the node
     * @param total the number of nodes
     * @param node the node
     * @param progress a progress update of its execution
     */
    public synchronized void progress(final int index, final int total, final NodeDefinition node,
        final NodeProgress progress) {
        StringBuilder text = new StringBuilder();
        if (progress.hasProgress()) {
            text.append(Math.round(progress.getProgress() * 100)).append('%');
        }
        if (progress.hasMessage() && !progress.getMessage().isBlank()) {
            text.append(text.length() > 0 ? " " : "").append(progress.getMessage());
        }
        String line = prefix(index, total, node) + text;
        long now = System.nanoTime();
        if (text.length() == 0 || Objects.equals(line, m_lastLine) || now - m_lastPrinted < m_intervalNanos) {
            return;
        }
        m_lastPrinted = now;
        m_lastLine = line;
        m_err.println(line);
        m_err.flush();
    }

    /**
     * @param index the position of the node
     * @param total the number of nodes
     * @param node the node
     * @param what how it ended ("executed in 1.2 s", "FAILED: ...")
     */
    public synchronized void end(final int index, final int total, final NodeDefinition node, final String what) {
        m_err.println(prefix(index, total, node) + what);
        m_err.flush();
    }

    /**
     * @param seconds a duration
     * @return e.g. "1.23 s"
     */
    public static String seconds(final double seconds) {
        return String.format(Locale.ROOT, "%.2f s", seconds);
    }
}
