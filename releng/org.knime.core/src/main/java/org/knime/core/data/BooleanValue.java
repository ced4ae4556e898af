package org.knime.core.data;

/** A value that can be read as a boolean. */
public interface BooleanValue extends DataValue {

    /** @return the boolean */
    boolean getBooleanValue();
}
