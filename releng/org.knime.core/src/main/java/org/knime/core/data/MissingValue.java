package org.knime.core.data;

/** Implemented by the missing cell. */
public interface MissingValue extends DataValue {

    /** @return the reason why the value is missing, or null */
    String getError();
}
