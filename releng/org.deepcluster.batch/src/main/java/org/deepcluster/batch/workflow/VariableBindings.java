package org.deepcluster.batch.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.config.base.AbstractConfigEntry;
import org.knime.core.node.config.base.ConfigBase;
import org.knime.core.node.config.base.ConfigEntries;
import org.knime.core.node.workflow.FlowVariable;
import org.knime.core.node.workflow.VariableType.BooleanType;
import org.knime.core.node.workflow.VariableType.DoubleType;
import org.knime.core.node.workflow.VariableType.IntType;
import org.knime.core.node.workflow.VariableType.LongType;

/**
 * The {@code variables} config of a node's settings.xml: which model settings take their value from a flow
 * variable ({@code used_variable}) or are exported as one ({@code exposed_variable}). Its entries mirror the
 * {@code model} tree. KNIME writes it as {@code variables/tree/...} plus {@code version = V_2019_09_13} (since 4.1);
 * older workflows have the tree directly under {@code variables}; both are read.
 */
public final class VariableBindings {

    /** The version KNIME 4.1+ writes. */
    public static final String CURRENT_VERSION = "V_2019_09_13";

    private static final String TREE_KEY = "tree";

    private static final String VERSION_KEY = "version";

    private static final String USED_KEY = "used_variable";

    private static final String EXPOSED_KEY = "exposed_variable";

    private VariableBindings() {
    }

    /**
     * @param bindings the bindings (not empty)
     * @param variablesConfig the empty {@code variables} config to fill
     */
    public static void save(final List<VariableBinding> bindings, final ConfigBase variablesConfig) {
        ConfigBase tree = variablesConfig.addConfigBase(TREE_KEY);
        for (VariableBinding b : bindings) {
            ConfigBase c = tree;
            for (String key : b.settingPath()) {
                c = c.containsKey(key) && c.getEntry(key) instanceof ConfigBase existing ? existing
                    : c.addConfigBase(key);
            }
            c.addString(USED_KEY, b.usedVariable());
            c.addString(EXPOSED_KEY, b.exposedVariable());
        }
        variablesConfig.addString(VERSION_KEY, CURRENT_VERSION);
    }

    /**
     * @param variablesConfig a {@code variables} config
     * @return its bindings
     * @throws InvalidSettingsException if an entry has the wrong type
     */
    public static List<VariableBinding> load(final ConfigBase variablesConfig) throws InvalidSettingsException {
        ConfigBase tree = variablesConfig;
        if (variablesConfig.containsKey(VERSION_KEY) && variablesConfig.containsKey(TREE_KEY)) {
            tree = variablesConfig.getConfigBase(TREE_KEY);
        }
        List<VariableBinding> result = new ArrayList<>();
        collect(tree, new ArrayList<>(), result);
        return result;
    }

    private static void collect(final ConfigBase config, final List<String> path, final List<VariableBinding> out)
        throws InvalidSettingsException {
        boolean isLeaf = isBindingLeaf(config, USED_KEY) || isBindingLeaf(config, EXPOSED_KEY);
        if (isLeaf) {
            String used = config.containsKey(USED_KEY) ? config.getString(USED_KEY) : null;
            String exposed = config.containsKey(EXPOSED_KEY) ? config.getString(EXPOSED_KEY) : null;
            if (used != null || exposed != null) {
                out.add(new VariableBinding(path, used, exposed));
            }
            return;
        }
        for (String key : config.keySet()) {
            if (config.getEntry(key) instanceof ConfigBase child) {
                List<String> childPath = new ArrayList<>(path);
                childPath.add(key);
                collect(child, childPath, out);
            }
        }
    }

    private static boolean isBindingLeaf(final ConfigBase config, final String key) {
        return config.containsKey(key) && config.getEntry(key).getType() == ConfigEntries.xstring;
    }

