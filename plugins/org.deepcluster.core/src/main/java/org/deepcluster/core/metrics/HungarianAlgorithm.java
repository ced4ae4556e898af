package org.deepcluster.core.metrics;

import java.util.Arrays;

/**
 * Optimal one-to-one assignment of rows to columns of a (possibly rectangular) cost matrix: the Hungarian algorithm
 * with potentials (Kuhn–Munkres, in the shortest-augmenting-path form), O(r² c) for r ≤ c.
 *
 * <p>Written by hand because no maintained library in our dependency set offers it: Smile and Deeplearning4j have
 * none, and the small stand-alone Java implementations around are unmaintained or handle only square matrices.
 *
 * <p>Gives the same optimal total as SciPy's {@code linear_sum_assignment}; when several assignments are optimal the
 * chosen one may differ.
 */
public final class HungarianAlgorithm {

    private HungarianAlgorithm() {
    }

    /**
     * Finds the assignment with the lowest total cost. With more rows than columns, some rows stay unassigned; with
     * more columns than rows, some columns stay unused.
     *
     * @param cost the cost of assigning row i to column j, {@code cost[i][j]}; rectangular, all values finite
     * @return for each row, the assigned column, or −1 if the row is unassigned
     * @throws IllegalArgumentException if the matrix is null, ragged or has a non-finite value
     */
    public static int[] minimizeCost(final double[][] cost) {
        final int rows = checkMatrix(cost);
        final int cols = rows == 0 ? 0 : cost[0].length;
        if (rows == 0 || cols == 0) {
            final int[] none = new int[rows];
            Arrays.fill(none, -1);
            return none;
        }
        if (rows <= cols) {
            return solve(cost, rows, cols);
        }
        // The core needs rows ≤ columns: solve the transposed problem and invert the answer.
        final double[][] transposed = new double[cols][rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                transposed[j][i] = cost[i][j];
            }
        }
        final int[] colToRow = solve(transposed, cols, rows);
        final int[] rowToCol = new int[rows];
        Arrays.fill(rowToCol, -1);
        for (int j = 0; j < cols; j++) {
            rowToCol[colToRow[j]] = j;
        }
        return rowToCol;
    }

    /**
     * Finds the assignment with the highest total weight (e.g. matched counts in a contingency table).
     *
     * @param weight the weight of assigning row i to column j; rectangular, all values finite
     * @return for each row, the assigned column, or −1 if the row is unassigned
     * @throws IllegalArgumentException if the matrix is null, ragged or has a non-finite value
     */
    public static int[] maximizeWeight(final double[][] weight) {
        checkMatrix(weight);
        final double[][] negated = new double[weight.length][];
        for (int i = 0; i < weight.length; i++) {
            negated[i] = Arrays.stream(weight[i]).map(w -> -w).toArray();
        }
        return minimizeCost(negated);
    }

    private static int checkMatrix(final double[][] m) {
        if (m == null) {
            throw new IllegalArgumentException("the matrix must not be null");
        }
        for (int i = 0; i < m.length; i++) {
            if (m[i] == null || m[i].length != m[0].length) {
                throw new IllegalArgumentException("row " + i + " of the matrix has "
                    + (m[i] == null ? "no values" : m[i].length + " values") + " but row 0 has " + m[0].length);
            }
            for (int j = 0; j < m[i].length; j++) {
                if (!Double.isFinite(m[i][j])) {
                    throw new IllegalArgumentException(
                        "the matrix holds " + m[i][j] + " at (" + i + ", " + j + "): only finite values are allowed");
                }
            }
        }
        return m.length;
    }

    /**
     * The core for {@code n ≤ m}: adds rows one at a time, each time growing a shortest augmenting path with Dijkstra
     * on reduced costs {@code cost − u − v}, which the potentials keep non-negative. Arrays are 1-based; column 0 is
     * the virtual start of each path.
     */
    private static int[] solve(final double[][] cost, final int n, final int m) {
        final double[] u = new double[n + 1]; // row potentials
        final double[] v = new double[m + 1]; // column potentials
        final int[] rowOfColumn = new int[m + 1]; // 0 = free
        final int[] previousColumn = new int[m + 1]; // the path, backwards
        final double[] minReduced = new double[m + 1];
        final boolean[] visited = new boolean[m + 1];
        for (int i = 1; i <= n; i++) {
            rowOfColumn[0] = i;
            int column = 0;
            Arrays.fill(minReduced, Double.POSITIVE_INFINITY);
            Arrays.fill(visited, false);
            do {
                visited[column] = true;
                final int row = rowOfColumn[column];
                double delta = Double.POSITIVE_INFINITY;
                int nextColumn = -1;
                for (int j = 1; j <= m; j++) {
                    if (!visited[j]) {
                        final double reduced = cost[row - 1][j - 1] - u[row] - v[j];
                        if (reduced < minReduced[j]) {
                            minReduced[j] = reduced;
                            previousColumn[j] = column;
                        }
                        if (minReduced[j] < delta) {
                            delta = minReduced[j];
                            nextColumn = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (visited[j]) {
                        u[rowOfColumn[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minReduced[j] -= delta;
                    }
                }
                column = nextColumn;
            } while (rowOfColumn[column] != 0);
            // Flip the augmenting path.
            do {
                final int previous = previousColumn[column];
                rowOfColumn[column] = rowOfColumn[previous];
                column = previous;
            } while (column != 0);
        }
        final int[] rowToCol = new int[n];
        for (int j = 1; j <= m; j++) {
            if (rowOfColumn[j] != 0) {
                rowToCol[rowOfColumn[j] - 1] = j - 1;
            }
        }
        return rowToCol;
    }
}
