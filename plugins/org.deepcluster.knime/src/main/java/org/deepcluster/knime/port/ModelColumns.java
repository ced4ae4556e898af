package org.deepcluster.knime.port;

import java.util.ArrayList;
import java.util.List;

import org.deepcluster.knime.util.NumericColumns;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;

/** The numeric columns a model port was fitted on: recording them, and finding them again in a new table. */
final class ModelColumns {

    private ModelColumns() {
    }

    /**
     * @param table a table spec
     * @param columns the indices of the model's columns, in order
     * @return their names and type names, as two lists
     */
    static List<List<String>> namesAndTypes(final DataTableSpec table, final int[] columns) {
        final List<String> names = new ArrayList<>(columns.length);
        final List<String> types = new ArrayList<>(columns.length);
        for (final int c : columns) {
            final DataColumnSpec column = table.getColumnSpec(c);
            names.add(column.getName());
            types.add(column.getType().getName());
        }
        return List.of(names, types);
    }

    /**
     * Finds a model's columns in a table.
     *
     * @param table the spec of a table to apply the model to
     * @param names the model's column names, in order
     * @param types their type names when the model was fitted
     * @param fittedOn how the message says where they come from, e.g. "the cluster model was fitted on"
     * @param needed how the message names the columns a table must have, e.g. "feature columns"
     * @return the indices of the model's columns in the table, in the model's order
     * @throws InvalidSettingsException naming the first column the table lacks or has with a non-numeric type
     */
    static int[] find(final DataTableSpec table, final List<String> names, final List<String> types,
        final String fittedOn, final String needed) throws InvalidSettingsException {
        final int[] indices = new int[names.size()];
        for (int j = 0; j < indices.length; j++) {
            final String name = names.get(j);
            final int index = table.findColumnIndex(name);
            if (index < 0) {
                throw new InvalidSettingsException("The input table has no column '" + name + "', which " + fittedOn
                    + " (" + names.size() + " columns" + list(names) + "): provide a table with all the " + needed
                    + ".");
            }
            final DataColumnSpec column = table.getColumnSpec(index);
            if (!NumericColumns.isNumeric(column)) {
                throw new InvalidSettingsException("Column '" + name + "' has type " + column.getType().getName()
                    + ", but " + fittedOn + " it as numbers (" + types.get(j) + "): convert it to numbers first.");
            }
            indices[j] = index;
        }
        return indices;
    }

    /** @return ": a, b, c" for a few columns, ", first: a, b, c, ..." for many */
    private static String list(final List<String> names) {
        final int shown = Math.min(5, names.size());
        return (shown < names.size() ? ", first: " : ": ") + String.join(", ", names.subList(0, shown))
            + (shown < names.size() ? ", ..." : "");
    }
}
