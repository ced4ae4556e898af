package org.knime.core.data;

/** A value that can be read as a double (IntCell, LongCell, DoubleCell, BooleanCell). */
public interface DoubleValue extends DataValue {

    /** @return the value as double */
    double getDoubleValue();
}
