package org.deepcluster.batch.workflow;

import java.util.List;

/**
 * File names, keys and version strings of KNIME's workflow format (KNIME 5.x, {@code LoadVersion.V5100}), as
 * KNIME's {@code FileWorkflowPersistor}, {@code FileSingleNodeContainerPersistor}, {@code FileNodePersistor} and
 * {@code NodeAndBundleInformationPersistor} write them (knime-core, releases/2025-12).
 */
public final class WorkflowKeys {

    /** The workflow file in a workflow folder. */
    public static final String WORKFLOW_FILE = "workflow.knime";

    /** The settings file in a node folder. */
    public static final String SETTINGS_FILE = "settings.xml";

    /** The workflow metadata (description, author) since KNIME 5.1. */
    public static final String METADATA_FILE = "workflow-metadata.xml";

    /** The load version we write: KNIME's newest ({@code LoadVersion.V5100}). */
    public static final String LOAD_VERSION = "5.1.0";

    /**
     * The load versions whose layout we read (settings.xml-only node folders with node_type, KNIME 2.10 and later).
     */
    public static final List<String> READABLE_LOAD_VERSIONS =
        List.of("2.10.0", "3.1.0", "3.6.0Pre", "3.7.0", "3.8.0", "4.1.0", "5.1.0");

    /**
     * The KNIME version we claim in {@code created_by}: never newer than the oldest KNIME we support (5.8), or KNIME
     * treats the workflow as created by a future version.
     */
    public static final String CREATED_BY = "5.8.0";

    /** The newest KNIME feature release whose workflows we read without a warning. */
    public static final int[] NEWEST_KNOWN_KNIME = {5, 8};

    // ---------------------------------------------------------------- workflow.knime

    /** Entry: the KNIME version that wrote the file. */
    public static final String CREATED_BY_KEY = "created_by";

    /** Entry: whether a nightly build wrote the file. */
    public static final String NIGHTLY_KEY = "created_by_nightly";

    /** Entry: the load version. */
    public static final String VERSION_KEY = "version";

    /** Entry (workflow.knime and settings.xml): the name (null for a workflow project, the node name for a node). */
    public static final String NAME_KEY = "name";

    /** Config: author and dates. */
    public static final String AUTHOR_INFORMATION_KEY = "authorInformation";

    /** Entry (workflow.knime and settings.xml): a custom description (null). */
    public static final String CUSTOM_DESCRIPTION_KEY = "customDescription";

    /** Entry (workflow.knime and settings.xml): the node container state. */
    public static final String STATE_KEY = "state";

    /** Config: workflow variables ({@code Var_i}: name, class, value). */
    public static final String WORKFLOW_VARIABLES_KEY = "workflow_variables";

    /** Config: credentials (we write it empty). */
    public static final String CREDENTIALS_KEY = "workflow_credentials";

    /** Config: the nodes ({@code node_<id>}). */
    public static final String NODES_KEY = "nodes";

    /** Config: the connections ({@code connection_<i>}). */
    public static final String CONNECTIONS_KEY = "connections";

    /** Config: editor grid and zoom. */
    public static final String EDITOR_SETTINGS_KEY = "workflow_editor_settings";

    /** Node entry: the node id. */
    public static final String ID_KEY = "id";

    /** Node entry: the settings file relative to the workflow folder. */
    public static final String NODE_SETTINGS_FILE_KEY = "node_settings_file";

    /** Node entry: whether the node is a metanode or component (obsolete, still written). */
    public static final String NODE_IS_META_KEY = "node_is_meta";

    /** Node entry: NativeNode, MetaNode or SubNode. */
    public static final String NODE_TYPE_KEY = "node_type";

    /** The node type of a native node. */
    public static final String NATIVE_NODE = "NativeNode";

    /** Node entry: the UI information class. */
    public static final String UI_CLASSNAME_KEY = "ui_classname";

    /** The UI information class KNIME writes for nodes. */
    public static final String NODE_UI_INFORMATION_CLASS = "org.knime.core.node.workflow.NodeUIInformation";

    /** Node config: the UI information. */
    public static final String UI_SETTINGS_KEY = "ui_settings";

    /** UI settings entry: the node bounds (int array x, y, width, height). */
    public static final String BOUNDS_KEY = "extrainfo.node.bounds";

