package org.deepcluster.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class HungarianAlgorithmTest {

    @Test
    void squareTextbookExample() {
        final double[][] cost = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
        final int[] match = HungarianAlgorithm.minimizeCost(cost);
        assertArrayEquals(new int[]{1, 0, 2}, match);
        assertEquals(5, total(cost, match));
    }

    @Test
    void moreColumnsThanRows() {
        // scipy.optimize.linear_sum_assignment gives rows [0, 1], cols [1, 3]: cost 1 + 1.
        final double[][] cost = {{5, 1, 9, 7}, {2, 8, 6, 1}};
        final int[] match = HungarianAlgorithm.minimizeCost(cost);
        assertArrayEquals(new int[]{1, 3}, match);
    }

    @Test
    void moreRowsThanColumnsLeavesRowsUnassigned() {
        final double[][] cost = {{5, 2}, {1, 8}, {0, 0}, {9, 9}};
        final int[] match = HungarianAlgorithm.minimizeCost(cost);
        assertEquals(2, Arrays.stream(match).filter(j -> j >= 0).count());
        assertEquals(1, total(cost, match)); // row 2 takes one column at cost 0, row 1 takes column 0 at 1
        assertArrayEquals(new int[]{-1, 0, 1, -1}, match);
    }

    @Test
    void maximizeWeightOnContingencyTable() {
        final double[][] counts = {{10, 0, 2}, {1, 0, 30}, {0, 7, 1}};
        final int[] match = HungarianAlgorithm.maximizeWeight(counts);
        assertArrayEquals(new int[]{0, 2, 1}, match);
    }

    @Test
    void negativeAndFractionalCosts() {
        final double[][] cost = {{-1.5, 0.25}, {0.5, -2.75}};
        assertArrayEquals(new int[]{0, 1}, HungarianAlgorithm.minimizeCost(cost));
    }

    @Test
    void emptyAndDegenerateShapes() {
        assertArrayEquals(new int[0], HungarianAlgorithm.minimizeCost(new double[0][]));
        assertArrayEquals(new int[]{-1, -1}, HungarianAlgorithm.minimizeCost(new double[2][0]));
        assertArrayEquals(new int[]{0}, HungarianAlgorithm.minimizeCost(new double[][]{{3}}));
    }

    @Test
    void matchesBruteForceOnRandomMatrices() {
        final Random random = new Random(7);
        for (int trial = 0; trial < 300; trial++) {
            final int rows = 1 + random.nextInt(6);
            final int cols = 1 + random.nextInt(6);
            final double[][] cost = new double[rows][cols];
            for (final double[] row : cost) {
                for (int j = 0; j < cols; j++) {
                    // Small integers make ties common, which is where bugs hide.
                    row[j] = random.nextInt(5) - (trial % 3 == 0 ? 2 : 0);
                }
            }
            final int[] match = HungarianAlgorithm.minimizeCost(cost);
            assertEquals(Math.min(rows, cols), Arrays.stream(match).filter(j -> j >= 0).count());
            final Set<Integer> used = new HashSet<>();
            for (final int j : match) {
                assertTrue(j < 0 || used.add(j), "column used twice: " + Arrays.toString(match));
            }
            assertEquals(bruteForceMinimum(cost), total(cost, match), 1e-12, () -> Arrays.deepToString(cost));
        }
    }

    @Test
    void rejectsBadMatrices() {
        assertThrows(IllegalArgumentException.class, () -> HungarianAlgorithm.minimizeCost(null));
        assertThrows(IllegalArgumentException.class, () -> HungarianAlgorithm.minimizeCost(new double[][]{{1, 2}, {3}}));
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> HungarianAlgorithm.maximizeWeight(new double[][]{{1, Double.NaN}}));
        assertEquals("the matrix holds NaN at (0, 1): only finite values are allowed", e.getMessage());
    }

    /** Tries every injective assignment of the smaller side into the larger. */
    private static double bruteForceMinimum(final double[][] cost) {
        final int rows = cost.length;
        final int cols = cost[0].length;
        if (rows > cols) {
            final double[][] transposed = new double[cols][rows];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    transposed[j][i] = cost[i][j];
                }
            }
            return bruteForceMinimum(transposed);
        }
        return search(cost, 0, new boolean[cols]);
    }

    private static double search(final double[][] cost, final int row, final boolean[] used) {
        if (row == cost.length) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < used.length; j++) {
            if (!used[j]) {
                used[j] = true;
                best = Math.min(best, cost[row][j] + search(cost, row + 1, used));
                used[j] = false;
            }
        }
        return best;
    }

    private static double total(final double[][] cost, final int[] match) {
        double sum = 0;
        for (int i = 0; i < match.length; i++) {
            if (match[i] >= 0) {
                sum += cost[i][match[i]];
            }
        }
        return sum;
    }
}
