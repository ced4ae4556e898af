package org.deepcluster.core.cluster.density;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class BallTreeTest {

    private static double[] random(final int n, final int d, final long seed, final boolean grid) {
        final Random r = new Random(seed);
        final double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = grid ? r.nextInt(4) : r.nextGaussian() + (i / d % 3) * 5; // grid: many ties and duplicates
        }
        return x;
    }

    private static double distance(final double[] x, final int a, final int b, final int d) {
        return Math.sqrt(BallTree.squaredDistance(x, a * d, x, b * d, d));
    }

    @Test
    void radiusAndCountQueriesMatchBruteForce() {
        for (final int d : new int[]{1, 2, 5, 32}) {
            for (final boolean grid : new boolean[]{false, true}) {
                final int n = 700;
                final double[] x = random(n, d, d, grid);
                final BallTree tree = new BallTree(x, n, d);
                final BallTree.Hits hits = new BallTree.Hits();
                final double r = grid ? 1.0 : 0.6 * Math.sqrt(d);
                for (int q = 0; q < n; q += 7) {
                    final int qq = q;
                    final int[] expected = IntStream.range(0, n).filter(i -> distance(x, qq, i, d) <= r).toArray();
                    tree.within(x, q * d, r, hits);
                    final int[] got = hits.indices();
                    Arrays.sort(got);
                    assertArrayEquals(expected, got, "d=" + d + " query " + q);
                    for (int h = 0; h < hits.size(); h++) {
                        assertEquals(distance(x, q, hits.index(h), d), hits.distance(h), 1e-12);
                    }
                    assertEquals(expected.length, tree.countWithin(x, q * d, r, Integer.MAX_VALUE));
                    assertEquals(Math.min(expected.length, 3), tree.countWithin(x, q * d, r, 3));
                    // The rows recorded while counting are genuine, distinct, and all of them when they fit.
                    final int[] found = new int[5];
                    final int count = tree.countWithin(x, q * d, r, 8, found);
                    assertEquals(Math.min(expected.length, 8), count);
                    final int[] recorded = Arrays.copyOf(found, Math.min(count, found.length));
                    Arrays.sort(recorded);
                    assertEquals(recorded.length, Arrays.stream(recorded).distinct().count());
                    for (final int row : recorded) {
                        assertTrue(Arrays.binarySearch(expected, row) >= 0, "row " + row);
                    }
                    if (expected.length <= found.length) {
                        assertArrayEquals(expected, recorded);
                    }
                }
            }
        }
    }

    @Test
    void nearestNeighboursMatchBruteForceWithTiesByIndex() {
        for (final int d : new int[]{1, 3, 32}) {
            for (final boolean grid : new boolean[]{false, true}) {
                final int n = 500;
                final double[] x = random(n, d, 10 + d, grid);
                final BallTree tree = new BallTree(x, n, d);
                for (final int k : new int[]{1, 5, 40, n}) {
                    final int[] idx = new int[k];
                    final double[] dist = new double[k];
                    for (int q = 0; q < n; q += 11) {
                        final int qq = q;
                        final int[] expected = IntStream.range(0, n).boxed()
                            .sorted(Comparator.<Integer>comparingDouble(i -> distance(x, qq, i, d))
                                .thenComparingInt(i -> i))
                            .limit(k).mapToInt(Integer::intValue).toArray();
                        tree.nearest(x, q * d, k, idx, dist);
                        assertArrayEquals(expected, idx, "d=" + d + " k=" + k + " query " + q);
                        for (int j = 0; j < k; j++) {
                            assertEquals(distance(x, q, expected[j], d), dist[j], 1e-12);
                        }
                    }
                }
            }
        }
    }

    @Test
    void identicalRowsAndSingleRowWork() {
        final double[] same = new double[100 * 3];
        Arrays.fill(same, 2.5);
        final BallTree tree = new BallTree(same, 100, 3);
        assertEquals(100, tree.countWithin(same, 0, 1e-9, 1000));
        final int[] idx = new int[4];
        tree.nearest(same, 0, 4, idx, new double[4]);
        assertArrayEquals(new int[]{0, 1, 2, 3}, idx);
        final BallTree one = new BallTree(new double[]{1, 2}, 1, 2);
        assertEquals(1, one.countWithin(new double[]{1, 2.5}, 0, 0.5, 10));
        assertEquals(0, one.countWithin(new double[]{1, 2.6}, 0, 0.5, 10));
        assertThrows(IllegalArgumentException.class, () -> one.nearest(new double[]{0, 0}, 0, 2, idx, new double[4]));
        assertThrows(IllegalArgumentException.class, () -> new BallTree(new double[0], 0, 2));
    }
}
