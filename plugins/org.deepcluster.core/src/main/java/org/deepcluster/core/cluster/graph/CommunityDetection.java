package org.deepcluster.core.cluster.graph;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.deepcluster.core.progress.Progress;

/**
 * Louvain (Blondel et al. 2008) and Leiden (Traag, Waltman and van Eck 2019) community detection, maximising
 * {@link Modularity} with a resolution γ.
 *
 * <p>Louvain repeats local moving (sweeps over the nodes in random order, each moved to the neighbouring community
 * with the largest modularity gain, until no move helps) and aggregation (one node per community). Leiden uses the
 * fast local move (a queue: only neighbours of moved nodes are revisited), then refines each community: its nodes
 * start as singletons and a well-connected singleton joins a well-connected sub-community of the same community
 * (chosen at random among those with a non-negative gain, with probability ∝ exp(gain/θ), θ = 0.01 as leidenalg),
 * and the refined partition is aggregated, the unrefined one giving the aggregate's starting partition. This
 * guarantees connected communities, which Louvain does not.
 *
 * <p>Written by hand: Smile 3.1.1 has no community detection, and the reference implementations (igraph, leidenalg)
 * are native code. One {@code iteration} runs the algorithm to convergence from the previous iteration's partition;
 * iterations stop early when the partition no longer changes. Same graph, parameters and seed give the same result.
 */
public final class CommunityDetection {

    /** The algorithm. */
    public enum Method {
        /** Louvain: local moving and aggregation. */
        LOUVAIN,
        /** Leiden: fast local moving, refinement, aggregation of the refined partition. */
        LEIDEN
    }

    /** Leiden's randomness in the refinement (leidenalg's default). */
    static final double THETA = 0.01;

    /** Gains below this are treated as no gain (rounding noise must not move nodes back and forth). */
    private static final double EPS = 1e-12;

    /**
     * @param membership the community of each node, 0 … count−1, numbered by first appearance
     * @param count the number of communities
     * @param modularity the modularity at the resolution used
     * @param iterations the iterations run
     */
    public record Result(int[] membership, int count, double modularity, int iterations) {
    }

    private CommunityDetection() {
    }

    /**
     * @param graph the graph
     * @param method Louvain or Leiden
     * @param resolution γ > 0
     * @param iterations at least 1
     * @param seed the random seed (node orders, Leiden's refinement)
     * @param progress progress and cancellation (checked at least once per pass over the nodes)
     * @return the communities
     */
    public static Result run(final WeightedGraph graph, final Method method, final double resolution,
        final int iterations, final long seed, final Progress progress) {
        if (!(resolution > 0) || !Double.isFinite(resolution)) {
            throw new IllegalArgumentException("the resolution must be a finite number > 0, got " + resolution);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("the number of iterations must be at least 1, got " + iterations);
        }
        final SplittableRandom random = new SplittableRandom(seed);
        final int n = graph.nodes();
        int[] membership = new int[n];
        for (int v = 0; v < n; v++) {
            membership[v] = v;
        }
        int done = 0;
        for (int it = 0; it < iterations; it++) {
            progress.checkCancelled();
            progress.report((double)it / iterations, method + " iteration " + (it + 1) + " of " + iterations);
            final int[] next = renumber(optimise(graph, membership, method, resolution, random, progress));
            done++;
            final boolean same = Arrays.equals(next, membership);
            membership = next;
            if (same || graph.totalWeight() == 0) {
                break;
            }
        }
        int count = 0;
        for (final int c : membership) {
            count = Math.max(count, c + 1);
        }
        progress.report(1, method + " done");
        return new Result(membership, count, graph.totalWeight() == 0 ? 0
            : Modularity.of(graph, membership, resolution), done);
    }

    /** One run to convergence from a starting partition of the original graph; returns the new partition. */
    private static int[] optimise(final WeightedGraph original, final int[] start, final Method method,
        final double resolution, final SplittableRandom random, final Progress progress) {
        WeightedGraph graph = original;
        int[] partition = start.clone();
        // node of the current (aggregated) graph that holds each original node
        int[] nodeOf = new int[original.nodes()];
        for (int v = 0; v < nodeOf.length; v++) {
            nodeOf[v] = v;
        }
        while (true) {
            progress.checkCancelled();
            final boolean moved = method == Method.LEIDEN
                ? fastLocalMove(graph, partition, resolution, random)
                : localMove(graph, partition, resolution, random, progress);
            final int communities = countAndRenumber(partition);
            if (communities == graph.nodes() || method == Method.LOUVAIN && !moved && graph != original) {
                break;
            }
            int[] aggregateBy = partition;
            int aggregateCount = communities;
            if (method == Method.LEIDEN) {
                final int[] refined = refine(graph, partition, resolution, random);
                final int refinedCount = countAndRenumber(refined);
                if (refinedCount < graph.nodes()) {
                    aggregateBy = refined;
                    aggregateCount = refinedCount;
                }
            }
            if (aggregateCount == graph.nodes()) {
                break;
            }
            final int[] nextPartition = new int[aggregateCount];
            for (int v = 0; v < graph.nodes(); v++) {
                nextPartition[aggregateBy[v]] = partition[v];
            }
            for (int v = 0; v < nodeOf.length; v++) {
                nodeOf[v] = aggregateBy[nodeOf[v]];
            }
            graph = graph.aggregate(aggregateBy, aggregateCount);
            partition = nextPartition;
        }
        final int[] result = new int[original.nodes()];
        for (int v = 0; v < result.length; v++) {
            result[v] = partition[nodeOf[v]];
        }
        return result;
    }

