package org.knime.core.data;

import java.util.Iterator;

/**
 * Iterator over the rows of a table; rows cannot be removed.
 */
public abstract class RowIterator implements Iterator<DataRow> {

    @Override
    public abstract boolean hasNext();

    @Override
    public abstract DataRow next();

    /** Always throws: tables are immutable. */
    @Override
    public final void remove() {
        throw new UnsupportedOperationException("Can't remove row from table.");
    }
}
