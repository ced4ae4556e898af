package org.knime.core.node;

import org.knime.core.node.config.ConfigWO;

/**
 * Write access to node settings.
 */
public interface NodeSettingsWO extends ConfigWO {

    /**
     * @param key the key
     * @return new, empty nested settings stored under the key
     */
    NodeSettingsWO addNodeSettings(String key);

    /** @param settings settings to store (not copied) under their own key */
    void addNodeSettings(NodeSettings settings);
}
