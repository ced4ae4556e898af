package org.deepcluster.knime.node.cluster.hierarchical;

import java.util.Locale;

import org.deepcluster.core.cluster.ClusterModel;
import org.deepcluster.core.cluster.MemoryGuard;
import org.deepcluster.core.cluster.hierarchical.AgglomerativeClustering;
import org.deepcluster.core.cluster.hierarchical.AgglomerativeModel;
import org.deepcluster.core.cluster.hierarchical.Linkage;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.progress.Progress;
import org.deepcluster.knime.node.cluster.ClusteringNodeModel;
import org.deepcluster.knime.port.ClusterModelPortObjectSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Agglomerative clustering on the base clustering node; the algorithm is the engine's {@link AgglomerativeClustering}.
 * A third output port, the merge history ({@link MergeHistoryTable}), lists the dendrogram.
 */
final class HierarchicalClusteringNodeModel extends ClusteringNodeModel<HierarchicalClusteringSettings> {

    HierarchicalClusteringNodeModel() {
        super(HierarchicalClusteringSettings::new, BufferedDataTable.TYPE);
    }

    @Override
    protected String algorithmName() {
        return "hierarchical (" + settings().linkage + " linkage)";
    }

    @Override
    protected int knownClusterCount() {
        return settings().cutByHeight() ? ClusterModelPortObjectSpec.UNKNOWN_COUNT : settings().k;
    }

    /**
     * The Assigner's distance column: Euclidean to the nearest centroid (ward) or nearest training row (other
     * linkages); with the cosine distance the cosine distance 1 − cos to the nearest training row.
     */
    @Override
    protected boolean assignsDistances() {
        return true;
    }

    @Override
    protected void checkRows(final int rows, final int skippedRows) throws InvalidSettingsException {
        final String after = skippedRows > 0 ? ", after skipping " + skippedRows + " rows with missing values" : "";
        if (rows < 2) {
            throw new InvalidSettingsException("Hierarchical clustering needs at least 2 rows, but there is only "
                + rows + after + ".");
        }
        if (!settings().cutByHeight() && settings().k > rows) {
            throw new InvalidSettingsException("Setting '" + HierarchicalClusteringSettings.LABEL_K + "' ("
                + settings().k + ") is larger than the number of rows to cluster (" + rows + after
                + "): lower k or provide more rows.");
        }
        final Linkage linkage = Linkage.fromId(settings().linkage);
        final long bytes = AgglomerativeClustering.matrixBytes(rows, linkage);
        if (bytes > settings().memoryLimitMb << 20) {
            throw new InvalidSettingsException(String.format(Locale.ROOT, "%s linkage on %,d rows needs a distance "
                + "matrix of %s, more than setting '%s' (%,d MB): raise the limit (and KNIME's Java heap, -Xmx in "
                + "knime.ini, if needed), cluster a sample of the rows, or use single linkage (no matrix) or "
                + "k-means.", linkage.id(), rows, MemoryGuard.megabytes(bytes),
                HierarchicalClusteringSettings.LABEL_MEMORY_LIMIT, settings().memoryLimitMb));
        }
    }

    @Override
    protected PortObjectSpec[] additionalPortSpecs(final DataTableSpec in) {
        return new PortObjectSpec[]{MergeHistoryTable.spec()};
    }

    @Override
    protected PortObject[] additionalPorts(final ClusterModel model, final String[] trainingRowIds,
        final ExecutionContext exec) throws CanceledExecutionException {
        return new PortObject[]{MergeHistoryTable.create((AgglomerativeModel)model, trainingRowIds, exec)};
    }

    @Override
    protected ClusterModel fit(final Matrix data, final Progress progress) {
        return AgglomerativeClustering.fit(data, settings().parameters(), progress);
    }
}
