package org.deepcluster.knime.node.cluster.hdbscan;

import java.util.List;

import org.deepcluster.core.cluster.ClusterModel;
import org.deepcluster.core.cluster.density.Hdbscan;
import org.deepcluster.core.cluster.density.HdbscanModel;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.progress.Progress;
import org.deepcluster.knime.node.cluster.ClusteringNodeModel;
import org.deepcluster.knime.node.cluster.RowCountCheck;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.node.InvalidSettingsException;

/**
 * HDBSCAN on the base clustering node; the algorithm is the engine's {@link Hdbscan}. Adds each row's membership
 * probability and GLOSH outlier score.
 */
final class HdbscanNodeModel extends ClusteringNodeModel<HdbscanSettings> {

    static final String PROBABILITY_COLUMN = "Membership probability";
    static final String OUTLIER_COLUMN = "Outlier score";

    HdbscanNodeModel() {
        super(HdbscanSettings::new);
    }

    @Override
    protected String algorithmName() {
        return "HDBSCAN";
    }

    @Override
    protected boolean mayAssignNoise() {
        return true;
    }

    /** The Assigner's distance column: the mutual reachability to the attachment row. */
    @Override
    protected boolean assignsDistances() {
        return true;
    }

    @Override
    protected void checkRows(final int rows, final int skippedRows) throws InvalidSettingsException {
        RowCountCheck.atMostRows(settings().minClusterSize, HdbscanSettings.LABEL_MIN_CLUSTER_SIZE, rows,
            skippedRows);
        RowCountCheck.atMostRows(settings().minSamples, HdbscanSettings.LABEL_MIN_SAMPLES, rows, skippedRows);
    }

    @Override
    protected List<DataColumnSpec> extraColumns(final DataTableSpec in) {
        return List.of(new DataColumnSpecCreator(PROBABILITY_COLUMN, DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator(OUTLIER_COLUMN, DoubleCell.TYPE).createSpec());
    }

    @Override
    protected ExtraCells extraCells(final ClusterModel model, final Matrix data) {
        final HdbscanModel hdbscan = (HdbscanModel)model;
        final double[] probabilities = hdbscan.probabilities();
        final double[] outlierScores = hdbscan.outlierScores();
        return (row, cells) -> {
            cells[0] = new DoubleCell(probabilities[row]);
            cells[1] = new DoubleCell(outlierScores[row]);
        };
    }

    @Override
    protected ClusterModel fit(final Matrix data, final Progress progress) {
        return Hdbscan.fit(data, settings().parameters(), progress);
    }
}
