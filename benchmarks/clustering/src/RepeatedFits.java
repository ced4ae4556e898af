import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.deepcluster.core.cluster.KMeans;
import org.deepcluster.core.cluster.mixture.CovarianceType;
import org.deepcluster.core.cluster.mixture.GaussianMixture;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.progress.Progress;

/**
 * Fits the benchmark's k-means (k = 10, one k-means++ init, Lloyd, at most 100 iterations, seed 0) or diagonal
 * Gaussian mixture (k = 10, k-means init, at most 100 EM iterations) several times in one process and prints each
 * fit's milliseconds: how the JIT warm-up fades after the table's second ("warm") fit.
 *
 * <p>Usage (after run.sh has built build/ and written the data): {@code java -cp
 * benchmarks/clustering/build/bench:benchmarks/clustering/build/engine:<library jars> RepeatedFits
 * /tmp/deepcluster-clustering-bench/blobs-10000.f64 15 [kmeans|gmm_diag]}; the scikit-learn side: {@code repeated_fits.py}.
 */
public final class RepeatedFits {

    private RepeatedFits() {
    }

    public static void main(final String[] args) throws Exception {
        final DoubleBuffer values = ByteBuffer.wrap(Files.readAllBytes(Path.of(args[0]))).order(ByteOrder.LITTLE_ENDIAN)
            .asDoubleBuffer();
        final int n = values.capacity() / 32;
        final double[][] x = new double[n][32];
        for (final double[] row : x) {
            values.get(row);
        }
        final Matrix m = Matrix.of(x);
        final StringBuilder out = new StringBuilder();
        for (int r = 0; r < Integer.parseInt(args[1]); r++) {
            final long t = System.nanoTime();
            if (args.length > 2 && args[2].equals("gmm_diag")) {
                GaussianMixture.fit(m, new GaussianMixture.Parameters(10, CovarianceType.DIAGONAL,
                    GaussianMixture.Init.KMEANS, 100, 1e-3, 1e-6, 1, 0), Progress.NONE);
            } else {
                KMeans.fit(m, new KMeans.Parameters(10, 1, 100, 1e-4, 0), Progress.NONE);
            }
            out.append(String.format(Locale.ROOT, "%.1f ", (System.nanoTime() - t) / 1e6));
        }
        System.out.println(out.toString().trim());
    }
}
