package org.knime.core.data;

/** A value that can be read as a long. */
public interface LongValue extends DataValue {

    /** @return the value as long */
    long getLongValue();
}
