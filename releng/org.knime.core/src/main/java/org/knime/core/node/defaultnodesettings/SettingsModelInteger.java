package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.workflow.FlowVariable;

/**
 * An int setting, saved as an xint entry; model ID "SMID_integer".
 */
public class SettingsModelInteger extends SettingsModelNumber implements SettingsModelFlowVariableCompatible {

    private final String m_configName;

    private int m_value;

    /**
     * @param configName the config key, not empty
     * @param defaultValue the initial value
     */
    public SettingsModelInteger(final String configName, final int defaultValue) {
        m_configName = checkConfigName(configName);
        m_value = defaultValue;
    }

    static String checkConfigName(final String configName) {
        if (configName == null || configName.isEmpty()) {
            throw new IllegalArgumentException("The configName must be a non-empty string");
        }
        return configName;
    }

    @SuppressWarnings("unchecked")
    @Override
    protected SettingsModelInteger createClone() {
        return new SettingsModelInteger(m_configName, m_value);
    }

    @Override
    protected String getModelTypeID() {
        return "SMID_integer";
    }

    @Override
    protected String getConfigName() {
        return m_configName;
    }

    /** @param newValue the new value (listeners are notified if it differs) */
    public void setIntValue(final int newValue) {
        boolean changed = newValue != m_value;
        m_value = newValue;
        if (changed) {
            notifyChangeListeners();
        }
    }

    /** @return the value */
    public int getIntValue() {
        return m_value;
    }

    @Override
    String getNumberValueStr() {
        return Integer.toString(getIntValue());
    }

    @Override
    void setNumberValueStr(final String newValueStr) {
        try {
            setIntValue(Integer.parseInt(newValueStr.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid integer number format ('" + newValueStr + "')", e);
        }
    }

    @Override
    protected void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        try {
            setIntValue(settings.getInt(m_configName, m_value));
        } catch (IllegalArgumentException e) {
            // out of bounds: keep the current value
        }
    }

    @Override
    protected void saveSettingsForDialog(final NodeSettingsWO settings) throws InvalidSettingsException {
        saveSettingsForModel(settings);
    }

    @Override
    protected void validateSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        validateValue(settings.getInt(m_configName));
    }

    /**
     * @param value a value read from settings
     * @throws InvalidSettingsException if it is not acceptable (the default accepts everything)
     */
    protected void validateValue(final int value) throws InvalidSettingsException {
        // any int
    }

    @Override
    protected void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        try {
            setIntValue(settings.getInt(m_configName));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    @Override
    protected void saveSettingsForModel(final NodeSettingsWO settings) {
        settings.addInt(m_configName, m_value);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " ('" + m_configName + "')";
    }

    @Override
    public String getKey() {
        return m_configName;
    }

    @SuppressWarnings("deprecation")
    @Override
    public FlowVariable.Type getFlowVariableType() {
        return FlowVariable.Type.INTEGER;
    }
}
