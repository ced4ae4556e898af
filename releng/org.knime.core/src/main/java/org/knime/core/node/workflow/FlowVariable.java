package org.knime.core.node.workflow;

import java.util.Objects;

import org.knime.core.node.workflow.VariableType.DoubleType;
import org.knime.core.node.workflow.VariableType.IntType;
import org.knime.core.node.workflow.VariableType.StringType;
import org.knime.core.node.workflow.VariableType.VariableValue;

/**
 * A named, typed flow variable value.
 */
public final class FlowVariable extends FlowObject {

    /**
     * The pre-4.1 variable kinds.
     *
     * @deprecated use {@link VariableType}
     */
    @Deprecated
    public enum Type {
        /** double. */
        DOUBLE,
        /** int. */
        INTEGER,
        /** String. */
        STRING,
        /** credentials. */
        CREDENTIALS,
        /** any newer type. */
        OTHER
    }

    private final String m_name;

    private final VariableValue<?> m_value;

    /**
     * @param <T> the Java type
     * @param name the name
     * @param type the type (the value is the type's default)
     */
    public <T> FlowVariable(final String name, final VariableType<T> type) {
        this(name, type.defaultValue());
    }

    /**
     * @param <T> the Java type
     * @param name the name
     * @param type the type
     * @param value the value, not null
     */
    public <T> FlowVariable(final String name, final VariableType<T> type, final T value) {
        this(name, type.newValue(value));
    }

    /**
     * @param name the name
     * @param valueS a string value
     */
    public FlowVariable(final String name, final String valueS) {
        this(name, StringType.INSTANCE, valueS);
    }

    /**
     * @param name the name
     * @param valueD a double value
     */
    public FlowVariable(final String name, final double valueD) {
        this(name, DoubleType.INSTANCE, valueD);
    }

    /**
     * @param name the name
     * @param valueI an int value
     */
    public FlowVariable(final String name, final int valueI) {
        this(name, IntType.INSTANCE, valueI);
    }

    private FlowVariable(final String name, final VariableValue<?> value) {
        m_name = Objects.requireNonNull(name, "Flow variable name must not be null");
        m_value = value;
    }

    /** @return the name */
    public String getName() {
        return m_name;
    }

    /**
     * @return the pre-4.1 kind @deprecated use {@link #getVariableType()}
     */
    @Deprecated
    public Type getType() {
        return m_value.getType().legacyType();
    }

    /** @return the type */
    public VariableType<?> getVariableType() {
        return m_value.getType();
    }

    /**
     * @param <T> the Java type
     * @param expectedType the type to read the value as
     * @return the (converted) value
     * @throws IllegalArgumentException if the value cannot be converted
     */
    public <T> T getValue(final VariableType<T> expectedType) {
        Objects.requireNonNull(expectedType);
        VariableType<?> actual = m_value.getType();
        if (!actual.isConvertible(expectedType)) {
            throw new IllegalArgumentException("Flow variable does not represent value of class \"" + actual
                + "\" (but \"" + expectedType + "\") and also can't be converted to it.");
        }
        return m_value.getAs(expectedType);
    }

    /** @return the value if this is a string variable, else null */
    public String getStringValue() {
        return m_value.getType() == StringType.INSTANCE ? (String)m_value.get() : null;
    }

    /** @return the value if this is a double variable, else NaN */
    public double getDoubleValue() {
        return m_value.getType() == DoubleType.INSTANCE ? (Double)m_value.get() : Double.NaN;
    }

    /** @return the value if this is an int variable, else 0 */
    public int getIntValue() {
        return m_value.getType() == IntType.INSTANCE ? (Integer)m_value.get() : 0;
    }

    /** @return the value as string */
    public String getValueAsString() {
        return m_value.asString();
    }

    @Override
    public String toString() {
        return String.format("\"%s\" (%s: %s)", m_name, m_value.getType().getIdentifier(), m_value.asString());
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof FlowVariable f && f.m_name.equals(m_name) && f.m_value.equals(m_value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(m_name, m_value);
    }
}
