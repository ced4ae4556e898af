package org.deepcluster.knime.node.cluster.spectral;

import java.util.Locale;

import org.deepcluster.core.cluster.ClusterModel;
import org.deepcluster.core.cluster.MemoryGuard;
import org.deepcluster.core.cluster.spectral.Affinity;
import org.deepcluster.core.cluster.spectral.SpectralClustering;
import org.deepcluster.core.cluster.spectral.SpectralModel;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.progress.Progress;
import org.deepcluster.knime.node.cluster.ClusteringNodeModel;
import org.knime.core.node.InvalidSettingsException;

/** Spectral clustering on the base clustering node; the algorithm is the engine's {@link SpectralClustering}. */
final class SpectralClusteringNodeModel extends ClusteringNodeModel<SpectralClusteringSettings> {

    SpectralClusteringNodeModel() {
        super(SpectralClusteringSettings::new);
    }

    @Override
    protected String algorithmName() {
        return "spectral";
    }

    @Override
    protected int knownClusterCount() {
        return settings().k;
    }

    /** The Assigner's probabilities are the vote fractions of the nearest training rows. */
    @Override
    protected boolean assignsProbabilities() {
        return true;
    }

    /** The Assigner's distance column: to the nearest training row of the chosen cluster. */
    @Override
    protected boolean assignsDistances() {
        return true;
    }

    @Override
    protected void checkRows(final int rows, final int skippedRows) throws InvalidSettingsException {
        final String after = skippedRows > 0 ? ", after skipping " + skippedRows + " rows with missing values" : "";
        if (rows < 2) {
            throw new InvalidSettingsException("Spectral clustering needs at least 2 rows, but there is only " + rows
                + after + ".");
        }
        if (settings().k > rows) {
            throw new InvalidSettingsException("Setting '" + SpectralClusteringSettings.LABEL_K + "' ("
                + settings().k + ") is larger than the number of rows to cluster (" + rows + after
                + "): lower k or provide more rows.");
        }
        if (settings().neighbors > rows) {
            throw new InvalidSettingsException("Setting '" + SpectralClusteringSettings.LABEL_NEIGHBORS + "' ("
                + settings().neighbors + ") is larger than the number of rows to cluster (" + rows + after
                + "): lower it.");
        }
        final long bytes = SpectralClustering.matrixBytes(rows, Affinity.fromId(settings().affinity));
        if (bytes > settings().memoryLimitMb << 20) {
            throw new InvalidSettingsException(String.format(Locale.ROOT, "The RBF affinity of %,d rows needs a "
                + "dense matrix of %s, more than setting '%s' (%,d MB): raise the limit (and KNIME's Java heap, -Xmx "
                + "in knime.ini, if needed), cluster a sample of the rows, or use the nearest-neighbour affinity.",
                rows, MemoryGuard.megabytes(bytes), SpectralClusteringSettings.LABEL_MEMORY_LIMIT,
                settings().memoryLimitMb));
        }
    }

    @Override
    protected ClusterModel fit(final Matrix data, final Progress progress) {
        return SpectralClustering.fit(data, settings().parameters(), progress);
    }

    /** A disconnected affinity graph (scikit-learn warns alike). */
    @Override
    protected String fitWarning(final ClusterModel model) {
        final String warning = ((SpectralModel)model).warning();
        return warning == null ? null : Character.toUpperCase(warning.charAt(0)) + warning.substring(1) + ".";
    }
}
