package org.deepcluster.core.cluster.hierarchical;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.IntStream;

import org.deepcluster.core.cluster.Assignment;
import org.deepcluster.core.cluster.ClusterModel;
import org.deepcluster.core.cluster.ModelState;
import org.deepcluster.core.data.Matrix;

/**
 * A fitted agglomerative clustering: the linkage, the metric, how the tree was cut, the whole merge tree ({@link #dendrogram()},
 * SciPy's linkage matrix) and the cluster of every training row. Immutable.
 *
 * <p>Assigning new rows (agglomerative clustering itself has no rule for that; these are the usual ones):
 * <ul>
 * <li><b>ward</b>: the cluster with the nearest centroid (mean of its training rows); ward clusters are compact, and
 * the model keeps only the k centroids;</li>
 * <li><b>complete, average, single</b>: the cluster of the nearest training row (1-nearest-neighbour), which respects
 * elongated and chained clusters; the model keeps the training rows (with the cosine metric scaled to length 1).</li>
 * </ul>
 * The metric is the one of the tree: with the cosine metric a new row is scaled to length 1 and goes to the training
 * row of the smallest cosine distance (a row of zeros is refused). The distance of an assignment is the metric's
 * distance to that centroid or row (Euclidean, or cosine 1 − cos); ties go to the lower index.
 */
public final class AgglomerativeModel implements ClusterModel {

    /** The {@link ClusterModel#algorithm()} of agglomerative models. */
    public static final String ALGORITHM = "agglomerative";

    private final Linkage linkage;
    private final Metric metric;
    private final int requestedClusters;
    private final double distanceThreshold;
    private final Dendrogram dendrogram;
    private final int[] labels;
    private final int[] sizes;
    private final Matrix reference; // ward: one centroid per cluster; otherwise the training rows (cosine: scaled)
    private final double[] referenceValues; // the same, row-major, for the distance loops

