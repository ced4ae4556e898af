package org.knime.core.data;

/** A value that can be read as a string. */
public interface StringValue extends DataValue {

    /** @return the string */
    String getStringValue();
}
