package org.deepcluster.core.metrics;

import java.util.Arrays;

/**
 * External clustering scores: how well a clustering agrees with reference classes. Each score comes in two forms,
 * on two integer labellings (any int values, e.g. −1 for noise) or on a {@link ContingencyTable} built once for
 * several scores.
 *
 * <p>The definitions and limit cases are scikit-learn's (1.2), so that numbers can be compared with published
 * results: the adjusted Rand index of {@code adjusted_rand_score}, the NMI of {@code normalized_mutual_info_score}
 * with arithmetic-mean normalisation, and {@code homogeneity_completeness_v_measure}. Logarithms are natural; the
 * scores do not depend on the base.
 *
 * <p>Unlike scikit-learn, empty labellings are rejected rather than scored 1.0.
 */
public final class ClusteringScores {

    private ClusteringScores() {
    }

    /**
     * The adjusted Rand index: the Rand index corrected for chance, 1.0 for identical partitions, about 0 for random
     * ones, negative (down to −0.5) when worse than chance. Two partitions that both put everything in one cluster, or both put every row in
     * its own cluster, score 1.0.
     *
     * @param truth the reference class of each row
     * @param pred the cluster of each row
     * @return the score, at most 1
     * @throws IllegalArgumentException if the labellings are empty or of different lengths
     */
    public static double adjustedRandIndex(final int[] truth, final int[] pred) {
        return adjustedRandIndex(ContingencyTable.of(truth, pred));
    }

    /**
     * @param table the contingency table of reference classes against clusters
     * @return the adjusted Rand index, see {@link #adjustedRandIndex(int[], int[])}
     */
    public static double adjustedRandIndex(final ContingencyTable table) {
        // Pairs of rows together in both partitions, in the reference, in the clustering, and in all.
        long together = 0;
        for (int c = 0; c < table.nonZeroCount(); c++) {
            together += pairs(table.nonZeroValue(c));
        }
        final long togetherInTruth = sumOfPairs(table.rowTotals());
        final long togetherInPred = sumOfPairs(table.columnTotals());
        if (together == togetherInTruth && together == togetherInPred) {
            // The partitions are identical (sklearn: no false positive or negative pair). This also covers the
            // 0/0 cases of one cluster versus one cluster and singletons versus singletons.
            return 1.0;
        }
        final double all = pairs(table.total());
        final double expected = (double)togetherInTruth * togetherInPred / all;
        final double max = 0.5 * ((double)togetherInTruth + togetherInPred);
        return (together - expected) / (max - expected);
    }

    /**
     * Normalised mutual information with arithmetic-mean normalisation: {@code MI / ((H(truth) + H(pred)) / 2)}.
     * Two single-cluster labellings score 1.0; a single cluster against several scores 0.0.
     *
     * @param truth the reference class of each row
     * @param pred the cluster of each row
     * @return the score in [0, 1]
     * @throws IllegalArgumentException if the labellings are empty or of different lengths
     */
    public static double normalizedMutualInformation(final int[] truth, final int[] pred) {
        return normalizedMutualInformation(ContingencyTable.of(truth, pred));
    }

    /**
     * @param table the contingency table of reference classes against clusters
     * @return the NMI, see {@link #normalizedMutualInformation(int[], int[])}
     */
    public static double normalizedMutualInformation(final ContingencyTable table) {
        if (table.rowCount() == 1 && table.columnCount() == 1) {
            return 1.0; // nothing is split: a perfect match
        }
        final double mi = mutualInformation(table);
        if (mi == 0) {
            return 0.0;
        }
        final double normalizer = 0.5 * (entropy(table.rowTotals(), table.total())
            + entropy(table.columnTotals(), table.total()));
        return mi / normalizer;
    }

    /**
     * Homogeneity: 1.0 when every cluster contains rows of a single class only ({@code MI / H(truth)}, 1.0 if the
     * reference has one class).
     *
     * @param truth the reference class of each row
     * @param pred the cluster of each row
     * @return the score in [0, 1]
     * @throws IllegalArgumentException if the labellings are empty or of different lengths
     */
    public static double homogeneity(final int[] truth, final int[] pred) {
        return homogeneity(ContingencyTable.of(truth, pred));
    }

    /**
     * @param table the contingency table of reference classes against clusters
     * @return the homogeneity, see {@link #homogeneity(int[], int[])}
     */
    public static double homogeneity(final ContingencyTable table) {
        final double h = entropy(table.rowTotals(), table.total());
        return h == 0 ? 1.0 : mutualInformation(table) / h;
    }

