package org.deepcluster.batch.workflow;

import static org.deepcluster.batch.workflow.WorkflowKeys.*;

import java.util.ArrayList;
import java.util.Optional;

import org.knime.core.node.NodeSettings;
import org.knime.core.node.config.base.ConfigBase;

/**
 * The content of a node folder's {@code settings.xml}, with the keys in the order KNIME 5.x writes them
 * ({@code FileSingleNodeContainerPersistor.save}: node_file, flow_stack, internal_node_subsettings, model,
 * variables; {@code FileNodeContainerMetaPersistor}: nodeAnnotation, customDescription, state,
 * nodecontainer_message; {@code NodeAndBundleInformationPersistor}: factory, node-*; factory_settings;
 * {@code FileNodePersistor}: name, hasContent, isInactive, ports, filestores).
 */
public final class NodeSettingsFile {

    /** The type of a node message ({@code NodeMessage.Type}). */
    public enum MessageType {
        /** A warning: the node executed. */
        WARNING,
        /** An error: the node failed. */
        ERROR
    }

    private NodeSettingsFile() {
    }

    /**
     * @param node the node
     * @param model its complete model settings
     * @param factoryNodeName the factory's node name (node-name)
     * @param bundle the factory's bundle, if known
     * @param factorySettings the factory's additional settings (usually empty)
     * @param outputPorts the number of data output ports
     * @param state {@link WorkflowKeys#CONFIGURED} or {@link WorkflowKeys#IDLE}
     * @return the settings.xml content (root key "settings.xml")
     */
    public static NodeSettings create(final NodeDefinition node, final NodeSettings model,
        final String factoryNodeName, final Optional<BundleInfo> bundle, final NodeSettings factorySettings,
        final int outputPorts, final String state) {
        NodeSettings s = new NodeSettings(SETTINGS_FILE);
        s.addString(NODE_FILE_KEY, SETTINGS_FILE);
        s.addNodeSettings(FLOW_STACK_KEY);
        s.addNodeSettings(INTERNAL_NODE_SUBSETTINGS_KEY).addString(MEMORY_POLICY_KEY, DEFAULT_MEMORY_POLICY);
        s.addNodeSettings(ConfigTrees.copyAs(MODEL_KEY, model));
        if (!node.variableBindings().isEmpty()) {
            VariableBindings.save(node.variableBindings(), (ConfigBase)s.addNodeSettings(VARIABLES_KEY));
        }
        if (node.annotation() != null && !node.annotation().isEmpty()) {
            NodeAnnotations.save(node.annotation(), node.bounds(), (ConfigBase)s.addNodeSettings(NODE_ANNOTATION_KEY));
        }
        s.addString(CUSTOM_DESCRIPTION_KEY, null);
        s.addString(STATE_KEY, state);
        s.addString(FACTORY_KEY, node.factoryClass());
        s.addString(NODE_NAME_KEY, factoryNodeName);
        s.addString(BUNDLE_NAME_KEY, bundle.map(BundleInfo::name).orElse(null));
        s.addString(BUNDLE_SYMBOLIC_NAME_KEY, bundle.map(BundleInfo::symbolicName).orElse(null));
        s.addString(BUNDLE_VENDOR_KEY, bundle.map(BundleInfo::vendor).orElse(null));
        s.addString(BUNDLE_VERSION_KEY, bundle.map(BundleInfo::releaseVersion).orElse("0.0.0"));
        Optional<FeatureInfo> feature = bundle.map(BundleInfo::feature);
        s.addString(FEATURE_NAME_KEY, feature.map(FeatureInfo::name).orElse(null));
        s.addString(FEATURE_SYMBOLIC_NAME_KEY, feature.map(FeatureInfo::symbolicName).orElse(null));
        s.addString(FEATURE_VENDOR_KEY, feature.map(FeatureInfo::vendor).orElse(null));
        s.addString(FEATURE_VERSION_KEY, feature.map(FeatureInfo::version).orElse("0.0.0"));
        s.addNodeSettings(ConfigTrees.copyAs(FACTORY_SETTINGS_KEY, factorySettings));
        s.addString(NAME_KEY, node.name());
        s.addBoolean(HAS_CONTENT_KEY, false);
        s.addBoolean(IS_INACTIVE_KEY, false);
        ConfigBase ports = (ConfigBase)s.addNodeSettings(PORTS_KEY);
        for (int p = 1; p <= outputPorts; p++) { // port 0 is the flow variable port, which is not listed
            ConfigBase port = ports.addConfigBase("port_" + p);
            port.addInt(PORT_INDEX_KEY, p);
            port.addString(PORT_DIR_LOCATION_KEY, null);
        }
        ConfigBase fileStores = (ConfigBase)s.addNodeSettings(FILESTORES_KEY);
        fileStores.addString(FILE_STORE_LOCATION_KEY, null);
        fileStores.addString(FILE_STORE_ID_KEY, null);
        return s;
    }

