package org.knime.core.node.workflow;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.config.Config;
import org.knime.core.node.config.base.AbstractConfigEntry;
import org.knime.core.node.config.base.ConfigEntries;

/**
 * The type of a flow variable. Use the singletons {@link StringType#INSTANCE}, {@link IntType#INSTANCE},
 * {@link LongType#INSTANCE}, {@link DoubleType#INSTANCE} and {@link BooleanType#INSTANCE} (the stand-in has no
 * array or credentials types).
 *
 * @param <T> the Java type of the values
 */
public abstract class VariableType<T> {

    private static final String CFG_VALUE = "value";

    VariableType() {
    }

    /**
     * A typed value of a flow variable.
     *
     * @param <T> the Java type
     */
    protected abstract static class VariableValue<T> {

        private final VariableType<T> m_type;

        private final T m_value;

        /**
         * @param type the type
         * @param value the value, not null
         */
        protected VariableValue(final VariableType<T> type, final T value) {
            m_type = Objects.requireNonNull(type);
            m_value = Objects.requireNonNull(value, "Flow variable value must not be null");
        }

        /** @return the value */
        protected T get() {
            return m_value;
        }

        VariableType<T> getType() {
            return m_type;
        }

        <U> U getAs(final VariableType<U> target) {
            return m_type.getAs(m_value, target);
        }

        String asString() {
            return m_value.toString();
        }

        @Override
        public boolean equals(final Object obj) {
            return obj instanceof VariableValue<?> v && v.m_type.equals(m_type) && v.m_value.equals(m_value);
        }

        @Override
        public int hashCode() {
            return Objects.hash(m_type, m_value);
        }

        @Override
        public String toString() {
            return asString();
        }
    }

    /** The one concrete value class the stand-in needs. */
    static final class SimpleValue<T> extends VariableValue<T> {
        SimpleValue(final VariableType<T> type, final T value) {
            super(type, value);
        }
    }

    /**
     * A type whose settings overwrite/creation rules are given as predicates on the config entry.
     *
     * @param <T> the Java type
     */
    protected abstract static class DefaultVariableType<T> extends VariableType<T> {

        private final BiPredicate<Config, String> m_canOverwrite;

        private final BiPredicate<Config, String> m_canCreateFrom;

        /**
         * @param overwritableTypesPredicate which config entries a variable of this type may overwrite
         * @param creationCompatibleTypesPredicate which config entries a variable of this type may be created from
         */
        protected DefaultVariableType(final BiPredicate<Config, String> overwritableTypesPredicate,
            final BiPredicate<Config, String> creationCompatibleTypesPredicate) {
            m_canOverwrite = overwritableTypesPredicate;
            m_canCreateFrom = creationCompatibleTypesPredicate;
        }

        /** @param overwritableAndCreationCompatiblePredicate both rules at once */
        protected DefaultVariableType(final BiPredicate<Config, String> overwritableAndCreationCompatiblePredicate) {
            this(overwritableAndCreationCompatiblePredicate, overwritableAndCreationCompatiblePredicate);
        }

        @Override
        protected final boolean canOverwrite(final Config config, final String configKey) {
            return m_canOverwrite.test(config, configKey);
        }

        @Override
        protected final boolean canCreateFrom(final Config config, final String configKey) {
            return m_canCreateFrom.test(config, configKey);
        }
    }

    /** Thrown when a flow variable cannot be written into or read from a config entry. */
    public static final class InvalidConfigEntryException extends Exception {

        private static final long serialVersionUID = 1L;

        /** @param msg the message */
        public InvalidConfigEntryException(final String msg) {
            super(msg);
        }

        /**
         * @param msg the message
         * @param cause the cause
         */
        public InvalidConfigEntryException(final String msg, final Throwable cause) {
            super(msg, cause);
        }

        /**
         * @param variableName the variable
         * @return a message naming the variable (the stand-in has none)
         */
        public Optional<String> getErrorMessageWithVariableName(final String variableName) {
            return Optional.empty();
        }
    }

