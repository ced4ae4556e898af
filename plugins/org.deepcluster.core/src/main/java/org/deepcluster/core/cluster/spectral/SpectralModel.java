package org.deepcluster.core.cluster.spectral;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

import org.deepcluster.core.cluster.Assignment;
import org.deepcluster.core.cluster.ClusterModel;
import org.deepcluster.core.cluster.ClusterSizes;
import org.deepcluster.core.cluster.ModelState;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.progress.Progress;

/**
 * A fitted spectral clustering: the settings, the cluster of every training row, the smallest eigenvalues of the
 * normalised graph Laplacian (a large gap after the k-th suggests k clusters) and the number of connected components
 * of the graph. Immutable.
 *
 * <p>Assigning new rows: spectral clustering has no out-of-sample rule, so the model keeps the training rows and a
 * new row goes to the majority cluster of its {@link SpectralClustering.Parameters#neighbors()} nearest training rows
 * (Euclidean; on a tie, the tied cluster whose last vote came from the nearer row wins). The probabilities are the
 * vote fractions; the distance is the one to the nearest training row of the chosen cluster.
 */
public final class SpectralModel implements ClusterModel {

    /** The {@link ClusterModel#algorithm()} of spectral models. */
    public static final String ALGORITHM = "spectral";

    private final SpectralClustering.Parameters parameters;
    private final Matrix training;
    private final double[] trainingValues;
    private final int[] labels;
    private final int[] sizes;
    private final double[] laplacianEigenvalues;
    private final int components;

    /**
     * @param parameters the settings it was fitted with
     * @param training the training rows
     * @param labels the cluster of each training row, 0 … k−1 (k of the parameters); copied
     * @param laplacianEigenvalues the k smallest eigenvalues of the normalised Laplacian, smallest first; copied
     * @param components the number of connected components of the affinity graph, at least 1
     * @throws IllegalArgumentException if the parts do not fit together
     */
    public SpectralModel(final SpectralClustering.Parameters parameters, final Matrix training, final int[] labels,
        final double[] laplacianEigenvalues, final int components) {
        parameters.validate();
        if (training.rows() != labels.length || labels.length == 0) {
            throw new IllegalArgumentException("a spectral model needs one label per training row, got "
                + labels.length + " labels for " + training.rows() + " rows");
        }
        if (components < 1) {
            throw new IllegalArgumentException("the graph has at least one component, got " + components);
        }
        this.parameters = parameters;
        this.training = training;
        this.trainingValues = new double[training.rows() * training.cols()];
        for (int i = 0; i < training.rows(); i++) {
            System.arraycopy(training.row(i), 0, trainingValues, i * training.cols(), training.cols());
        }
        this.labels = labels.clone();
        // k clusters; k-means on the embedding may rarely leave one empty
        this.sizes = ClusterSizes.count(this.labels, parameters.k(), "cluster index");
        this.laplacianEigenvalues = laplacianEigenvalues.clone();
        this.components = components;
    }

    /** @return the settings the model was fitted with */
    public SpectralClustering.Parameters parameters() {
        return parameters;
    }

    /** @return the k smallest eigenvalues of the normalised graph Laplacian, smallest first */
    public double[] laplacianEigenvalues() {
        return laplacianEigenvalues.clone();
    }

    /** @return the number of connected components of the affinity graph */
    public int components() {
        return components;
    }

    /**
     * @return a warning for the user when the affinity graph is not connected (as scikit-learn warns), else null
     */
    public String warning() {
        if (components == 1) {
            return null;
        }
        return "the " + (parameters.affinity() == Affinity.RBF ? "RBF affinity graph" : "nearest-neighbour graph")
            + " has " + components + " disconnected parts, so the spectral embedding may not work as expected"
            + (parameters.affinity() == Affinity.RBF ? ": lower gamma" : ": raise the number of neighbours")
            + (components > parameters.k() ? " (there are more parts than clusters)" : "");
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
        return training.cols();
    }