    /**
     * Returns a copy of the model settings in which every setting bound with {@code used_variable} has the value of
     * its flow variable, as KNIME does before the settings reach the node model.
     *
     * @param model the node's model settings (not changed)
     * @param bindings the bindings
     * @param variables the flow variables available to the node, by name
     * @return the settings the node model gets
     * @throws InvalidSettingsException if a variable is missing, a setting does not exist, or the types do not fit
     */
    public static NodeSettings apply(final NodeSettings model, final List<VariableBinding> bindings,
        final Map<String, FlowVariable> variables) throws InvalidSettingsException {
        NodeSettings result = ConfigTrees.copy(model);
        for (VariableBinding b : bindings) {
            if (b.usedVariable() == null) {
                continue;
            }
            FlowVariable v = variables.get(b.usedVariable());
            if (v == null) {
                throw new InvalidSettingsException("setting \"" + b.path() + "\" is controlled by flow variable \""
                    + b.usedVariable() + "\", which is not available (known: " + String.join(", ", variables.keySet())
                    + ")");
            }
            ConfigBase parent = ConfigTrees.config(result, b.settingPath().subList(0, b.settingPath().size() - 1));
            String key = b.settingPath().get(b.settingPath().size() - 1);
            if (!parent.containsKey(key)) {
                throw new InvalidSettingsException("setting \"" + b.path() + "\" (controlled by flow variable \""
                    + v.getName() + "\") does not exist in the node's settings");
            }
            parent.addEntry(overwrite(parent.getEntry(key), v, b.path()));
        }
        return result;
    }

    private static AbstractConfigEntry overwrite(final AbstractConfigEntry entry, final FlowVariable v,
        final String path) throws InvalidSettingsException {
        ConfigEntries type = entry.getType();
        String text = valueFor(type, v);
        if (text == null) {
            throw new InvalidSettingsException("flow variable \"" + v.getName() + "\" (" + FlowVariables.typeName(v)
                + ") cannot set \"" + path + "\", which is of type " + ConfigTrees.typeName(entry));
        }
        try {
            return type.createEntry(entry.getKey(), text);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("flow variable \"" + v.getName() + "\" = " + v.getValueAsString()
                + " does not fit setting \"" + path + "\" (" + type + "): " + e.getMessage(), e);
        }
    }

    /** The value as text for an entry type, or null if KNIME would not convert the variable to that type. */
    private static String valueFor(final ConfigEntries type, final FlowVariable v) {
        boolean isInt = v.getVariableType() == IntType.INSTANCE;
        boolean isLong = v.getVariableType() == LongType.INSTANCE;
        boolean isDouble = v.getVariableType() == DoubleType.INSTANCE;
        boolean isBoolean = v.getVariableType() == BooleanType.INSTANCE;
        switch (type) {
            case xstring:
            case xchar:
                return v.getValueAsString();
            case xint:
            case xshort:
            case xbyte:
                return isInt ? v.getValueAsString() : null;
            case xlong:
                return isInt || isLong ? v.getValueAsString() : null;
            case xdouble:
            case xfloat:
                return isInt || isLong || isDouble ? v.getValueAsString() : null;
            case xboolean:
                return isBoolean ? v.getValueAsString() : null;
            default:
                return null;
        }
    }

    /**
     * @param model the model settings the node got
     * @param bindings the bindings
     * @return the variables exported with {@code exposed_variable}, typed by their settings
     * @throws InvalidSettingsException if an exposed setting does not exist or has a type without variable type
     */
    public static List<FlowVariable> exposed(final NodeSettings model, final List<VariableBinding> bindings)
        throws InvalidSettingsException {
        List<FlowVariable> result = new ArrayList<>();
        for (VariableBinding b : bindings) {
            if (b.exposedVariable() == null) {
                continue;
            }
            AbstractConfigEntry e = ConfigTrees.find(model, b.settingPath());
            if (e == null) {
                throw new InvalidSettingsException("exposed setting \"" + b.path() + "\" does not exist");
            }
            String name = b.exposedVariable();
            String text = e.toStringValue();
            switch (e.getType()) {
                case xint, xshort, xbyte -> result.add(new FlowVariable(name, Integer.parseInt(text)));
                case xlong -> result.add(new FlowVariable(name, LongType.INSTANCE, Long.parseLong(text)));
                case xdouble, xfloat -> result.add(new FlowVariable(name, Double.parseDouble(text)));
                case xboolean -> result.add(new FlowVariable(name, BooleanType.INSTANCE, Boolean.parseBoolean(text)));
                case xstring, xchar -> result.add(new FlowVariable(name, String.valueOf(text)));
                default -> throw new InvalidSettingsException(
                    "setting \"" + b.path() + "\" (" + ConfigTrees.typeName(e) + ") cannot be exposed as a variable");
            }
        }
        return result;
    }
}
