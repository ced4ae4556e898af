package org.deepcluster.core.cluster.density;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.deepcluster.core.Fixtures;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.progress.CancelledException;
import org.deepcluster.core.progress.Progress;

/** Reads the data sets of {@code fixtures/density} (made by make_density_fixtures.py) and makes test data. */
final class DensityFixtures {

    private DensityFixtures() {
    }

    static Matrix data(final String name) {
        final List<Map<String, String>> rows = Fixtures.readCsv("density/" + name + ".csv");
        final int d = rows.get(0).size();
        final double[][] values = new double[rows.size()][d];
        for (int i = 0; i < values.length; i++) {
            for (int j = 0; j < d; j++) {
                values[i][j] = Double.parseDouble(rows.get(i).get("x" + j));
            }
        }
        return Matrix.of(values);
    }

    /** @param allowed how many cancellation checks pass; @return a progress that cancels after them */
    static Progress cancelAfter(final int allowed) {
        final AtomicInteger calls = new AtomicInteger();
        return new Progress() {
            @Override
            public void report(final double fraction, final String message) {
                if (!(fraction >= 0 && fraction <= 1)) {
                    throw new AssertionError("progress " + fraction + " outside [0, 1]");
                }
            }

            @Override
            public void checkCancelled() {
                if (calls.incrementAndGet() > allowed) {
                    throw new CancelledException();
                }
            }
        };
    }

    static double parse(final String text) {
        return switch (text) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    /** Isotropic Gaussian blobs with centres spread over [-20, 20]^d, plus uniform noise rows; labels in truth. */
    static Matrix blobs(final int n, final int d, final int k, final double std, final int noise, final long seed,
        final int[] truth) {
        final Random random = new Random(seed);
        final double[][] centres = new double[k][d];
        for (final double[] c : centres) {
            for (int j = 0; j < d; j++) {
                c[j] = random.nextDouble() * 40 - 20;
            }
        }
        final double[] values = new double[(n + noise) * d];
        for (int i = 0; i < n; i++) {
            final int c = i % k;
            if (truth != null) {
                truth[i] = c;
            }
            for (int j = 0; j < d; j++) {
                values[i * d + j] = centres[c][j] + std * random.nextGaussian();
            }
        }
        for (int i = n; i < n + noise; i++) {
            if (truth != null) {
                truth[i] = -1;
            }
            for (int j = 0; j < d; j++) {
                values[i * d + j] = random.nextDouble() * 60 - 30;
            }
        }
        return Matrix.wrap(n + noise, d, values);
    }

    /** Runs {@code task} with its parallel streams on a pool of {@code threads} threads. */
    static <T> T withThreads(final int threads, final java.util.concurrent.Callable<T> task) {
        final java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
        try {
            return pool.submit(task).get();
        } catch (final InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
    }
}
