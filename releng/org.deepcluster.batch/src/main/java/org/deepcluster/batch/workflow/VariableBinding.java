package org.deepcluster.batch.workflow;

import java.util.List;
import java.util.Objects;

/**
 * A node setting controlled by a flow variable, or exposed as one: an entry of the {@code variables} tree of a
 * node's settings.xml (KNIME's "Flow Variables" tab of the node dialog).
 *
 * @param settingPath the path of the setting inside the node's {@code model} config, e.g. {@code ["k"]} or
 *            {@code ["columns", "included"]}
 * @param usedVariable the flow variable whose value replaces the setting's value (null: none)
 * @param exposedVariable the name of a flow variable the node exports with the setting's value (null: none)
 */
public record VariableBinding(List<String> settingPath, String usedVariable, String exposedVariable) {

    /**
     * @param settingPath the path of the setting in the model config
     * @param usedVariable the variable that overwrites it (or null)
     * @param exposedVariable the variable that exports it (or null)
     */
    public VariableBinding {
        settingPath = List.copyOf(settingPath);
        if (settingPath.isEmpty()) {
            throw new IllegalArgumentException("A flow variable binding needs a setting path");
        }
        if (usedVariable == null && exposedVariable == null) {
            throw new IllegalArgumentException(
                "A flow variable binding of setting " + String.join("/", settingPath) + " names no variable");
        }
    }

    /**
     * @param settingPath the setting, "/"-separated for nested configs
     * @param variable the flow variable whose value the setting takes
     * @return the binding
     */
    public static VariableBinding uses(final String settingPath, final String variable) {
        return new VariableBinding(List.of(settingPath.split("/")), Objects.requireNonNull(variable), null);
    }

    /**
     * @param settingPath the setting, "/"-separated for nested configs
     * @param variable the flow variable the node exports with the setting's value
     * @return the binding
     */
    public static VariableBinding exposes(final String settingPath, final String variable) {
        return new VariableBinding(List.of(settingPath.split("/")), null, Objects.requireNonNull(variable));
    }

    /** @return the setting path joined with "/" */
    public String path() {
        return String.join("/", settingPath);
    }
}
