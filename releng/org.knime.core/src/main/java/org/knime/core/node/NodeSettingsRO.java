package org.knime.core.node;

import org.knime.core.node.config.ConfigRO;
import org.knime.core.node.config.ConfigWO;

/**
 * Read access to node settings.
 */
public interface NodeSettingsRO extends ConfigRO {

    /**
     * @param key the key
     * @return the nested settings
     * @throws InvalidSettingsException if there are no nested settings under the key
     */
    NodeSettingsRO getNodeSettings(String key) throws InvalidSettingsException;

    /** @param dest receives a deep copy of these settings */
    void copyTo(ConfigWO dest);
}
