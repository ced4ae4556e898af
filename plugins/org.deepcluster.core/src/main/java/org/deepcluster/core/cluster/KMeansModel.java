package org.deepcluster.core.cluster;

import java.util.Arrays;

import org.deepcluster.core.data.Matrix;

/**
 * A fitted k-means clustering: the centroids, the cluster of each training row and the inertia. Immutable.
 *
 * <p>Clusters are numbered 0 … k−1. {@link KMeans#fit} numbers them in order of first appearance in the training
 * data.
 */
public final class KMeansModel implements ClusterModel {

    /** The {@link ClusterModel#algorithm()} of k-means models. */
    public static final String ALGORITHM = "kmeans";

    private final Matrix centroids;
    private final double[][] centroidRows; // the same values, for fast distance loops
    private final int[] labels;
    private final double inertia;
    private final int[] sizes;
    private final int iterations;

    /**
     * Creates a model from its parts, e.g. when loading a saved one, without an iteration count.
     *
     * @param centroids one row per cluster
     * @param labels the cluster of each training row, each in {@code [0, centroids.rows())}; copied
     * @param inertia the sum of squared distances of the training rows to their centroids
     * @throws IllegalArgumentException if there are no centroids or a label is out of range
     */
    public KMeansModel(final Matrix centroids, final int[] labels, final double inertia) {
        this(centroids, labels, inertia, 0);
    }

    /**
     * Creates a model from its parts.
     *
     * @param centroids one row per cluster
     * @param labels the cluster of each training row, each in {@code [0, centroids.rows())}; copied
     * @param inertia the sum of squared distances of the training rows to their centroids
     * @param iterations the number of iterations of the winning run, 0 if unknown
     * @throws IllegalArgumentException if there are no centroids or a label is out of range
     */
    public KMeansModel(final Matrix centroids, final int[] labels, final double inertia, final int iterations) {
        this.iterations = iterations;
        if (centroids.rows() == 0) {
            throw new IllegalArgumentException("a k-means model needs at least one centroid");
        }
        this.centroids = centroids;
        this.centroidRows = centroids.toRowArrays();
        this.labels = labels.clone();
        this.inertia = inertia;
        this.sizes = ClusterSizes.count(this.labels, centroids.rows(), "cluster index");
    }

    /** @return the number of clusters */
    public int k() {
        return centroids.rows();
    }

    /** @return the centroids, one row per cluster */
    public Matrix centroids() {
        return centroids;
    }

    /** @return a copy of the cluster index of each training row */
    public int[] labels() {
        return labels.clone();
    }

    /**
     * @return the sum of squared Euclidean distances of the training rows to their cluster's centroid (scikit-learn's
     *         {@code inertia_})
     */
    public double inertia() {
        return inertia;
    }

    /** @return the number of iterations of the winning run (scikit-learn's {@code n_iter_}), 0 if unknown */
    public int iterations() {
        return iterations;
    }

    /**
     * @return the number of training rows in each cluster, indexed by cluster; a cluster can be empty in rare
     *         degenerate cases
     */
    public int[] clusterSizes() {
        return sizes.clone();
    }

    /**
     * Assigns a row to the nearest centroid (Euclidean distance; ties go to the lower cluster index).
     *
     * @param row the values, one per column of the training data, all finite
     * @return the cluster index
     * @throws IllegalArgumentException if the row has the wrong length or a non-finite value
     */
    public int predict(final double[] row) {
        if (row.length != centroids.cols()) {
            throw new IllegalArgumentException(
                "the row has " + row.length + " values but the model was fitted on " + centroids.cols() + " columns");
        }
        for (int j = 0; j < row.length; j++) {
            if (!Double.isFinite(row[j])) {
                throw new IllegalArgumentException("the row holds " + row[j] + " in column " + j
                    + ": only finite values can be assigned to a cluster");
            }
        }
        return nearest(centroidRows, row);
    }

    /**
     * Assigns every row of a matrix to its nearest centroid.
     *
     * @param data rows with as many columns as the training data, all values finite
     * @return the cluster index of each row
     * @throws IllegalArgumentException if the number of columns differs or a value is not finite
     */
    public int[] predict(final Matrix data) {
        if (data.rows() > 0 && data.cols() != centroids.cols()) {
            throw new IllegalArgumentException(
                "the data has " + data.cols() + " columns but the model was fitted on " + centroids.cols() + " columns");
        }
        data.requireFinite("the data");
        final int[] result = new int[data.rows()];
        for (int i = 0; i < result.length; i++) {
            result[i] = nearest(centroidRows, data.row(i));
        }
        return result;
    }

    static int nearest(final double[][] centroids, final double[] row) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int j = 0; j < centroids.length; j++) {
            final double distance = KMeans.squaredDistance(centroids[j], row);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = j;
            }
        }
        return best;
    }

    @Override
    public String algorithm() {
        return ALGORITHM;
    }

    @Override
    public int featureCount() {
        return centroids.cols();
    }

    @Override
    public int clusterCount() {
        return k();
    }

    /** Nearest centroid (Euclidean); the distance column is the Euclidean distance to it. */
    @Override
    public Assignment assign(final Matrix rows) {
        final int[] labels = predict(rows);
        final double[] distances = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            distances[i] = Math.sqrt(KMeans.squaredDistance(centroidRows[labels[i]], rows.row(i)));
        }
        return new Assignment(labels, null, distances);
    }

    @Override
    public String summary() {
        return "k-means, k = " + k() + ", " + centroids.cols() + " features\ninertia: " + inertia
            + (iterations > 0 ? "\niterations: " + iterations : "") + "\ncluster sizes: " + Arrays.toString(sizes);
    }

    @Override
    public void save(final ModelState state) {
        state.put("centroids", centroids);
        state.put("labels", labels);
        state.put("inertia", inertia);
        state.put("iterations", iterations);
    }

    /**
     * @param state a state written by {@link #save}
     * @return the model
     * @throws java.io.IOException if the state is incomplete
     */
    public static KMeansModel read(final ModelState state) throws java.io.IOException {
        final int iterations = state.has("iterations") ? state.integer("iterations", 0, Integer.MAX_VALUE) : 0;
        return new KMeansModel(state.matrix("centroids"), state.ints("labels"), state.number("inertia"), iterations);
    }

    @Override
    public String toString() {
        return "KMeansModel[k=" + k() + ", inertia=" + inertia + ", sizes=" + Arrays.toString(sizes) + "]";
    }
}
