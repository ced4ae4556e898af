package org.deepcluster.core.cluster.density;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.progress.Progress;

import smile.neighbor.CoverTree;
import smile.neighbor.KDTree;
import smile.math.distance.EuclideanDistance;

/**
 * Times the engine's density methods (and, for the index, Smile's trees) on a data file written by
 * {@code sklearn_density.py make}: raw little-endian float64, row-major. Prints one JSON line per measurement.
 *
 * <pre>
 * java -cp ENGINE:LIBS:. org.deepcluster.core.cluster.density.DensityBenchmark FILE ROWS COLS TASK [ARGS]
 *   TASK dbscan EPS MIN_PTS | optics MIN_SAMPLES MAX_EPS(inf ok) XI | hdbscan MIN_CLUSTER_SIZE | index K
 * </pre>
 * Each task runs once to warm up the JIT (on at most 2,000 rows), then once measured.
 */
public final class DensityBenchmark {

    private DensityBenchmark() {
    }

    public static void main(final String[] args) throws IOException {
        final int n = Integer.parseInt(args[1]);
        final int d = Integer.parseInt(args[2]);
        final double[] x = read(Path.of(args[0]), n * d);
        final Matrix data = Matrix.wrap(n, d, x);
        final Matrix warm = Matrix.wrap(Math.min(n, 2000), d, Arrays.copyOf(x, Math.min(n, 2000) * d));
        final String task = args[3];
        switch (task) {
            case "dbscan" -> {
                final Dbscan.Parameters p = new Dbscan.Parameters(Double.parseDouble(args[4]),
                    Integer.parseInt(args[5]));
                Dbscan.fit(warm, p, Progress.NONE);
                final long t = System.nanoTime();
                final DbscanModel m = Dbscan.fit(data, p, Progress.NONE);
                print(task, n, d, t, "\"clusters\": " + m.clusterCount() + ", \"noise\": " + noise(m.labels()));
            }
            case "optics" -> {
                final Optics.Parameters p = new Optics.Parameters(Integer.parseInt(args[4]),
                    "inf".equals(args[5]) ? Double.POSITIVE_INFINITY : Double.parseDouble(args[5]),
                    new OpticsExtraction.Xi(Double.parseDouble(args[6]), 0, true));
                Optics.fit(warm, p, Progress.NONE);
                final long t = System.nanoTime();
                final OpticsModel m = Optics.fit(data, p, Progress.NONE);
                print(task, n, d, t, "\"clusters\": " + m.clusterCount() + ", \"noise\": " + noise(m.labels()));
            }
            case "hdbscan" -> {
                final Hdbscan.Parameters p = Hdbscan.Parameters.defaults(Integer.parseInt(args[4]));
                Hdbscan.fit(warm, p, Progress.NONE);
                final long t = System.nanoTime();
                final HdbscanModel m = Hdbscan.fit(data, p, Progress.NONE);
                print(task, n, d, t, "\"clusters\": " + m.clusterCount() + ", \"noise\": " + noise(m.labels()));
            }
            case "index" -> index(x, n, d, Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException("unknown task " + task);
        }
    }

    /** kNN of every row, single-threaded: our ball tree, Smile's KDTree and CoverTree, brute force. */
    private static void index(final double[] x, final int n, final int d, final int k) {
        final double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = Arrays.copyOfRange(x, i * d, (i + 1) * d);
        }
        for (int round = 0; round < 2; round++) { // round 0 warms up
            long t = System.nanoTime();
            final BallTree tree = new BallTree(x, n, d);
            final int[] idx = new int[k];
            final double[] dist = new double[k];
            double check = 0;
            for (int i = 0; i < n; i++) {
                tree.nearest(x, i * d, k, idx, dist);
                check += dist[k - 1];
            }
            if (round == 1) {
                print("index_balltree_knn" + k, n, d, t, "\"sum_kth\": " + check);
            }
            t = System.nanoTime();
            final KDTree<double[]> kd = KDTree.of(rows);
            check = 0;
            for (int i = 0; i < n; i++) {
                // Smile skips the query by reference: pass a copy so that the row counts itself, as in ours.
                check += kd.search(rows[i].clone(), k)[0].distance;
            }
            if (round == 1) {
                print("index_smile_kdtree_knn" + k, n, d, t, "\"sum_first\": " + check);
            }
            t = System.nanoTime();
            final CoverTree<double[], double[]> cover = CoverTree.of(rows, new EuclideanDistance());
            for (int i = 0; i < n; i++) {
                cover.search(rows[i].clone(), k);
            }
            if (round == 1) {
                print("index_smile_covertree_knn" + k, n, d, t, "");
            }
            t = System.nanoTime();
            final double[] all = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    all[j] = BallTree.squaredDistance(x, i * d, x, j * d, d);
                }
                Arrays.sort(all);
            }
            if (round == 1) {
                print("index_bruteforce_knn" + k, n, d, t, "");
            }
        }
    }

    private static long noise(final int[] labels) {
        return Arrays.stream(labels).filter(l -> l < 0).count();
    }

    private static void print(final String task, final int n, final int d, final long start, final String extra) {
        final double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println("{\"impl\": \"engine\", \"task\": \"" + task + "\", \"rows\": " + n + ", \"cols\": " + d
            + ", \"seconds\": " + Math.round(seconds * 1000) / 1000.0 + (extra.isEmpty() ? "" : ", " + extra) + "}");
    }

    private static double[] read(final Path file, final int count) throws IOException {
        final byte[] bytes = Files.readAllBytes(file);
        if (bytes.length != count * 8L) {
            throw new IOException(file + " has " + bytes.length + " bytes, expected " + count * 8L);
        }
        final double[] x = new double[count];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(x);
        return x;
    }
}
