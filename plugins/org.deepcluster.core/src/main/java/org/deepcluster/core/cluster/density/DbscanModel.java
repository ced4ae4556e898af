package org.deepcluster.core.cluster.density;

import java.io.IOException;
import java.util.Arrays;

import org.deepcluster.core.cluster.Assignment;
import org.deepcluster.core.cluster.ClusterModel;
import org.deepcluster.core.cluster.ModelState;
import org.deepcluster.core.data.Matrix;

/**
 * A fitted DBSCAN clustering: the label of every training row and the core points with their clusters.
 *
 * <p><b>Assigning new rows</b>: a new row joins the cluster of its nearest core point if that core point lies within
 * eps (distance ≤ eps), otherwise it is noise ({@link ClusterModel#NOISE}). This is how a training border point gets
 * its cluster, except that a border point within eps of several clusters' core points was given the lowest-numbered
 * one, whereas a new row takes the nearest; a new row never becomes a core point itself. The model keeps the core
 * points (one row of the training data per core point) for this.
 */
public final class DbscanModel implements ClusterModel {

    /** The {@link ClusterModel#algorithm()} of DBSCAN models. */
    public static final String ALGORITHM = "dbscan";

    private final Dbscan.Parameters parameters;
    private final int[] labels;
    private final int[] coreRows;
    private final ReferencePoints corePoints;
    private final int[] coreLabels;
    private final int featureCount;
    private final int clusterCount;

    /**
     * @param parameters the settings the model was fitted with
     * @param labels the cluster of each training row, or NOISE; copied
     * @param coreRows the training row index of each core point, ascending; copied
     * @param corePoints the core points' values, one row per entry of {@code coreRows}
     * @param featureCount the number of columns
     * @throws IllegalArgumentException if the parts are inconsistent
     */
    public DbscanModel(final Dbscan.Parameters parameters, final int[] labels, final int[] coreRows,
        final Matrix corePoints, final int featureCount) {
        parameters.validate();
        this.parameters = parameters;
        this.labels = labels.clone();
        this.coreRows = coreRows.clone();
        this.featureCount = featureCount;
        if (corePoints.rows() != coreRows.length || (corePoints.rows() > 0 && corePoints.cols() != featureCount)) {
            throw new IllegalArgumentException("the core points do not match the core rows or the feature count");
        }
        this.corePoints = new ReferencePoints(corePoints);
        this.clusterCount = countClusters(this.labels);
        this.coreLabels = new int[coreRows.length];
        for (int c = 0; c < coreRows.length; c++) {
            if (coreRows[c] < 0 || coreRows[c] >= labels.length || labels[coreRows[c]] == NOISE) {
                throw new IllegalArgumentException("core row " + coreRows[c] + " is not a clustered training row");
            }
            coreLabels[c] = labels[coreRows[c]];
        }
    }

    static int countClusters(final int[] labels) {
        int max = -1;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < NOISE) {
                throw new IllegalArgumentException("label " + labels[i] + " of row " + i + " is invalid");
            }
            max = Math.max(max, labels[i]);
        }
        return max + 1;
    }

    /** @return the settings */
    public Dbscan.Parameters parameters() {
        return parameters;
    }

    /** @return whether each training row is a core point */
    public boolean[] corePointMask() {
        final boolean[] mask = new boolean[labels.length];
        for (final int r : coreRows) {
            mask[r] = true;
        }
        return mask;
    }

    /** @return the training row indices of the core points, ascending (scikit-learn's {@code core_sample_indices_}) */
    public int[] coreRows() {
        return coreRows.clone();
    }

    @Override
    public String algorithm() {
        return ALGORITHM;
    }

    @Override
    public int featureCount() {
        return featureCount;
    }

    @Override
    public int clusterCount() {
        return clusterCount;
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** Nearest core point within eps, else noise; the distance column is the distance to the nearest core point. */
    @Override
    public Assignment assign(final Matrix rows) {
        DensityInput.checkAssign(rows, featureCount);
        return NearestCoreRule.assign(rows, corePoints, coreLabels, parameters.eps());
    }

    @Override
    public String summary() {
        return "DBSCAN, eps = " + parameters.eps() + ", minPts = " + parameters.minPts() + ", " + featureCount
            + " features\nclusters: " + clusterCount + ", core points: " + coreRows.length + ", noise rows: "
            + Arrays.stream(labels).filter(l -> l == NOISE).count() + " of " + labels.length + "\ncluster sizes: "
            + Arrays.toString(sizes(labels, clusterCount));
    }

    static int[] sizes(final int[] labels, final int clusters) {
        final int[] sizes = new int[clusters];
        for (final int l : labels) {
            if (l != NOISE) {
                sizes[l]++;
            }
        }
        return sizes;
    }

    @Override
    public void save(final ModelState state) {
        state.put("eps", parameters.eps());
        state.put("minPts", (long)parameters.minPts());
        state.put("featureCount", (long)featureCount);
        state.put("labels", labels);
        state.put("coreRows", coreRows);
        state.put("corePoints", corePoints.points());
    }

    /**
     * @param state a state written by {@link #save}
     * @return the model
     * @throws IOException if the state is incomplete
     */
    public static DbscanModel read(final ModelState state) throws IOException {
        return new DbscanModel(new Dbscan.Parameters(state.number("eps"), state.integer("minPts", 1, Integer.MAX_VALUE)),
            state.ints("labels"), state.ints("coreRows"), state.matrix("corePoints"),
            state.integer("featureCount", 1, Integer.MAX_VALUE));
    }
}
