package org.deepcluster.standin.internal;

import java.util.List;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.ColumnRearranger;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/** Internals of org.knime.core.data.container used by other stand-in packages. */
public interface ContainerBridge {

    /**
     * @param rearranger the arrangement
     * @param in the input table
     * @param rowCount its row count (for progress)
     * @param exec progress and cancellation
     * @return the rearranged rows
     * @throws CanceledExecutionException if canceled
     */
    List<DataRow> rearrange(ColumnRearranger rearranger, DataTable in, long rowCount, ExecutionMonitor exec)
        throws CanceledExecutionException;

    /**
     * @param spec a spec
     * @param rows rows (not checked)
     * @return an in-memory table
     */
    DataTable inMemoryTable(DataTableSpec spec, List<DataRow> rows);
}
