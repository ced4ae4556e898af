package org.knime.core.data.container;

import java.util.List;

import org.deepcluster.standin.internal.Bridges;
import org.deepcluster.standin.internal.ContainerBridge;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/** Package internals for ExecutionContext and the harness; installs itself into {@link Bridges} when loaded. */
final class StandinBridge implements ContainerBridge {

    static {
        Bridges.install(new StandinBridge());
    }

    private StandinBridge() {
    }

    @Override
    public List<DataRow> rearrange(final ColumnRearranger rearranger, final DataTable in, final long rowCount,
        final ExecutionMonitor exec) throws CanceledExecutionException {
        return rearranger.rearrange(in, rowCount, exec);
    }

    @Override
    public DataTable inMemoryTable(final DataTableSpec spec, final List<DataRow> rows) {
        return new InMemoryTable(spec, rows);
    }
}
