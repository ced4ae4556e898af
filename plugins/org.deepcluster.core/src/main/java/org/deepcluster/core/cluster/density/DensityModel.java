package org.deepcluster.core.cluster.density;

import java.util.Arrays;

import org.deepcluster.core.cluster.Assignment;
import org.deepcluster.core.cluster.ClusterModel;
import org.deepcluster.core.data.Matrix;

/**
 * What the density models (DBSCAN, OPTICS, HDBSCAN) share: the training labels with {@link ClusterModel#NOISE} for
 * noise, cluster sizes, the feature count and the input checks of {@link #assign}. How a model assigns new rows is
 * described in its class comment.
 */
public abstract class DensityModel implements ClusterModel {

    private final int[] labels;
    private final int featureCount;
    private final int clusterCount;
    private final int[] sizes;

    /**
     * @param labels the cluster of each training row (0, 1, …) or NOISE; copied
     * @param featureCount the number of columns, at least 1
     * @throws IllegalArgumentException if a label is below NOISE
     */
    DensityModel(final int[] labels, final int featureCount) {
        this.labels = labels.clone();
        this.featureCount = featureCount;
        int max = NOISE;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < NOISE) {
                throw new IllegalArgumentException("label " + labels[i] + " of row " + i + " is invalid");
            }
            max = Math.max(max, labels[i]);
        }
        clusterCount = max + 1;
        sizes = new int[clusterCount];
        for (final int l : labels) {
            if (l != NOISE) {
                sizes[l]++;
            }
        }
    }

    @Override
    public final int featureCount() {
        return featureCount;
    }

    @Override
    public final int clusterCount() {
        return clusterCount;
    }

    @Override
    public final int[] labels() {
        return labels.clone();
    }

    /** @param row a training row; @return its label, without copying all labels */
    final int label(final int row) {
        return labels[row];
    }

    /** @return the number of training rows */
    public final int rows() {
        return labels.length;
    }

    /** @return the number of training rows in each cluster */
    public final int[] clusterSizes() {
        return sizes.clone();
    }

    /** @return the number of training rows labelled noise */
    public final int noiseCount() {
        int count = labels.length;
        for (final int s : sizes) {
            count -= s;
        }
        return count;
    }

    /**
     * Checks the rows (column count, finite values) and assigns them as the class comment of the model says.
     */
    @Override
    public final Assignment assign(final Matrix rows) {
        DensityInput.checkAssign(rows, featureCount);
        return assignChecked(rows);
    }

    /** @param rows checked rows; @return their assignment */
    abstract Assignment assignChecked(Matrix rows);

    /** @return the summary lines about clusters and noise */
    final String countsSummary() {
        return "clusters: " + clusterCount + ", noise rows: " + noiseCount() + " of " + labels.length
            + "\ncluster sizes: " + Arrays.toString(sizes);
    }
}
