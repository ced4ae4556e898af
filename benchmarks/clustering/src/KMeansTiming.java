import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.deepcluster.core.cluster.KMeans;
import org.deepcluster.core.cluster.KMeansModel;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.progress.Progress;

/**
 * Quick k-means timing (not the real benchmark): reads rows written by kmeans_timing.py (raw little-endian doubles)
 * and times {@link KMeans#fit} with one k-means++ init and at most 100 iterations, like the scikit-learn side.
 *
 * <p>Usage: {@code java -cp ENGINE_CLASSES:. KMeansTiming FILE.bin DIMS K [REPEATS] [lloyd|elkan]}
 */
public final class KMeansTiming {

    private KMeansTiming() {
    }

    /** @return the CPU time of the whole process (all threads, JIT included), as Python's process_time */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)java.lang.management.ManagementFactory
            .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    public static void main(final String[] args) throws IOException {
        final Path file = Path.of(args[0]);
        final int dims = Integer.parseInt(args[1]);
        final int k = Integer.parseInt(args[2]);
        final int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        final KMeans.Algorithm algorithm = args.length > 4 && args[4].equals("elkan") ? KMeans.Algorithm.ELKAN
            : KMeans.Algorithm.LLOYD;
        final ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        final double[] values = new double[bytes.remaining() / Double.BYTES];
        bytes.asDoubleBuffer().get(values);
        final Matrix data = Matrix.wrap(values.length / dims, dims, values);
        for (int r = 0; r < repeats; r++) {
            final long cpu = processCpuNanos();
            final long start = System.nanoTime();
            final KMeansModel model = KMeans.fit(data,
                new KMeans.Parameters(k, 1, 100, 1e-4, r).withAlgorithm(algorithm), Progress.NONE);
            final double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("java %s seconds %.3f cpu %.3f n_iter %d inertia %.6g%n", algorithm.name().toLowerCase(),
                seconds, (processCpuNanos() - cpu) / 1e9, model.iterations(), model.inertia());
        }
    }
}
