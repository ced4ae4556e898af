package org.deepcluster.core.cluster.graph;

/**
 * Modularity with a resolution parameter γ (Reichardt and Bornholdt's configuration model, as leidenalg's
 * {@code RBConfigurationVertexPartition} and igraph's {@code modularity(resolution=γ)}):
 * Q = 1/(2m) Σ_c [ e_c − γ K_c² / (2m) ], where e_c is the weight of the edges inside community c counted over
 * ordered pairs (twice per edge), K_c the sum of the degrees in c and 2m the sum of all degrees. γ = 1 is Newman's
 * modularity; larger γ favours more, smaller communities.
 */
public final class Modularity {

    private Modularity() {
    }

    /**
     * @param graph the graph
     * @param membership the community of each node (any non-negative labels)
     * @param resolution γ
     * @return Q
     */
    public static double of(final WeightedGraph graph, final int[] membership, final double resolution) {
        int count = 0;
        for (final int c : membership) {
            count = Math.max(count, c + 1);
        }
        final double[] inside = new double[count];
        final double[] degrees = new double[count];
        for (int v = 0; v < graph.nodes(); v++) {
            final int c = membership[v];
            degrees[c] += graph.degree(v);
            inside[c] += graph.selfWeight(v);
            for (int e = graph.start(v); e < graph.end(v); e++) {
                if (membership[graph.target(e)] == c) {
                    inside[c] += graph.weight(e);
                }
            }
        }
        final double twoM = graph.totalWeight();
        double q = 0;
        for (int c = 0; c < count; c++) {
            q += inside[c] - resolution * degrees[c] * degrees[c] / twoM;
        }
        return q / twoM;
    }
}
