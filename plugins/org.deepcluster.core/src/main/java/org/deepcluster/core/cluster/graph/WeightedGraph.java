package org.deepcluster.core.cluster.graph;

import java.util.Arrays;

/**
 * An undirected weighted graph in compressed sparse rows: for node v its neighbours are
 * {@code targets[offsets[v] .. offsets[v+1])} with {@code weights} at the same positions. Every undirected edge {u, v}
 * (u ≠ v) is stored in both rows with the same weight. A self-loop weight {@link #selfWeight} per node holds the weight
 * of the edges that aggregation folded into the node, counted over ordered pairs (so that the degrees, and with them
 * the total weight 2m, stay the same when a graph is aggregated). Immutable.
 */
public final class WeightedGraph {

    private final int[] offsets;
    private final int[] targets;
    private final double[] weights;
    private final double[] selfWeight;
    private final double[] degree;
    private final double totalWeight;

    /**
     * @param offsets n + 1 row starts
     * @param targets the neighbour of each entry (≠ its row)
     * @param weights the weight of each entry (> 0)
     * @param selfWeight per node the folded-in weight (0 in a graph built from data)
     */
    WeightedGraph(final int[] offsets, final int[] targets, final double[] weights, final double[] selfWeight) {
        this.offsets = offsets;
        this.targets = targets;
        this.weights = weights;
        this.selfWeight = selfWeight;
        final int n = offsets.length - 1;
        this.degree = new double[n];
        double total = 0;
        for (int v = 0; v < n; v++) {
            double s = selfWeight[v];
            for (int e = offsets[v]; e < offsets[v + 1]; e++) {
                s += weights[e];
            }
            degree[v] = s;
            total += s;
        }
        this.totalWeight = total;
    }

    /**
     * Builds a graph from an edge list; parallel edges are summed.
     *
     * @param n the number of nodes
     * @param from one end of each edge
     * @param to the other end (≠ from)
     * @param weight the weight of each edge (> 0, finite)
     * @return the graph
     * @throws IllegalArgumentException on a self-loop, an out-of-range node or a non-positive weight
     */
    public static WeightedGraph of(final int n, final int[] from, final int[] to, final double[] weight) {
        final int[] count = new int[n + 1];
        for (int e = 0; e < from.length; e++) {
            if (from[e] < 0 || from[e] >= n || to[e] < 0 || to[e] >= n || from[e] == to[e]) {
                throw new IllegalArgumentException("edge " + e + " (" + from[e] + ", " + to[e] + ") is a self-loop or "
                    + "names a node outside [0, " + n + ")");
            }
            if (!(weight[e] > 0) || !Double.isFinite(weight[e])) {
                throw new IllegalArgumentException("edge " + e + " has weight " + weight[e] + "; weights must be > 0");
            }
            count[from[e] + 1]++;
            count[to[e] + 1]++;
        }
        for (int v = 0; v < n; v++) {
            count[v + 1] += count[v];
        }
        final int[] fill = Arrays.copyOf(count, n);
        final int[] targets = new int[count[n]];
        final double[] weights = new double[count[n]];
        for (int e = 0; e < from.length; e++) {
            targets[fill[from[e]]] = to[e];
            weights[fill[from[e]]++] = weight[e];
            targets[fill[to[e]]] = from[e];
            weights[fill[to[e]]++] = weight[e];
        }
        return merged(count, targets, weights, new double[n]);
    }

    /** Sorts each row by target and sums entries with the same target. */
    static WeightedGraph merged(final int[] offsets, final int[] targets, final double[] weights,
        final double[] selfWeight) {
        final int n = offsets.length - 1;
        final int[] newOffsets = new int[n + 1];
        final int[] newTargets = new int[targets.length];
        final double[] newWeights = new double[targets.length];
        int out = 0;
        for (int v = 0; v < n; v++) {
            newOffsets[v] = out;
            final int start = offsets[v];
            final int end = offsets[v + 1];
            final Integer[] order = new Integer[end - start];
            for (int i = 0; i < order.length; i++) {
                order[i] = start + i;
            }
            Arrays.sort(order, (a, b) -> Integer.compare(targets[a], targets[b]));
            for (final int e : order) {
                if (out > newOffsets[v] && newTargets[out - 1] == targets[e]) {
                    newWeights[out - 1] += weights[e];
                } else {
                    newTargets[out] = targets[e];
                    newWeights[out++] = weights[e];
                }
            }
        }
        newOffsets[n] = out;
        return new WeightedGraph(newOffsets, Arrays.copyOf(newTargets, out), Arrays.copyOf(newWeights, out),
            selfWeight);
    }

    /** @return the number of nodes */
    public int nodes() {
        return degree.length;
    }

    /** @return the number of undirected edges between different nodes */
    public int edges() {
        return targets.length / 2;
    }

    int start(final int v) {
        return offsets[v];
    }

    int end(final int v) {
        return offsets[v + 1];
    }

    int target(final int e) {
        return targets[e];
    }

    /** @param e an entry; @return its weight */
    double weight(final int e) {
        return weights[e];
    }

    /** @param v a node; @return its weighted degree (self weight included) */
    public double degree(final int v) {
        return degree[v];
    }

    double selfWeight(final int v) {
        return selfWeight[v];
    }

    /** @return the sum of all degrees, 2m */
    public double totalWeight() {
        return totalWeight;
    }

    /**
     * The graph of communities: one node per community, edge weights summed, the weight inside a community kept as
     * its node's self weight.
     *
     * @param membership the community of each node, 0 … count−1
     * @param count the number of communities
     * @return the aggregated graph
     */
    WeightedGraph aggregate(final int[] membership, final int count) {
        final double[] self = new double[count];
        final int[] rowCount = new int[count + 1];
        for (int v = 0; v < nodes(); v++) {
            self[membership[v]] += selfWeight[v];
            for (int e = offsets[v]; e < offsets[v + 1]; e++) {
                if (membership[targets[e]] == membership[v]) {
                    self[membership[v]] += weights[e];
                } else {
                    rowCount[membership[v] + 1]++;
                }
            }
        }
        for (int c = 0; c < count; c++) {
            rowCount[c + 1] += rowCount[c];
        }
        final int[] fill = Arrays.copyOf(rowCount, count);
        final int[] t = new int[rowCount[count]];
        final double[] w = new double[rowCount[count]];
        for (int v = 0; v < nodes(); v++) {
            final int cv = membership[v];
            for (int e = offsets[v]; e < offsets[v + 1]; e++) {
                final int cu = membership[targets[e]];
                if (cu != cv) {
                    t[fill[cv]] = cu;
                    w[fill[cv]++] = weights[e];
                }
            }
        }
        return merged(rowCount, t, w, self);
    }
}
