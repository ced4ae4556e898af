package org.deepcluster.core.cluster;

/**
 * Counts the rows per cluster of a model's training labels, refusing labels out of range.
 *
 * <p>The loop over the rows runs in blocks, one call of a small method per block: models are built once per fit, and
 * a loop over all rows written in a once-per-fit method runs interpreted through the first fits (measured at 10,000
 * rows: the completion of a k-means fit 1.0 ms in the second fit, 0.4 ms with per-block loops).
 */
public final class ClusterSizes {

    private static final int BLOCK = RowChunks.BLOCK;

    private ClusterSizes() {
    }

    /**
     * @param labels the cluster of each row
     * @param k the number of clusters
     * @param what what a label names, for the message, e.g. "cluster index" or "component"
     * @return the number of rows of each cluster
     * @throws IllegalArgumentException naming the first row whose label is not in {@code [0, k)}
     */
    public static int[] count(final int[] labels, final int k, final String what) {
        final int[] sizes = new int[k];
        for (int b = 0; b < labels.length; b += BLOCK) {
            countBlock(labels, b, Math.min(labels.length, b + BLOCK), sizes, what);
        }
        return sizes;
    }

    private static void countBlock(final int[] labels, final int from, final int to, final int[] sizes,
        final String what) {
        for (int i = from; i < to; i++) {
            final int label = labels[i];
            if (label < 0 || label >= sizes.length) {
                throw new IllegalArgumentException(
                    "label " + label + " of row " + i + " is not a " + what + " in [0, " + sizes.length + ")");
            }
            sizes[label]++;
        }
    }
}
