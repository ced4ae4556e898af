package org.deepcluster.batch.workflow;

import java.util.Locale;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.base.ConfigBase;
import org.knime.core.node.config.base.ConfigBaseWO;
import org.knime.core.node.workflow.FlowVariable;
import org.knime.core.node.workflow.VariableType;
import org.knime.core.node.workflow.VariableType.BooleanType;
import org.knime.core.node.workflow.VariableType.DoubleType;
import org.knime.core.node.workflow.VariableType.IntType;
import org.knime.core.node.workflow.VariableType.LongType;
import org.knime.core.node.workflow.VariableType.StringType;

/**
 * Flow variables as KNIME stores them ({@code FlowVariable.save}: entries {@code name}, {@code class} = the type's
 * identifier such as "INTEGER", and a typed {@code value}) and as users write them on the command line and in
 * workflow definitions (type names "String", "int", "double", "long", "boolean").
 */
public final class FlowVariables {

    private FlowVariables() {
    }

    /**
     * @param name the variable name
     * @param value the value as text
     * @param type "String", "int", "double", "long" or "boolean" (case-insensitive)
     * @return the variable
     * @throws IllegalArgumentException if the type is unknown or the value does not parse
     */
    public static FlowVariable parse(final String name, final String value, final String type) {
        switch (type.toLowerCase(Locale.ROOT)) {
            case "string":
                return new FlowVariable(name, value);
            case "int":
            case "integer":
                return new FlowVariable(name, Integer.parseInt(value.trim()));
            case "double":
                return new FlowVariable(name, Double.parseDouble(value.trim()));
            case "long":
                return new FlowVariable(name, LongType.INSTANCE, Long.parseLong(value.trim()));
            case "boolean":
                String v = value.trim().toLowerCase(Locale.ROOT);
                if (!v.equals("true") && !v.equals("false")) {
                    throw new IllegalArgumentException("\"" + value + "\" is not a boolean (true or false)");
                }
                return new FlowVariable(name, BooleanType.INSTANCE, Boolean.parseBoolean(v));
            default:
                throw new IllegalArgumentException("unknown variable type \"" + type
                    + "\" (known: String, int, double, long, boolean)");
        }
    }

    /**
     * @param variable a variable
     * @return its type as users write it: "String", "int", "double", "long" or "boolean"
     */
    public static String typeName(final FlowVariable variable) {
        VariableType<?> t = variable.getVariableType();
        if (t == IntType.INSTANCE) {
            return "int";
        } else if (t == DoubleType.INSTANCE) {
            return "double";
        } else if (t == LongType.INSTANCE) {
            return "long";
        } else if (t == BooleanType.INSTANCE) {
            return "boolean";
        }
        return "String";
    }

    /**
     * Writes one variable as KNIME does ({@code name}, {@code class}, {@code value}).
     *
     * @param variable the variable
     * @param target the (empty) config to write to, e.g. {@code workflow_variables/Var_0}
     */
    public static void save(final FlowVariable variable, final ConfigBaseWO target) {
        target.addString("name", variable.getName());
        VariableType<?> t = variable.getVariableType();
        target.addString("class", t.getIdentifier());
        if (t == IntType.INSTANCE) {
            target.addInt("value", variable.getValue(IntType.INSTANCE));
        } else if (t == DoubleType.INSTANCE) {
            target.addDouble("value", variable.getValue(DoubleType.INSTANCE));
        } else if (t == LongType.INSTANCE) {
            target.addLong("value", variable.getValue(LongType.INSTANCE));
        } else if (t == BooleanType.INSTANCE) {
            target.addBoolean("value", variable.getValue(BooleanType.INSTANCE));
        } else {
            target.addString("value", variable.getValue(StringType.INSTANCE));
        }
    }

    /**
     * Reads one variable written by {@link #save}.
     *
     * @param source the config
     * @return the variable
     * @throws InvalidSettingsException if an entry is missing, has the wrong type, or the class is unknown
     */
    public static FlowVariable load(final ConfigBase source) throws InvalidSettingsException {
        String name = source.getString("name");
        if (name == null) {
            throw new InvalidSettingsException("the variable name is null");
        }
        String identifier = source.getString("class");
        if (identifier == null) {
            throw new InvalidSettingsException("the variable class is null");
        }
        switch (identifier) {
            case "INTEGER":
                return new FlowVariable(name, source.getInt("value"));
            case "DOUBLE":
                return new FlowVariable(name, source.getDouble("value"));
            case "LONG":
                return new FlowVariable(name, LongType.INSTANCE, source.getLong("value"));
            case "BOOLEAN":
                return new FlowVariable(name, BooleanType.INSTANCE, source.getBoolean("value"));
            case "STRING":
                String value = source.getString("value");
                return new FlowVariable(name, value == null ? "" : value);
            default:
                throw new InvalidSettingsException("variable \"" + name + "\" has type " + identifier
                    + ", which this runner does not support (STRING, INTEGER, DOUBLE, LONG, BOOLEAN)");
        }
    }
}
