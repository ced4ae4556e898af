package org.deepcluster.core.cluster.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.progress.CancelledException;
import org.deepcluster.core.progress.Progress;
import org.junit.jupiter.api.Test;

/** Exact neighbours and the SNN graph against scikit-learn's NearestNeighbors and the fixture script's Jaccard graph. */
class SharedNeighbourGraphTest {

    @Test
    void theSnnGraphEqualsTheReferenceGraph() {
        final Matrix points = GraphFixtures.snnPoints();
        final int[] knn = NearestNeighbours.of(points, 10, Progress.NONE);
        final WeightedGraph ours = SharedNeighbourGraph.build(knn, 150, 10, SharedNeighbourGraph.DEFAULT_PRUNE);
        final WeightedGraph reference = GraphFixtures.edges("snn_edges.csv", 150);
        assertEquals(reference.edges(), ours.edges());
        for (int v = 0; v < 150; v++) {
            assertEquals(reference.end(v) - reference.start(v), ours.end(v) - ours.start(v), "row " + v);
            for (int e = ours.start(v); e < ours.end(v); e++) {
                final int r = reference.start(v) + (e - ours.start(v));
                assertEquals(reference.target(r), ours.target(e));
                assertEquals(reference.weight(r), ours.weight(e), 1e-15);
            }
        }
        assertEquals(reference.totalWeight(), ours.totalWeight(), 1e-9);
    }

    @Test
    void neighboursAreExactSortedAndTiesGoToTheLowerIndex() {
        final Matrix line = Matrix.of(new double[][]{{0}, {1}, {-1}, {3}, {2}});
        // row 0: 1 and 2 tie at distance 1 -> 1 first; then 4 (2); row 4: 3 and 1 tie -> 1 first
        final int[] knn = NearestNeighbours.of(line, 2, Progress.NONE);
        assertArrayEquals(new int[]{1, 2, 0, 4, 0, 1, 4, 1, 1, 3}, knn);
        final var e = assertThrows(IllegalArgumentException.class, () -> NearestNeighbours.of(line, 5, Progress.NONE));
        assertTrue(e.getMessage().contains("less than the number of rows (5)"), e.getMessage());
    }

    @Test
    void aSmallSnnGraphByHand() {
        // 4 points, k = 1: neighbourhoods {0,1} {1,0} {2,3} {3,2}: pairs (0,1) and (2,3) share 2 of 2 -> Jaccard 1
        final Matrix points = Matrix.of(new double[][]{{0}, {1}, {10}, {11.5}});
        final WeightedGraph g = SharedNeighbourGraph.build(NearestNeighbours.of(points, 1, Progress.NONE), 4, 1, 0);
        assertEquals(2, g.edges());
        assertEquals(1.0, g.degree(0));
        assertEquals(4.0, g.totalWeight());
    }

    @Test
    void neighbourSearchCanBeCancelled() {
        // the search checks for cancellation once per batch of 2,048 rows: 20,000 rows give ten checks
        final double[][] rows = new double[20_000][3];
        for (int i = 0; i < rows.length; i++) {
            rows[i][0] = i;
        }
        final AtomicInteger checks = new AtomicInteger();
        final Progress cancelling = new Progress() {
            @Override
            public void report(final double fraction, final String message) {
                // ignored
            }

            @Override
            public void checkCancelled() {
                if (checks.incrementAndGet() > 3) {
                    throw new CancelledException("stop");
                }
            }
        };
        assertThrows(CancelledException.class, () -> NearestNeighbours.of(Matrix.of(rows), 5, cancelling));
    }
}