    /**
     * Creates a model from its parts (used by {@link AgglomerativeClustering#fit} and when loading).
     *
     * @param linkage the linkage
     * @param metric the metric the tree was built with (ward: only Euclidean)
     * @param requestedClusters the k the tree was cut at, or 0 if it was cut by height
     * @param distanceThreshold the height the tree was cut at, or NaN if it was cut by k
     * @param dendrogram the merge tree of the training rows
     * @param labels the cluster of each training row, 0 … c−1 with every cluster used; copied
     * @param reference for ward the c centroids, otherwise the training rows (for the cosine metric of length 1)
     * @throws IllegalArgumentException if the parts do not fit together
     */
    public AgglomerativeModel(final Linkage linkage, final Metric metric, final int requestedClusters,
        final double distanceThreshold, final Dendrogram dendrogram, final int[] labels, final Matrix reference) {
        if (!metric.allows(linkage)) {
            throw new IllegalArgumentException(linkage.id() + " linkage does not allow the " + metric.id() + " metric");
        }
        this.linkage = linkage;
        this.metric = metric;
        this.requestedClusters = requestedClusters;
        this.distanceThreshold = distanceThreshold;
        this.dendrogram = dendrogram;
        this.labels = labels.clone();
        if (dendrogram.leaves() != labels.length) {
            throw new IllegalArgumentException("the dendrogram has " + dendrogram.leaves() + " rows but there are "
                + labels.length + " labels");
        }
        final int clusters = Arrays.stream(labels).max().orElse(-1) + 1;
        this.sizes = new int[clusters];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("label " + labels[i] + " of row " + i + " is negative");
            }
            sizes[labels[i]]++;
        }
        if (clusters == 0 || Arrays.stream(sizes).anyMatch(s -> s == 0)) {
            throw new IllegalArgumentException("the labels must use every cluster 0 … " + (clusters - 1));
        }
        final int expected = linkage == Linkage.WARD ? clusters : labels.length;
        if (reference.rows() != expected) {
            throw new IllegalArgumentException("the model of " + linkage.id() + " linkage needs " + expected
                + " reference rows, got " + reference.rows());
        }
        this.reference = reference;
        this.referenceValues = flatten(reference);
    }

    /** Builds the model of a fitted tree: computes the ward centroids, or keeps the training rows. */
    static AgglomerativeModel of(final Linkage linkage, final Metric metric, final int requestedClusters,
        final double distanceThreshold, final Dendrogram dendrogram, final int[] labels, final Matrix data) {
        if (linkage != Linkage.WARD) {
            return new AgglomerativeModel(linkage, metric, requestedClusters, distanceThreshold, dendrogram, labels,
                data);
        }
        final int clusters = Arrays.stream(labels).max().orElse(-1) + 1;
        final int d = data.cols();
        final double[] sums = new double[clusters * d];
        final int[] counts = new int[clusters];
        for (int i = 0; i < labels.length; i++) {
            counts[labels[i]]++;
            for (int c = 0; c < d; c++) {
                sums[labels[i] * d + c] += data.get(i, c);
            }
        }
        for (int j = 0; j < clusters; j++) {
            for (int c = 0; c < d; c++) {
                sums[j * d + c] /= counts[j];
            }
        }
        return new AgglomerativeModel(linkage, metric, requestedClusters, distanceThreshold, dendrogram, labels,
            Matrix.wrap(clusters, d, sums));
    }

    private static double[] flatten(final Matrix m) {
        final double[] values = new double[m.rows() * m.cols()];
        for (int i = 0; i < m.rows(); i++) {
            System.arraycopy(m.row(i), 0, values, i * m.cols(), m.cols());
        }
        return values;
    }

    /** @return the linkage */
    public Linkage linkage() {
        return linkage;
    }

    /** @return the metric between rows (also of assignments) */
    public Metric metric() {
        return metric;
    }

    /** @return the k the tree was cut at, or 0 if it was cut by height */
    public int requestedClusters() {
        return requestedClusters;
    }

    /** @return the height the tree was cut at (merges below it were kept), or NaN if it was cut by k */
    public double distanceThreshold() {
        return distanceThreshold;
    }

    /** @return the full merge tree of the training rows */
    public Dendrogram dendrogram() {
        return dendrogram;
    }

    /**
     * @return for ward linkage the cluster centroids, one row per cluster; otherwise the training rows (for the cosine
     *         metric scaled to length 1)
     */
    public Matrix reference() {
        return reference;
    }

    /** @return the number of training rows per cluster */
    public int[] clusterSizes() {
        return sizes.clone();
    }

    @Override
    public String algorithm() {
        return ALGORITHM;
    }

    @Override
    public int featureCount() {
        return reference.cols();
    }

    @Override
    public int clusterCount() {
        return sizes.length;
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    /**
     * Ward: nearest centroid; other linkages: cluster of the nearest training row, by the model's metric (see the class
     * comment).
     */
    @Override
    public Assignment assign(final Matrix rows) {
        if (rows.rows() > 0 && rows.cols() != featureCount()) {
            throw new IllegalArgumentException("the data has " + rows.cols() + " columns but the model was fitted on "
                + featureCount() + " columns");
        }
        rows.requireFinite("the data");
        return metric == Metric.COSINE ? assignByCosine(rows) : assignByEuclidean(rows);
    }

    private Assignment assignByEuclidean(final Matrix rows) {
        final int d = featureCount();
        final int candidates = reference.rows();
        final int[] assigned = new int[rows.rows()];
        final double[] distances = new double[rows.rows()];
        IntStream.range(0, rows.rows()).parallel().forEach(r -> {
            final double[] row = rows.row(r);
            int best = 0;
            double bestValue = Double.POSITIVE_INFINITY;
            for (int j = 0; j < candidates; j++) {
                final int jo = j * d;
                double sum = 0;
                for (int c = 0; c < d && sum < bestValue; c++) {
                    final double diff = row[c] - referenceValues[jo + c];
                    sum += diff * diff;
                }
                if (sum < bestValue) {
                    bestValue = sum;
                    best = j;
                }
            }
            assigned[r] = linkage == Linkage.WARD ? best : labels[best];
            distances[r] = Math.sqrt(bestValue);
        });
        return new Assignment(assigned, null, distances);
    }

    /** Cosine: the training row (all of length 1) of the largest dot product with the scaled new row. */
    private Assignment assignByCosine(final Matrix rows) {
        final int n = rows.rows();
        final int d = featureCount();
        final double[] x = new double[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rows.row(i), 0, x, i * d, d);
        }
        Metric.normaliseRows(x, n, d, "the data"); // before the parallel loop, so a row of zeros fails plainly
        final int candidates = reference.rows();
        final int[] assigned = new int[n];
        final double[] distances = new double[n];
        IntStream.range(0, n).parallel().forEach(r -> {
            int best = 0;
            double bestValue = Double.POSITIVE_INFINITY;
            for (int j = 0; j < candidates; j++) {
                final double distance = Metric.cosineDistance(x, r * d, referenceValues, j * d, d);
                if (distance < bestValue) {
                    bestValue = distance;
                    best = j;
                }
            }
            assigned[r] = labels[best]; // cosine is never ward, so the reference rows are the training rows
            distances[r] = bestValue;
        });
        return new Assignment(assigned, null, distances);
    }

    @Override
    public String summary() {
        final StringBuilder s = new StringBuilder();
        s.append("agglomerative clustering, ").append(linkage.id()).append(" linkage, ").append(metric.id())
            .append(" metric, ").append(featureCount())
            .append(" features, ").append(labels.length).append(" rows\n");
        if (requestedClusters > 0) {
            s.append("cut into k = ").append(requestedClusters).append(" clusters");
        } else {
            s.append(String.format(Locale.ROOT, "cut below height %g: %d clusters", distanceThreshold,
                clusterCount()));
        }
        final int m = dendrogram.merges();
        if (m > 0) {
            s.append(String.format(Locale.ROOT, "\nheights of the last merges (highest first):"));
            for (int i = m - 1; i >= Math.max(0, m - 5); i--) {
                s.append(String.format(Locale.ROOT, " %.6g", dendrogram.height(i)));
            }
        }
        s.append("\ncluster sizes: ").append(Arrays.toString(sizes));
        s.append(linkage == Linkage.WARD ? "\nnew rows go to the nearest cluster centroid"
            : "\nnew rows go to the cluster of the nearest training row (" + metric.id() + " distance)");
        return s.toString();
    }

    @Override
    public void save(final ModelState state) {
        state.put("linkage", linkage.id());
        state.put("metric", metric.id());
        state.put("requestedClusters", requestedClusters);
        state.put("distanceThreshold", distanceThreshold);
        state.put("dendrogram", dendrogram.toLinkageMatrix());
        state.put("labels", labels);
        state.put("reference", reference);
    }

    /**
     * @param state a state written by {@link #save}; one without a metric (written before the metric existed) is
     *            Euclidean
     * @return the model
     * @throws IOException if the state is incomplete
     */
    public static AgglomerativeModel read(final ModelState state) throws IOException {
        final Linkage linkage = Linkage.fromId(state.string("linkage"));
        final Metric metric = state.has("metric") ? Metric.fromId(state.string("metric")) : Metric.EUCLIDEAN;
        return new AgglomerativeModel(linkage, metric, state.integer("requestedClusters", 0, Integer.MAX_VALUE),
            state.number("distanceThreshold"), Dendrogram.fromLinkageMatrix(state.matrix("dendrogram")),
            state.ints("labels"), state.matrix("reference"));
    }

    @Override
    public String toString() {
        return "AgglomerativeModel[" + linkage.id() + ", " + metric.id() + ", clusters=" + clusterCount() + ", sizes="
            + Arrays.toString(sizes) + "]";
    }
}
