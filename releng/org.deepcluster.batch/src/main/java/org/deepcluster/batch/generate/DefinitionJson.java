package org.deepcluster.batch.generate;

import java.io.IOException;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.deepcluster.batch.workflow.Connection;
import org.deepcluster.batch.workflow.FlowVariables;
import org.deepcluster.batch.workflow.ModelSettings;
import org.deepcluster.batch.workflow.NodeBounds;
import org.deepcluster.batch.workflow.NodeDefinition;
import org.deepcluster.batch.workflow.NodeFactories;
import org.deepcluster.batch.workflow.NodeFactories.FactoryNotAvailableException;
import org.deepcluster.batch.workflow.VariableBinding;
import org.deepcluster.batch.workflow.WorkflowDefinition;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.workflow.FlowVariable;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

/**
 * Reads a workflow definition: a small JSON file (comments with // or # allowed) that says which nodes a workflow
 * has, how they are set and how they are connected. Example (see the module README for all fields):
 *
 * <pre>
 * {
 *   "name": "kmeans-on-blobs",
 *   "description": "Cluster Gaussian blobs with k-means and score against the truth.",
 *   "variables": { "k": 3 },
 *   "nodes": [
 *     { "id": 1, "node": "Synthetic Data Generator", "settings": { "rows": 300 } },
 *     { "id": 2, "node": "k-Means", "settings": { "restarts": 5 }, "variables": { "k": "k" },
 *       "annotation": "k-means" },
 *     { "id": 3, "node": "Clustering Scorer",
 *       "settings": { "reference_column": "label", "cluster_column": "Cluster" } }
 *   ],
 *   "connections": [ { "from": 1, "to": 2 }, { "from": 2, "to": 3 } ]
 * }
 * </pre>
 */
public final class DefinitionJson {

    private static final Set<String> TOP_KEYS =
        Set.of("name", "description", "author", "created", "variables", "nodes", "connections");

    private static final Set<String> NODE_KEYS =
        Set.of("id", "node", "name", "settings", "variables", "expose", "annotation", "position");

    private static final Set<String> CONNECTION_KEYS = Set.of("from", "fromPort", "to", "toPort", "flowVariables");

    private final NodeCatalog m_catalog;

    private final NodeFactories m_factories;

    /**
     * @param catalog resolves node names
     * @param factories creates factories (for defaults)
     */
    public DefinitionJson(final NodeCatalog catalog, final NodeFactories factories) {
        m_catalog = catalog;
        m_factories = factories;
    }

    /**
     * @param text the definition
     * @param defaultName the workflow name if the definition has none (e.g. the file name without .json)
     * @return the workflow
     * @throws DefinitionException if the text is no valid definition (the message says where)
     */
    public WorkflowDefinition parse(final String text, final String defaultName) throws DefinitionException {
        JsonObject root = object(parseJson(text), "the definition");
        checkKeys(root, TOP_KEYS, "the definition");
        String name = optionalString(root, "name", "name");
        String description = optionalString(root, "description", "description");
        String author = optionalString(root, "author", "author");
        OffsetDateTime created = null;
        String createdText = optionalString(root, "created", "created");
        if (createdText != null) {
            try {
                created = OffsetDateTime.parse(createdText);
            } catch (DateTimeParseException e) {
                throw new DefinitionException("created: \"" + createdText
                    + "\" is not a date like 2026-01-15T10:00:00+01:00", e);
            }
        }
        List<FlowVariable> variables = variables(root.get("variables"));
        List<NodeDefinition> nodes = new ArrayList<>();
        JsonArray nodeArray = array(root.get("nodes"), "nodes");
        for (int i = 0; i < nodeArray.size(); i++) {
            nodes.add(node(object(nodeArray.get(i), "nodes[" + i + "]"), "nodes[" + i + "]"));
        }
        List<Connection> connections = new ArrayList<>();
        if (root.has("connections")) {
            JsonArray c = array(root.get("connections"), "connections");
            for (int i = 0; i < c.size(); i++) {
                connections.add(connection(object(c.get(i), "connections[" + i + "]"), "connections[" + i + "]"));
            }
        }
        try {
            return new WorkflowDefinition(name != null ? name : defaultName, description, author, created, variables,
                nodes, connections);
        } catch (IllegalArgumentException e) {
            throw new DefinitionException(e.getMessage(), e);
        }
    }

