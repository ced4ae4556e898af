package org.knime.core.node;

import org.knime.core.node.config.ConfigRO;

/**
 * Read access to model content (the config type that port objects save themselves into).
 */
public interface ModelContentRO extends ConfigRO {

    /**
     * @param key the key
     * @return the nested content
     * @throws InvalidSettingsException if there is no nested content under the key
     */
    ModelContentRO getModelContent(String key) throws InvalidSettingsException;
}
