package org.deepcluster.core.synthetic;

import java.util.Arrays;
import java.util.List;

import org.deepcluster.core.data.Matrix;

/**
 * A generated data set with its ground truth: the values, the true group of each row, the names of the groups and
 * the names of the columns. Immutable.
 *
 * @param data the values, one row per observation
 * @param labels the true group of each row, each in {@code [0, labelNames.size())}; copied on the way in and out
 * @param labelNames the name of each group, indexed by label
 * @param columnNames the name of each column of {@code data}
 */
public record SyntheticData(Matrix data, int[] labels, List<String> labelNames, List<String> columnNames) {

    /**
     * Checks that the parts fit together and copies them.
     *
     * @throws IllegalArgumentException if a part is null, the lengths do not match the matrix or a label is out of
     *             range
     * @throws NullPointerException if a name is null
     */
    public SyntheticData {
        if (data == null || labels == null || labelNames == null || columnNames == null) {
            throw new IllegalArgumentException("data, labels, labelNames and columnNames must not be null");
        }
        if (labels.length != data.rows()) {
            throw new IllegalArgumentException(
                "there are " + labels.length + " labels for " + data.rows() + " rows: one label per row is needed");
        }
        if (columnNames.size() != data.cols()) {
            throw new IllegalArgumentException("there are " + columnNames.size() + " column names for " + data.cols()
                + " columns: one name per column is needed");
        }
        labels = labels.clone();
        labelNames = List.copyOf(labelNames);
        columnNames = List.copyOf(columnNames);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= labelNames.size()) {
                throw new IllegalArgumentException("label " + labels[i] + " of row " + i
                    + " is not a group index in [0, " + labelNames.size() + ")");
            }
        }
    }

    /** @return a copy of the true group of each row */
    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** @return the name of the true group of each row, in row order */
    public List<String> labelsAsNames() {
        return Arrays.stream(labels).mapToObj(labelNames::get).toList();
    }

    /** @return the number of rows in each group, indexed by label */
    public int[] groupSizes() {
        final int[] sizes = new int[labelNames.size()];
        for (final int label : labels) {
            sizes[label]++;
        }
        return sizes;
    }

    /** Two data sets are equal when all their parts are equal (the labels compared by content). */
    @Override
    public boolean equals(final Object o) {
        return o instanceof SyntheticData s && data.equals(s.data) && Arrays.equals(labels, s.labels)
            && labelNames.equals(s.labelNames) && columnNames.equals(s.columnNames);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * data.hashCode() + Arrays.hashCode(labels)) + labelNames.hashCode())
            + columnNames.hashCode();
    }

    @Override
    public String toString() {
        return "SyntheticData[" + data.rows() + " rows × " + data.cols() + " columns, " + labelNames.size()
            + " groups]";
    }
}
