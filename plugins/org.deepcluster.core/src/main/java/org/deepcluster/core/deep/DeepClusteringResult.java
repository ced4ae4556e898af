package org.deepcluster.core.deep;

import java.util.List;

import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.encode.FittedEncoder;

/**
 * The outcome of {@link DeepEmbeddedClustering#fit}. Immutable (the arrays are copied on the way in and out).
 *
 * @param encoder the refined encoder (same architecture, columns and scaler as the input encoder; can be saved and
 *            used like any encoder model)
 * @param centres the cluster centres in the refined embedding, {@code k × embeddingSize}
 * @param labels the hard cluster of each row (0-based): the cluster with the largest soft assignment
 * @param softAssignments q, {@code rows × k}: the Student's t soft assignment of each row to each cluster
 * @param initialLabels the clusters of the k-means initialisation on the original embedding (for comparison)
 * @param history one entry for the initialisation (iteration 0), one per target-distribution update, and one for
 *            the end of the run
 * @param iterations the number of mini-batch iterations run
 * @param converged whether the run stopped because the fraction of changed labels fell below the tolerance (false:
 *            it stopped at the maximum number of iterations)
 * @param warnings degenerate results (empty clusters, one cluster holding almost all rows), for people; empty if
 *            none
 */
public record DeepClusteringResult(FittedEncoder encoder, Matrix centres, int[] labels, Matrix softAssignments,
    int[] initialLabels, List<Update> history, int iterations, boolean converged, List<String> warnings) {

    /**
     * The state at one target update (or at the end of the run).
     *
     * @param iteration the number of mini-batch iterations run so far
     * @param loss the mean total loss (KL + reconstruction weight × reconstruction) of the mini-batches since the
     *            previous entry; NaN if there were none
     * @param kl the mean KL(P‖Q) of those mini-batches
     * @param reconstruction their mean reconstruction loss (unweighted), NaN without reconstruction (DEC)
     * @param changedFraction the fraction of rows whose hard label changed since the previous update (NaN for the
     *            initialisation)
     * @param klBefore KL(P‖Q) averaged over all rows, with the target P used since the previous entry and the
     *            current Q: the DEC objective at the end of the interval (NaN for the initialisation)
     * @param klAfter KL(P'‖Q) averaged over all rows with the new target P' computed here: the objective at the
     *            start of the next interval; training with P' held fixed lowers it towards the next entry's
     *            {@code klBefore}
     */
    public record Update(int iteration, double loss, double kl, double reconstruction, double changedFraction,
        double klBefore, double klAfter) {
    }

    /** Copies the arrays and the lists. */
    public DeepClusteringResult {
        labels = labels.clone();
        initialLabels = initialLabels.clone();
        history = List.copyOf(history);
        warnings = List.copyOf(warnings);
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    @Override
    public int[] initialLabels() {
        return initialLabels.clone();
    }

    /** @return the number of clusters */
    public int k() {
        return centres.rows();
    }

    /** @return the number of rows in each cluster */
    public int[] clusterSizes() {
        final int[] sizes = new int[k()];
        for (final int label : labels) {
            sizes[label]++;
        }
        return sizes;
    }
}
