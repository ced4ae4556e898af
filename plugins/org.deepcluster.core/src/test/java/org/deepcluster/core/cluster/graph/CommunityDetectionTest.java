package org.deepcluster.core.cluster.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deepcluster.core.cluster.graph.CommunityDetection.Method;
import org.deepcluster.core.metrics.ClusteringScores;
import org.deepcluster.core.progress.CancelledException;
import org.deepcluster.core.progress.Progress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Louvain and Leiden against leidenalg and python-louvain on the committed fixtures (make_graph_fixtures.py). */
class CommunityDetectionTest {

    /** How far below the best of 20 reference runs our single run may end (modularity units). */
    private static final double MARGIN = 0.002;

    @ParameterizedTest
    @CsvSource({"planted, LEIDEN, 0.5", "planted, LEIDEN, 1.0", "planted, LEIDEN, 2.0", "planted, LOUVAIN, 1.0",
        "snn, LEIDEN, 0.5", "snn, LEIDEN, 1.0", "snn, LEIDEN, 2.0", "snn, LOUVAIN, 1.0"})
    void modularityIsAsHighAsTheReference(final String graphName, final Method method, final double resolution) {
        final WeightedGraph graph = graphName.equals("planted") ? GraphFixtures.planted()
            : GraphFixtures.edges("snn_edges.csv", 150);
        final CommunityDetection.Result result =
            CommunityDetection.run(graph, method, resolution, 10, 42, Progress.NONE);
        final double reference = GraphFixtures.reference(graphName, method.name().toLowerCase(), resolution);
        assertTrue(result.modularity() >= reference - MARGIN,
            method + " " + graphName + " γ=" + resolution + ": " + result.modularity() + " vs " + reference);
        assertEquals(result.modularity(), Modularity.of(graph, result.membership(), resolution), 1e-12);
    }

    @Test
    void recoversThePlantedPartition() {
        final WeightedGraph graph = GraphFixtures.planted();
        for (final Method method : Method.values()) {
            final CommunityDetection.Result result = CommunityDetection.run(graph, method, 1.0, 10, 1, Progress.NONE);
            final double ari = ClusteringScores.adjustedRandIndex(GraphFixtures.plantedTruth(), result.membership());
            assertTrue(ari > 0.95, method + ": ARI " + ari);
            assertEquals(5, result.count(), method.toString());
        }
    }

    @Test
    void higherResolutionGivesMoreCommunities() {
        final WeightedGraph graph = GraphFixtures.planted();
        final int low = CommunityDetection.run(graph, Method.LEIDEN, 0.2, 10, 1, Progress.NONE).count();
        final int high = CommunityDetection.run(graph, Method.LEIDEN, 5, 10, 1, Progress.NONE).count();
        assertTrue(low < 5 && high > 5, low + " vs " + high);
    }

    @Test
    void sameSeedSameResult() {
        final WeightedGraph graph = GraphFixtures.planted();
        for (final Method method : Method.values()) {
            assertArrayEquals(CommunityDetection.run(graph, method, 1.5, 3, 7, Progress.NONE).membership(),
                CommunityDetection.run(graph, method, 1.5, 3, 7, Progress.NONE).membership());
        }
    }

    @Test
    void twoTrianglesJoinedByOneEdge() {
        final WeightedGraph g = WeightedGraph.of(6, new int[]{0, 0, 1, 3, 3, 4, 2}, new int[]{1, 2, 2, 4, 5, 5, 3},
            new double[]{1, 1, 1, 1, 1, 1, 1});
        for (final Method method : Method.values()) {
            final CommunityDetection.Result r = CommunityDetection.run(g, method, 1, 5, 3, Progress.NONE);
            assertArrayEquals(new int[]{0, 0, 0, 1, 1, 1}, r.membership(), method.toString());
            // Q = 2 × (6/14 − (7/14)²) = 5/14
            assertEquals(5.0 / 14, r.modularity(), 1e-12);
        }
    }

    @Test
    void anEdgelessGraphGivesSingletons() {
        final WeightedGraph g = WeightedGraph.of(3, new int[0], new int[0], new double[0]);
        final CommunityDetection.Result r = CommunityDetection.run(g, Method.LEIDEN, 1, 3, 1, Progress.NONE);
        assertArrayEquals(new int[]{0, 1, 2}, r.membership());
    }

    @Test
    void badParametersAndCancellation() {
        final WeightedGraph g = GraphFixtures.planted();
        assertThrows(IllegalArgumentException.class, () -> CommunityDetection.run(g, Method.LEIDEN, 0, 1, 1,
            Progress.NONE));
        assertThrows(IllegalArgumentException.class, () -> CommunityDetection.run(g, Method.LEIDEN, 1, 0, 1,
            Progress.NONE));
        final Progress cancel = new Progress() {
            @Override
            public void report(final double fraction, final String message) {
                // ignored
            }

            @Override
            public void checkCancelled() {
                throw new CancelledException("stop");
            }
        };
        assertThrows(CancelledException.class, () -> CommunityDetection.run(g, Method.LOUVAIN, 1, 1, 1, cancel));
    }
}
