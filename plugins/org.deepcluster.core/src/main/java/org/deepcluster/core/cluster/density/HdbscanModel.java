package org.deepcluster.core.cluster.density;

import java.io.IOException;
import java.util.Arrays;

import org.deepcluster.core.cluster.Assignment;
import org.deepcluster.core.cluster.ClusterModel;
import org.deepcluster.core.cluster.ModelState;
import org.deepcluster.core.data.Matrix;

/**
 * A fitted HDBSCAN clustering: labels, membership probabilities and GLOSH outlier scores of the training rows, and
 * what assignment needs.
 *
 * <p><b>Assigning new rows</b> (in the spirit of the hdbscan library's {@code approximate_predict}, simplified): the
 * new row's core distance is the distance to its (minSamples − 1)-th nearest training row (it counts itself, as
 * training rows do); among its minSamples nearest training rows the one with the smallest mutual reachability
 * mr = max(core(new), core(row), distance) is its attachment point. The new row joins that row's cluster if the row
 * is clustered and mr ≤ the distance at which that cluster was born (i.e. the new row would join the cluster within
 * the cluster's λ range), otherwise it is noise. The distance column is that mr. The model keeps all training rows
 * (values, core distances, labels) for this, so it is as large as the training data.
 */
public final class HdbscanModel implements ClusterModel {

    /** The {@link ClusterModel#algorithm()} of HDBSCAN models. */
    public static final String ALGORITHM = "hdbscan";

    private final Hdbscan.Parameters parameters;
    private final int[] labels;
    private final double[] probabilities;
    private final double[] outlierScores;
    private final double[] coreDistances;
    private final double[] birthDistance;
    private final double mstWeight;
    private final ReferencePoints training;
    private final int clusterCount;

    /**
     * @param parameters the settings
     * @param labels per training row its cluster or NOISE
     * @param probabilities per training row its membership strength in [0, 1] (0 for noise)
     * @param outlierScores per training row its GLOSH score in [0, 1]
     * @param coreDistances per training row its core distance
     * @param birthDistance per cluster the distance below which it exists (infinite for a single root cluster)
     * @param mstWeight the total weight of the mutual-reachability minimum spanning tree
     * @param training the training rows
     * @throws IllegalArgumentException if the parts are inconsistent
     */
    public HdbscanModel(final Hdbscan.Parameters parameters, final int[] labels, final double[] probabilities,
        final double[] outlierScores, final double[] coreDistances, final double[] birthDistance,
        final double mstWeight, final Matrix training) {
        parameters.validate();
        final int n = labels.length;
        if (probabilities.length != n || outlierScores.length != n || coreDistances.length != n
            || training.rows() != n) {
            throw new IllegalArgumentException("the HDBSCAN model needs one value per training row in every part");
        }
        this.parameters = parameters;
        this.labels = labels.clone();
        this.probabilities = probabilities.clone();
        this.outlierScores = outlierScores.clone();
        this.coreDistances = coreDistances.clone();
        this.birthDistance = birthDistance.clone();
        this.mstWeight = mstWeight;
        this.training = new ReferencePoints(training);
        this.clusterCount = DbscanModel.countClusters(this.labels);
        if (clusterCount > birthDistance.length) {
            throw new IllegalArgumentException("the HDBSCAN model has " + clusterCount + " clusters but "
                + birthDistance.length + " birth distances");
        }
    }

    /** @return the settings */
    public Hdbscan.Parameters parameters() {
        return parameters;
    }

    /** @return per training row the strength of its cluster membership in [0, 1]; 0 for noise (a copy) */
    public double[] probabilities() {
        return probabilities.clone();
    }

    /** @return per training row its GLOSH outlier score in [0, 1], higher = more outlying (a copy) */
    public double[] outlierScores() {
        return outlierScores.clone();
    }

    /** @return per training row its core distance (a copy) */
    public double[] coreDistances() {
        return coreDistances.clone();
    }

    /** @return the total weight of the mutual-reachability minimum spanning tree */
    public double mstWeight() {
        return mstWeight;
    }

    @Override
    public String algorithm() {
        return ALGORITHM;
    }

    @Override
    public int featureCount() {
        return training.points().cols();
    }

    @Override
    public int clusterCount() {
        return clusterCount;
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** See the class comment. */
    @Override
    public Assignment assign(final Matrix rows) {
        DensityInput.checkAssign(rows, featureCount());
        final int m = rows.rows();
        final int k = Math.min(parameters.effectiveMinSamples(), training.size());
        final int[] index = new int[m * k];
        final double[] distance = new double[m * k];
        if (m > 0) {
            training.nearest(rows, k, index, distance);
        }
        final int[] result = new int[m];
        final double[] mr = new double[m];
        for (int i = 0; i < m; i++) {
            // The new row counts itself: its core distance is its (minSamples − 1)-th training neighbour.
            final int ms = parameters.effectiveMinSamples();
            final double core = ms <= 1 ? 0 : distance[i * k + Math.min(ms - 2, k - 1)];
            int best = -1;
            double bestMr = Double.POSITIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                final int row = index[i * k + j];
                final double r = Math.max(core, Math.max(coreDistances[row], distance[i * k + j]));
                if (r < bestMr) {
                    bestMr = r;
                    best = row;
                }
            }
            mr[i] = bestMr;
            final int label = labels[best];
            result[i] = label != NOISE && bestMr <= birthDistance[label] ? label : NOISE;
        }
        return new Assignment(result, null, mr);
    }

    @Override
    public String summary() {
        return "HDBSCAN, minClusterSize = " + parameters.minClusterSize() + ", minSamples = "
            + parameters.effectiveMinSamples() + ", clusterSelectionEpsilon = " + parameters.clusterSelectionEpsilon()
            + ", allowSingleCluster = " + parameters.allowSingleCluster() + ", " + featureCount() + " features"
            + "\nclusters: " + clusterCount + ", noise rows: " + Arrays.stream(labels).filter(l -> l == NOISE).count()
            + " of " + labels.length + "\ncluster sizes: " + Arrays.toString(DbscanModel.sizes(labels, clusterCount))
            + "\nminimum spanning tree weight: " + mstWeight;
    }

    @Override
    public void save(final ModelState state) {
        state.put("minClusterSize", (long)parameters.minClusterSize());
        state.put("minSamples", (long)parameters.minSamples());
        state.put("clusterSelectionEpsilon", parameters.clusterSelectionEpsilon());
        state.put("allowSingleCluster", parameters.allowSingleCluster());
        state.put("labels", labels);
        state.put("probabilities", probabilities);
        state.put("outlierScores", outlierScores);
        state.put("coreDistances", coreDistances);
        state.put("birthDistance", birthDistance);
        state.put("mstWeight", mstWeight);
        state.put("training", training.points());
    }

    /**
     * @param state a state written by {@link #save}
     * @return the model
     * @throws IOException if the state is incomplete
     */
    public static HdbscanModel read(final ModelState state) throws IOException {
        final Hdbscan.Parameters p = new Hdbscan.Parameters(state.integer("minClusterSize", 2, Integer.MAX_VALUE),
            state.integer("minSamples", 0, Integer.MAX_VALUE), state.number("clusterSelectionEpsilon"),
            state.bool("allowSingleCluster"));
        return new HdbscanModel(p, state.ints("labels"), state.doubles("probabilities"),
            state.doubles("outlierScores"), state.doubles("coreDistances"), state.doubles("birthDistance"),
            state.number("mstWeight"), state.matrix("training"));
    }
}
