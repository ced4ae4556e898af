package org.knime.core.node.defaultnodesettings;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.swing.event.ChangeEvent;
import javax.swing.event.ChangeListener;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeLogger;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.config.Config;
import org.knime.core.node.port.PortObjectSpec;

/**
 * One setting shared by a node model and its dialog. Saving writes, as KNIME does, a config
 * {@code <configName>_Internals} holding {@code SettingsModelID} (the model type) and {@code EnabledStatus},
 * followed by the value entries of the subclass. Loading accepts settings without the internals config. A disabled
 * model skips validation and ignores load errors.
 */
public abstract class SettingsModel {

    /** Suffix of the config key holding the model ID and enabled status. */
    public static final String CFGKEY_INTERNAL = "_Internals";

    private static final String CFGKEY_MODELID = "SettingsModelID";

    private static final String CFGKEY_ENABLESTAT = "EnabledStatus";

    private final List<ChangeListener> m_listeners = new CopyOnWriteArrayList<>();

    private boolean m_enabled = true;

    /** Enabled, no listeners. */
    public SettingsModel() {
    }

    /**
     * @param <T> the model class
     * @param settings settings holding a value for this model
     * @return a copy of this model (same enabled state) holding the value from the settings
     * @throws InvalidSettingsException if the settings hold no valid value
     */
    public final <T extends SettingsModel> T createCloneWithValidatedValue(final NodeSettingsRO settings)
        throws InvalidSettingsException {
        T clone = createClone();
        ((SettingsModel)clone).m_enabled = m_enabled;
        ((SettingsModel)clone).loadSettingsFrom(settings);
        return clone;
    }

    /**
     * @param <T> the model class
     * @return a new model with the same config name and value (listeners are not copied)
     */
    protected abstract <T extends SettingsModel> T createClone();

    /**
     * @return the model type written as {@code SettingsModelID}, e.g. "SMID_integer"
     */
    protected abstract String getModelTypeID();

    /** @return the config key of the value */
    protected abstract String getConfigName();

    /**
     * Loads the value for the dialog; must not fail on missing or invalid values (keep the current value then).
     *
     * @param settings the settings
     * @param specs the input specs
     * @throws NotConfigurableException if the dialog cannot be opened
     */
    protected abstract void loadSettingsForDialog(NodeSettingsRO settings, PortObjectSpec[] specs)
        throws NotConfigurableException;

    /**
     * @param settings receives the value
     * @throws InvalidSettingsException if the current value is invalid
     */
    protected abstract void saveSettingsForDialog(NodeSettingsWO settings) throws InvalidSettingsException;

    /** @param l notified when the value or the enabled state changes */
    public void addChangeListener(final ChangeListener l) {
        if (!m_listeners.contains(l)) {
            m_listeners.add(l);
        }
    }

    /** @param l notified first when the value or the enabled state changes */
    protected void prependChangeListener(final ChangeListener l) {
        if (!m_listeners.contains(l)) {
            m_listeners.add(0, l);
        }
    }

    /** @param l a listener to remove */
    public void removeChangeListener(final ChangeListener l) {
        m_listeners.remove(l);
    }

    /** Notifies all change listeners. */
    protected void notifyChangeListeners() {
        ChangeEvent e = new ChangeEvent(this);
        for (ChangeListener l : m_listeners) {
            l.stateChanged(e);
        }
    }

    /** @param enabled whether the model is enabled (a disabled model's value is not validated) */
    public void setEnabled(final boolean enabled) {
        boolean changed = m_enabled != enabled;
        m_enabled = enabled;
        if (changed) {
            notifyChangeListeners();
        }
    }

    /** @return whether the model is enabled */
    public boolean isEnabled() {
        return m_enabled;
    }

    /**
     * Checks the value in the settings without changing this model (skipped if the settings say "disabled").
     *
     * @param settings the settings
     * @throws InvalidSettingsException if the value is missing or invalid
     */
    public final void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        Boolean enabled = readInternals(settings);
        if (enabled == null ? m_enabled : enabled) {
            validateSettingsForModel(settings);
        }
    }

    /**
     * @param settings the settings
     * @throws InvalidSettingsException if the value is missing or invalid
     */
    protected abstract void validateSettingsForModel(NodeSettingsRO settings) throws InvalidSettingsException;

    /**
     * Loads enabled state and value.
     *
     * @param settings the settings
     * @throws InvalidSettingsException if the value is missing or invalid (and the model is enabled)
     */
    public final void loadSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        Boolean enabled = readInternals(settings);
        if (enabled != null) {
            m_enabled = enabled;
        }
        try {
            loadSettingsForModel(settings);
        } catch (InvalidSettingsException e) {
            if (m_enabled) {
                throw e;
            }
        }
    }

    /**
     * @param settings the settings
     * @throws InvalidSettingsException if the value is missing or invalid
     */
    protected abstract void loadSettingsForModel(NodeSettingsRO settings) throws InvalidSettingsException;

    /**
     * Writes the internals config and the value.
     *
     * @param settings receives enabled state and value
     */
    public final void saveSettingsTo(final NodeSettingsWO settings) {
        Config internals = settings.addConfig(getConfigName() + CFGKEY_INTERNAL);
        internals.addString(CFGKEY_MODELID, getModelTypeID());
        internals.addBoolean(CFGKEY_ENABLESTAT, m_enabled);
        saveSettingsForModel(settings);
    }

    /** @param settings receives the value */
    protected abstract void saveSettingsForModel(NodeSettingsWO settings);

    /** The saved enabled status, or null if the settings carry no internals config (older settings). */
    private Boolean readInternals(final NodeSettingsRO settings) throws InvalidSettingsException {
        String key = getConfigName() + CFGKEY_INTERNAL;
        if (!(settings.containsKey(key))) {
            return null;
        }
        Config internals = settings.getConfig(key);
        String id = internals.getString(CFGKEY_MODELID);
        if (!getModelTypeID().equals(id)) {
            NodeLogger.getLogger(SettingsModel.class).coding("The settings model that wrote \"" + getConfigName()
                + "\" (" + id + ") differs from the one reading it (" + getModelTypeID() + ", " + this + ")");
        }
        return internals.getBoolean(CFGKEY_ENABLESTAT);
    }

    @Override
    public abstract String toString();
}