    /** Louvain's local moving: sweeps in random order until a sweep moves no node. */
    private static boolean localMove(final WeightedGraph g, final int[] partition, final double resolution,
        final SplittableRandom random, final Progress progress) {
        final int n = g.nodes();
        final Communities c = new Communities(g, partition);
        final int[] order = shuffled(n, random);
        boolean movedAny = false;
        boolean moved = true;
        while (moved) {
            progress.checkCancelled();
            moved = false;
            for (final int v : order) {
                final int best = c.bestCommunity(v, resolution, false);
                if (best != partition[v]) {
                    c.move(v, best);
                    moved = true;
                    movedAny = true;
                }
            }
        }
        return movedAny;
    }

    /** Leiden's fast local move: a queue of nodes; neighbours of a moved node outside its new community rejoin it. */
    private static boolean fastLocalMove(final WeightedGraph g, final int[] partition, final double resolution,
        final SplittableRandom random) {
        final int n = g.nodes();
        final Communities c = new Communities(g, partition);
        final ArrayDeque<Integer> queue = new ArrayDeque<>(n);
        final boolean[] queued = new boolean[n];
        for (final int v : shuffled(n, random)) {
            queue.add(v);
            queued[v] = true;
        }
        boolean movedAny = false;
        while (!queue.isEmpty()) {
            final int v = queue.poll();
            queued[v] = false;
            final int best = c.bestCommunity(v, resolution, true);
            if (best != partition[v]) {
                c.move(v, best);
                movedAny = true;
                for (int e = g.start(v); e < g.end(v); e++) {
                    final int u = g.target(e);
                    if (!queued[u] && partition[u] != best) {
                        queue.add(u);
                        queued[u] = true;
                    }
                }
            }
        }
        return movedAny;
    }

    /** Leiden's refinement: merges of well-connected singletons into well-connected sub-communities of their community. */
    private static int[] refine(final WeightedGraph g, final int[] partition, final double resolution,
        final SplittableRandom random) {
        final int n = g.nodes();
        final double twoM = g.totalWeight();
        final int communities = countAndRenumber(partition);
        final double[] communityDegree = new double[communities];
        for (int v = 0; v < n; v++) {
            communityDegree[partition[v]] += g.degree(v);
        }
        final int[] refined = new int[n];
        final double[] refinedDegree = new double[n];
        final double[] external = new double[n]; // weight from the refined community to the rest of its community
        final int[] size = new int[n];
        for (int v = 0; v < n; v++) {
            refined[v] = v;
            refinedDegree[v] = g.degree(v);
            size[v] = 1;
            for (int e = g.start(v); e < g.end(v); e++) {
                if (partition[g.target(e)] == partition[v]) {
                    external[v] += g.weight(e);
                }
            }
        }
        final double[] weightTo = new double[n];
        final int[] touched = new int[n];
        final double[] gains = new double[n];
        final int[] candidate = new int[n];
        for (final int v : shuffled(n, random)) {
            final int c = partition[v];
            final double kv = g.degree(v);
            if (size[refined[v]] != 1
                || external[v] < resolution * kv * (communityDegree[c] - kv) / twoM - EPS) {
                continue; // not a singleton any more, or not well connected to its community
            }
            int count = 0;
            for (int e = g.start(v); e < g.end(v); e++) {
                final int u = g.target(e);
                if (partition[u] == c) {
                    final int t = refined[u];
                    if (weightTo[t] == 0) {
                        touched[count++] = t;
                    }
                    weightTo[t] += g.weight(e);
                }
            }
            Arrays.sort(touched, 0, count); // a deterministic order for the random choice
            double maxGain = 0; // staying alone gains 0
            int candidates = 0;
            for (int i = 0; i < count; i++) {
                final int t = touched[i];
                final double kt = refinedDegree[t];
                final boolean wellConnected =
                    external[t] >= resolution * kt * (communityDegree[c] - kt) / twoM - EPS;
                final double gain = weightTo[t] - resolution * kv * kt / twoM;
                if (t != refined[v] && wellConnected && gain >= 0) {
                    candidate[candidates] = t;
                    gains[candidates++] = gain;
                    maxGain = Math.max(maxGain, gain);
                }
            }
            // choose among the candidates and staying alone, with probability proportional to exp(gain / θ)
            final double alone = Math.exp(-maxGain / THETA);
            double total = alone;
            for (int i = 0; i < candidates; i++) {
                total += Math.exp((gains[i] - maxGain) / THETA);
            }
            double r = random.nextDouble() * total - alone;
            int chosen = -1;
            for (int i = 0; i < candidates && r >= 0; i++) {
                r -= Math.exp((gains[i] - maxGain) / THETA);
                if (r < 0) {
                    chosen = candidate[i];
                }
            }
            if (chosen >= 0) {
                final double w = weightTo[chosen];
                final int own = refined[v];
                refined[v] = chosen;
                size[own] = 0;
                size[chosen]++;
                refinedDegree[chosen] += kv;
                external[chosen] += external[v] - 2 * w;
            }
            for (int i = 0; i < count; i++) {
                weightTo[touched[i]] = 0;
            }
        }
        return refined;
    }

