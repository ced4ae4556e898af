package org.deepcluster.core.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Counts of rows per (reference class, cluster) pair: rows of the table are the reference classes, columns are the
 * clusters. Immutable.
 *
 * <p>Only the non-zero cells are stored, so that labellings with many small clusters (thousands of singletons, say)
 * stay cheap; {@link #toArray()} gives the dense table for display.
 */
public final class ContingencyTable {

    private final List<String> rowNames;
    private final List<String> columnNames;
    private final int[] rowTotals;
    private final int[] columnTotals;
    private final int total;
    // Non-zero cells, sorted by row, then column.
    private final int[] cellRows;
    private final int[] cellColumns;
    private final int[] cellCounts;

    private ContingencyTable(final List<String> rowNames, final List<String> columnNames, final int[] rows,
        final int[] columns) {
        this.rowNames = Collections.unmodifiableList(rowNames);
        this.columnNames = Collections.unmodifiableList(columnNames);
        final int nRows = rowNames.size();
        final int nColumns = columnNames.size();
        this.total = rows.length;
        this.rowTotals = new int[nRows];
        this.columnTotals = new int[nColumns];
        // Sort (row, column) keys and count runs: O(n log n) and no hashing.
        final long[] keys = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            keys[i] = (long)rows[i] * nColumns + columns[i];
            rowTotals[rows[i]]++;
            columnTotals[columns[i]]++;
        }
        Arrays.sort(keys);
        int distinct = 0;
        for (int i = 0; i < keys.length; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                distinct++;
            }
        }
        cellRows = new int[distinct];
        cellColumns = new int[distinct];
        cellCounts = new int[distinct];
        int cell = -1;
        for (int i = 0; i < keys.length; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                cell++;
                cellRows[cell] = (int)(keys[i] / nColumns);
                cellColumns[cell] = (int)(keys[i] % nColumns);
            }
            cellCounts[cell]++;
        }
    }

    /**
     * Builds the table of two integer labellings. Rows and columns are the distinct values in ascending numeric
     * order, named by their decimal value ("-1", "0", "1", …). Any int values are allowed, e.g. −1 for noise.
     *
     * @param reference the reference class of each row
     * @param clusters the cluster of each row
     * @return the table
     * @throws IllegalArgumentException if an array is null or empty, or the lengths differ
     */
    public static ContingencyTable of(final int[] reference, final int[] clusters) {
        checkLabellings(reference, clusters);
        final int[] refValues = sortedDistinct(reference);
        final int[] clusterValues = sortedDistinct(clusters);
        return new ContingencyTable(names(refValues), names(clusterValues), indices(reference, refValues),
            indices(clusters, clusterValues));
    }

    /**
     * Builds the table of two name labellings. Rows and columns are in the order of the labels' codes (first
     * appearance) and carry their names.
     *
     * @param reference the reference class of each row
     * @param clusters the cluster of each row
     * @return the table
     * @throws IllegalArgumentException if the labellings are empty or have different sizes
     */
    public static ContingencyTable of(final Labels reference, final Labels clusters) {
        final int[] r = reference.codes();
        final int[] c = clusters.codes();
        checkLabellings(r, c);
        return new ContingencyTable(new ArrayList<>(reference.names()), new ArrayList<>(clusters.names()), r, c);
    }

    /** Checks what every clustering score needs: two non-null, non-empty labellings of the same length. */
    static void checkLabellings(final int[] reference, final int[] clusters) {
        if (reference == null || clusters == null) {
            throw new IllegalArgumentException("the labellings must not be null");
        }
        if (reference.length != clusters.length) {
            throw new IllegalArgumentException("the labellings have different lengths: " + reference.length
                + " reference labels but " + clusters.length + " cluster labels");
        }
        if (reference.length == 0) {
            throw new IllegalArgumentException("the labellings are empty: at least one row is needed");
        }
    }

    private static int[] sortedDistinct(final int[] values) {
        return Arrays.stream(values).sorted().distinct().toArray();
    }

    private static int[] indices(final int[] values, final int[] sortedDistinct) {
        final int[] result = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = Arrays.binarySearch(sortedDistinct, values[i]);
        }
        return result;
    }

    private static List<String> names(final int[] values) {
        final List<String> names = new ArrayList<>(values.length);
        for (final int v : values) {
            names.add(Integer.toString(v));
        }
        return names;
    }

    /** @return the number of reference classes */
    public int rowCount() {
        return rowNames.size();
    }

    /** @return the number of clusters */
    public int columnCount() {
        return columnNames.size();
    }

    /** @return the names of the reference classes (unmodifiable) */
    public List<String> rowNames() {
        return rowNames;
    }

    /** @return the names of the clusters (unmodifiable) */
    public List<String> columnNames() {
        return columnNames;
    }

    /**
     * @param row the reference class index
     * @param column the cluster index
     * @return the number of rows of that class in that cluster
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public int count(final int row, final int column) {
        if (row < 0 || row >= rowCount() || column < 0 || column >= columnCount()) {
            throw new IndexOutOfBoundsException(
                "cell (" + row + ", " + column + ") is outside the " + rowCount() + " × " + columnCount() + " table");
        }
        // Cells are sorted by (row, column): binary search on that order.
        int lo = 0;
        int hi = cellRows.length - 1;
        while (lo <= hi) {
            final int mid = (lo + hi) >>> 1;
            final int cmp = cellRows[mid] != row ? Integer.compare(cellRows[mid], row)
                : Integer.compare(cellColumns[mid], column);
            if (cmp == 0) {
                return cellCounts[mid];
            } else if (cmp < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return 0;
    }

    /** @return a copy of the number of rows per reference class */
    public int[] rowTotals() {
        return rowTotals.clone();
    }

    /** @return a copy of the number of rows per cluster */
    public int[] columnTotals() {
        return columnTotals.clone();
    }

    /** @return the number of rows counted */
    public int total() {
        return total;
    }

    /** @return the dense table, {@code [rowCount()][columnCount()]} */
    public int[][] toArray() {
        final int[][] result = new int[rowCount()][columnCount()];
        for (int c = 0; c < cellCounts.length; c++) {
            result[cellRows[c]][cellColumns[c]] = cellCounts[c];
        }
        return result;
    }

    /** @return the number of non-zero cells */
    int nonZeroCount() {
        return cellCounts.length;
    }

    int nonZeroRow(final int cell) {
        return cellRows[cell];
    }

    int nonZeroColumn(final int cell) {
        return cellColumns[cell];
    }

    int nonZeroValue(final int cell) {
        return cellCounts[cell];
    }

    @Override
    public String toString() {
        return "ContingencyTable[" + rowCount() + " classes × " + columnCount() + " clusters, " + total + " rows]";
    }
}
