package org.knime.core.node.config;

import java.io.IOException;
import java.io.InputStream;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.base.AbstractConfigEntry;
import org.knime.core.node.config.base.ConfigBase;

/**
 * A {@link ConfigBase} whose nested configs are {@code Config}s too; the base of NodeSettings and ModelContent.
 */
public abstract class Config extends ConfigBase implements ConfigRO, ConfigWO {

    /** @param key the key of this config */
    protected Config(final String key) {
        super(key);
    }

    @Override
    public abstract Config getInstance(String key);

    @Override
    public final Config addConfig(final String key) {
        return (Config)addConfigBase(key);
    }

    /**
     * Stores the given config (not a copy) under its own key.
     *
     * @param config the nested config
     */
    protected final void addConfig(final Config config) {
        addConfigBase(config);
    }

    @Override
    public final Config getConfig(final String key) throws InvalidSettingsException {
        AbstractConfigEntry e = getEntry(key);
        if (e instanceof Config c) {
            return c;
        }
        String msg = "Config for key \"" + key + "\" not found.";
        if (e != null) {
            msg += " (The entry has type " + e.getType() + ".)";
        }
        throw new InvalidSettingsException(msg);
    }

    @Override
    public void addEntry(final AbstractConfigEntry entry) {
        super.addEntry(entry);
    }

    @Override
    public String toString() {
        return super.toString();
    }

    /**
     * Reads XML into the given config and closes the stream.
     *
     * @param config the config to fill
     * @param in the stream
     * @return the config
     * @throws IOException if reading or parsing fails
     */
    protected static Config loadFromXML(final Config config, final InputStream in) throws IOException {
        ConfigBase.loadFromXML(config, in);
        return config;
    }

    @Override
    public void load(final InputStream is) throws IOException {
        super.load(is);
    }
}
