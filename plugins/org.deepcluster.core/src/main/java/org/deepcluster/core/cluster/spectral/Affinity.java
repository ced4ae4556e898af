package org.deepcluster.core.cluster.spectral;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How spectral clustering turns rows into a similarity graph (scikit-learn's {@code affinity}). */
public enum Affinity {

    /**
     * k-nearest-neighbour connectivity (each row and its {@code n_neighbors − 1} nearest other rows), symmetrised as
     * 0.5 (A + Aᵀ): sparse, O(n · neighbours) memory; the usual choice for embeddings and single-cell data.
     */
    NEAREST_NEIGHBORS("nearest_neighbors"),
    /** The Gaussian kernel exp(−γ ‖x − y‖²) between all pairs: dense, O(n²) memory. */
    RBF("rbf");

    private final String id;

    Affinity(final String id) {
        this.id = id;
    }

    /** @return the stable name used in settings and saved models (scikit-learn's), e.g. {@code "rbf"} */
    public String id() {
        return id;
    }

    /**
     * @param id a name as returned by {@link #id()}
     * @return the affinity
     * @throws IllegalArgumentException if the name is unknown, listing the known ones
     */
    public static Affinity fromId(final String id) {
        for (final Affinity a : values()) {
            if (a.id.equals(id)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown affinity \"" + id + "\": use one of "
            + Arrays.stream(values()).map(Affinity::id).collect(Collectors.joining(", ")));
    }
}
