package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.workflow.FlowVariable;

/**
 * A settings model whose value can be controlled by a flow variable.
 */
public interface SettingsModelFlowVariableCompatible {

    /** @return the config key */
    String getKey();

    /** @return the (legacy) variable kind that fits the value */
    @SuppressWarnings("deprecation")
    FlowVariable.Type getFlowVariableType();
}
