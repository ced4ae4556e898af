package org.deepcluster.batch;

import java.util.Arrays;
import java.util.List;

/**
 * One {@code -option=nodeId,settingName,value,type} argument: sets a value in a node's {@code model} settings, as
 * KNIME's batch executor does.
 *
 * @param nodeIdPath the node id (KNIME allows "outer/inner" ids for nodes in metanodes; we have only top-level ids)
 * @param settingPath the setting, "/"-separated for nested configs
 * @param value the value as text
 * @param type int, long, short, byte, boolean, char, float, double or String
 * @param argument the argument as given (for messages)
 */
public record NodeOption(int[] nodeIdPath, String settingPath, String value, String type, String argument) {

    /** The types KNIME's batch executor accepts and this runner supports. */
    public static final List<String> TYPES =
        List.of("int", "long", "short", "byte", "boolean", "char", "float", "double", "String");

    /** Types KNIME accepts that need DataCell config entries, which this runner does not have. */
    public static final List<String> CELL_TYPES = List.of("StringCell", "DoubleCell", "IntCell", "LongCell");

    /**
     * Parses the value of {@code -option=} like KNIME: id up to the first comma, setting name up to the second,
     * type after the last comma, value in between (it may contain commas).
     *
     * @param spec the text after "-option="
     * @return the option
     * @throws UsageException if the text has too few parts, the id is no number or the type is unknown
     */
    public static NodeOption parse(final String spec) throws UsageException {
        String arg = "-option=" + spec;
        int first = spec.indexOf(',');
        int second = first < 0 ? -1 : spec.indexOf(',', first + 1);
        int last = spec.lastIndexOf(',');
        if (first < 0 || second < 0 || last <= second) {
            throw new UsageException("Couldn't parse " + arg + ": expected -option=nodeId,settingName,value,type");
        }
        String[] ids = spec.substring(0, first).split("/");
        int[] idPath = new int[ids.length];
        try {
            for (int i = 0; i < ids.length; i++) {
                idPath[i] = Integer.parseInt(ids[i].trim());
            }
        } catch (NumberFormatException e) {
            throw new UsageException("Couldn't parse " + arg + ": node id \"" + spec.substring(0, first)
                + "\" is not a number");
        }
        String name = spec.substring(first + 1, second);
        String value = spec.substring(second + 1, last);
        String type = spec.substring(last + 1);
        if (name.isEmpty()) {
            throw new UsageException("Couldn't parse " + arg + ": the setting name is empty");
        }
        if (CELL_TYPES.contains(type)) {
            throw new UsageException(arg + ": type " + type + " (a DataCell setting) is not supported by this runner");
        }
        if (!TYPES.contains(type)) {
            throw new UsageException("Unknown option type for " + name + ": " + type + " (known: "
                + String.join(", ", TYPES) + ")");
        }
        return new NodeOption(idPath, name, value, type, arg);
    }

    /** @return the node id path as text, e.g. "3" or "3/1" */
    public String nodeId() {
        return String.join("/", Arrays.stream(nodeIdPath).mapToObj(Integer::toString).toList());
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof NodeOption n && n.argument.equals(argument);
    }

    @Override
    public int hashCode() {
        return argument.hashCode();
    }

    @Override
    public String toString() {
        return argument;
    }
}
