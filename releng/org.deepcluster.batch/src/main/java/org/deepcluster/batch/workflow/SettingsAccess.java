package org.deepcluster.batch.workflow;

import java.nio.file.Path;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.base.AbstractConfigEntry;
import org.knime.core.node.config.base.ConfigBase;
import org.knime.core.node.config.base.ConfigEntries;

/**
 * Typed reading of one config of a workflow file, with errors that name the file and the full key path: "missing
 * key", "wrong type (expected xint, found xstring)".
 */
final class SettingsAccess {

    private final Path m_file;

    private final ConfigBase m_config;

    private final String m_path;

    /**
     * @param file the file the config comes from
     * @param config the config
     * @param path its key path inside the file ("" for the root)
     */
    SettingsAccess(final Path file, final ConfigBase config, final String path) {
        m_file = file;
        m_config = config;
        m_path = path;
    }

    ConfigBase config() {
        return m_config;
    }

    Path file() {
        return m_file;
    }

    String path() {
        return m_path;
    }

    String keyPath(final String key) {
        return m_path.isEmpty() ? key : m_path + "/" + key;
    }

    boolean has(final String key) {
        return m_config.containsKey(key);
    }

    WorkflowLoadException error(final String key, final String problem) {
        return new WorkflowLoadException(m_file, keyPath(key), problem);
    }

    private AbstractConfigEntry entry(final String key, final ConfigEntries type) throws WorkflowLoadException {
        if (!m_config.containsKey(key)) {
            throw error(key, "missing (expected an entry of type " + type + ")");
        }
        AbstractConfigEntry e = m_config.getEntry(key);
        if (e.getType() != type) {
            throw error(key, "wrong type: expected " + type + ", found " + ConfigTrees.typeName(e));
        }
        return e;
    }

    String string(final String key) throws WorkflowLoadException {
        entry(key, ConfigEntries.xstring);
        return m_config.getString(key, null);
    }

    String optionalString(final String key) throws WorkflowLoadException {
        return has(key) ? string(key) : null;
    }

    String requiredString(final String key) throws WorkflowLoadException {
        String s = string(key);
        if (s == null || s.isBlank()) {
            throw error(key, "must not be empty");
        }
        return s;
    }

    int integer(final String key) throws WorkflowLoadException {
        entry(key, ConfigEntries.xint);
        try {
            return m_config.getInt(key);
        } catch (InvalidSettingsException e) {
            throw error(key, e.getMessage());
        }
    }

    boolean bool(final String key) throws WorkflowLoadException {
        entry(key, ConfigEntries.xboolean);
        try {
            return m_config.getBoolean(key);
        } catch (InvalidSettingsException e) {
            throw error(key, e.getMessage());
        }
    }

    SettingsAccess config(final String key) throws WorkflowLoadException {
        return new SettingsAccess(m_file, (ConfigBase)entry(key, ConfigEntries.config), keyPath(key));
    }

    SettingsAccess optionalConfig(final String key) throws WorkflowLoadException {
        return has(key) ? config(key) : null;
    }

    int[] intArray(final String key) throws WorkflowLoadException {
        SettingsAccess array = config(key);
        if (!ConfigTrees.isArray(array.m_config)) {
            throw error(key, "wrong type: expected an int array (a config with " + ConfigTrees.ARRAY_SIZE_KEY + ")");
        }
        int size = array.integer(ConfigTrees.ARRAY_SIZE_KEY);
        int[] result = new int[size];
        for (int i = 0; i < size; i++) {
            result[i] = array.integer(Integer.toString(i));
        }
        return result;
    }
}
