package org.deepcluster.batch.workflow;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.config.base.AbstractConfigEntry;
import org.knime.core.node.config.base.ConfigBase;
import org.knime.core.node.config.base.ConfigEntries;

/**
 * Path-based operations on KNIME configs (settings trees): find an entry by its path of keys, copy entries
 * between configs, overlay one config onto another. Arrays are configs with an {@code array-size} entry and are
 * treated as single values.
 */
public final class ConfigTrees {

    /** The entry that marks a config as an array (KNIME's {@code ConfigBase.CFG_ARRAY_SIZE}). */
    public static final String ARRAY_SIZE_KEY = "array-size";

    private ConfigTrees() {
    }

    /**
     * @param config a config
     * @return whether it holds an array (an {@code array-size} entry)
     */
    public static boolean isArray(final ConfigBase config) {
        return config.containsKey(ARRAY_SIZE_KEY);
    }

    /**
     * @param root the config to search
     * @param path the keys from the root to the entry
     * @return the entry, or null if a key on the way does not exist or is no config
     */
    public static AbstractConfigEntry find(final ConfigBase root, final List<String> path) {
        AbstractConfigEntry current = root;
        for (String key : path) {
            if (!(current instanceof ConfigBase c) || !c.containsKey(key)) {
                return null;
            }
            current = c.getEntry(key);
        }
        return current;
    }

    /**
     * @param root the config
     * @param path keys of nested configs
     * @return the nested config at the path
     * @throws InvalidSettingsException if a key is missing or not a config (the message names the path)
     */
    public static ConfigBase config(final ConfigBase root, final List<String> path) throws InvalidSettingsException {
        ConfigBase current = root;
        List<String> walked = new ArrayList<>();
        for (String key : path) {
            walked.add(key);
            if (!current.containsKey(key) || current.getEntry(key).getType() != ConfigEntries.config) {
                throw new InvalidSettingsException(
                    "there is no config \"" + String.join("/", walked) + "\" in " + root.getKey());
            }
            current = current.getConfigBase(key);
        }
        return current;
    }

    /**
     * Puts a copy of an entry into a config (replacing an entry with the same key at its position).
     *
     * @param target the config to change
     * @param entry the entry to copy (deeply, for configs)
     */
    public static void putCopy(final ConfigBase target, final AbstractConfigEntry entry) {
        if (entry instanceof ConfigBase source) {
            ConfigBase copy = target.addConfigBase(source.getKey());
            for (String key : source.keySet()) {
                putCopy(copy, source.getEntry(key));
            }
        } else {
            target.addEntry(entry.getType().createEntry(entry.getKey(), entry.toStringValue()));
        }
    }

    /**
     * @param source settings
     * @return a deep copy with the same key
     */
    public static NodeSettings copy(final ConfigBase source) {
        return copyAs(source.getKey(), source);
    }

    /**
     * @param key the key of the copy
     * @param source settings
     * @return a deep copy under another key
     */
    public static NodeSettings copyAs(final String key, final ConfigBase source) {
        NodeSettings copy = new NodeSettings(key);
        for (String k : source.keySet()) {
            putCopy(copy, source.getEntry(k));
        }
        return copy;
    }

    /**
     * Overlays {@code source} onto {@code target}: entries of the source replace those of the target, nested
     * configs are merged recursively (arrays are replaced as a whole), entries the target lacks are added.
     *
     * @param target the config to change
     * @param source the entries to put in
     */
    public static void overlay(final ConfigBase target, final ConfigBase source) {
        for (String key : source.keySet()) {
            AbstractConfigEntry s = source.getEntry(key);
            AbstractConfigEntry t = target.containsKey(key) ? target.getEntry(key) : null;
            if (s instanceof ConfigBase sc && !isArray(sc) && t instanceof ConfigBase tc && !isArray(tc)) {
                overlay(tc, sc);
            } else {
                putCopy(target, s);
            }
        }
    }

    /**
     * @param root a config
     * @return the paths of all its leaves (value entries, arrays and empty configs)
     */
    public static List<List<String>> leafPaths(final ConfigBase root) {
        List<List<String>> result = new ArrayList<>();
        collectLeaves(root, new ArrayList<>(), result);
        return result;
    }

    private static void collectLeaves(final ConfigBase config, final List<String> prefix,
        final List<List<String>> out) {
        for (String key : config.keySet()) {
            AbstractConfigEntry e = config.getEntry(key);
            List<String> path = new ArrayList<>(prefix);
            path.add(key);
            if (e instanceof ConfigBase c && !isArray(c) && !c.keySet().isEmpty()) {
                collectLeaves(c, path, out);
            } else {
                out.add(path);
            }
        }
    }

    /**
     * @param entry an entry
     * @return its XMLConfig type name, or "config" / "array" for nested configs
     */
    public static String typeName(final AbstractConfigEntry entry) {
        if (entry instanceof ConfigBase c) {
            return isArray(c) ? "array" : "config";
        }
        return entry.getType().name();
    }
}
