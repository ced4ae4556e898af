package org.deepcluster.core.cluster.hierarchical;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.progress.Progress;

/**
 * Times the engine's agglomerative clustering on a data file written by {@code make_data.py} (raw little-endian
 * float64, n × d). Prints one JSON line per repeat: {"impl": "engine", "linkage", "n", "d", "seconds"}; writes the
 * labels of the last repeat to LABELS (one per line) so that run.sh can compare them with scikit-learn's.
 *
 * <p>Usage: java ... AgglomerativeBenchmark DATA N D LINKAGE K REPEATS LABELS
 */
public final class AgglomerativeBenchmark {

    private AgglomerativeBenchmark() {
    }

    public static void main(final String[] args) throws IOException {
        final Path data = Path.of(args[0]);
        final int n = Integer.parseInt(args[1]);
        final int d = Integer.parseInt(args[2]);
        final Linkage linkage = Linkage.fromId(args[3]);
        final int k = Integer.parseInt(args[4]);
        final int repeats = Integer.parseInt(args[5]);
        final double[] values = new double[n * d];
        ByteBuffer.wrap(Files.readAllBytes(data)).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(values);
        final Matrix x = Matrix.wrap(n, d, values);
        final AgglomerativeClustering.Parameters p =
            AgglomerativeClustering.Parameters.clusters(linkage, k).withMemoryLimitMb(1 << 20);
        int[] labels = null;
        for (int r = 0; r < repeats; r++) {
            final long start = System.nanoTime();
            labels = AgglomerativeClustering.fit(x, p, Progress.NONE).labels();
            final double seconds = (System.nanoTime() - start) / 1e9;
            System.out.println(String.format(Locale.ROOT,
                "{\"impl\": \"engine\", \"linkage\": \"%s\", \"n\": %d, \"d\": %d, \"repeat\": %d, \"seconds\": %.3f}",
                linkage.id(), n, d, r, seconds));
        }
        final List<String> lines = new ArrayList<>();
        for (final int l : labels) {
            lines.add(Integer.toString(l));
        }
        Files.write(Path.of(args[6]), lines.stream().collect(Collectors.toList()));
    }
}
