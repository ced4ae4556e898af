package org.deepcluster.knime.node.cluster;

import org.knime.core.node.InvalidSettingsException;

/** The check clustering nodes make in {@link ClusteringNodeModel#checkRows}: a count setting must not exceed the rows. */
public final class RowCountCheck {

    private RowCountCheck() {
    }

    /**
     * @param value the setting's value (e.g. minPts)
     * @param label the setting's label
     * @param rows the rows that will be clustered
     * @param skippedRows the rows skipped for missing values (for the message)
     * @throws InvalidSettingsException naming the setting if {@code value} exceeds the rows
     */
    public static void atMostRows(final int value, final String label, final int rows, final int skippedRows)
        throws InvalidSettingsException {
        if (value > rows) {
            throw new InvalidSettingsException("Setting '" + label + "' (" + value
                + ") is larger than the number of rows to cluster (" + rows
                + (skippedRows > 0 ? ", after skipping " + skippedRows + " rows with missing values" : "")
                + "): lower it or provide more rows.");
        }
    }
}
