package org.knime.core.node;

import java.io.IOException;
import java.io.InputStream;

import org.knime.core.node.config.Config;

/**
 * Config used by port objects and node internals; nested configs are ModelContent too.
 */
public final class ModelContent extends Config implements ModelContentRO, ModelContentWO {

    /** @param key the key of this content */
    public ModelContent(final String key) {
        super(key);
    }

    @Override
    public Config getInstance(final String key) {
        return new ModelContent(key);
    }

    /**
     * Reads content from XMLConfig text and closes the stream.
     *
     * @param in the stream
     * @return the content (keyed like the XML root)
     * @throws IOException if reading or parsing fails
     */
    public static synchronized ModelContentRO loadFromXML(final InputStream in) throws IOException {
        return (ModelContent)Config.loadFromXML(new ModelContent("ignored"), in);
    }

    @Override
    public void addModelContent(final ModelContent modelContent) {
        addConfig(modelContent);
    }

    @Override
    public ModelContentWO addModelContent(final String key) {
        return (ModelContent)addConfig(key);
    }

    @Override
    public ModelContent getModelContent(final String key) throws InvalidSettingsException {
        return (ModelContent)getConfig(key);
    }
}
