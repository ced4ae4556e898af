package org.knime.core.data;

/**
 * Marker for the value interfaces a {@link DataCell} implements (DoubleValue, StringValue, ...). A column type is
 * compatible with a value interface if its cell class implements it.
 */
public interface DataValue {
}
