package org.knime.core.node.config;

import org.knime.core.node.config.base.ConfigBaseWO;

/**
 * Write access to a {@link Config}.
 */
public interface ConfigWO extends ConfigBaseWO {

    /**
     * @param key the key
     * @return a new, empty nested config stored under the key
     */
    Config addConfig(String key);
}
