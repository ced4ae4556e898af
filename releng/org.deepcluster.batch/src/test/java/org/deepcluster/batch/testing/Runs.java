package org.deepcluster.batch.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.deepcluster.batch.BatchRun;
import org.deepcluster.batch.archive.SafeUnzip;
import org.deepcluster.batch.workflow.NodeFactories;

/** Runs the batch runner in this JVM and captures stdout and stderr. */
public final class Runs {

    /**
     * @param exitCode the exit code
     * @param out stdout
     * @param err stderr
     */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Runs() {
    }

    /**
     * @param args the command line
     * @return what happened
     */
    public static Result run(final String... args) {
        return run(SafeUnzip.DEFAULT_LIMITS, args);
    }

    /**
     * @param limits the archive limits
     * @param args the command line
     * @return what happened
     */
    public static Result run(final SafeUnzip.Limits limits, final String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new BatchRun(o, e, NodeFactories.onClassPath(), 0, limits).run(args);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
