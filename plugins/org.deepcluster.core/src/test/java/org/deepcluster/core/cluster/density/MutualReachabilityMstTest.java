package org.deepcluster.core.cluster.density;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.deepcluster.core.progress.Progress;
import org.junit.jupiter.api.Test;

/**
 * Borůvka on the ball tree (what HDBSCAN uses) against Prim over all pairs (the former implementation, kept as the
 * reference): the same edges, in the same order, on random data of several sizes and dimensions, with clusters, ties
 * and duplicates, and with and without the neighbour lists.
 */
class MutualReachabilityMstTest {

    /** Clustered rows; with {@code grid}, small integers (many equal distances and duplicate rows). */
    private static double[] data(final int n, final int d, final long seed, final boolean grid) {
        final Random r = new Random(seed);
        final double[][] centres = new double[4][d];
        for (final double[] c : centres) {
            for (int j = 0; j < d; j++) {
                c[j] = r.nextGaussian() * 6;
            }
        }
        final double[] x = new double[n * d];
        for (int i = 0; i < n; i++) {
            final double[] c = centres[r.nextInt(centres.length)];
            for (int j = 0; j < d; j++) {
                x[i * d + j] = grid ? r.nextInt(3) + Math.round(c[j] / 3) : c[j] + r.nextGaussian();
            }
        }
        if (!grid) {
            System.arraycopy(x, 0, x, d, Math.min(5, n - 1) * d); // a few exact duplicates of the first rows
        }
        return x;
    }

    @Test
    void boruvkaReturnsPrimsTree() {
        int cases = 0;
        for (final int d : new int[]{2, 3, 8, 20, 32}) {
            for (final int n : new int[]{2, 30, 400, 1500}) {
                for (final boolean grid : new boolean[]{false, true}) {
                    for (final int minSamples : new int[]{1, 5, 17}) {
                        if (minSamples > n) {
                            continue;
                        }
                        final double[] x = data(n, d, 31L * n + d, grid);
                        final BallTree tree = new BallTree(x, n, d);
                        final boolean keepLists = (n + d + minSamples) % 2 == 0;
                        final BallTree.AllNearest nearest = tree.allNearest(x, minSamples, keepLists, Progress.NONE,
                            0, 1, "");
                        final MutualReachabilityMst.Edges prim = MutualReachabilityMst.prim(x, n, d, nearest.kth(),
                            Progress.NONE, 0, 1);
                        final MutualReachabilityMst.Edges boruvka = BoruvkaMst.build(tree, x, nearest,
                            Progress.NONE, 0, 1);
                        final String name = "n " + n + ", d " + d + ", grid " + grid + ", minSamples " + minSamples;
                        assertEquals(prim.totalWeight(), boruvka.totalWeight(), 1e-12 * prim.totalWeight(), name);
                        assertArrayEquals(prim.weight(), boruvka.weight(), name);
                        assertArrayEquals(prim.from(), boruvka.from(), name);
                        assertArrayEquals(prim.to(), boruvka.to(), name);
                        cases++;
                    }
                }
            }
        }
        assertEquals(100, cases);
    }

    @Test
    void nearestListsMatchSingleQueries() {
        final int n = 600;
        final int d = 6;
        for (final boolean grid : new boolean[]{false, true}) {
            final double[] x = data(n, d, 5, grid);
            final BallTree tree = new BallTree(x, n, d);
            final int k = 9;
            final BallTree.AllNearest all = tree.allNearest(x, k, true, Progress.NONE, 0, 1, "");
            final int[] index = new int[k + 1];
            final double[] distance = new double[k + 1];
            for (int i = 0; i < n; i++) {
                tree.nearest(x, i * d, k + 1, index, distance);
                assertEquals(distance[k - 1], all.kth()[i]);
                for (int j = 0; j < k; j++) {
                    assertEquals(index[j], all.index()[i * k + j]);
                }
                assertEquals(distance[k] > distance[k - 1], all.complete()[i]);
            }
        }
    }
}
