package org.deepcluster.core.cluster.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import org.deepcluster.core.cluster.ClusterModels;
import org.deepcluster.core.cluster.graph.CommunityDetection.Method;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.metrics.ClusteringScores;
import org.deepcluster.core.progress.CancelledException;
import org.deepcluster.core.progress.Progress;
import org.deepcluster.core.synthetic.GaussianBlobs;
import org.deepcluster.core.synthetic.SyntheticData;
import org.junit.jupiter.api.Test;

/** The kNN graph + Louvain/Leiden pipeline, its model (save, read, kNN-vote assignment) and its bad-input errors. */
class GraphClusteringTest {

    private static final SyntheticData BLOBS =
        GaussianBlobs.generate(new GaussianBlobs.Parameters(600, 8, 5, 1.0, 10, 3), Progress.NONE);

    private static GraphClustering.Parameters parameters(final Method method) {
        return new GraphClustering.Parameters(15, method, 1.0, 10, SharedNeighbourGraph.DEFAULT_PRUNE, 42);
    }

    @Test
    void findsSeparatedBlobs() {
        for (final Method method : Method.values()) {
            final GraphClusterModel model = GraphClustering.fit(BLOBS.data(), parameters(method), Progress.NONE);
            final double ari = ClusteringScores.adjustedRandIndex(BLOBS.labels(), model.labels());
            assertTrue(ari > 0.99, method + ": ARI " + ari);
            assertEquals(5, model.clusterCount());
            assertTrue(model.summary().contains("5 communities"), model.summary());
        }
    }

    @Test
    void assignsNewRowsByTheVoteOfTheirNearestTrainingRows() {
        final GraphClusterModel model = GraphClustering.fit(BLOBS.data(), parameters(Method.LEIDEN), Progress.NONE);
        // the training rows themselves: the vote agrees with the communities on separated blobs
        assertArrayEquals(model.labels(), model.assign(BLOBS.data()).labels());
        // new rows from the same blobs
        final SyntheticData fresh =
            GaussianBlobs.generate(new GaussianBlobs.Parameters(200, 8, 5, 1.0, 10, 3), Progress.NONE);
        final int[] assigned = model.assign(fresh.data()).labels();
        assertTrue(ClusteringScores.adjustedRandIndex(fresh.labels(), assigned) > 0.99);
        assertEquals(null, model.assign(fresh.data()).probabilities());
        assertThrows(IllegalArgumentException.class, () -> model.assign(Matrix.of(new double[][]{{1, 2}})));
    }

    @Test
    void aSavedModelReadsBackEqual() throws Exception {
        final GraphClusterModel model = GraphClustering.fit(BLOBS.data(), parameters(Method.LOUVAIN), Progress.NONE);
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        ClusterModels.write(model, out);
        final GraphClusterModel copy =
            (GraphClusterModel)ClusterModels.read(new ByteArrayInputStream(out.toByteArray()));
        assertArrayEquals(model.labels(), copy.labels());
        assertEquals(model.parameters(), copy.parameters());
        assertEquals(model.modularity(), copy.modularity());
        assertEquals(model.summary(), copy.summary());
        final Matrix rows = Matrix.of(new double[][]{BLOBS.data().row(0), BLOBS.data().row(599)});
        assertArrayEquals(model.assign(rows).labels(), copy.assign(rows).labels());
    }

    @Test
    void sameSeedSameClustering() {
        final GraphClustering.Parameters p = new GraphClustering.Parameters(10, Method.LEIDEN, 2.0, 2, 0, 5);
        assertArrayEquals(GraphClustering.fit(BLOBS.data(), p, Progress.NONE).labels(),
            GraphClustering.fit(BLOBS.data(), p, Progress.NONE).labels());
    }

    @Test
    void badInputIsNamed() {
        final Matrix three = Matrix.of(new double[][]{{0}, {1}, {2}});
        final var k = assertThrows(IllegalArgumentException.class, () -> GraphClustering.fit(three,
            new GraphClustering.Parameters(3, Method.LEIDEN, 1, 1, 0, 1), Progress.NONE));
        assertTrue(k.getMessage().contains("k (3) must be less than the number of rows (3)"), k.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GraphClustering.fit(three,
            new GraphClustering.Parameters(0, Method.LEIDEN, 1, 1, 0, 1), Progress.NONE));
        final var r = assertThrows(IllegalArgumentException.class, () -> GraphClustering.fit(three,
            new GraphClustering.Parameters(1, Method.LEIDEN, -1, 1, 0, 1), Progress.NONE));
        assertTrue(r.getMessage().contains("resolution"), r.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GraphClustering.fit(three,
            new GraphClustering.Parameters(1, Method.LEIDEN, 1, 1, 1.5, 1), Progress.NONE));
        final var nan = assertThrows(IllegalArgumentException.class, () -> GraphClustering.fit(
            Matrix.of(new double[][]{{0}, {Double.NaN}, {2}}), new GraphClustering.Parameters(1, Method.LEIDEN, 1, 1,
                0, 1), Progress.NONE));
        assertTrue(nan.getMessage().contains("NaN"), nan.getMessage());
    }

    @Test
    void identicalRowsFormOneCommunity() {
        final double[][] same = new double[30][2];
        final GraphClusterModel model = GraphClustering.fit(Matrix.of(same),
            new GraphClustering.Parameters(5, Method.LEIDEN, 1, 3, SharedNeighbourGraph.DEFAULT_PRUNE, 1),
            Progress.NONE);
        assertTrue(model.clusterCount() >= 1);
    }

    @Test
    void cancellationStops() {
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
        assertThrows(CancelledException.class,
            () -> GraphClustering.fit(BLOBS.data(), parameters(Method.LEIDEN), cancel));
    }
}
