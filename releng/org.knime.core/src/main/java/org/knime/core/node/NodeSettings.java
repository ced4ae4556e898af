package org.knime.core.node;

import java.io.IOException;
import java.io.InputStream;

import org.knime.core.node.config.Config;
import org.knime.core.node.config.ConfigWO;

/**
 * The settings of a node (and of its settings.xml); nested configs are NodeSettings too.
 */
public final class NodeSettings extends Config implements NodeSettingsRO, NodeSettingsWO {

    /** @param key the key of these settings */
    public NodeSettings(final String key) {
        super(key);
    }

    @Override
    public Config getInstance(final String key) {
        return new NodeSettings(key);
    }

    /**
     * Reads settings from XMLConfig text and closes the stream.
     *
     * @param in the stream
     * @return the settings (keyed like the XML root)
     * @throws IOException if reading or parsing fails
     */
    public static NodeSettingsRO loadFromXML(final InputStream in) throws IOException {
        return (NodeSettings)Config.loadFromXML(new NodeSettings("ignored"), in);
    }

    @Override
    public void copyTo(final ConfigWO dest) {
        super.copyTo(dest);
    }

    @Override
    public NodeSettingsWO addNodeSettings(final String key) {
        return (NodeSettings)addConfig(key);
    }

    @Override
    public void addNodeSettings(final NodeSettings settings) {
        addConfig(settings);
    }

    @Override
    public NodeSettings getNodeSettings(final String key) throws InvalidSettingsException {
        return (NodeSettings)getConfig(key);
    }
}
