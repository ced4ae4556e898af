package org.knime.core.node;

import java.util.Objects;

import javax.swing.JComponent;

import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/**
 * The table type of node ports. Created only by the framework ({@link ExecutionContext} and
 * {@link BufferedDataContainer}); in the stand-in all tables live in memory.
 */
public final class BufferedDataTable implements DataTable, PortObject {

    /** The port type of (required) table ports. */
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(BufferedDataTable.class);

    /** The port type of optional table ports. */
    public static final PortType TYPE_OPTIONAL =
        PortTypeRegistry.getInstance().getPortType(BufferedDataTable.class, true);

    private final DataTable m_delegate;

    private final long m_size;

    BufferedDataTable(final DataTable delegate, final long size) {
        m_delegate = Objects.requireNonNull(delegate);
        m_size = size;
    }

    @Override
    public DataTableSpec getDataTableSpec() {
        return m_delegate.getDataTableSpec();
    }

    @Override
    public DataTableSpec getSpec() {
        return getDataTableSpec();
    }

    @Override
    public String getSummary() {
        return "Rows: " + m_size + ", Cols: " + getDataTableSpec().getNumColumns();
    }

    @Override
    public CloseableRowIterator iterator() {
        return CloseableRowIterator.from(m_delegate.iterator());
    }

    /**
     * @return the row count
     * @deprecated use {@link #size()}
     */
    @Deprecated
    public int getRowCount() {
        if (m_size > Integer.MAX_VALUE) {
            throw new UnsupportedOperationException("Table has more than Integer.MAX_VALUE rows; use size()");
        }
        return (int)m_size;
    }

    /** @return the row count */
    public long size() {
        return m_size;
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    @Override
    public String toString() {
        return "BufferedDataTable[" + getSummary() + ", " + getDataTableSpec() + "]";
    }
}