    /**
     * Completeness: 1.0 when all rows of each class are in the same cluster ({@code MI / H(pred)}, 1.0 if there is
     * one cluster).
     *
     * @param truth the reference class of each row
     * @param pred the cluster of each row
     * @return the score in [0, 1]
     * @throws IllegalArgumentException if the labellings are empty or of different lengths
     */
    public static double completeness(final int[] truth, final int[] pred) {
        return completeness(ContingencyTable.of(truth, pred));
    }

    /**
     * @param table the contingency table of reference classes against clusters
     * @return the completeness, see {@link #completeness(int[], int[])}
     */
    public static double completeness(final ContingencyTable table) {
        final double h = entropy(table.columnTotals(), table.total());
        return h == 0 ? 1.0 : mutualInformation(table) / h;
    }

    /**
     * The V-measure: the harmonic mean of homogeneity and completeness (β = 1).
     *
     * @param truth the reference class of each row
     * @param pred the cluster of each row
     * @return the score in [0, 1]
     * @throws IllegalArgumentException if the labellings are empty or of different lengths
     */
    public static double vMeasure(final int[] truth, final int[] pred) {
        return vMeasure(ContingencyTable.of(truth, pred), 1.0);
    }

    /**
     * The weighted V-measure {@code (1 + β) h c / (β h + c)}: β &gt; 1 weighs completeness more, β &lt; 1 homogeneity.
     *
     * @param table the contingency table of reference classes against clusters
     * @param beta the weight β, greater than 0
     * @return the score in [0, 1]
     * @throws IllegalArgumentException if β is not a positive number
     */
    public static double vMeasure(final ContingencyTable table, final double beta) {
        if (!(beta > 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("beta must be a finite number > 0, got " + beta);
        }
        final double h = homogeneity(table);
        final double c = completeness(table);
        return h + c == 0 ? 0.0 : (1 + beta) * h * c / (beta * h + c);
    }

    /**
     * Unsupervised clustering accuracy: the fraction of rows that are correct under the best one-to-one mapping of
     * clusters to classes (found with the {@link HungarianAlgorithm}). With more clusters than classes the extra
     * clusters count as wrong, and vice versa.
     *
     * @param truth the reference class of each row
     * @param pred the cluster of each row
     * @return the score in (0, 1]
     * @throws IllegalArgumentException if the labellings are empty or of different lengths
     */
    public static double unsupervisedAccuracy(final int[] truth, final int[] pred) {
        return unsupervisedAccuracy(ContingencyTable.of(truth, pred));
    }

    /**
     * @param table the contingency table of reference classes against clusters
     * @return the accuracy, see {@link #unsupervisedAccuracy(int[], int[])}
     */
    public static double unsupervisedAccuracy(final ContingencyTable table) {
        final int[][] counts = table.toArray();
        final double[][] weights = new double[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            weights[i] = Arrays.stream(counts[i]).asDoubleStream().toArray();
        }
        final int[] match = HungarianAlgorithm.maximizeWeight(weights);
        long correct = 0;
        for (int i = 0; i < match.length; i++) {
            if (match[i] >= 0) {
                correct += counts[i][match[i]];
            }
        }
        return (double)correct / table.total();
    }

    /**
     * Mutual information in nats, term by term as scikit-learn computes it (including its rounding of terms below
     * machine epsilon to zero), so that the scores agree to the last few bits.
     */
    static double mutualInformation(final ContingencyTable table) {
        if (table.rowCount() == 1 || table.columnCount() == 1) {
            return 0.0;
        }
        final int[] rowTotals = table.rowTotals();
        final int[] columnTotals = table.columnTotals();
        final double n = table.total();
        final double logN = Math.log(n);
        double sum = 0;
        for (int c = 0; c < table.nonZeroCount(); c++) {
            final double count = table.nonZeroValue(c);
            final double p = count / n;
            final double outer = (double)rowTotals[table.nonZeroRow(c)] * columnTotals[table.nonZeroColumn(c)];
            final double term = p * (Math.log(count) - logN) + p * (-Math.log(outer) + logN + logN);
            sum += Math.abs(term) < Math.ulp(1.0) ? 0.0 : term;
        }
        return Math.max(sum, 0.0);
    }

    /** Entropy in nats of a labelling given its group sizes. */
    static double entropy(final int[] sizes, final int total) {
        double h = 0;
        int groups = 0;
        final double logTotal = Math.log(total);
        for (final int size : sizes) {
            if (size > 0) {
                groups++;
                h -= (double)size / total * (Math.log(size) - logTotal);
            }
        }
        return groups <= 1 ? 0.0 : h;
    }

    private static long pairs(final long n) {
        return n * (n - 1) / 2;
    }

    private static long sumOfPairs(final int[] sizes) {
        long sum = 0;
        for (final int size : sizes) {
            sum += pairs(size);
        }
        return sum;
    }
}
