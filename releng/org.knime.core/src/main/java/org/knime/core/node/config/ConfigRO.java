package org.knime.core.node.config;

import java.util.Iterator;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.base.ConfigBaseRO;

/**
 * Read access to a {@link Config}.
 */
public interface ConfigRO extends ConfigBaseRO {

    /**
     * @param key the key
     * @return the nested config
     * @throws InvalidSettingsException if there is no nested config under the key
     */
    Config getConfig(String key) throws InvalidSettingsException;

    @Override
    Iterator<String> iterator();
}
