package org.deepcluster.core.cluster.density;

/**
 * What OPTICS computes before clusters are extracted, per training row (scikit-learn's {@code ordering_},
 * {@code reachability_}, {@code core_distances_}, {@code predecessor_}). The reachability plot is
 * {@code reachability[ordering[i]]} over positions i.
 *
 * @param ordering the row processed at each position
 * @param reachability per row its reachability distance; infinite for the first row of each connected part
 * @param coreDistance per row its core distance; infinite when beyond maxEps
 * @param predecessor per row the row that set its reachability, or -1
 */
public record OpticsOrdering(int[] ordering, double[] reachability, double[] coreDistance, int[] predecessor) {

    /** @throws IllegalArgumentException if the arrays differ in length */
    public OpticsOrdering {
        final int n = ordering.length;
        if (reachability.length != n || coreDistance.length != n || predecessor.length != n) {
            throw new IllegalArgumentException("the OPTICS arrays need one entry per row");
        }
    }

    /** @return the number of rows */
    public int size() {
        return ordering.length;
    }

    /** @return per row its position in the ordering (the inverse of {@link #ordering()}) */
    public int[] positions() {
        final int[] position = new int[ordering.length];
        for (int i = 0; i < ordering.length; i++) {
            position[ordering[i]] = i;
        }
        return position;
    }
}
