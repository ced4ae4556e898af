package org.deepcluster.core.cluster.spectral;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.deepcluster.core.cluster.KMeans;
import org.deepcluster.core.cluster.MemoryGuard;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.progress.Progress;

/**
 * Spectral clustering with the semantics of scikit-learn's {@code SpectralClustering(assign_labels="kmeans")}:
 * <ol>
 * <li>an affinity graph: k-nearest-neighbour connectivity symmetrised as 0.5 (A + Aᵀ), or the RBF kernel
 * ({@link Affinity});</li>
 * <li>the spectral embedding of {@code spectral_embedding(drop_first=False, norm_laplacian=True)}: the k eigenvectors
 * of the normalised Laplacian with the smallest eigenvalues, each divided by the square root of the degrees and its
 * sign fixed so that its largest entry is positive ({@link SymmetricEigen});</li>
 * <li>k-means on the rows of the embedding (the engine's {@link KMeans} with its default settings: k-means++,
 * 10 restarts, at most 300 iterations, tolerance 1e-4), with the run's seed.</li>
 * </ol>
 * The seed sets the start vector of the eigensolver and the k-means initialisation. A graph with several connected components gets a warning in the
 * model ({@link SpectralModel#warning()}), as scikit-learn warns.
 */
public final class SpectralClustering {

    private SpectralClustering() {
    }

    /**
     * The settings of spectral clustering.
     *
     * @param k the number of clusters (and of eigenvectors), at least 1
     * @param affinity how the graph is built
     * @param neighbors for {@link Affinity#NEAREST_NEIGHBORS}: the neighbours of each row, the row itself included
     *            (scikit-learn's {@code n_neighbors}), at least 2; also how many training rows vote when new rows are
     *            assigned, for either affinity
     * @param gamma for {@link Affinity#RBF}: the kernel coefficient γ of exp(−γ ‖x − y‖²), finite and > 0
     * @param seed the seed of the eigensolver's start vector and of the k-means initialisation
     * @param memoryLimitMb the largest dense affinity matrix (RBF: n² doubles), in MB
     */
    public record Parameters(int k, Affinity affinity, int neighbors, double gamma, long seed, long memoryLimitMb) {

        /**
         * @param k the number of clusters
         * @return nearest-neighbour affinity with 10 neighbours, γ = 1 (scikit-learn's defaults), seed 42, the default
         *         memory limit
         */
        public static Parameters defaults(final int k) {
            return new Parameters(k, Affinity.NEAREST_NEIGHBORS, 10, 1.0, 42L, MemoryGuard.DEFAULT_LIMIT_MB);
        }

        /** @param a the affinity; @return a copy with it */
        public Parameters withAffinity(final Affinity a) {
            return new Parameters(k, a, neighbors, gamma, seed, memoryLimitMb);
        }

        /** @param n the neighbours; @return a copy with them */
        public Parameters withNeighbors(final int n) {
            return new Parameters(k, affinity, n, gamma, seed, memoryLimitMb);
        }

        /** @param g the RBF coefficient; @return a copy with it */
        public Parameters withGamma(final double g) {
            return new Parameters(k, affinity, neighbors, g, seed, memoryLimitMb);
        }

        /** @param s the seed; @return a copy with it */
        public Parameters withSeed(final long s) {
            return new Parameters(k, affinity, neighbors, gamma, s, memoryLimitMb);
        }

        /** @param mb the memory limit in MB; @return a copy with it */
        public Parameters withMemoryLimitMb(final long mb) {
            return new Parameters(k, affinity, neighbors, gamma, seed, mb);
        }

        /**
         * Checks the values that can be checked without data.
         *
         * @throws IllegalArgumentException naming the first invalid setting
         */
        public void validate() {
            if (k < 1) {
                throw new IllegalArgumentException("the number of clusters k must be at least 1, got " + k);
            }
            if (affinity == null) {
                throw new IllegalArgumentException("the affinity must be set (nearest_neighbors or rbf)");
            }
            if (neighbors < 2) {
                throw new IllegalArgumentException("the number of neighbours must be at least 2 (the row itself and "
                    + "one more), got " + neighbors);
            }
            if (!(gamma > 0) || Double.isInfinite(gamma)) {
                throw new IllegalArgumentException("gamma must be a finite number > 0, got " + gamma);
            }
            MemoryGuard.validateLimit(memoryLimitMb);
        }
    }

    /**
     * @param rows the number of rows
     * @param affinity the affinity
     * @return the bytes of the dense affinity matrix (RBF), or 0 for the sparse nearest-neighbour graph
     */
    public static long matrixBytes(final int rows, final Affinity affinity) {
        return affinity == Affinity.RBF ? (long)rows * rows * Double.BYTES : 0;
    }

    /**
     * Clusters the rows of a matrix.
     *
     * @param data the rows: at least 2 and at least k distinct, at least as many as the neighbours, all finite
     * @param parameters the settings
     * @param progress receives progress and is asked for cancellation in every stage
     * @return the model
     * @throws IllegalArgumentException if the parameters are invalid or do not fit the data
     * @throws IllegalStateException if the eigensolver does not converge
     * @throws org.deepcluster.core.progress.CancelledException if {@code progress} cancels
     */
    public static SpectralModel fit(final Matrix data, final Parameters parameters, final Progress progress) {
        return fit(data, parameters, SymmetricEigen.DENSE_LIMIT, progress);
    }