    /**
     * @param settingsXml a settings.xml content (not changed)
     * @param model the new model settings
     * @return a copy with the model replaced at its place
     */
    public static NodeSettings withModel(final NodeSettings settingsXml, final NodeSettings model) {
        NodeSettings result = new NodeSettings(settingsXml.getKey());
        for (String key : settingsXml.keySet()) {
            if (key.equals(MODEL_KEY)) {
                result.addNodeSettings(ConfigTrees.copyAs(MODEL_KEY, model));
            } else {
                ConfigTrees.putCopy(result, settingsXml.getEntry(key));
            }
        }
        return result;
    }

    /**
     * Records a batch run of the node, keeping every other entry as it was: the state becomes
     * {@link WorkflowKeys#CONFIGURED} (what KNIME can load without port data; executed outputs live in a side
     * folder KNIME ignores, see the module README) and the node message is replaced. A node KNIME had saved as
     * EXECUTED loses the references to KNIME's saved data (hasContent, port_dir_location, internalObjects,
     * filestores), because that data no longer belongs to the node's current outputs.
     *
     * @param settingsXml the settings.xml content (not changed)
     * @param messageType the message type, or null for no message
     * @param message the message text (if messageType is set)
     * @return the updated content (a new object, entries in KNIME's order)
     */
    public static NodeSettings afterRun(final NodeSettings settingsXml, final MessageType messageType,
        final String message) {
        boolean dropKnimeData = "EXECUTED".equals(settingsXml.getString(STATE_KEY, null));
        NodeSettings result = new NodeSettings(settingsXml.getKey());
        for (String key : settingsXml.keySet()) {
            if (key.equals(NODE_MESSAGE_KEY) || (dropKnimeData && key.equals("internalObjects"))) {
                continue;
            }
            if (key.equals(STATE_KEY)) {
                result.addString(STATE_KEY, CONFIGURED);
                if (messageType != null) {
                    ConfigBase m = (ConfigBase)result.addNodeSettings(NODE_MESSAGE_KEY);
                    m.addString("type", messageType.name());
                    m.addString("message", message);
                }
            } else if (dropKnimeData && key.equals(HAS_CONTENT_KEY)) {
                result.addBoolean(HAS_CONTENT_KEY, false);
            } else {
                ConfigTrees.putCopy(result, settingsXml.getEntry(key));
            }
        }
        if (dropKnimeData) {
            forgetSavedData(result);
        }
        return result;
    }

    private static void forgetSavedData(final NodeSettings settings) {
        if (settings.containsKey(PORTS_KEY) && settings.getEntry(PORTS_KEY) instanceof ConfigBase ports) {
            for (String key : new ArrayList<>(ports.keySet())) {
                if (ports.getEntry(key) instanceof ConfigBase port) {
                    ConfigBase cleaned = ports.addConfigBase(key);
                    cleaned.addInt(PORT_INDEX_KEY, port.getInt(PORT_INDEX_KEY, 0));
                    cleaned.addString(PORT_DIR_LOCATION_KEY, null);
                }
            }
        }
        if (settings.containsKey(FILESTORES_KEY)) {
            ConfigBase fileStores = settings.addConfigBase(FILESTORES_KEY);
            fileStores.addString(FILE_STORE_LOCATION_KEY, null);
            fileStores.addString(FILE_STORE_ID_KEY, null);
        }
    }
}
