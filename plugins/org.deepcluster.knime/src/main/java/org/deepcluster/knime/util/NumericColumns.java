package org.deepcluster.knime.util;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.node.InvalidSettingsException;

/** Resolves which numeric columns of a table a node uses, with errors that name the column and the setting. */
public final class NumericColumns {

    private NumericColumns() {
    }

    /**
     * @param column a column
     * @return whether the column holds numbers (int, long, double, or any other type compatible with doubles)
     */
    public static boolean isNumeric(final DataColumnSpec column) {
        return column.getType().isCompatible(DoubleValue.class);
    }

    /**
     * @param spec a table spec
     * @return the names of all numeric columns, in table order
     */
    public static List<String> allNumeric(final DataTableSpec spec) {
        final List<String> names = new ArrayList<>();
        for (final DataColumnSpec c : spec) {
            if (isNumeric(c)) {
                names.add(c.getName());
            }
        }
        return names;
    }

    /**
     * Resolves the column selection against a table.
     *
     * @param spec the input table's spec
     * @param allNumeric whether all numeric columns are used (otherwise {@code included} is used)
     * @param included the manually included columns
     * @param settingLabel the setting's label for error messages
     * @return the column indices in the table, in the order of the selection
     * @throws InvalidSettingsException if no column is selected, or a selected column is missing or not numeric
     */
    public static int[] resolve(final DataTableSpec spec, final boolean allNumeric, final List<String> included,
        final String settingLabel) throws InvalidSettingsException {
        final List<String> names = allNumeric ? allNumeric(spec) : included;
        if (names.isEmpty()) {
            throw new InvalidSettingsException(allNumeric
                ? "The input table has no numeric column: setting '" + settingLabel
                    + "' needs at least one column of type integer, long or double."
                : "No numeric input column selected: include at least one numeric column in setting '"
                    + settingLabel + "'.");
        }
        final int[] indices = new int[names.size()];
        for (int i = 0; i < indices.length; i++) {
            final String name = names.get(i);
            final int index = spec.findColumnIndex(name);
            if (index < 0) {
                throw new InvalidSettingsException("Column '" + name + "' (setting '" + settingLabel
                    + "') is not in the input table: select the input columns again in the dialog.");
            }
            if (!isNumeric(spec.getColumnSpec(index))) {
                throw new InvalidSettingsException("Column '" + name + "' (setting '" + settingLabel
                    + "') is not numeric (type " + spec.getColumnSpec(index).getType()
                    + "): exclude it or convert it to numbers first.");
            }
            indices[i] = index;
        }
        return indices;
    }
}
