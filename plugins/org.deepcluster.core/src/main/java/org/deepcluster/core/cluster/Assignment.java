package org.deepcluster.core.cluster;

import java.util.Objects;

import org.deepcluster.core.data.Matrix;

/**
 * The result of assigning rows to the clusters of a {@link ClusterModel}.
 *
 * @param labels the cluster of each row, or {@link ClusterModel#NOISE}
 * @param probabilities per row the probability (or soft assignment) of each cluster, one column per cluster; null
 *            when the algorithm has none
 * @param distances per row the distance that decided the assignment (e.g. to the nearest centroid); null when the
 *            algorithm has none
 */
public record Assignment(int[] labels, Matrix probabilities, double[] distances) {

    /**
     * @throws IllegalArgumentException if the parts do not have one entry per row
     */
    public Assignment {
        Objects.requireNonNull(labels, "labels");
        if (probabilities != null && probabilities.rows() != labels.length) {
            throw new IllegalArgumentException("probabilities need one row per label");
        }
        if (distances != null && distances.length != labels.length) {
            throw new IllegalArgumentException("distances need one entry per label");
        }
    }

    /** @param labels the labels; @return an assignment with labels only */
    public static Assignment of(final int[] labels) {
        return new Assignment(labels, null, null);
    }
}
