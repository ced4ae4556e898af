package org.deepcluster.core.cluster;

import java.io.IOException;
import java.util.Arrays;

import org.deepcluster.core.data.Matrix;

/**
 * A fitted k-medoids clustering: the medoids (training rows that represent the clusters), their row indices, the
 * cluster of each training row and the total deviation. New rows are assigned to the nearest medoid (Euclidean
 * distance; ties go to the lower cluster index), and the distance column is the distance to it. Immutable.
 */
public final class KMedoidsModel implements ClusterModel {

    /** The {@link ClusterModel#algorithm()} of k-medoids models. */
    public static final String ALGORITHM = "kmedoids";

    private final Matrix medoids;
    private final double[] flatMedoids;
    private final int[] medoidRows;
    private final int[] labels;
    private final double totalDeviation;
    private final String method;
    private final int iterations;
    private final int[] sizes;

    /**
     * @param medoids the medoids' values, one row per cluster
     * @param medoidRows the training row index of each medoid (copied)
     * @param labels the cluster of each training row (copied)
     * @param totalDeviation the sum of the Euclidean distances of the training rows to their medoid
     * @param method "PAM" or "CLARA", as shown in the summary
     * @param iterations the SWAP iterations of the PAM run that found the medoids
     * @throws IllegalArgumentException if the parts do not fit together
     */
    public KMedoidsModel(final Matrix medoids, final int[] medoidRows, final int[] labels, final double totalDeviation,
        final String method, final int iterations) {
        if (medoids.rows() == 0) {
            throw new IllegalArgumentException("a k-medoids model needs at least one medoid");
        }
        if (medoidRows.length != medoids.rows()) {
            throw new IllegalArgumentException("there are " + medoids.rows() + " medoids but " + medoidRows.length
                + " medoid row indices");
        }
        this.medoids = medoids;
        this.flatMedoids = Points.of(medoids).x;
        this.medoidRows = medoidRows.clone();
        this.labels = labels.clone();
        this.totalDeviation = totalDeviation;
        this.method = method;
        this.iterations = iterations;
        this.sizes = ClusterSizes.count(this.labels, medoids.rows(), "cluster index");
        for (final int row : medoidRows) {
            if (row < 0 || (this.labels.length > 0 && row >= this.labels.length)) {
                throw new IllegalArgumentException("medoid row " + row + " is not a training row index");
            }
        }
    }

    /** @return the medoids' values, one row per cluster */
    public Matrix medoids() {
        return medoids;
    }

    /** @return the training row index of each cluster's medoid (a copy) */
    public int[] medoidRows() {
        return medoidRows.clone();
    }

    /** @return the sum of the Euclidean distances of the training rows to their medoid */
    public double totalDeviation() {
        return totalDeviation;
    }

    /** @return "PAM" or "CLARA" */
    public String method() {
        return method;
    }

    /** @return the number of training rows in each cluster */
    public int[] clusterSizes() {
        return sizes.clone();
    }

    @Override
    public String algorithm() {
        return ALGORITHM;
    }

    @Override
    public int featureCount() {
        return medoids.cols();
    }

    @Override
    public int clusterCount() {
        return medoids.rows();
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** Nearest medoid (Euclidean); the distance column is the Euclidean distance to it. */
    @Override
    public Assignment assign(final Matrix rows) {
        if (rows.rows() > 0 && rows.cols() != medoids.cols()) {
            throw new IllegalArgumentException(
                "the data has " + rows.cols() + " columns but the model was fitted on " + medoids.cols() + " columns");
        }
        rows.requireFinite("the data");
        final int k = medoids.rows();
        final int d = medoids.cols();
        final int[] assigned = new int[rows.rows()];
        final double[] distances = new double[rows.rows()];
        for (int i = 0; i < assigned.length; i++) {
            final double[] row = rows.row(i);
            int best = 0;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int m = 0; m < k; m++) {
                double sum = 0;
                for (int j = 0; j < d; j++) {
                    final double diff = row[j] - flatMedoids[m * d + j];
                    sum += diff * diff;
                }
                if (sum < bestDistance) {
                    bestDistance = sum;
                    best = m;
                }
            }
            assigned[i] = best;
            distances[i] = Math.sqrt(bestDistance);
        }
        return new Assignment(assigned, null, distances);
    }

    @Override
    public String summary() {
        return "k-medoids (" + method + "), k = " + clusterCount() + ", " + featureCount() + " features\n"
            + "total deviation (sum of distances to the medoid): " + totalDeviation + "\nSWAP iterations: "
            + iterations + "\nmedoid rows (0-based): " + Arrays.toString(medoidRows) + "\ncluster sizes: "
            + Arrays.toString(sizes);
    }

    @Override
    public void save(final ModelState state) {
        state.put("medoids", medoids);
        state.put("medoidRows", medoidRows);
        state.put("labels", labels);
        state.put("totalDeviation", totalDeviation);
        state.put("method", method);
        state.put("iterations", iterations);
    }

    /**
     * @param state a state written by {@link #save}
     * @return the model
     * @throws IOException if the state is incomplete
     */
    public static KMedoidsModel read(final ModelState state) throws IOException {
        return new KMedoidsModel(state.matrix("medoids"), state.ints("medoidRows"), state.ints("labels"),
            state.number("totalDeviation"), state.string("method"), state.integer("iterations", 0, Integer.MAX_VALUE));
    }

    @Override
    public String toString() {
        return "KMedoidsModel[" + method + ", k=" + clusterCount() + ", totalDeviation=" + totalDeviation + "]";
    }
}