    /** Community totals for the local moves. */
    private static final class Communities {
        private final WeightedGraph g;
        private final int[] partition;
        private final double[] degree;
        private final int[] size;
        private final double[] weightTo;
        private final int[] touched;
        private final int[] empty; // a stack of empty community ids
        private int emptyCount;

        Communities(final WeightedGraph g, final int[] partition) {
            this.g = g;
            this.partition = partition;
            final int n = g.nodes();
            degree = new double[n];
            size = new int[n];
            weightTo = new double[n];
            touched = new int[n];
            empty = new int[n];
            for (int v = 0; v < n; v++) {
                degree[partition[v]] += g.degree(v);
                size[partition[v]]++;
            }
            for (int c = n - 1; c >= 0; c--) {
                if (size[c] == 0) {
                    empty[emptyCount++] = c;
                }
            }
        }

        /**
         * @return the community of v's neighbours (or v's own; or, if allowed, an empty one) with the largest gain;
         *         v's own community on ties
         */
        int bestCommunity(final int v, final double resolution, final boolean allowEmpty) {
            final int own = partition[v];
            final double kv = g.degree(v);
            final double twoM = g.totalWeight();
            int count = 0;
            for (int e = g.start(v); e < g.end(v); e++) {
                final int c = partition[g.target(e)];
                if (weightTo[c] == 0) {
                    touched[count++] = c;
                }
                weightTo[c] += g.weight(e);
            }
            // gain of joining c after leaving own: w(v, c) − γ k_v K_c / 2m (K_c without v)
            final double ownDegree = degree[own] - kv;
            final double stay = weightTo[own] - resolution * kv * ownDegree / twoM;
            int best = own;
            double bestGain = stay;
            for (int i = 0; i < count; i++) {
                final int c = touched[i];
                if (c != own) {
                    final double gain = weightTo[c] - resolution * kv * degree[c] / twoM;
                    if (gain > bestGain + EPS || gain > bestGain - EPS && best != own && c < best) {
                        best = c;
                        bestGain = gain;
                    }
                }
                weightTo[c] = 0;
            }
            weightTo[own] = 0;
            if (allowEmpty && size[own] > 1 && bestGain < -EPS && emptyCount > 0) {
                return empty[emptyCount - 1]; // alone is better than anywhere else (gain 0)
            }
            return best;
        }

        void move(final int v, final int to) {
            final int from = partition[v];
            final double kv = g.degree(v);
            degree[from] -= kv;
            size[from]--;
            if (size[from] == 0) {
                empty[emptyCount++] = from;
            }
            if (size[to] == 0) {
                emptyCount--; // 'to' was taken from the top of the stack
            }
            degree[to] += kv;
            size[to]++;
            partition[v] = to;
        }
    }

    private static int[] shuffled(final int n, final SplittableRandom random) {
        final int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            final int j = random.nextInt(i + 1);
            final int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** Renumbers labels 0 … count−1 by first appearance, in place; returns count. */
    private static int countAndRenumber(final int[] labels) {
        final int[] map = new int[labels.length];
        Arrays.fill(map, -1);
        int count = 0;
        for (int i = 0; i < labels.length; i++) {
            if (map[labels[i]] < 0) {
                map[labels[i]] = count++;
            }
            labels[i] = map[labels[i]];
        }
        return count;
    }

    /** @return a copy numbered by first appearance */
    static int[] renumber(final int[] labels) {
        final int[] copy = labels.clone();
        countAndRenumber(copy);
        return copy;
    }
}