    /** Connection entry: the source node id. */
    public static final String SOURCE_ID_KEY = "sourceID";

    /** Connection entry: the destination node id. */
    public static final String DEST_ID_KEY = "destID";

    /** Connection entry: the source port (0 = flow variables, data ports from 1). */
    public static final String SOURCE_PORT_KEY = "sourcePort";

    /** Connection entry: the destination port (0 = flow variables, data ports from 1). */
    public static final String DEST_PORT_KEY = "destPort";

    // ---------------------------------------------------------------- settings.xml

    /** Entry: the settings file name (for KNIME 2.7 and older). */
    public static final String NODE_FILE_KEY = "node_file";

    /** Config: flow variables the node owns. */
    public static final String FLOW_STACK_KEY = "flow_stack";

    /** Config: framework settings of the node. */
    public static final String INTERNAL_NODE_SUBSETTINGS_KEY = "internal_node_subsettings";

    /** Entry of internal_node_subsettings: the table memory policy. */
    public static final String MEMORY_POLICY_KEY = "memory_policy";

    /** KNIME's default memory policy. */
    public static final String DEFAULT_MEMORY_POLICY = "CacheSmallInMemory";

    /** Config: the node model's settings. */
    public static final String MODEL_KEY = "model";

    /** Config: flow variable bindings of model settings. */
    public static final String VARIABLES_KEY = "variables";

    /** Config: the text under the node. */
    public static final String NODE_ANNOTATION_KEY = "nodeAnnotation";

    /** Config: the node message (warning or error) of the last execution. */
    public static final String NODE_MESSAGE_KEY = "nodecontainer_message";

    /** Entry: the factory class name. */
    public static final String FACTORY_KEY = "factory";

    /** Entry: the node name (for "missing extension" messages). */
    public static final String NODE_NAME_KEY = "node-name";

    /** Entry: the name of the bundle that holds the factory. */
    public static final String BUNDLE_NAME_KEY = "node-bundle-name";

    /** Entry: the symbolic name of that bundle. */
    public static final String BUNDLE_SYMBOLIC_NAME_KEY = "node-bundle-symbolic-name";

    /** Entry: the bundle vendor. */
    public static final String BUNDLE_VENDOR_KEY = "node-bundle-vendor";

    /** Entry: the bundle version ("0.0.0" if unknown). */
    public static final String BUNDLE_VERSION_KEY = "node-bundle-version";

    /** Entry: the name of the feature that holds the bundle. */
    public static final String FEATURE_NAME_KEY = "node-feature-name";

    /** Entry: the feature's installable unit id ({@code <feature id>.feature.group}). */
    public static final String FEATURE_SYMBOLIC_NAME_KEY = "node-feature-symbolic-name";

    /** Entry: the feature vendor. */
    public static final String FEATURE_VENDOR_KEY = "node-feature-vendor";

    /** Entry: the feature version ("0.0.0" if unknown). */
    public static final String FEATURE_VERSION_KEY = "node-feature-version";

    /** Config: additional factory settings (empty for ordinary factories). */
    public static final String FACTORY_SETTINGS_KEY = "factory_settings";

    /** Entry: whether the node has saved data. */
    public static final String HAS_CONTENT_KEY = "hasContent";

    /** Entry: whether the node is in an inactive branch. */
    public static final String IS_INACTIVE_KEY = "isInactive";

    /** Config: the output ports ({@code port_<i>}, from 1: port 0 is the flow variable port). */
    public static final String PORTS_KEY = "ports";

    /** Port entry: the port index. */
    public static final String PORT_INDEX_KEY = "index";

    /** Port entry: the folder with the port's saved data (null: not saved). */
    public static final String PORT_DIR_LOCATION_KEY = "port_dir_location";

    /** Config: the node's file stores. */
    public static final String FILESTORES_KEY = "filestores";

    /** File store entry: location (null). */
    public static final String FILE_STORE_LOCATION_KEY = "file_store_location";

    /** File store entry: id (null). */
    public static final String FILE_STORE_ID_KEY = "file_store_id";

    /** Node state: configured (what KNIME writes for nodes that are ready to execute). */
    public static final String CONFIGURED = "CONFIGURED";

    /** Node state: not configurable (e.g. an input is not connected). */
    public static final String IDLE = "IDLE";

    private WorkflowKeys() {
    }
}
