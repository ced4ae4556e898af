package org.deepcluster.core.cluster.mixture;

import java.util.Locale;

/**
 * The shape of each mixture component's covariance matrix, as scikit-learn's {@code covariance_type}. (scikit-learn's
 * "tied", one full matrix shared by all components, is not offered.)
 */
public enum CovarianceType {

    /** Each component has its own general (full) covariance matrix: ellipsoids of any orientation. */
    FULL,
    /** Each component has its own diagonal covariance matrix: axis-aligned ellipsoids. */
    DIAGONAL,
    /** Each component has its own single variance: spheres of different sizes. */
    SPHERICAL;

    /**
     * @param features the number of features d
     * @return the number of free covariance parameters of one component (scikit-learn's count)
     */
    long parametersPerComponent(final int features) {
        return switch (this) {
            case FULL -> (long)features * (features + 1) / 2;
            case DIAGONAL -> features;
            case SPHERICAL -> 1;
        };
    }

    /**
     * @param features the number of features d
     * @return how many doubles one component's covariance (or precision Cholesky factor) occupies in our arrays
     */
    int storedPerComponent(final int features) {
        return switch (this) {
            case FULL -> features * features;
            case DIAGONAL -> features;
            case SPHERICAL -> 1;
        };
    }

    /** @return scikit-learn's name of the type: "full", "diag" or "spherical" */
    public String sklearnName() {
        return this == DIAGONAL ? "diag" : name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param name a type's {@link #name()} or {@link #sklearnName()}, case-insensitive
     * @return the type
     * @throws IllegalArgumentException naming the known types
     */
    public static CovarianceType parse(final String name) {
        for (final CovarianceType t : values()) {
            if (t.name().equalsIgnoreCase(name) || t.sklearnName().equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown covariance type \"" + name + "\": use full, diag or spherical");
    }
}
