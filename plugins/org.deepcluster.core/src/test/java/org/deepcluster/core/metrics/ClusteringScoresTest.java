package org.deepcluster.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;
import java.util.stream.Stream;

import org.deepcluster.core.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Compares the scores with scikit-learn's on the fixtures of {@code make_fixtures.py}. */
class ClusteringScoresTest {

    private static final double TOLERANCE = 1e-9;

    static Stream<Arguments> cases() {
        final List<Map<String, String>> rows = Fixtures.readCsv("metrics_cases.csv");
        return rows.stream().map(r -> Arguments.of(r.get("name"), r));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesScikitLearn(final String name, final Map<String, String> fixture) {
        final int[] truth = Fixtures.parseInts(fixture.get("truth"));
        final int[] pred = Fixtures.parseInts(fixture.get("pred"));
        assertEquals(Integer.parseInt(fixture.get("n")), truth.length);
        check(fixture, "ari", ClusteringScores::adjustedRandIndex, truth, pred);
        check(fixture, "nmi", ClusteringScores::normalizedMutualInformation, truth, pred);
        check(fixture, "homogeneity", ClusteringScores::homogeneity, truth, pred);
        check(fixture, "completeness", ClusteringScores::completeness, truth, pred);
        check(fixture, "v_measure", ClusteringScores::vMeasure, truth, pred);
        check(fixture, "acc", ClusteringScores::unsupervisedAccuracy, truth, pred);
    }

    private static void check(final Map<String, String> fixture, final String score,
        final ToDoubleBiFunction<int[], int[]> function, final int[] truth, final int[] pred) {
        final double expected = Double.parseDouble(fixture.get(score));
        assertEquals(expected, function.applyAsDouble(truth, pred), TOLERANCE, score);
    }

    @Test
    void identicalLabellingsScoreOne() {
        final int[] labels = {0, 0, 1, 1, 2, 2, 2};
        assertEquals(1.0, ClusteringScores.adjustedRandIndex(labels, labels));
        assertEquals(1.0, ClusteringScores.normalizedMutualInformation(labels, labels), 1e-15);
        assertEquals(1.0, ClusteringScores.homogeneity(labels, labels), 1e-15);
        assertEquals(1.0, ClusteringScores.completeness(labels, labels), 1e-15);
        assertEquals(1.0, ClusteringScores.vMeasure(labels, labels), 1e-15);
        assertEquals(1.0, ClusteringScores.unsupervisedAccuracy(labels, labels));
    }

    @Test
    void renamedClustersScoreOne() {
        final int[] truth = {0, 0, 1, 1, 2, 2};
        final int[] pred = {9, 9, -1, -1, 4, 4};
        assertEquals(1.0, ClusteringScores.adjustedRandIndex(truth, pred));
        assertEquals(1.0, ClusteringScores.normalizedMutualInformation(truth, pred), 1e-15);
        assertEquals(1.0, ClusteringScores.unsupervisedAccuracy(truth, pred));
    }

    @Test
    void singleClusterLimitCases() {
        final int[] one = {3, 3, 3, 3};
        final int[] split = {0, 1, 2, 3};
        assertEquals(1.0, ClusteringScores.normalizedMutualInformation(one, one));
        assertEquals(1.0, ClusteringScores.adjustedRandIndex(one, one));
        assertEquals(0.0, ClusteringScores.normalizedMutualInformation(one, split));
        assertEquals(0.0, ClusteringScores.adjustedRandIndex(one, split));
        assertEquals(1.0, ClusteringScores.homogeneity(one, split));
        assertEquals(0.0, ClusteringScores.completeness(one, split));
        assertEquals(1.0, ClusteringScores.vMeasure(new int[]{1}, new int[]{2}));
    }

    @Test
    void accuracyWithMoreClustersThanClasses() {
        // Classes 0 and 1; class 0 split over clusters 5 and 6: only one of them can map to class 0.
        final int[] truth = {0, 0, 0, 0, 1, 1};
        final int[] pred = {5, 5, 5, 6, 7, 7};
        assertEquals(5.0 / 6, ClusteringScores.unsupervisedAccuracy(truth, pred), 1e-15);
        // And the other way round.
        assertEquals(5.0 / 6, ClusteringScores.unsupervisedAccuracy(pred, truth), 1e-15);
    }

    @Test
    void tableAndArrayFormsAgree() {
        final int[] truth = {0, 1, 1, 2, 2, 2, 0, 1};
        final int[] pred = {1, 1, 0, 0, 2, 2, 1, 0};
        final ContingencyTable table = ContingencyTable.of(truth, pred);
        assertEquals(ClusteringScores.adjustedRandIndex(truth, pred), ClusteringScores.adjustedRandIndex(table));
        assertEquals(ClusteringScores.vMeasure(truth, pred), ClusteringScores.vMeasure(table, 1.0));
        // β weighs completeness: with β → large the V-measure tends to completeness.
        final double c = ClusteringScores.completeness(table);
        assertEquals(c, ClusteringScores.vMeasure(table, 1e9), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> ClusteringScores.vMeasure(table, 0));
    }

    @Test
    void lengthMismatchIsRejected() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ClusteringScores.normalizedMutualInformation(new int[]{0, 1, 1}, new int[]{0, 1}));
        assertEquals("the labellings have different lengths: 3 reference labels but 2 cluster labels", e.getMessage());
        assertThrows(IllegalArgumentException.class,
            () -> ClusteringScores.adjustedRandIndex(new int[]{0}, new int[]{0, 1}));
        assertThrows(IllegalArgumentException.class,
            () -> ClusteringScores.unsupervisedAccuracy(new int[]{0}, new int[]{0, 1}));
    }

    @Test
    void emptyLabellingsAreRejected() {
        for (final ToDoubleBiFunction<int[], int[]> score : List.<ToDoubleBiFunction<int[], int[]>>of(
            ClusteringScores::adjustedRandIndex, ClusteringScores::normalizedMutualInformation,
            ClusteringScores::homogeneity, ClusteringScores::completeness, ClusteringScores::vMeasure,
            ClusteringScores::unsupervisedAccuracy)) {
            final IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> score.applyAsDouble(new int[0], new int[0]));
            assertEquals("the labellings are empty: at least one row is needed", e.getMessage());
        }
    }
}
