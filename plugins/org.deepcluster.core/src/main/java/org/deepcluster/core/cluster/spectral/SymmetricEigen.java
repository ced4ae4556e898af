package org.deepcluster.core.cluster.spectral;

import static org.bytedeco.arpackng.global.arpack.dsaupd_c;
import static org.bytedeco.arpackng.global.arpack.dseupd_c;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.deepcluster.core.progress.Progress;

/**
 * The largest eigenpairs of the symmetric graph matrix of an {@link AffinityGraph}: a direct dense decomposition
 * (Commons Math) for small graphs, ARPACK's implicitly restarted Lanczos method (the native library that Smile binds,
 * called here directly so that the start vector can be seeded and cancellation checked between matrix products) for
 * the rest. scikit-learn also uses ARPACK, in shift-invert mode, which needs a sparse factorisation we do not have;
 * asking ARPACK for the largest eigenvalues of M gives the same eigenvectors.
 */
final class SymmetricEigen {

    /** Graphs up to this many rows are decomposed directly. */
    static final int DENSE_LIMIT = 500;

    private SymmetricEigen() {
    }

    /**
     * The result: eigenvalues in decreasing order and their unit eigenvectors.
     *
     * @param values the k largest eigenvalues, largest first
     * @param vectors the eigenvectors, {@code vectors[j]} belongs to {@code values[j]}
     */
    record Result(double[] values, double[][] vectors) {
    }

    /**
     * @param graph the graph
     * @param k how many eigenpairs, 1 … n (at most n − 1 when ARPACK is used)
     * @param denseLimit graphs with at most this many rows use the dense solver
     * @param seed the seed of ARPACK's start vector (uniform in [−1, 1], as scikit-learn's {@code v0})
     * @param progress cancellation between matrix products
     * @return the k largest eigenpairs
     */
    static Result largest(final AffinityGraph graph, final int k, final int denseLimit, final long seed,
        final Progress progress) {
        return graph.size() <= denseLimit ? dense(graph, k) : arpack(graph, k, seed, progress);
    }

    private static Result dense(final AffinityGraph graph, final int k) {
        final EigenDecomposition evd = new EigenDecomposition(new Array2DRowRealMatrix(graph.toDense(), false));
        final double[] all = evd.getRealEigenvalues();
        final Integer[] order = IntStream.range(0, all.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -all[i]));
        final double[] values = new double[k];
        final double[][] vectors = new double[k][];
        for (int j = 0; j < k; j++) {
            values[j] = all[order[j]];
            vectors[j] = evd.getEigenvector(order[j]).toArray();
        }
        return new Result(values, vectors);
    }

    private static Result arpack(final AffinityGraph graph, final int k, final long seed, final Progress progress) {
        final int n = graph.size();
        if (k >= n) {
            throw new IllegalArgumentException("ARPACK computes fewer eigenvectors than rows: k = " + k + ", n = " + n);
        }
        final int ncv = Math.min(n, Math.max(2 * k + 1, 20)); // SciPy's eigsh default
        final int[] ido = {0};
        final int[] info = {1}; // 1: start from resid, our seeded vector
        final byte[] bmat = {'I'};
        final byte[] which = {'L', 'A'};
        final int[] iparam = new int[11];
        iparam[0] = 1; // exact shifts
        iparam[2] = 10 * n; // maximum restarts, SciPy's default
        iparam[6] = 1; // mode 1: A x = λ x
        final int[] ipntr = new int[11];
        final double[] workd = new double[3 * n];
        final double[] workl = new double[ncv * (ncv + 8)];
        final double[] resid = new double[n];
        final SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            resid[i] = random.nextDouble(-1, 1);
        }
        final double[] v = new double[n * ncv];
        final double tol = 0; // machine precision, as scikit-learn's eigen_tol="auto" for ARPACK
        int products = 0;
        while (true) {
            dsaupd_c(ido, bmat, n, which, k, tol, resid, ncv, v, n, iparam, ipntr, workd, workl, workl.length, info);
            if (ido[0] != -1 && ido[0] != 1) {
                break;
            }
            progress.checkCancelled();
            graph.multiply(workd, ipntr[0] - 1, workd, ipntr[1] - 1);
            products++;
        }
        if (info[0] == 1) {
            throw new IllegalStateException("the eigenvectors of the affinity graph did not converge within "
                + iparam[2] + " ARPACK restarts (" + products + " matrix products): try more neighbours or another "
                + "gamma");
        }
        if (info[0] < 0) {
            throw new IllegalStateException("ARPACK failed (dsaupd error " + info[0] + ")");
        }
        final double[] d = new double[2 * ncv];
        final double[] z = new double[n * k];
        dseupd_c(1, new byte[]{'A'}, new int[ncv], d, z, n, 0.0, bmat, n, which, k, tol, resid, ncv, v, n, iparam,
            ipntr, workd, workl, workl.length, info);
        if (info[0] != 0) {
            throw new IllegalStateException("ARPACK failed (dseupd error " + info[0] + ")");
        }
        final int found = iparam[4];
        if (found < k) {
            throw new IllegalStateException("ARPACK found only " + found + " of " + k + " eigenvectors of the "
                + "affinity graph: try more neighbours or another gamma");
        }
        final Integer[] order = IntStream.range(0, k).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -d[i]));
        final double[] values = new double[k];
        final double[][] vectors = new double[k][];
        for (int j = 0; j < k; j++) {
            values[j] = d[order[j]];
            vectors[j] = Arrays.copyOfRange(z, order[j] * n, (order[j] + 1) * n);
        }
        return new Result(values, vectors);
    }
}