    private static JsonElement parseJson(final String text) throws DefinitionException {
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setLenient(true); // comments, unquoted keys
            JsonElement e = new JsonParser().parse(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new DefinitionException("text after the end of the definition");
            }
            return e;
        } catch (JsonParseException | IOException | IllegalStateException e) {
            throw new DefinitionException("not valid JSON: " + e.getMessage(), e);
        }
    }

    private List<FlowVariable> variables(final JsonElement json) throws DefinitionException {
        List<FlowVariable> result = new ArrayList<>();
        if (json == null) {
            return result;
        }
        for (Map.Entry<String, JsonElement> e : object(json, "variables").entrySet()) {
            String at = "variables." + e.getKey();
            JsonElement v = e.getValue();
            try {
                if (v.isJsonObject()) {
                    JsonObject o = v.getAsJsonObject();
                    checkKeys(o, Set.of("type", "value"), at);
                    result.add(FlowVariables.parse(e.getKey(), primitive(o.get("value"), at + ".value").getAsString(),
                        string(o.get("type"), at + ".type")));
                } else {
                    JsonPrimitive p = primitive(v, at);
                    String type = p.isBoolean() ? "boolean" : p.isString() ? "String"
                        : SettingsJson.isIntegerLiteral(p) ? "int" : "double"; // 3 is an int, 3.0 a double
                    result.add(FlowVariables.parse(e.getKey(), p.getAsString(), type));
                }
            } catch (IllegalArgumentException ex) {
                throw new DefinitionException(at + ": " + ex.getMessage(), ex);
            }
        }
        return result;
    }

    private NodeDefinition node(final JsonObject o, final String at) throws DefinitionException {
        checkKeys(o, NODE_KEYS, at);
        int id = integer(o.get("id"), at + ".id");
        String factoryClass = m_catalog.factoryClass(string(o.get("node"), at + ".node"), at + ".node");
        NodeFactory<NodeModel> factory;
        try {
            factory = m_factories.create(factoryClass);
        } catch (FactoryNotAvailableException e) {
            throw new DefinitionException(at + ".node: " + e.getMessage(), e);
        }
        String name = optionalString(o, "name", at + ".name");
        NodeSettings model = o.has("settings")
            ? SettingsJson.toSettings(object(o.get("settings"), at + ".settings"), ModelSettings.defaults(factory),
                at + ".settings")
            : new NodeSettings("model");
        List<VariableBinding> bindings = new ArrayList<>();
        if (o.has("variables")) {
            for (Map.Entry<String, JsonElement> e : object(o.get("variables"), at + ".variables").entrySet()) {
                bindings.add(VariableBinding.uses(e.getKey(), string(e.getValue(), at + ".variables." + e.getKey())));
            }
        }
        if (o.has("expose")) {
            for (Map.Entry<String, JsonElement> e : object(o.get("expose"), at + ".expose").entrySet()) {
                bindings.add(VariableBinding.exposes(e.getKey(), string(e.getValue(), at + ".expose." + e.getKey())));
            }
        }
        NodeBounds bounds = null;
        if (o.has("position")) {
            JsonArray p = array(o.get("position"), at + ".position");
            if (p.size() != 2) {
                throw new DefinitionException(at + ".position: expected [x, y]");
            }
            bounds = NodeBounds.at(integer(p.get(0), at + ".position[0]"), integer(p.get(1), at + ".position[1]"));
        }
        try {
            return new NodeDefinition(id, name != null ? name : factory.getNodeName(), factoryClass, model, bounds,
                bindings, optionalString(o, "annotation", at + ".annotation"));
        } catch (IllegalArgumentException e) {
            throw new DefinitionException(at + ": " + e.getMessage(), e);
        }
    }

    private static Connection connection(final JsonObject o, final String at) throws DefinitionException {
        checkKeys(o, CONNECTION_KEYS, at);
        int from = integer(o.get("from"), at + ".from");
        int to = integer(o.get("to"), at + ".to");
        boolean flowVariables = o.has("flowVariables") && bool(o.get("flowVariables"), at + ".flowVariables");
        if (flowVariables) {
            if (o.has("fromPort") || o.has("toPort")) {
                throw new DefinitionException(at + ": a flowVariables connection has no ports");
            }
            return Connection.flowVariables(from, to);
        }
        int fromPort = o.has("fromPort") ? integer(o.get("fromPort"), at + ".fromPort") : 0;
        int toPort = o.has("toPort") ? integer(o.get("toPort"), at + ".toPort") : 0;
        if (fromPort < 0 || toPort < 0) {
            throw new DefinitionException(at + ": ports count from 0 (the first data port)");
        }
        return new Connection(from, fromPort, to, toPort);
    }

    // ---------------------------------------------------------------- JSON helpers with messages

    private static void checkKeys(final JsonObject o, final Set<String> allowed, final String at)
        throws DefinitionException {
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            String key = e.getKey();
            if (!allowed.contains(key)) {
                throw new DefinitionException(at + ": unknown field \"" + key + "\" (known: "
                    + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private static JsonObject object(final JsonElement e, final String at) throws DefinitionException {
        if (e == null || !e.isJsonObject()) {
            throw new DefinitionException(at + ": expected an object { ... }");
        }
        return e.getAsJsonObject();
    }

    private static JsonArray array(final JsonElement e, final String at) throws DefinitionException {
        if (e == null || !e.isJsonArray()) {
            throw new DefinitionException(at + ": expected a list [ ... ]");
        }
        return e.getAsJsonArray();
    }

    private static JsonPrimitive primitive(final JsonElement e, final String at) throws DefinitionException {
        if (e == null || !e.isJsonPrimitive()) {
            throw new DefinitionException(at + ": expected a number, text or true/false");
        }
        return e.getAsJsonPrimitive();
    }

    private static String string(final JsonElement e, final String at) throws DefinitionException {
        JsonPrimitive p = primitive(e, at);
        if (!p.isString()) {
            throw new DefinitionException(at + ": expected a text in quotes");
        }
        return p.getAsString();
    }

    private static String optionalString(final JsonObject o, final String key, final String at)
        throws DefinitionException {
        return o.has(key) && !o.get(key).isJsonNull() ? string(o.get(key), at) : null;
    }

    private static int integer(final JsonElement e, final String at) throws DefinitionException {
        JsonPrimitive p = primitive(e, at);
        try {
            if (!p.isNumber()) {
                throw new NumberFormatException();
            }
            return p.getAsBigDecimal().intValueExact();
        } catch (ArithmeticException | NumberFormatException ex) {
            throw new DefinitionException(at + ": expected a whole number, got " + e);
        }
    }

    private static boolean bool(final JsonElement e, final String at) throws DefinitionException {
        JsonPrimitive p = primitive(e, at);
        if (!p.isBoolean()) {
            throw new DefinitionException(at + ": expected true or false");
        }
        return p.getAsBoolean();
    }
}
