package org.knime.core.data;

/** Marker: values of this kind are ordered (their domain collects lower and upper bounds). */
public interface BoundedValue extends DataValue {
}
