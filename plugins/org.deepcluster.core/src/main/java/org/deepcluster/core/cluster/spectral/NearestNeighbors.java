package org.deepcluster.core.cluster.spectral;

import java.util.stream.IntStream;

import org.deepcluster.core.progress.Progress;

/**
 * Exact k-nearest-neighbour search by brute force (Euclidean), queries in parallel. Brute force is what scikit-learn
 * picks for embeddings of more than a few dimensions too; a partial-distance cut-off skips most of the work for far
 * rows.
 */
final class NearestNeighbors {

    private static final int QUERIES_PER_BLOCK = 1024;

    private NearestNeighbors() {
    }

    /**
     * Finds, for each query row, the {@code k} nearest reference rows, nearest first (ties: lower index first).
     *
     * @param reference the reference rows, row-major, n × d
     * @param n the number of reference rows, at least k
     * @param queries the query rows, row-major, q × d
     * @param q the number of query rows
     * @param d the number of columns
     * @param k the number of neighbours
     * @param queriesAreReference whether the queries are the reference rows themselves: then each row is its own
     *            first neighbour (scikit-learn's {@code include_self=True}), whatever duplicates it has
     * @param progress cancellation between blocks of queries; reports the fraction of queries done
     * @param distances receives the Euclidean distances, q × k, or null
     * @return the neighbour indices, q × k, row-major
     */
    static int[] search(final double[] reference, final int n, final double[] queries, final int q, final int d,
        final int k, final boolean queriesAreReference, final Progress progress, final double[] distances) {
        final int[] result = new int[q * k];
        for (int start = 0; start < q; start += QUERIES_PER_BLOCK) {
            progress.checkCancelled();
            progress.report((double)start / q, "nearest neighbours: row " + start + " of " + q);
            IntStream.range(start, Math.min(q, start + QUERIES_PER_BLOCK)).parallel().forEach(i -> {
                final int[] idx = new int[k];
                final double[] dist = new double[k];
                int found = 0;
                if (queriesAreReference) {
                    idx[0] = i;
                    dist[0] = 0;
                    found = 1;
                }
                final int io = i * d;
                for (int j = 0; j < n; j++) {
                    if (queriesAreReference && j == i) {
                        continue;
                    }
                    final double bound = found == k ? dist[k - 1] : Double.POSITIVE_INFINITY;
                    final int jo = j * d;
                    double sum = 0;
                    for (int c = 0; c < d && sum < bound; c++) {
                        final double diff = queries[io + c] - reference[jo + c];
                        sum += diff * diff;
                    }
                    if (sum < bound) { // insert, keeping the list sorted; equal distances stay in index order
                        int p = found == k ? k - 1 : found++;
                        while (p > 0 && dist[p - 1] > sum) {
                            dist[p] = dist[p - 1];
                            idx[p] = idx[p - 1];
                            p--;
                        }
                        dist[p] = sum;
                        idx[p] = j;
                    }
                }
                System.arraycopy(idx, 0, result, i * k, k);
                if (distances != null) {
                    for (int p = 0; p < k; p++) {
                        distances[i * k + p] = Math.sqrt(dist[p]);
                    }
                }
            });
        }
        progress.report(1.0, "nearest neighbours done");
        return result;
    }
}