    /** Predicate: the config entry under the key has one of the given types. */
    static BiPredicate<Config, String> entryTypeIn(final ConfigEntries... types) {
        return (config, key) -> {
            AbstractConfigEntry e = config.getEntry(key);
            return e != null && Set.of(types).contains(e.getType());
        };
    }

    /** Boolean variables. */
    public static final class BooleanType extends DefaultVariableType<Boolean> {

        /** The singleton. */
        public static final BooleanType INSTANCE = new BooleanType();

        private BooleanType() {
            super(entryTypeIn(ConfigEntries.xboolean));
        }

        @Override
        protected VariableValue<Boolean> loadValue(final NodeSettingsRO settings) throws InvalidSettingsException {
            return newValue(settings.getBoolean(CFG_VALUE));
        }

        @Override
        protected VariableValue<Boolean> newValue(final Boolean v) {
            return new SimpleValue<>(this, v);
        }

        @Override
        protected VariableValue<Boolean> defaultValue() {
            return newValue(Boolean.FALSE);
        }

        @Override
        protected void saveValue(final NodeSettingsWO settings, final VariableValue<Boolean> v) {
            settings.addBoolean(CFG_VALUE, v.get());
        }

        @Override
        public Class<Boolean> getSimpleType() {
            return Boolean.class;
        }

        @Override
        protected void overwrite(final Boolean value, final Config config, final String configKey)
            throws InvalidConfigEntryException {
            config.addBoolean(configKey, value);
        }

        @Override
        protected Boolean createFrom(final Config config, final String configKey)
            throws InvalidSettingsException, InvalidConfigEntryException {
            return config.getBoolean(configKey);
        }

        @Override
        String identifier() {
            return "BOOLEAN";
        }
    }

    /** Double variables. */
    public static final class DoubleType extends DefaultVariableType<Double> {

        /** The singleton. */
        public static final DoubleType INSTANCE = new DoubleType();

        private DoubleType() {
            super(entryTypeIn(ConfigEntries.xdouble, ConfigEntries.xfloat));
        }

        @Override
        protected VariableValue<Double> loadValue(final NodeSettingsRO settings) throws InvalidSettingsException {
            return newValue(settings.getDouble(CFG_VALUE));
        }

        @Override
        protected VariableValue<Double> newValue(final Double v) {
            return new SimpleValue<>(this, v);
        }

        @Override
        protected VariableValue<Double> defaultValue() {
            return newValue(0.0);
        }

        @Override
        protected void saveValue(final NodeSettingsWO settings, final VariableValue<Double> v) {
            settings.addDouble(CFG_VALUE, v.get());
        }

        @Override
        public Class<Double> getSimpleType() {
            return Double.class;
        }

        @Override
        protected void overwrite(final Double value, final Config config, final String configKey)
            throws InvalidConfigEntryException {
            config.addDouble(configKey, value);
        }

        @Override
        protected Double createFrom(final Config config, final String configKey)
            throws InvalidSettingsException, InvalidConfigEntryException {
            return config.getDouble(configKey);
        }

        @Override
        String identifier() {
            return "DOUBLE";
        }

        @SuppressWarnings("deprecation")
        @Override
        FlowVariable.Type legacyType() {
            return FlowVariable.Type.DOUBLE;
        }
    }

    /** Int variables (convertible to long, double and string). */
    public static final class IntType extends DefaultVariableType<Integer> {

        /** The singleton. */
        public static final IntType INSTANCE = new IntType();

        private IntType() {
            super(entryTypeIn(ConfigEntries.xint));
        }

        @Override
        protected VariableValue<Integer> loadValue(final NodeSettingsRO settings) throws InvalidSettingsException {
            return newValue(settings.getInt(CFG_VALUE));
        }

        @Override
        protected VariableValue<Integer> newValue(final Integer v) {
            return new SimpleValue<>(this, v);
        }

        @Override
        protected VariableValue<Integer> defaultValue() {
            return newValue(0);
        }

