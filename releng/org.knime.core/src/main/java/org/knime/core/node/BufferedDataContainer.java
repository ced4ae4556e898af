package org.knime.core.node;

import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.DataContainer;

/**
 * A {@link DataContainer} whose table is a {@link BufferedDataTable}; created by
 * {@link ExecutionContext#createDataContainer(DataTableSpec)}.
 */
public class BufferedDataContainer extends DataContainer {

    private BufferedDataTable m_table;

    BufferedDataContainer(final DataTableSpec spec, final boolean initDomain) {
        super(spec, initDomain);
    }

    /**
     * @return the table
     * @throws IllegalStateException if not closed yet
     */
    @Override
    public BufferedDataTable getTable() {
        if (m_table == null) {
            m_table = new BufferedDataTable(super.getTable(), size());
        }
        return m_table;
    }
}