    @Override
    public int clusterCount() {
        return sizes.length;
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** Vote of the nearest training rows (see the class comment). */
    @Override
    public Assignment assign(final Matrix rows) {
        if (rows.rows() > 0 && rows.cols() != featureCount()) {
            throw new IllegalArgumentException("the data has " + rows.cols() + " columns but the model was fitted on "
                + featureCount() + " columns");
        }
        rows.requireFinite("the data");
        final int q = rows.rows();
        final int d = featureCount();
        final int n = labels.length;
        final int voters = Math.min(parameters.neighbors(), n);
        final double[] queries = new double[q * d];
        for (int i = 0; i < q; i++) {
            System.arraycopy(rows.row(i), 0, queries, i * d, d);
        }
        final double[] distances = new double[q * voters];
        final int[] neighbours = NearestNeighbors.search(trainingValues, n, queries, q, d, voters, false,
            Progress.NONE, distances);
        final int c = clusterCount();
        final int[] assigned = new int[q];
        final double[] nearest = new double[q];
        final double[] probabilities = new double[q * c];
        for (int i = 0; i < q; i++) {
            final int[] votes = new int[c];
            int best = -1;
            for (int p = 0; p < voters; p++) {
                final int label = labels[neighbours[i * voters + p]];
                votes[label]++;
                // more votes wins; on a tie the cluster that reached the count first (has the nearer row) stays
                if (best < 0 || votes[label] > votes[best]) {
                    best = label;
                }
            }
            assigned[i] = best;
            for (int p = 0; p < voters; p++) {
                if (labels[neighbours[i * voters + p]] == best) {
                    nearest[i] = distances[i * voters + p];
                    break;
                }
            }
            for (int j = 0; j < c; j++) {
                probabilities[i * c + j] = (double)votes[j] / voters;
            }
        }
        return new Assignment(assigned, Matrix.wrap(q, c, probabilities), nearest);
    }

    @Override
    public String summary() {
        final StringBuilder s = new StringBuilder();
        s.append("spectral clustering, k = ").append(parameters.k()).append(", ");
        if (parameters.affinity() == Affinity.RBF) {
            s.append(String.format(Locale.ROOT, "RBF affinity (gamma = %g)", parameters.gamma()));
        } else {
            s.append("nearest-neighbour affinity (").append(parameters.neighbors()).append(" neighbours)");
        }
        s.append(", ").append(featureCount()).append(" features, ").append(labels.length).append(" rows\n");
        s.append("smallest Laplacian eigenvalues:");
        for (final double v : laplacianEigenvalues) {
            s.append(String.format(Locale.ROOT, " %.4g", v));
        }
        s.append("\ngraph components: ").append(components);
        s.append("\ncluster sizes: ").append(Arrays.toString(sizes));
        s.append("\nnew rows go to the majority cluster of their ").append(parameters.neighbors())
            .append(" nearest training rows");
        final String warning = warning();
        if (warning != null) {
            s.append("\nwarning: ").append(warning);
        }
        return s.toString();
    }

    @Override
    public void save(final ModelState state) {
        state.put("k", parameters.k());
        state.put("affinity", parameters.affinity().id());
        state.put("neighbors", parameters.neighbors());
        state.put("gamma", parameters.gamma());
        state.put("seed", parameters.seed());
        state.put("memoryLimitMb", parameters.memoryLimitMb());
        state.put("training", training);
        state.put("labels", labels);
        state.put("laplacianEigenvalues", laplacianEigenvalues);
        state.put("components", components);
    }

    /**
     * @param state a state written by {@link #save}
     * @return the model
     * @throws IOException if the state is incomplete
     */
    public static SpectralModel read(final ModelState state) throws IOException {
        final SpectralClustering.Parameters p = new SpectralClustering.Parameters(
            state.integer("k", 1, Integer.MAX_VALUE), Affinity.fromId(state.string("affinity")),
            state.integer("neighbors", 2, Integer.MAX_VALUE), state.number("gamma"), state.integer("seed"),
            state.integer("memoryLimitMb"));
        return new SpectralModel(p, state.matrix("training"), state.ints("labels"),
            state.doubles("laplacianEigenvalues"), state.integer("components", 1, Integer.MAX_VALUE));
    }

    @Override
    public String toString() {
        return "SpectralModel[k=" + parameters.k() + ", " + parameters.affinity().id() + ", sizes="
            + Arrays.toString(sizes) + "]";
    }
}