        @Override
        protected void saveValue(final NodeSettingsWO settings, final VariableValue<Integer> v) {
            settings.addInt(CFG_VALUE, v.get());
        }

        @Override
        public Class<Integer> getSimpleType() {
            return Integer.class;
        }

        @Override
        protected void overwrite(final Integer value, final Config config, final String configKey)
            throws InvalidConfigEntryException {
            config.addInt(configKey, value);
        }

        @Override
        protected Integer createFrom(final Config config, final String configKey)
            throws InvalidSettingsException, InvalidConfigEntryException {
            return config.getInt(configKey);
        }

        @Override
        public Set<VariableType<?>> getConvertibleTypes() {
            return Set.of(this, LongType.INSTANCE, DoubleType.INSTANCE, StringType.INSTANCE);
        }

        @Override
        protected <U> U getAs(final Integer value, final VariableType<U> conversionTarget) {
            if (conversionTarget == LongType.INSTANCE) {
                return conversionTarget.getSimpleType().cast(value.longValue());
            }
            if (conversionTarget == DoubleType.INSTANCE) {
                return conversionTarget.getSimpleType().cast(value.doubleValue());
            }
            return super.getAs(value, conversionTarget);
        }

        @Override
        String identifier() {
            return "INTEGER";
        }

        @SuppressWarnings("deprecation")
        @Override
        FlowVariable.Type legacyType() {
            return FlowVariable.Type.INTEGER;
        }
    }

    /** Long variables (convertible to double and string). */
    public static final class LongType extends DefaultVariableType<Long> {

        /** The singleton. */
        public static final LongType INSTANCE = new LongType();

        private LongType() {
            super(entryTypeIn(ConfigEntries.xlong));
        }

        @Override
        protected VariableValue<Long> loadValue(final NodeSettingsRO settings) throws InvalidSettingsException {
            return newValue(settings.getLong(CFG_VALUE));
        }

        @Override
        protected VariableValue<Long> newValue(final Long v) {
            return new SimpleValue<>(this, v);
        }

        @Override
        protected VariableValue<Long> defaultValue() {
            return newValue(0L);
        }

        @Override
        protected void saveValue(final NodeSettingsWO settings, final VariableValue<Long> v) {
            settings.addLong(CFG_VALUE, v.get());
        }

        @Override
        public Class<Long> getSimpleType() {
            return Long.class;
        }

        @Override
        protected void overwrite(final Long value, final Config config, final String configKey)
            throws InvalidConfigEntryException {
            config.addLong(configKey, value);
        }

        @Override
        protected Long createFrom(final Config config, final String configKey)
            throws InvalidSettingsException, InvalidConfigEntryException {
            return config.getLong(configKey);
        }

        @Override
        public Set<VariableType<?>> getConvertibleTypes() {
            return Set.of(this, DoubleType.INSTANCE, StringType.INSTANCE);
        }

        @Override
        protected <U> U getAs(final Long value, final VariableType<U> conversionTarget) {
            if (conversionTarget == DoubleType.INSTANCE) {
                return conversionTarget.getSimpleType().cast(value.doubleValue());
            }
            return super.getAs(value, conversionTarget);
        }

        @Override
        String identifier() {
            return "LONG";
        }
    }

    /** String variables. */
    public static final class StringType extends DefaultVariableType<String> {

        /** The singleton. */
        public static final StringType INSTANCE = new StringType();

        private StringType() {
            super(entryTypeIn(ConfigEntries.xstring));
        }

        @Override
        protected VariableValue<String> loadValue(final NodeSettingsRO settings) throws InvalidSettingsException {
            return newValue(settings.getString(CFG_VALUE));
        }

        @Override
        protected VariableValue<String> newValue(final String v) {
            return new SimpleValue<>(this, v);
        }

        @Override
        protected VariableValue<String> defaultValue() {
            return newValue("");
        }

        @Override
        protected void saveValue(final NodeSettingsWO settings, final VariableValue<String> v) {
            settings.addString(CFG_VALUE, v.get());
        }

