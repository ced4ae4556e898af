package org.deepcluster.core.cluster.graph;

import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.progress.Progress;

/**
 * Graph-based clustering as in single-cell analysis (Seurat's {@code FindNeighbors} + {@code FindClusters}, scanpy's
 * {@code neighbors} + {@code leiden}/{@code louvain}): the exact k-nearest-neighbour graph of the rows (Euclidean),
 * weighted as a shared-nearest-neighbour graph ({@link SharedNeighbourGraph}), partitioned by Louvain or Leiden
 * ({@link CommunityDetection}) maximising modularity at a resolution γ. The number of clusters follows from the data
 * and γ.
 */
public final class GraphClustering {

    /**
     * @param neighbours k, the neighbours per row (Seurat's default 20, scanpy's 15)
     * @param method Louvain or Leiden
     * @param resolution γ > 0 (1 = modularity; larger = more clusters)
     * @param iterations runs of the algorithm, each from the previous result (≥ 1)
     * @param prune SNN edges with a Jaccard index below this are dropped, in [0, 1)
     * @param seed the random seed
     */
    public record Parameters(int neighbours, CommunityDetection.Method method, double resolution, int iterations,
        double prune, long seed) {

        /** @throws IllegalArgumentException naming the first invalid parameter */
        public void validate() {
            if (neighbours < 1) {
                throw new IllegalArgumentException("the number of neighbours k must be at least 1, got " + neighbours);
            }
            if (method == null) {
                throw new IllegalArgumentException("the method (Louvain or Leiden) is not set");
            }
            if (!(resolution > 0) || !Double.isFinite(resolution)) {
                throw new IllegalArgumentException("the resolution must be a finite number > 0, got " + resolution);
            }
            if (iterations < 1) {
                throw new IllegalArgumentException("the number of iterations must be at least 1, got " + iterations);
            }
            if (!(prune >= 0 && prune < 1)) {
                throw new IllegalArgumentException("the pruning threshold must be in [0, 1), got " + prune);
            }
        }
    }

    private GraphClustering() {
    }

    /**
     * @param data the rows, all finite; more rows than {@code neighbours}
     * @param parameters the settings
     * @param progress progress (neighbours 60 %, graph 10 %, communities 30 %) and cancellation
     * @return the model
     * @throws IllegalArgumentException if the parameters are invalid or do not fit the data
     */
    public static GraphClusterModel fit(final Matrix data, final Parameters parameters, final Progress progress) {
        parameters.validate();
        final int n = data.rows();
        if (parameters.neighbours() >= n) {
            throw new IllegalArgumentException("the number of neighbours k (" + parameters.neighbours()
                + ") must be less than the number of rows (" + n + "): lower k or provide more rows");
        }
        data.requireFinite("the data");
        final int k = parameters.neighbours();
        final int[] knn = NearestNeighbours.of(data, k, scaled(progress, 0, 0.6));
        progress.checkCancelled();
        progress.report(0.6, "Building the shared-nearest-neighbour graph");
        final WeightedGraph graph = SharedNeighbourGraph.build(knn, n, k, parameters.prune());
        final CommunityDetection.Result result = CommunityDetection.run(graph, parameters.method(),
            parameters.resolution(), parameters.iterations(), parameters.seed(), scaled(progress, 0.7, 1));
        return new GraphClusterModel(data, result.membership(), parameters, result.modularity(), graph.edges());
    }

    /** Maps a sub-task's 0 … 1 onto [from, to] of the whole. */
    static Progress scaled(final Progress progress, final double from, final double to) {
        return new Progress() {
            @Override
            public void report(final double fraction, final String message) {
                progress.report(from + (to - from) * fraction, message);
            }

            @Override
            public void checkCancelled() {
                progress.checkCancelled();
            }
        };
    }
}