    /** As {@link #fit(Matrix, Parameters, Progress)}, with the size up to which the dense eigensolver is used. */
    static SpectralModel fit(final Matrix data, final Parameters parameters, final int denseLimit,
        final Progress progress) {
        parameters.validate();
        checkData(data, parameters);
        final int n = data.rows();
        final int d = data.cols();
        final int k = parameters.k();
        if (parameters.affinity() == Affinity.RBF) {
            MemoryGuard.check(String.format(Locale.ROOT, "the RBF affinity of %,d rows needs a dense matrix of", n),
                matrixBytes(n, Affinity.RBF), parameters.memoryLimitMb(), "cluster a sample of the rows, or use the "
                    + "nearest_neighbors affinity (sparse)");
        }
        final double[] x = new double[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(data.row(i), 0, x, i * d, d);
        }
        final AffinityGraph graph = parameters.affinity() == Affinity.RBF
            ? AffinityGraph.rbf(x, n, d, parameters.gamma(), range(progress, 0, 0.3, "affinity"))
            : AffinityGraph.nearestNeighbors(x, n, d, parameters.neighbors(), range(progress, 0, 0.3, "affinity"));
        if (graph.components() == n) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "gamma (%g) is so large for the scale of "
                + "the data that no two rows are similar (every RBF affinity is 0): lower gamma, e.g. to about 1 / "
                + "(number of columns × variance of the columns)", parameters.gamma()));
        }
        progress.checkCancelled();
        progress.report(0.3, "eigenvectors of the graph Laplacian");
        final SymmetricEigen.Result eigen = SymmetricEigen.largest(graph, k, denseLimit, parameters.seed(), progress);
        final Matrix embedding = embedding(eigen, graph.sqrtDegree());
        progress.report(0.7, "k-means on the spectral embedding");
        final int[] labels = renumber(
            KMeans.fit(embedding, new KMeans.Parameters(k, 10, 300, 1e-4, parameters.seed()), range(progress, 0.7, 1.0, "k-means")).labels());
        progress.report(1.0, "spectral clustering done");
        final double[] laplacianEigenvalues = Arrays.stream(eigen.values()).map(v -> 1 - v).toArray();
        return new SpectralModel(parameters, data, labels, laplacianEigenvalues, graph.components());
    }

    /** The rows of the eigenvectors divided by √degree, each vector's sign fixed by its largest entry. */
    private static Matrix embedding(final SymmetricEigen.Result eigen, final double[] sqrtDegree) {
        final int k = eigen.vectors().length;
        final int n = sqrtDegree.length;
        final double[] e = new double[n * k];
        for (int j = 0; j < k; j++) {
            final double[] v = eigen.vectors()[j];
            int largest = 0;
            for (int i = 1; i < n; i++) {
                if (Math.abs(v[i] / sqrtDegree[i]) > Math.abs(v[largest] / sqrtDegree[largest])) {
                    largest = i;
                }
            }
            final double sign = v[largest] < 0 ? -1 : 1; // scikit-learn's _deterministic_vector_sign_flip
            for (int i = 0; i < n; i++) {
                e[i * k + j] = sign * v[i] / sqrtDegree[i];
            }
        }
        return Matrix.wrap(n, k, e);
    }

    /** Numbers clusters by first appearance, so that row 0 is in cluster 0 (an empty cluster, if any, goes last). */
    static int[] renumber(final int[] labels) {
        final int[] map = new int[Arrays.stream(labels).max().orElse(-1) + 1];
        Arrays.fill(map, -1);
        int next = 0;
        final int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (map[labels[i]] < 0) {
                map[labels[i]] = next++;
            }
            out[i] = map[labels[i]];
        }
        return out;
    }

    /** A progress that maps 0 … 1 onto {@code from} … {@code to} of {@code outer}. */
    private static Progress range(final Progress outer, final double from, final double to, final String stage) {
        return new Progress() {
            @Override
            public void report(final double fraction, final String message) {
                outer.report(from + (to - from) * fraction, message == null ? stage : stage + ": " + message);
            }

            @Override
            public void checkCancelled() {
                outer.checkCancelled();
            }
        };
    }

    private static void checkData(final Matrix data, final Parameters parameters) {
        final int n = data.rows();
        if (n < 2) {
            throw new IllegalArgumentException("the data has " + n + " row" + (n == 1 ? "" : "s")
                + ": spectral clustering needs at least 2 rows");
        }
        if (data.cols() == 0) {
            throw new IllegalArgumentException("the data has no columns: select at least one numeric column");
        }
        if (parameters.k() > n) {
            throw new IllegalArgumentException("the number of clusters k (" + parameters.k() + ") is larger than the "
                + "number of rows (" + n + "): lower k or provide more rows");
        }
        if (parameters.neighbors() > n) {
            throw new IllegalArgumentException("the number of neighbours (" + parameters.neighbors() + ") is larger "
                + "than the number of rows (" + n + "): lower it to at most " + n);
        }
        data.requireFinite("the data");
        final Set<RowKey> distinct = new HashSet<>();
        for (int i = 0; i < n && distinct.size() < Math.max(2, parameters.k()); i++) {
            final double[] row = data.row(i);
            for (int j = 0; j < row.length; j++) {
                row[j] += 0.0; // -0.0 equals 0.0
            }
            distinct.add(new RowKey(row));
        }
        if (distinct.size() < 2) {
            throw new IllegalArgumentException("all rows are identical: spectral clustering needs rows that differ");
        }
        if (distinct.size() < parameters.k()) {
            throw new IllegalArgumentException("the number of clusters k (" + parameters.k() + ") is larger than the "
                + "number of distinct rows (" + distinct.size() + "): lower k or provide more varied rows");
        }
    }

    private record RowKey(double[] values) {
        @Override
        public boolean equals(final Object o) {
            return o instanceof RowKey other && Arrays.equals(values, other.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }
}