        @Override
        public Class<String> getSimpleType() {
            return String.class;
        }

        @Override
        protected void overwrite(final String value, final Config config, final String configKey)
            throws InvalidConfigEntryException {
            config.addString(configKey, value);
        }

        @Override
        protected String createFrom(final Config config, final String configKey)
            throws InvalidSettingsException, InvalidConfigEntryException {
            return config.getString(configKey);
        }

        @Override
        String identifier() {
            return "STRING";
        }

        @SuppressWarnings("deprecation")
        @Override
        FlowVariable.Type legacyType() {
            return FlowVariable.Type.STRING;
        }
    }

    /** @return e.g. "STRING", "INTEGER", "DOUBLE", "LONG", "BOOLEAN" */
    public String getIdentifier() {
        return identifier();
    }

    abstract String identifier();

    /** The pre-4.1 variable kind; OTHER for types that had none. */
    @SuppressWarnings("deprecation")
    FlowVariable.Type legacyType() {
        return FlowVariable.Type.OTHER;
    }

    /**
     * @param type another type
     * @return whether values of this type can be read as the other type
     */
    public final boolean isConvertible(final VariableType<?> type) {
        return getConvertibleTypes().contains(type);
    }

    /** @return the types values of this type can be read as (itself and String by default) */
    public Set<VariableType<?>> getConvertibleTypes() {
        return this == StringType.INSTANCE ? Set.of(this) : Set.of(this, StringType.INSTANCE);
    }

    /**
     * @param <U> the target Java type
     * @param value a value of this type
     * @param conversionTarget a type from {@link #getConvertibleTypes()}
     * @return the converted value
     */
    protected <U> U getAs(final T value, final VariableType<U> conversionTarget) {
        if (conversionTarget == this) {
            return conversionTarget.getSimpleType().cast(value);
        }
        if (conversionTarget == StringType.INSTANCE) {
            return conversionTarget.getSimpleType().cast(value.toString());
        }
        throw createNotConvertibleException(this, conversionTarget);
    }

    /**
     * @param from source type
     * @param to target type
     * @return the exception to throw
     */
    protected static IllegalArgumentException createNotConvertibleException(final VariableType<?> from,
        final VariableType<?> to) {
        return new IllegalArgumentException("Flow variable of type " + from + " can't be converted to " + to + ".");
    }

    /** @return the Java class of the values */
    public abstract Class<T> getSimpleType();

    /**
     * @param settings saved value
     * @return the value
     * @throws InvalidSettingsException if missing
     */
    protected abstract VariableValue<T> loadValue(NodeSettingsRO settings) throws InvalidSettingsException;

    /**
     * @param settings target
     * @param v the value
     */
    protected abstract void saveValue(NodeSettingsWO settings, VariableValue<T> v);

    /**
     * @param v a value
     * @return it wrapped
     */
    protected abstract VariableValue<T> newValue(T v);

    /** @return the default value */
    protected abstract VariableValue<T> defaultValue();

    /**
     * @param config a config
     * @param configKey an entry
     * @return whether a variable of this type may overwrite the entry
     */
    protected abstract boolean canOverwrite(Config config, String configKey);

    /**
     * @param value the value
     * @param config a config
     * @param configKey an entry
     * @throws InvalidConfigEntryException if the entry cannot take the value
     */
    protected abstract void overwrite(T value, Config config, String configKey) throws InvalidConfigEntryException;

    /**
     * @param config a config
     * @param configKey an entry
     * @return whether a variable of this type may be created from the entry
     */
    protected abstract boolean canCreateFrom(Config config, String configKey);

    /**
     * @param config a config
     * @param configKey an entry
     * @return the value of the entry
     * @throws InvalidSettingsException if the entry is missing
     * @throws InvalidConfigEntryException if the entry has another type
     */
    protected abstract T createFrom(Config config, String configKey)
        throws InvalidSettingsException, InvalidConfigEntryException;

    @Override
    public String toString() {
        return getIdentifier();
    }
}
