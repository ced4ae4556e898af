package org.deepcluster.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.deepcluster.core.cluster.KMeans.Algorithm;
import org.deepcluster.core.cluster.KMeans.Parameters;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.metrics.ClusteringScores;
import org.deepcluster.core.progress.Progress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Compares {@link KMeans} with scikit-learn 1.2.1 on the fixtures of {@code fixtures/kmeans/make_kmeans_fixtures.py}:
 * from the same initial centres the partition and inertia must be the same (Lloyd and Elkan, converged and stopped
 * early, with an empty-cluster relocation); with k-means++ and 10 restarts our best inertia must be within 0.1 % of
 * scikit-learn's (the random numbers differ, so only the quality of the optimum can be compared).
 */
class KMeansReferenceTest {

    static JsonObject fixture(final String name) {
        try (InputStream in = KMeansReferenceTest.class.getResourceAsStream("/fixtures/kmeans/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("fixture kmeans/" + name + ".json is not on the test class path");
            }
            return new JsonParser().parse(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Matrix matrix(final JsonArray rows) {
        final double[][] values = new double[rows.size()][];
        for (int i = 0; i < values.length; i++) {
            final JsonArray row = rows.get(i).getAsJsonArray();
            values[i] = new double[row.size()];
            for (int j = 0; j < values[i].length; j++) {
                values[i][j] = row.get(j).getAsDouble();
            }
        }
        return Matrix.of(values);
    }

    private static int[] ints(final JsonArray array) {
        final int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).getAsInt();
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"blobs", "uniform", "counts", "far_centre"})
    void sameInitialCentresGiveScikitLearnsPartitionAndInertia(final String name) {
        final JsonObject fixture = fixture(name);
        final Matrix data = matrix(fixture.getAsJsonArray("data"));
        for (final JsonElement element : fixture.getAsJsonArray("same_init")) {
            final JsonObject c = element.getAsJsonObject();
            final Algorithm algorithm = Algorithm.valueOf(c.get("algorithm").getAsString().toUpperCase());
            final int maxIterations = c.get("max_iter").getAsInt();
            final Parameters parameters = new Parameters(c.get("k").getAsInt(), 1, maxIterations,
                c.get("tol").getAsDouble(), 0).withAlgorithm(algorithm)
                    .withInitialCentroids(matrix(c.getAsJsonArray("init")));
            final KMeansModel model = KMeans.fit(data, parameters, Progress.NONE);
            final String what = name + " " + algorithm + " max_iter " + maxIterations;
            final double ari = ClusteringScores.adjustedRandIndex(ints(c.getAsJsonArray("labels")), model.labels());
            assertEquals(1.0, ari, 1e-12, what + ": ARI with scikit-learn");
            final double inertia = c.get("inertia").getAsDouble();
            assertEquals(inertia, model.inertia(), 1e-9 * inertia, what + ": inertia");
            assertEquals(c.get("n_iter").getAsInt(), model.iterations(), what + ": iterations");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"blobs", "uniform", "counts"})
    void kMeansPlusPlusWithTenRestartsReachesScikitLearnsInertia(final String name) {
        final JsonObject fixture = fixture(name);
        final Matrix data = matrix(fixture.getAsJsonArray("data"));
        final JsonObject reference = fixture.getAsJsonObject("kmeanspp");
        final double sklearn = reference.get("inertia").getAsDouble();
        for (final Algorithm algorithm : Algorithm.values()) {
            final KMeansModel model = KMeans.fit(data,
                Parameters.defaults(reference.get("k").getAsInt()).withAlgorithm(algorithm), Progress.NONE);
            assertTrue(model.inertia() <= sklearn * 1.001, name + " " + algorithm + ": inertia " + model.inertia()
                + " is more than 0.1 % above scikit-learn's " + sklearn);
        }
    }
}
