package org.deepcluster.core.cluster.hierarchical;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How agglomerative clustering measures the distance between two clusters (Euclidean distances between rows; the
 * Lance–Williams update rules of SciPy's {@code linkage} and scikit-learn's {@code AgglomerativeClustering}).
 */
public enum Linkage {

    /**
     * Ward's minimum-variance criterion: merge the pair whose union increases the within-cluster sum of squares least.
     * The merge height is SciPy's ward distance {@code sqrt(2 |A| |B| / (|A| + |B|)) · ‖mean(A) − mean(B)‖}, which is
     * also scikit-learn's {@code distances_}.
     */
    WARD("ward"),
    /** The largest distance between a row of one cluster and a row of the other. */
    COMPLETE("complete"),
    /** The mean distance between the rows of one cluster and the rows of the other (UPGMA). */
    AVERAGE("average"),
    /** The smallest distance between a row of one cluster and a row of the other (minimum spanning tree). */
    SINGLE("single");

    private final String id;

    Linkage(final String id) {
        this.id = id;
    }

    /** @return the stable lower-case name used in settings and saved models, e.g. {@code "ward"} */
    public String id() {
        return id;
    }

    /** @return whether the algorithm keeps the n × n pairwise distance matrix (all but single linkage) */
    public boolean needsDistanceMatrix() {
        return this != SINGLE;
    }

    /**
     * @param id a name as returned by {@link #id()}
     * @return the linkage
     * @throws IllegalArgumentException if the name is unknown, listing the known ones
     */
    public static Linkage fromId(final String id) {
        for (final Linkage l : values()) {
            if (l.id.equals(id)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown linkage \"" + id + "\": use one of "
            + Arrays.stream(values()).map(Linkage::id).collect(Collectors.joining(", ")));
    }
}
