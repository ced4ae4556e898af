package org.deepcluster.core.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.TreeMap;

import org.deepcluster.core.cluster.hierarchical.AgglomerativeModel;
import org.deepcluster.core.cluster.spectral.SpectralModel;
import org.deepcluster.core.cluster.density.DbscanModel;
import org.deepcluster.core.cluster.density.HdbscanModel;
import org.deepcluster.core.cluster.density.OpticsModel;
import org.deepcluster.core.cluster.mixture.GaussianMixtureModel;
import org.deepcluster.core.cluster.som.SomModel;

/**
 * Saving and loading {@link ClusterModel}s: the state ({@link ModelState}) plus the {@code algorithm} key that selects
 * the reader. Every algorithm registers its reader here; a file naming an unknown algorithm is refused with a message.
 */
public final class ClusterModels {

    /** Rebuilds one algorithm's model from its saved state. */
    @FunctionalInterface
    public interface Reader {
        /**
         * @param state the saved state
         * @return the model
         * @throws IOException if the state is incomplete or inconsistent
         */
        ClusterModel read(ModelState state) throws IOException;
    }

    /** The key that holds {@link ClusterModel#algorithm()}. */
    public static final String ALGORITHM_KEY = "algorithm";

    private static final Map<String, Reader> READERS = new TreeMap<>();

    static {
        // One line per algorithm: its identifier and the static method that reads its state.
        READERS.put(KMeansModel.ALGORITHM, KMeansModel::read);
        READERS.put(KMedoidsModel.ALGORITHM, KMedoidsModel::read);
        READERS.put(AgglomerativeModel.ALGORITHM, AgglomerativeModel::read);
        READERS.put(SpectralModel.ALGORITHM, SpectralModel::read);
        READERS.put(DbscanModel.ALGORITHM, DbscanModel::read);
        READERS.put(OpticsModel.ALGORITHM, OpticsModel::read);
        READERS.put(HdbscanModel.ALGORITHM, HdbscanModel::read);
        READERS.put(GaussianMixtureModel.ALGORITHM, GaussianMixtureModel::read);
        READERS.put(SomModel.ALGORITHM, SomModel::read);
    }

    private ClusterModels() {
    }

    /**
     * Writes a model. Does not close {@code out}.
     *
     * @param model the model
     * @param out the stream
     * @throws IOException if writing fails
     */
    public static void write(final ClusterModel model, final OutputStream out) throws IOException {
        final ModelState state = new ModelState();
        model.save(state);
        state.put(ALGORITHM_KEY, model.algorithm());
        state.write(out);
    }

    /**
     * Reads a model written by {@link #write}.
     *
     * @param in the stream (not closed)
     * @return the model
     * @throws IOException if the stream is not a cluster model, is damaged or names an unknown algorithm
     */
    public static ClusterModel read(final InputStream in) throws IOException {
        final ModelState state = ModelState.read(in);
        final String algorithm = state.string(ALGORITHM_KEY);
        final Reader reader = READERS.get(algorithm);
        if (reader == null) {
            throw new IOException("the cluster model was made by the algorithm \"" + algorithm + "\", which this "
                + "version of the extension does not know (known: " + String.join(", ", READERS.keySet())
                + "): update the extension");
        }
        try {
            return reader.read(state);
        } catch (final IllegalArgumentException e) {
            throw new IOException("the " + algorithm + " cluster model is inconsistent: " + e.getMessage(), e);
        }
    }
}
