package org.deepcluster.knime.node.cluster.som;

import java.util.List;

import org.deepcluster.core.cluster.ClusterModel;
import org.deepcluster.core.cluster.som.SelfOrganizingMap;
import org.deepcluster.core.cluster.som.SomGrid;
import org.deepcluster.core.cluster.som.SomModel;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.progress.Progress;
import org.deepcluster.knime.node.cluster.ClusteringNodeModel;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.node.InvalidSettingsException;

/**
 * Self-organising map on the base clustering node; the algorithm is the engine's {@link SelfOrganizingMap}. Adds
 * the optional unit columns (BMU, its grid row and column, the distance to it) and pushes the quantization and
 * topographic errors as flow variables.
 */
final class SelfOrganizingMapNodeModel extends ClusteringNodeModel<SelfOrganizingMapSettings> {

    static final String COLUMN_UNIT = "SOM unit";
    static final String COLUMN_ROW = "SOM row";
    static final String COLUMN_COL = "SOM column";
    static final String COLUMN_DISTANCE = "SOM distance";
    static final String VARIABLE_QUANTIZATION = "som_quantization_error";
    static final String VARIABLE_TOPOGRAPHIC = "som_topographic_error";

    SelfOrganizingMapNodeModel() {
        super(SelfOrganizingMapSettings::new);
    }

    @Override
    protected String algorithmName() {
        return "self-organising map";
    }

    @Override
    protected int knownClusterCount() {
        return settings().clusterCount();
    }

    /** The Assigner's distance column: the Euclidean distance to the best matching unit's vector. */
    @Override
    protected boolean assignsDistances() {
        return true;
    }

    /** Units that no row matches are normal on a map (they lie between groups of rows): no warning. */
    @Override
    protected boolean warnsAboutEmptyClusters() {
        return false;
    }

    @Override
    protected void checkRows(final int rows, final int skippedRows) throws InvalidSettingsException {
        if (rows < 2) {
            throw new InvalidSettingsException("A self-organising map needs at least 2 rows, there is " + rows
                + (skippedRows > 0 ? " after skipping " + skippedRows + " rows with missing values" : "")
                + ": provide more rows.");
        }
    }

    @Override
    protected ClusterModel fit(final Matrix data, final Progress progress) throws InvalidSettingsException {
        final SomModel model;
        try {
            model = SelfOrganizingMap.fit(data, settings().parameters(), progress);
        } catch (final IllegalArgumentException e) {
            if (settings().mergeClusters > 0 && e.getMessage().contains("cannot be merged")) {
                throw new InvalidSettingsException("Setting '" + SelfOrganizingMapSettings.LABEL_MERGE + "': "
                    + e.getMessage() + ".", e);
            }
            throw e;
        }
        pushFlowVariableDouble(VARIABLE_QUANTIZATION, model.statistics().quantizationError());
        pushFlowVariableDouble(VARIABLE_TOPOGRAPHIC, model.statistics().topographicError());
        return model;
    }

    @Override
    protected List<DataColumnSpec> extraColumns(final DataTableSpec in) {
        if (!settings().appendUnitColumns) {
            return List.of();
        }
        return List.of(new DataColumnSpecCreator(COLUMN_UNIT, IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator(COLUMN_ROW, IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator(COLUMN_COL, IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator(COLUMN_DISTANCE, DoubleCell.TYPE).createSpec());
    }

    @Override
    protected ExtraCells extraCells(final ClusterModel model, final Matrix data) {
        final SomModel som = (SomModel)model;
        final int[] units = som.trainingUnits();
        final double[] distances = som.assign(data).distances();
        final SomGrid grid = som.grid();
        return (row, cells) -> {
            final int unit = units[row];
            cells[0] = new IntCell(unit);
            cells[1] = new IntCell(grid.row(unit));
            cells[2] = new IntCell(grid.col(unit));
            cells[3] = new DoubleCell(distances[row]);
        };
    }
}
