package org.deepcluster.core.cluster.graph;

import java.io.IOException;
import java.util.Arrays;

import org.deepcluster.core.cluster.Assignment;
import org.deepcluster.core.cluster.ClusterModel;
import org.deepcluster.core.cluster.ModelState;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.progress.Progress;

/**
 * A fitted Louvain/Leiden clustering: the training rows with their communities and the settings. Communities are
 * numbered 0 … count−1 by first appearance in the training rows. A graph partition has no centroids, so new rows are
 * assigned by a vote of their k nearest training rows (Euclidean, k = the graph's neighbours): the most frequent
 * community among them, ties going to the community of the nearest of the tied rows. The model keeps the training
 * rows for that (n × d doubles). Immutable.
 */
public final class GraphClusterModel implements ClusterModel {

    /** The {@link ClusterModel#algorithm()} of graph community models. */
    public static final String ALGORITHM = "graph-community";

    private final Matrix training;
    private final int[] labels;
    private final GraphClustering.Parameters parameters;
    private final double modularity;
    private final int edges;
    private final int count;

    /**
     * @param training the training rows (as clustered)
     * @param labels the community of each training row, 0 … count−1; copied
     * @param parameters the settings
     * @param modularity the modularity of the partition at the resolution used
     * @param edges the number of graph edges (for the summary)
     */
    public GraphClusterModel(final Matrix training, final int[] labels, final GraphClustering.Parameters parameters,
        final double modularity, final int edges) {
        if (labels.length != training.rows() || labels.length == 0) {
            throw new IllegalArgumentException("a graph cluster model needs one label per training row, got "
                + labels.length + " labels for " + training.rows() + " rows");
        }
        parameters.validate();
        int max = -1;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("label " + labels[i] + " of row " + i + " is negative");
            }
            max = Math.max(max, labels[i]);
        }
        if (parameters.neighbours() > training.rows()) {
            throw new IllegalArgumentException("k (" + parameters.neighbours() + ") exceeds the training rows");
        }
        this.training = training;
        this.labels = labels.clone();
        this.parameters = parameters;
        this.modularity = modularity;
        this.edges = edges;
        this.count = max + 1;
    }

    /** @return the settings */
    public GraphClustering.Parameters parameters() {
        return parameters;
    }

    /** @return the modularity of the training partition at the resolution used */
    public double modularity() {
        return modularity;
    }

    @Override
    public String algorithm() {
        return ALGORITHM;
    }

    @Override
    public int featureCount() {
        return training.cols();
    }

    @Override
    public int clusterCount() {
        return count;
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** Majority vote of the k nearest training rows; ties go to the community of the nearest tied row. */
    @Override
    public Assignment assign(final Matrix rows) {
        if (rows.rows() > 0 && rows.cols() != training.cols()) {
            throw new IllegalArgumentException("the rows have " + rows.cols() + " columns but the model was fitted on "
                + training.cols());
        }
        rows.requireFinite("the rows");
        final int k = Math.min(parameters.neighbours(), training.rows());
        final int[] nn = rows.rows() == 0 ? new int[0]
            : NearestNeighbours.query(training, rows, k, Progress.NONE);
        final int[] out = new int[rows.rows()];
        final int[] votes = new int[count];
        for (int i = 0; i < out.length; i++) {
            int best = -1;
            int bestVotes = 0;
            for (int p = 0; p < k; p++) {
                votes[labels[nn[i * k + p]]]++;
            }
            for (int p = 0; p < k; p++) { // nearest first: the first label with the most votes wins ties
                final int label = labels[nn[i * k + p]];
                if (votes[label] > bestVotes) {
                    bestVotes = votes[label];
                    best = label;
                }
            }
            for (int p = 0; p < k; p++) {
                votes[labels[nn[i * k + p]]] = 0;
            }
            out[i] = best;
        }
        return Assignment.of(out);
    }

    @Override
    public String summary() {
        final int[] sizes = new int[count];
        for (final int l : labels) {
            sizes[l]++;
        }
        return (parameters.method() == CommunityDetection.Method.LEIDEN ? "Leiden" : "Louvain") + " on the "
            + parameters.neighbours() + "-nearest-neighbour SNN graph (" + edges + " edges), resolution "
            + parameters.resolution() + ", " + training.rows() + " rows, " + training.cols() + " features\n"
            + count + " communities, modularity " + modularity + "\ncluster sizes: " + Arrays.toString(sizes);
    }

    @Override
    public void save(final ModelState state) {
        state.put("training", training);
        state.put("labels", labels);
        state.put("neighbours", parameters.neighbours());
        state.put("method", parameters.method().name());
        state.put("resolution", parameters.resolution());
        state.put("iterations", parameters.iterations());
        state.put("prune", parameters.prune());
        state.put("seed", parameters.seed());
        state.put("modularity", modularity);
        state.put("edges", edges);
    }

    /**
     * @param state a state written by {@link #save}
     * @return the model
     * @throws IOException if the state is incomplete or inconsistent
     */
    public static GraphClusterModel read(final ModelState state) throws IOException {
        final CommunityDetection.Method method;
        try {
            method = CommunityDetection.Method.valueOf(state.string("method"));
        } catch (final IllegalArgumentException e) {
            throw new IOException("the graph cluster model names an unknown method: update the extension", e);
        }
        final GraphClustering.Parameters parameters = new GraphClustering.Parameters(
            state.integer("neighbours", 1, Integer.MAX_VALUE), method, state.number("resolution"),
            state.integer("iterations", 1, Integer.MAX_VALUE), state.number("prune"), state.integer("seed"));
        return new GraphClusterModel(state.matrix("training"), state.ints("labels"), parameters,
            state.number("modularity"), state.integer("edges", 0, Integer.MAX_VALUE));
    }
}
