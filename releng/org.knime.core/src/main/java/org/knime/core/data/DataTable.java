package org.knime.core.data;

/**
 * A table: a spec and rows.
 */
public interface DataTable extends Iterable<DataRow> {

    /** @return the spec */
    DataTableSpec getDataTableSpec();

    @Override
    RowIterator iterator();
}
