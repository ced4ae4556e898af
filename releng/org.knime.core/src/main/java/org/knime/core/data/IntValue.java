package org.knime.core.data;

/** A value that can be read as an int. */
public interface IntValue extends DataValue {

    /** @return the value as int */
    int getIntValue();
}
