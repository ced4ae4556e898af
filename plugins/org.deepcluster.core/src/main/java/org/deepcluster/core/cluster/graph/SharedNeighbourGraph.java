package org.deepcluster.core.cluster.graph;

import java.util.Arrays;

/**
 * The shared-nearest-neighbour (SNN) graph of Seurat's {@code FindNeighbors}, the usual input of Louvain and Leiden in
 * single-cell analysis: each row's neighbourhood is the row itself plus its k nearest neighbours; two rows are joined
 * when their neighbourhoods overlap, with the Jaccard index |N(i) ∩ N(j)| / |N(i) ∪ N(j)| = s / (2(k+1) − s) as
 * weight (s shared rows); edges below {@code prune} are dropped (Seurat's default 1/15).
 *
 * <p>Why SNN and not the plain symmetrised kNN graph: the Jaccard weights down-weight edges between rows that are
 * each other's neighbours only by chance (few shared neighbours, typical across cluster borders and at outliers), so
 * communities follow dense regions more robustly, and the weights come from ranks only, whatever the scale of the
 * distances. It needs no distance kernel (scanpy's UMAP connectivities need a fitted bandwidth per row).
 */
public final class SharedNeighbourGraph {

    /** Seurat's default pruning threshold. */
    public static final double DEFAULT_PRUNE = 1.0 / 15;

    private SharedNeighbourGraph() {
    }

    /**
     * @param neighbours row-major n × k nearest neighbours (without the row itself), as {@link NearestNeighbours#of}
     * @param n the number of rows
     * @param k the number of neighbours per row
     * @param prune edges with a Jaccard index below this are dropped (0 keeps all), in [0, 1)
     * @return the SNN graph; rows whose neighbourhood overlaps no other row's above {@code prune} stay isolated
     */
    public static WeightedGraph build(final int[] neighbours, final int n, final int k, final double prune) {
        if (!(prune >= 0 && prune < 1)) {
            throw new IllegalArgumentException("the pruning threshold must be in [0, 1), got " + prune);
        }
        // reverse lists: who has m in their neighbourhood (itself included)
        final int[] count = new int[n + 1];
        for (final int m : neighbours) {
            count[m + 1]++;
        }
        for (int v = 0; v < n; v++) {
            count[v + 1] += count[v] + 1; // + the row itself
        }
        final int[] fill = new int[n];
        final int[] holders = new int[count[n]];
        for (int v = 0; v < n; v++) {
            fill[v] = count[v];
            holders[fill[v]++] = v;
        }
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < k; p++) {
                final int m = neighbours[i * k + p];
                holders[fill[m]++] = i;
            }
        }
        // for each row i, count shared members with every j > i by walking i's neighbourhood's holders
        final int[] shared = new int[n];
        final int[] touched = new int[n];
        int[] from = new int[n * k];
        int[] to = new int[n * k];
        double[] weight = new double[n * k];
        int edges = 0;
        final int size = k + 1;
        for (int i = 0; i < n; i++) {
            int touchedCount = 0;
            for (int p = -1; p < k; p++) {
                final int m = p < 0 ? i : neighbours[i * k + p];
                for (int h = count[m]; h < count[m + 1]; h++) {
                    final int j = holders[h];
                    if (j > i) {
                        if (shared[j]++ == 0) {
                            touched[touchedCount++] = j;
                        }
                    }
                }
            }
            Arrays.sort(touched, 0, touchedCount);
            for (int t = 0; t < touchedCount; t++) {
                final int j = touched[t];
                final double jaccard = shared[j] / (2.0 * size - shared[j]);
                shared[j] = 0;
                if (jaccard >= prune && jaccard > 0) {
                    if (edges == from.length) {
                        from = Arrays.copyOf(from, edges * 2);
                        to = Arrays.copyOf(to, edges * 2);
                        weight = Arrays.copyOf(weight, edges * 2);
                    }
                    from[edges] = i;
                    to[edges] = j;
                    weight[edges++] = jaccard;
                }
            }
        }
        return WeightedGraph.of(n, Arrays.copyOf(from, edges), Arrays.copyOf(to, edges),
            Arrays.copyOf(weight, edges));
    }
}
