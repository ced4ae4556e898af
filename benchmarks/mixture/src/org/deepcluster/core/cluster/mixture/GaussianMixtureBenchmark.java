package org.deepcluster.core.cluster.mixture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.progress.Progress;

/**
 * Times {@link GaussianMixture#fit} on a data file written by {@code sklearn_gmm.py --write-data} (scikit-learn's
 * {@code make_blobs}, raw little-endian doubles, row-major) and prints one JSON line per repeat. The peer is
 * {@code sklearn_gmm.py} on the same file with the same arguments.
 *
 * <p>Usage: {@code GaussianMixtureBenchmark DATA_FILE ROWS DIMS K TYPE MAX_ITER TOL RESTARTS REPEATS}, e.g.
 * {@code blobs.f64 100000 32 10 diag 100 1e-3 1 3}; TYPE is full, diag or spherical.
 */
public final class GaussianMixtureBenchmark {

    private GaussianMixtureBenchmark() {
    }

    /** @param args see the class comment */
    public static void main(final String[] args) throws IOException {
        final int rows = Integer.parseInt(args[1]);
        final int dims = Integer.parseInt(args[2]);
        final int k = Integer.parseInt(args[3]);
        final CovarianceType type = CovarianceType.parse(args[4]);
        final int maxIter = Integer.parseInt(args[5]);
        final double tol = Double.parseDouble(args[6]);
        final int restarts = Integer.parseInt(args[7]);
        final int repeats = Integer.parseInt(args[8]);
        final double[] values = new double[rows * dims];
        ByteBuffer.wrap(Files.readAllBytes(Path.of(args[0]))).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer()
            .get(values);
        final Matrix data = Matrix.wrap(rows, dims, values);
        final GaussianMixture.Parameters p = new GaussianMixture.Parameters(k, type, GaussianMixture.Init.KMEANS,
            maxIter, tol, 1e-6, restarts, 42L);
        for (int r = 0; r < repeats; r++) {
            final long start = System.nanoTime();
            final GaussianMixtureModel model = GaussianMixture.fit(data, p, Progress.NONE);
            final double seconds = (System.nanoTime() - start) / 1e9;
            System.out.println(String.format(Locale.ROOT,
                "{\"impl\": \"engine\", \"rows\": %d, \"dims\": %d, \"k\": %d, \"type\": \"%s\", \"max_iter\": %d, "
                    + "\"tol\": %g, \"n_init\": %d, \"repeat\": %d, \"seconds\": %.4f, \"n_iter\": %d, "
                    + "\"converged\": %b, \"lower_bound\": %.8f, \"threads\": %d}",
                rows, dims, k, type.sklearnName(), maxIter, tol, restarts, r, seconds,
                model.statistics().iterations(), model.converged(), model.statistics().lowerBound(),
                Runtime.getRuntime().availableProcessors()));
        }
    }
}
