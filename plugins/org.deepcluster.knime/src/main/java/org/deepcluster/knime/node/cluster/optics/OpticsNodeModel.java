package org.deepcluster.knime.node.cluster.optics;

import java.util.List;

import org.deepcluster.core.cluster.ClusterModel;
import org.deepcluster.core.cluster.density.Optics;
import org.deepcluster.core.cluster.density.OpticsModel;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.progress.Progress;
import org.deepcluster.knime.node.cluster.ClusteringNodeModel;
import org.deepcluster.knime.node.cluster.RowCountCheck;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.node.InvalidSettingsException;

/**
 * OPTICS on the base clustering node; the algorithm is the engine's {@link Optics}. Adds the reachability, the
 * position in the ordering and the core distance of every row, for reachability plots.
 */
final class OpticsNodeModel extends ClusteringNodeModel<OpticsSettings> {

    static final String REACHABILITY_COLUMN = "Reachability";
    static final String ORDERING_COLUMN = "Ordering index";
    static final String CORE_DISTANCE_COLUMN = "Core distance";

    OpticsNodeModel() {
        super(OpticsSettings::new);
    }

    @Override
    protected String algorithmName() {
        return "OPTICS";
    }

    @Override
    protected boolean mayAssignNoise() {
        return true;
    }

    /** The Assigner's distance column: the distance to the nearest kept training row. */
    @Override
    protected boolean assignsDistances() {
        return true;
    }

    @Override
    protected void checkRows(final int rows, final int skippedRows) throws InvalidSettingsException {
        RowCountCheck.atMostRows(settings().minSamples, OpticsSettings.LABEL_MIN_SAMPLES, rows, skippedRows);
        if (OpticsSettings.XI.equals(settings().extraction)) {
            RowCountCheck.atMostRows(settings().minClusterSize, OpticsSettings.LABEL_MIN_CLUSTER_SIZE, rows,
                skippedRows);
        }
    }

    @Override
    protected List<DataColumnSpec> extraColumns(final DataTableSpec in) {
        return List.of(new DataColumnSpecCreator(REACHABILITY_COLUMN, DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator(ORDERING_COLUMN, IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator(CORE_DISTANCE_COLUMN, DoubleCell.TYPE).createSpec());
    }

    @Override
    protected ExtraCells extraCells(final ClusterModel model, final Matrix data) {
        final OpticsModel optics = (OpticsModel)model;
        final double[] reachability = optics.reachability();
        final int[] position = optics.orderingPositions();
        final double[] core = optics.coreDistances();
        return (row, cells) -> {
            cells[0] = finiteOrMissing(reachability[row]);
            cells[1] = new IntCell(position[row]);
            cells[2] = finiteOrMissing(core[row]);
        };
    }

    /** Infinite (undefined) distances become missing cells, which plots skip. */
    private static DataCell finiteOrMissing(final double value) {
        return Double.isFinite(value) ? new DoubleCell(value) : DataType.getMissingCell();
    }

    @Override
    protected ClusterModel fit(final Matrix data, final Progress progress) {
        return Optics.fit(data, settings().parameters(), progress);
    }
}
