package org.deepcluster.core.cluster.graph;

import java.util.List;
import java.util.Map;

import org.deepcluster.core.Fixtures;
import org.deepcluster.core.data.Matrix;

/** The graph fixtures of {@code fixtures/graph/make_graph_fixtures.py}. */
final class GraphFixtures {

    private GraphFixtures() {
    }

    static WeightedGraph edges(final String name, final int n) {
        final List<Map<String, String>> rows = Fixtures.readCsv("graph/" + name);
        final int[] from = new int[rows.size()];
        final int[] to = new int[rows.size()];
        final double[] weight = new double[rows.size()];
        for (int e = 0; e < rows.size(); e++) {
            from[e] = Integer.parseInt(rows.get(e).get("from"));
            to[e] = Integer.parseInt(rows.get(e).get("to"));
            weight[e] = Double.parseDouble(rows.get(e).get("weight"));
        }
        return WeightedGraph.of(n, from, to, weight);
    }

    static WeightedGraph planted() {
        return edges("planted_edges.csv", 400);
    }

    static int[] plantedTruth() {
        return Fixtures.readCsv("graph/planted_truth.csv").stream().mapToInt(r -> Integer.parseInt(r.get("block")))
            .toArray();
    }

    static Matrix snnPoints() {
        final List<Map<String, String>> rows = Fixtures.readCsv("graph/snn_points.csv");
        final double[][] values = new double[rows.size()][4];
        for (int i = 0; i < values.length; i++) {
            for (int j = 0; j < 4; j++) {
                values[i][j] = Double.parseDouble(rows.get(i).get("x" + j));
            }
        }
        return Matrix.of(values);
    }

    /** @return the reference modularity of a graph, method ("leiden"/"louvain") and resolution */
    static double reference(final String graph, final String method, final double resolution) {
        return Fixtures.readCsv("graph/reference.csv").stream()
            .filter(r -> r.get("graph").equals(graph) && r.get("method").equals(method)
                && Double.parseDouble(r.get("resolution")) == resolution)
            .mapToDouble(r -> Double.parseDouble(r.get("modularity"))).findFirst().orElseThrow();
    }
}
