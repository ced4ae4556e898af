package org.knime.core.node;

import org.knime.core.node.config.ConfigWO;

/**
 * Write access to model content.
 */
public interface ModelContentWO extends ConfigWO {

    /**
     * @param key the key
     * @return new, empty nested content stored under the key
     */
    ModelContentWO addModelContent(String key);

    /** @param modelContent content to store (not copied) under its own key */
    void addModelContent(ModelContent modelContent);
}
