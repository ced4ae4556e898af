package org.deepcluster.knime.util;

import org.knime.core.node.NodeSettingsWO;

/** A node's settings as one value object: the node model keeps one and saves it with {@link #saveTo}. */
public interface NodeSettingsObject {

    /**
     * Writes all settings (every key, always, so that settings.xml files are complete and stable).
     *
     * @param settings where to write
     */
    void saveTo(NodeSettingsWO settings);
}
