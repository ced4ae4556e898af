package org.deepcluster.core.cluster;

import org.deepcluster.core.data.Matrix;

/**
 * A fitted clustering: the cluster of every training row and the state needed to assign new rows. Every algorithm of
 * the engine returns one; the node layer shows its {@link #summary()}, saves it with {@link ClusterModels#write} and
 * assigns new tables with {@link #assign}.
 *
 * <p>Clusters are numbered 0 … {@link #clusterCount()}−1; rows that a density method leaves unclustered get
 * {@link #NOISE}. Implementations are immutable.
 */
public interface ClusterModel {

    /** The label of a row that belongs to no cluster (DBSCAN, OPTICS, HDBSCAN noise). */
    int NOISE = -1;

    /** @return the algorithm's stable identifier, e.g. {@code "kmeans"}; also the key of its reader in the file */
    String algorithm();

    /** @return the number of features (columns) the model was fitted on and expects when assigning */
    int featureCount();

    /** @return the number of clusters, noise not counted */
    int clusterCount();

    /** @return a copy of the cluster of each training row, in training order ({@link #NOISE} for noise) */
    int[] labels();

    /**
     * Assigns new rows to the fitted clusters. How depends on the algorithm (nearest centroid, most probable mixture
     * component, nearest core point within eps, vote of the nearest training rows, ...); each implementation says so
     * in its class comment, and the node descriptions repeat it.
     *
     * @param rows the rows, {@link #featureCount()} columns, all values finite
     * @return the assignment
     * @throws IllegalArgumentException if the column count differs or a value is not finite
     */
    Assignment assign(Matrix rows);

    /** @return a readable multi-line description: algorithm, settings, cluster sizes and fit statistics */
    String summary();

    /**
     * Writes the fitted state (settings included) so that {@link ClusterModels#read} can rebuild an equal model. The
     * {@code algorithm} key is written by {@link ClusterModels}; implementations write everything else.
     *
     * @param state the state to fill
     */
    void save(ModelState state);
}
