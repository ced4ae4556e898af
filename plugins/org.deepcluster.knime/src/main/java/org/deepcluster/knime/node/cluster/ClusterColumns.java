package org.deepcluster.knime.node.cluster;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.deepcluster.core.cluster.Assignment;
import org.deepcluster.knime.port.ClusterModelPortObjectSpec;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnDomainCreator;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;

/**
 * The columns clustering nodes append, shared by the clustering nodes and the Cluster Assigner so both write the
 * same names and types: the cluster column (String: {@code Cluster_0}, ..., {@value ClusterModelPortObjectSpec#NOISE_NAME}),
 * one probability column per cluster ({@code P(Cluster_0)}, ...) and the distance column ({@value #DISTANCE_COLUMN}).
 */
public final class ClusterColumns {

    /** The default name of the distance column. */
    public static final String DISTANCE_COLUMN = "Distance";

    private ClusterColumns() {
    }

    /**
     * @param name the wanted name (made unique by the caller)
     * @param clusterNames the cluster names for the column's domain, or an empty list if not known in advance
     * @return the spec of a String cluster column
     */
    public static DataColumnSpec clusterColumn(final String name, final List<String> clusterNames) {
        final DataColumnSpecCreator creator = new DataColumnSpecCreator(name, StringCell.TYPE);
        if (!clusterNames.isEmpty()) {
            final Set<DataCell> values = new LinkedHashSet<>();
            for (final String c : clusterNames) {
                values.add(new StringCell(c));
            }
            creator.setDomain(new DataColumnDomainCreator(values).createDomain());
        }
        return creator.createSpec();
    }

    /** @param clusterCount the number of clusters; @return the probability column names P(Cluster_0), ... */
    public static List<String> probabilityColumnNames(final int clusterCount) {
        final List<String> names = new ArrayList<>(clusterCount);
        for (int c = 0; c < clusterCount; c++) {
            names.add("P(" + ClusterModelPortObjectSpec.clusterName(c) + ")");
        }
        return names;
    }

    /**
     * Appends columns to a spec, each renamed if the name is taken.
     *
     * @param spec the spec so far
     * @param columns the columns to append (their names are the wanted names)
     * @return the spec with the columns appended
     */
    public static DataTableSpec appendUnique(final DataTableSpec spec, final List<DataColumnSpec> columns) {
        DataTableSpec out = spec;
        for (final DataColumnSpec column : columns) {
            final DataColumnSpecCreator creator = new DataColumnSpecCreator(column);
            creator.setName(DataTableSpec.getUniqueColumnName(out, column.getName()));
            out = new DataTableSpec(out, new DataTableSpec(creator.createSpec()));
        }
        return out;
    }

    /**
     * @param clusterCount number of probability columns, or 0 for none
     * @param distance whether to add the distance column
     * @return the double columns an assignment fills: probabilities first, then the distance
     */
    public static List<DataColumnSpec> assignmentColumns(final int clusterCount, final boolean distance) {
        final List<DataColumnSpec> columns = new ArrayList<>();
        for (final String name : probabilityColumnNames(clusterCount)) {
            columns.add(new DataColumnSpecCreator(name, DoubleCell.TYPE).createSpec());
        }
        if (distance) {
            columns.add(new DataColumnSpecCreator(DISTANCE_COLUMN, DoubleCell.TYPE).createSpec());
        }
        return columns;
    }

    /**
     * Fills the cells of {@link #assignmentColumns} for one row.
     *
     * @param assignment the assignment
     * @param row the row in the assignment, or -1 for a row that was not assigned (missing cells)
     * @param clusterCount number of probability columns, or 0 for none
     * @param distance whether there is a distance column
     * @param cells where to write
     * @param offset the index of the first probability cell
     */
    public static void fillAssignmentCells(final Assignment assignment, final int row, final int clusterCount,
        final boolean distance, final DataCell[] cells, final int offset) {
        for (int c = 0; c < clusterCount; c++) {
            cells[offset + c] = row < 0 || assignment.probabilities() == null ? DataType.getMissingCell()
                : new DoubleCell(assignment.probabilities().get(row, c));
        }
        if (distance) {
            cells[offset + clusterCount] = row < 0 || assignment.distances() == null ? DataType.getMissingCell()
                : finiteOrMissing(assignment.distances()[row]);
        }
    }

    private static DataCell finiteOrMissing(final double value) {
        return Double.isNaN(value) ? DataType.getMissingCell() : new DoubleCell(value);
    }

    /**
     * @param label a cluster index or noise
     * @return the cluster cell
     */
    public static DataCell clusterCell(final int label) {
        return new StringCell(ClusterModelPortObjectSpec.clusterName(label));
    }
}
