package org.deepcluster.core.cluster.spectral;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.deepcluster.core.progress.Progress;

/**
 * The similarity graph of spectral clustering, held as its degree-normalised adjacency M = D<sup>−½</sup> S
 * D<sup>−½</sup> (S without its diagonal, D the degrees), the matrix whose largest eigenvectors are the smallest of
 * the normalised Laplacian I − M that scikit-learn's {@code spectral_embedding} (SciPy's {@code csgraph.laplacian},
 * {@code normed=True}) decomposes. Sparse (CSR) for the nearest-neighbour graph, dense for the RBF kernel.
 */
final class AffinityGraph {

    private static final int PARALLEL_ROWS = 2048;

    private final int n;
    private final double[] sqrtDegree;
    private final int components;
    // sparse: row i holds columns cols[rowStart[i] .. rowStart[i+1]) with values; dense: n × n row-major
    private final int[] rowStart;
    private final int[] cols;
    private final double[] values;

    private AffinityGraph(final int n, final double[] sqrtDegree, final int components, final int[] rowStart,
        final int[] cols, final double[] values) {
        this.n = n;
        this.sqrtDegree = sqrtDegree;
        this.components = components;
        this.rowStart = rowStart;
        this.cols = cols;
        this.values = values;
    }

    /**
     * scikit-learn's {@code 0.5 (A + Aᵀ)} of {@code kneighbors_graph(X, k, include_self=True)}: an edge of weight 1
     * between mutual neighbours and 0.5 between one-sided ones.
     */
    static AffinityGraph nearestNeighbors(final double[] x, final int n, final int d, final int k,
        final Progress progress) {
        final int[] neighbours = NearestNeighbors.search(x, n, x, n, d, k, true, progress, null);
        final int[] count = new int[n];
        for (int i = 0; i < n; i++) {
            for (int p = 1; p < k; p++) { // p = 0 is the row itself: the diagonal does not count
                count[i]++;
                count[neighbours[i * k + p]]++;
            }
        }
        final int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + count[i];
        }
        final int[] raw = new int[start[n]];
        final int[] fill = Arrays.copyOf(start, n);
        for (int i = 0; i < n; i++) {
            for (int p = 1; p < k; p++) {
                final int j = neighbours[i * k + p];
                raw[fill[i]++] = j;
                raw[fill[j]++] = i;
            }
        }
        // Sort each row and merge duplicates: a column that appears twice is a mutual neighbour (weight 1).
        final int[] rowStart = new int[n + 1];
        final int[] cols = new int[raw.length];
        final double[] values = new double[raw.length];
        int out = 0;
        for (int i = 0; i < n; i++) {
            Arrays.sort(raw, start[i], start[i + 1]);
            for (int p = start[i]; p < start[i + 1]; p++) {
                if (out > rowStart[i] && cols[out - 1] == raw[p]) {
                    values[out - 1] += 0.5;
                } else {
                    cols[out] = raw[p];
                    values[out++] = 0.5;
                }
            }
            rowStart[i + 1] = out;
        }
        final double[] sqrtDegree = new double[n];
        final int[] parent = IntStream.range(0, n).toArray();
        for (int i = 0; i < n; i++) {
            double degree = 0;
            for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
                degree += values[p];
                union(parent, i, cols[p]);
            }
            sqrtDegree[i] = degree == 0 ? 1 : Math.sqrt(degree); // SciPy: isolated rows keep degree 1
        }
        for (int i = 0; i < n; i++) {
            for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
                values[p] /= sqrtDegree[i] * sqrtDegree[cols[p]];
            }
        }
        return new AffinityGraph(n, sqrtDegree, countRoots(parent), rowStart, Arrays.copyOf(cols, out),
            Arrays.copyOf(values, out));
    }

    /** scikit-learn's {@code rbf_kernel(X, gamma)}: exp(−γ ‖x − y‖²) between all pairs. */
    static AffinityGraph rbf(final double[] x, final int n, final int d, final double gamma, final Progress progress) {
        final double[] dense = new double[n * n];
        for (int start = 0; start < n; start += 256) {
            progress.checkCancelled();
            progress.report((double)start / n, "RBF affinity: row " + start + " of " + n);
            IntStream.range(start, Math.min(n, start + 256)).parallel().forEach(i -> {
                final int io = i * d;
                for (int j = 0; j < n; j++) {
                    if (j == i) {
                        continue;
                    }
                    final int jo = j * d;
                    double sum = 0;
                    for (int c = 0; c < d; c++) {
                        final double diff = x[io + c] - x[jo + c];
                        sum += diff * diff;
                    }
                    dense[i * n + j] = Math.exp(-gamma * sum);
                }
            });
        }
        final double[] sqrtDegree = new double[n];
        final int[] parent = IntStream.range(0, n).toArray();
        for (int i = 0; i < n; i++) {
            double degree = 0;
            for (int j = 0; j < n; j++) {
                final double v = dense[i * n + j];
                degree += v;
                if (v > 0 && j > i) {
                    union(parent, i, j);
                }
            }
            sqrtDegree[i] = degree == 0 ? 1 : Math.sqrt(degree);
        }
        IntStream.range(0, n).parallel().forEach(i -> {
            for (int j = 0; j < n; j++) {
                dense[i * n + j] /= sqrtDegree[i] * sqrtDegree[j];
            }
        });
        progress.report(1.0, "RBF affinity done");
        return new AffinityGraph(n, sqrtDegree, countRoots(parent), null, null, dense);
    }

    private static int find(final int[] parent, final int x) {
        int r = x;
        while (parent[r] != r) {
            parent[r] = parent[parent[r]];
            r = parent[r];
        }
        return r;
    }

    private static void union(final int[] parent, final int a, final int b) {
        final int ra = find(parent, a);
        final int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    private static int countRoots(final int[] parent) {
        int roots = 0;
        for (int i = 0; i < parent.length; i++) {
            if (find(parent, i) == i) {
                roots++;
            }
        }
        return roots;
    }

    /** @return the number of rows (nodes) */
    int size() {
        return n;
    }

    /** @return the square roots of the degrees (SciPy's {@code dd}; 1 for isolated rows) */
    double[] sqrtDegree() {
        return sqrtDegree;
    }

    /** @return the number of connected components of the graph */
    int components() {
        return components;
    }

    /** out[outOffset …] = M · in[inOffset …] */
    void multiply(final double[] in, final int inOffset, final double[] out, final int outOffset) {
        if (n >= PARALLEL_ROWS) {
            IntStream.range(0, n).parallel().forEach(i -> out[outOffset + i] = row(i, in, inOffset));
        } else {
            for (int i = 0; i < n; i++) {
                out[outOffset + i] = row(i, in, inOffset);
            }
        }
    }

    private double row(final int i, final double[] in, final int inOffset) {
        double sum = 0;
        if (cols == null) {
            final int base = i * n;
            for (int j = 0; j < n; j++) {
                sum += values[base + j] * in[inOffset + j];
            }
        } else {
            for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
                sum += values[p] * in[inOffset + cols[p]];
            }
        }
        return sum;
    }

    /** @return M as a dense array of rows, for the direct eigensolver of small graphs */
    double[][] toDense() {
        final double[][] m = new double[n][n];
        final double[] unit = new double[n];
        final double[] column = new double[n];
        for (int j = 0; j < n; j++) {
            unit[j] = 1;
            multiply(unit, 0, column, 0);
            unit[j] = 0;
            for (int i = 0; i < n; i++) {
                m[i][j] = column[i];
            }
        }
        return m;
    }
}
