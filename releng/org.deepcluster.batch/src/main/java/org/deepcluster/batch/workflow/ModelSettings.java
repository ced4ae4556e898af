package org.deepcluster.batch.workflow;

import java.util.List;
import java.util.stream.Collectors;

import org.deepcluster.standin.NodeHarness;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.config.base.ConfigBase;

/**
 * Produces the {@code model} config of a node's settings.xml exactly as KNIME would save it: a new node model of
 * the factory saves its defaults, the given (possibly partial) settings are laid over them, the model validates
 * and loads the result, and what it then saves is the model config. Keys the model does not know are reported,
 * so a typo in a setting name does not silently fall back to the default.
 */
public final class ModelSettings {

    private ModelSettings() {
    }

    /**
     * @param factory the node's factory
     * @return the model's default settings (keyed "model")
     */
    public static NodeSettings defaults(final NodeFactory<NodeModel> factory) {
        return NodeHarness.of(factory).saveSettings();
    }

    /**
     * @param factory the node's factory
     * @param partial settings to lay over the defaults (keyed anything; may be empty)
     * @return the complete model settings, as the model saves them
     * @throws InvalidSettingsException if the model rejects the settings or does not know one of the given keys
     */
    public static NodeSettings complete(final NodeFactory<NodeModel> factory, final ConfigBase partial)
        throws InvalidSettingsException {
        NodeHarness<NodeModel> harness = NodeHarness.of(factory);
        NodeSettings merged = harness.saveSettings();
        ConfigTrees.overlay(merged, partial);
        harness.loadSettings(merged);
        NodeSettings saved = harness.saveSettings();
        List<String> unknown = ConfigTrees.leafPaths(partial).stream()
            .filter(p -> ConfigTrees.find(saved, p) == null).map(p -> String.join("/", p)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidSettingsException("unknown setting" + (unknown.size() > 1 ? "s " : " ")
                + String.join(", ", unknown) + " (the node's settings are: " + describe(saved) + ")");
        }
        return saved;
    }

    /**
     * @param settings model settings
     * @return their leaf paths with types, e.g. "k (xint), seed (xlong)"
     */
    public static String describe(final ConfigBase settings) {
        return ConfigTrees.leafPaths(settings).stream()
            .map(p -> String.join("/", p) + " (" + ConfigTrees.typeName(ConfigTrees.find(settings, p)) + ")")
            .collect(Collectors.joining(", "));
    }
}
