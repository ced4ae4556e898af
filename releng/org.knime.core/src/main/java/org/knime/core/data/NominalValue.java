package org.knime.core.data;

/** Marker: values of this kind are categories (their domain collects possible values). */
public interface NominalValue extends DataValue {
}
