package org.knime.core.node;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Logging API of KNIME nodes. The stand-in prints to stderr, one line per message:
 * {@code HH:mm:ss.SSS LEVEL  logger-name : message}, followed by the stack trace if a throwable is given.
 * The minimum level is INFO unless the system property {@code knime.standin.loglevel} names another
 * {@link LEVEL}; CODING messages are printed at level ERROR with the prefix "CODING PROBLEM".
 */
public final class NodeLogger {

    /** Log levels, lowest first. */
    public enum LEVEL {
        /** debug. */
        DEBUG,
        /** info. */
        INFO,
        /** warning. */
        WARN,
        /** error. */
        ERROR,
        /** fatal. */
        FATAL,
        /** everything. */
        ALL,
        /** nothing. */
        OFF
    }

    private static final Map<String, NodeLogger> LOGGERS = new ConcurrentHashMap<>();

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private static volatile LEVEL minLevel = initialLevel();

    private static volatile PrintStream out = System.err;

    private final String m_name;

    private NodeLogger(final String name) {
        m_name = name;
    }

    private static LEVEL initialLevel() {
        try {
            return LEVEL.valueOf(System.getProperty("knime.standin.loglevel", "INFO").trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            return LEVEL.INFO;
        }
    }

    /**
     * @param c a class
     * @return the logger named like the class
     */
    public static NodeLogger getLogger(final Class<?> c) {
        return getLogger(c.getName());
    }

    /**
     * @param s a name
     * @return the logger of that name
     */
    public static NodeLogger getLogger(final String s) {
        return LOGGERS.computeIfAbsent(s, NodeLogger::new);
    }

    /** @return the level from which on messages are printed */
    public LEVEL getLevel() {
        return minLevel;
    }

    /** @return whether debug messages are printed */
    public boolean isDebugEnabled() {
        return isEnabledFor(LEVEL.DEBUG);
    }

    /** @return whether info messages are printed */
    public boolean isInfoEnabled() {
        return isEnabledFor(LEVEL.INFO);
    }

    /**
     * @param level a level
     * @return whether messages of that level are printed
     */
    public boolean isEnabledFor(final LEVEL level) {
        LEVEL min = minLevel;
        if (min == LEVEL.OFF || level == LEVEL.OFF) {
            return false;
        }
        return min == LEVEL.ALL || level.ordinal() >= min.ordinal();
    }

    /**
     * Sets the minimum level of all loggers (stand-in: affects stderr output only).
     *
     * @param level the level
     * @deprecated as in KNIME, levels are configured in the preferences there
     */
    @Deprecated
    public static void setLevel(final LEVEL level) {
        minLevel = level;
    }

    private void log(final LEVEL level, final String prefix, final Object o, final Throwable t) {
        if (!isEnabledFor(level)) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(LocalTime.now().format(TIME)).append(' ').append(String.format("%-5s", prefix)).append(' ')
            .append(m_name).append(" : ").append(o);
        if (t != null) {
            StringWriter sw = new StringWriter();
            t.printStackTrace(new PrintWriter(sw));
            sb.append(System.lineSeparator()).append(sw.toString().stripTrailing());
        }
        out.println(sb);
    }

    private static Object get(final Supplier<Object> supplier) {
        return supplier.get();
    }

    /** @param o message */
    public void debug(final Object o) {
        log(LEVEL.DEBUG, "DEBUG", o, null);
    }

    /**
     * @param o message
     * @param t cause
     */
    public void debug(final Object o, final Throwable t) {
        log(LEVEL.DEBUG, "DEBUG", o, t);
    }

    /** @param supplier lazily built message */
    public void debug(final Supplier<Object> supplier) {
        if (isDebugEnabled()) {
            debug(get(supplier));
        }
    }

    /** @param o message */
    public void info(final Object o) {
        log(LEVEL.INFO, "INFO", o, null);
    }

    /**
     * @param o message
     * @param t cause
     */
    public void info(final Object o, final Throwable t) {
        log(LEVEL.INFO, "INFO", o, t);
    }

    /** @param supplier lazily built message */
    public void info(final Supplier<Object> supplier) {
        if (isInfoEnabled()) {
            info(get(supplier));
        }
    }

    /** @param o message */
    public void warn(final Object o) {
        log(LEVEL.WARN, "WARN", o, null);
    }

    /**
     * @param o message
     * @param t cause
     */
    public void warn(final Object o, final Throwable t) {
        log(LEVEL.WARN, "WARN", o, t);
    }

    /** @param supplier lazily built message */
    public void warn(final Supplier<Object> supplier) {
        if (isEnabledFor(LEVEL.WARN)) {
            warn(get(supplier));
        }
    }

    /** @param o message */
    public void error(final Object o) {
        log(LEVEL.ERROR, "ERROR", o, null);
    }

    /**
     * @param o message
     * @param t cause
     */
    public void error(final Object o, final Throwable t) {
        log(LEVEL.ERROR, "ERROR", o, t);
    }

    /** @param supplier lazily built message */
    public void error(final Supplier<Object> supplier) {
        if (isEnabledFor(LEVEL.ERROR)) {
            error(get(supplier));
        }
    }

    /** @param o message */
    public void fatal(final Object o) {
        log(LEVEL.FATAL, "FATAL", o, null);
    }

    /**
     * @param o message
     * @param t cause
     */
    public void fatal(final Object o, final Throwable t) {
        log(LEVEL.FATAL, "FATAL", o, t);
    }

    /** @param o a programming error's description */
    public void coding(final Object o) {
        log(LEVEL.ERROR, "CODING PROBLEM", o, null);
    }

    /**
     * @param o a programming error's description
     * @param t cause
     */
    public void coding(final Object o, final Throwable t) {
        log(LEVEL.ERROR, "CODING PROBLEM", o, t);
    }

    /**
     * @param format a String.format pattern
     * @param args its arguments
     */
    public void debugWithFormat(final String format, final Object... args) {
        if (isDebugEnabled()) {
            debug(String.format(format, args));
        }
    }

    /**
     * @param format a String.format pattern
     * @param args its arguments
     */
    public void infoWithFormat(final String format, final Object... args) {
        if (isInfoEnabled()) {
            info(String.format(format, args));
        }
    }

    /**
     * @param format a String.format pattern
     * @param args its arguments
     */
    public void warnWithFormat(final String format, final Object... args) {
        warn(String.format(format, args));
    }

    /**
     * @param format a String.format pattern
     * @param args its arguments
     */
    public void errorWithFormat(final String format, final Object... args) {
        error(String.format(format, args));
    }

    /**
     * @param b condition that must hold
     * @param m message logged as coding problem when it does not
     */
    public void assertLog(final boolean b, final String m) {
        if (!b) {
            coding("ASSERT: " + m);
        }
    }
}
