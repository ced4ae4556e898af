package org.deepcluster.knime.node.cluster.hierarchical;

import org.deepcluster.core.cluster.hierarchical.AgglomerativeModel;
import org.deepcluster.core.cluster.hierarchical.Dendrogram;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;

/**
 * The Hierarchical Clustering node's "Merge history" port: the model's dendrogram as a table, one row per merge in
 * merge order, with SciPy's linkage-matrix content (left id, right id, height, size) plus the merge number, the row
 * IDs of single-row sides and whether the merge lies below the cut.
 */
final class MergeHistoryTable {

    static final String MERGE = "Merge";
    static final String LEFT = "Left";
    static final String RIGHT = "Right";
    static final String HEIGHT = "Height";
    static final String SIZE = "Size";
    static final String LEFT_ROW_ID = "Left row ID";
    static final String RIGHT_ROW_ID = "Right row ID";
    static final String KEPT = "Kept";

    private MergeHistoryTable() {
    }

    /** @return the table's spec, which depends on nothing (configure() returns it as it is) */
    static DataTableSpec spec() {
        return new DataTableSpec(new DataColumnSpecCreator(MERGE, IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator(LEFT, IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator(RIGHT, IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator(HEIGHT, DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator(SIZE, IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator(LEFT_ROW_ID, StringCell.TYPE).createSpec(),
            new DataColumnSpecCreator(RIGHT_ROW_ID, StringCell.TYPE).createSpec(),
            new DataColumnSpecCreator(KEPT, BooleanCell.TYPE).createSpec());
    }

    /**
     * @param model the fitted model
     * @param trainingRowIds the row ID of each training row (SciPy ids 0 … n−1)
     * @param exec for the table, progress and cancellation
     * @return the merge history, n − 1 rows
     * @throws CanceledExecutionException if cancelled
     */
    static BufferedDataTable create(final AgglomerativeModel model, final String[] trainingRowIds,
        final ExecutionContext exec) throws CanceledExecutionException {
        final Dendrogram tree = model.dendrogram();
        final int n = tree.leaves();
        final int merges = tree.merges();
        // The cut undoes the last (clusters − 1) merges, both when cut by k and by height (heights are sorted).
        final int kept = n - model.clusterCount();
        final BufferedDataContainer out = exec.createDataContainer(spec());
        for (int i = 0; i < merges; i++) {
            if (i % 4096 == 0) {
                exec.setProgress(i / (double)merges, "Writing merge " + (i + 1) + " of " + merges);
                exec.checkCanceled();
            }
            final int left = tree.left(i);
            final int right = tree.right(i);
            out.addRowToTable(new DefaultRow(RowKey.createRowKey((long)i), new IntCell(i + 1), new IntCell(left),
                new IntCell(right), new DoubleCell(tree.height(i)), new IntCell(tree.size(i)),
                rowId(left, n, trainingRowIds), rowId(right, n, trainingRowIds), BooleanCell.get(i < kept)));
        }
        out.close();
        return out.getTable();
    }

    private static DataCell rowId(final int id, final int n, final String[] trainingRowIds) {
        return id < n ? new StringCell(trainingRowIds[id]) : DataType.getMissingCell();
    }
}
