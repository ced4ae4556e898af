package org.deepcluster.batch.generate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.deepcluster.batch.workflow.ConfigTrees;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.config.base.AbstractConfigEntry;
import org.knime.core.node.config.base.ConfigBase;
import org.knime.core.node.config.base.ConfigEntries;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Turns the {@code "settings"} object of a node in a workflow definition into model settings, typed like the
 * node's defaults: a JSON number becomes an xint, xlong or xdouble entry depending on what the node saves under
 * that key, a JSON array becomes a KNIME array config, a JSON object a nested config. Keys the node does not have
 * are errors (listing the keys it has), as are values of the wrong kind.
 */
public final class SettingsJson {

    private SettingsJson() {
    }

    /**
     * @param json the settings object
     * @param defaults the node's default model settings
     * @param where the place in the definition, e.g. "nodes[2].settings"
     * @return the given settings, typed (keyed "model"); only the keys in the JSON
     * @throws DefinitionException if a key is unknown or a value does not fit
     */
    public static NodeSettings toSettings(final JsonObject json, final NodeSettings defaults, final String where)
        throws DefinitionException {
        NodeSettings target = new NodeSettings("model");
        convert(json, defaults, target, where);
        return target;
    }

    private static void convert(final JsonObject json, final ConfigBase defaults, final ConfigBase target,
        final String where) throws DefinitionException {
        for (Map.Entry<String, JsonElement> e : json.entrySet()) {
            String key = e.getKey();
            String at = where + "." + key;
            if (!defaults.containsKey(key)) {
                throw new DefinitionException(at + ": the node has no setting \"" + key + "\"; its settings are: "
                    + describe(defaults));
            }
            AbstractConfigEntry d = defaults.getEntry(key);
            JsonElement value = e.getValue();
            if (d instanceof ConfigBase dc && (ConfigTrees.isArray(dc) || (dc.keySet().isEmpty()
                && value.isJsonArray()))) {
                array(value, dc, target, key, at);
            } else if (d instanceof ConfigBase dc) {
                if (!value.isJsonObject()) {
                    throw new DefinitionException(at + ": expected an object with the settings " + describe(dc));
                }
                convert(value.getAsJsonObject(), dc, target.addConfigBase(key), at);
            } else {
                target.addEntry(entry(d.getType(), key, value, at));
            }
        }
    }

    private static void array(final JsonElement value, final ConfigBase defaults, final ConfigBase target,
        final String key, final String at) throws DefinitionException {
        if (value.isJsonNull()) {
            target.addConfigBase(key); // a null array: no array-size
            return;
        }
        if (!value.isJsonArray()) {
            throw new DefinitionException(at + ": expected a list [ ... ]");
        }
        JsonArray a = value.getAsJsonArray();
        ConfigEntries type = defaults.containsKey("0") ? defaults.getEntry("0").getType() : inferType(a, at);
        ConfigBase array = target.addConfigBase(key);
        array.addInt(ConfigTrees.ARRAY_SIZE_KEY, a.size());
        for (int i = 0; i < a.size(); i++) {
            array.addEntry(entry(type, Integer.toString(i), a.get(i), at + "[" + i + "]"));
        }
    }

    private static ConfigEntries inferType(final JsonArray a, final String at) throws DefinitionException {
        if (a.size() == 0) {
            return ConfigEntries.xstring;
        }
        JsonElement first = a.get(0);
        if (first.isJsonPrimitive() && first.getAsJsonPrimitive().isBoolean()) {
            return ConfigEntries.xboolean;
        }
        if (first.isJsonPrimitive() && first.getAsJsonPrimitive().isNumber()) {
            boolean whole = true;
            for (JsonElement x : a) {
                whole &= x.isJsonPrimitive() && isIntegerLiteral(x.getAsJsonPrimitive());
            }
            return whole ? ConfigEntries.xint : ConfigEntries.xdouble;
        }
        if (first.isJsonPrimitive() || first.isJsonNull()) {
            return ConfigEntries.xstring;
        }
        throw new DefinitionException(at + ": a list of settings holds numbers, strings or booleans only");
    }

    /**
     * @param p a JSON value
     * @return whether it is a number written without fraction or exponent (3, not 3.0 or 3e0)
     */
    static boolean isIntegerLiteral(final JsonPrimitive p) {
        return p.isNumber() && p.getAsString().matches("-?\\d+");
    }

    private static boolean isWhole(final BigDecimal d) {
        return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
    }

    private static AbstractConfigEntry entry(final ConfigEntries type, final String key, final JsonElement value,
        final String at) throws DefinitionException {
        String text = text(type, value, at);
        try {
            return type.createEntry(key, text);
        } catch (IllegalArgumentException e) {
            throw new DefinitionException(at + ": " + value + " does not fit a setting of type " + type, e);
        }
    }

    private static String text(final ConfigEntries type, final JsonElement value, final String at)
        throws DefinitionException {
        JsonPrimitive p = value.isJsonPrimitive() ? value.getAsJsonPrimitive() : null;
        switch (type) {
            case xstring:
                if (value.isJsonNull()) {
                    return null;
                }
                if (p == null || !p.isString()) {
                    throw new DefinitionException(at + ": expected a text in quotes, got " + value);
                }
                return p.getAsString();
            case xchar:
                if (p == null || !p.isString() || p.getAsString().length() != 1) {
                    throw new DefinitionException(at + ": expected a single character in quotes, got " + value);
                }
                return p.getAsString();
            case xboolean:
                if (p == null || !p.isBoolean()) {
                    throw new DefinitionException(at + ": expected true or false, got " + value);
                }
                return Boolean.toString(p.getAsBoolean());
            case xint:
            case xlong:
            case xshort:
            case xbyte:
                if (p == null || !p.isNumber() || !isWhole(p.getAsBigDecimal())) {
                    throw new DefinitionException(at + ": expected a whole number, got " + value);
                }
                return p.getAsBigDecimal().toBigInteger().toString();
            case xdouble:
            case xfloat:
                if (p == null || !p.isNumber()) {
                    throw new DefinitionException(at + ": expected a number, got " + value);
                }
                return Double.toString(p.getAsBigDecimal().doubleValue());
            default:
                throw new DefinitionException(at + ": settings of type " + type + " cannot be given here");
        }
    }

    /**
     * @param config settings
     * @return their keys with types, without the settings models' "_Internals" configs
     */
    static String describe(final ConfigBase config) {
        List<String> parts = new ArrayList<>();
        for (String key : config.keySet()) {
            if (!key.endsWith("_Internals")) {
                parts.add(key + " (" + kind(config.getEntry(key)) + ")");
            }
        }
        return parts.stream().collect(Collectors.joining(", "));
    }

    private static String kind(final AbstractConfigEntry e) {
        if (e instanceof ConfigBase c) {
            return ConfigTrees.isArray(c) ? "list" : "object";
        }
        return switch (e.getType()) {
            case xint, xlong, xshort, xbyte -> "whole number";
            case xdouble, xfloat -> "number";
            case xboolean -> "true/false";
            default -> "text";
        };
    }
}
