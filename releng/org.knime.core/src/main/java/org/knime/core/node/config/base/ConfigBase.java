package org.knime.core.node.config.base;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;

import javax.xml.parsers.ParserConfigurationException;

import org.knime.core.node.InvalidSettingsException;
import org.xml.sax.SAXException;

/**
 * A keyed tree of typed entries and nested configs, kept in insertion order. Arrays are stored the way KNIME stores
 * them: as a nested config holding {@code array-size} and the elements under the keys "0".."n-1"; a null array is a
 * nested config without {@code array-size}.
 */
public abstract class ConfigBase extends AbstractConfigEntry implements ConfigBaseRO, ConfigBaseWO {

    /** Key of the element count inside an array config. */
    static final String CFG_ARRAY_SIZE = "array-size";

    private final Map<String, AbstractConfigEntry> m_map = new LinkedHashMap<>();

    /** @param key the key of this config */
    public ConfigBase(final String key) {
        super(ConfigEntries.config, key);
    }

    /**
     * Stores an entry under its key, replacing an existing one.
     *
     * @param e the entry
     */
    protected void put(final AbstractConfigEntry e) {
        e.setParent(this);
        m_map.put(e.getKey(), e);
    }

    /**
     * @param key the key
     * @return the entry or null
     */
    protected AbstractConfigEntry get(final String key) {
        return m_map.get(key);
    }

    /**
     * Creates an empty config of the same kind as this one (NodeSettings creates NodeSettings, and so on).
     *
     * @param key the key of the new config
     * @return the new config
     */
    public abstract ConfigBase getInstance(String key);

    @Override
    public final ConfigBase addConfigBase(final String key) {
        ConfigBase config = getInstance(key);
        put(config);
        return config;
    }

    /**
     * Stores the given config (not a copy) under its own key.
     *
     * @param config the nested config
     */
    protected final void addConfigBase(final ConfigBase config) {
        put(config);
    }

    @Override
    public final ConfigBase getConfigBase(final String key) throws InvalidSettingsException {
        AbstractConfigEntry e = get(key);
        if (e instanceof ConfigBase c) {
            return c;
        }
        throw notFound("ConfigBase", key, e);
    }

    /**
     * @param key the key
     * @return the removed entry or null if there was none
     */
    public final AbstractConfigEntry removeConfig(final String key) {
        return m_map.remove(key);
    }

    // ---------------------------------------------------------------- scalar values

    private void putValue(final ConfigEntries type, final String key, final Object value) {
        put(new ConfigValueEntry(type, key, value));
    }

    /** The stored value if the entry exists and has the given type, else throws naming the key. */
    private Object value(final String key, final ConfigEntries type, final String what)
        throws InvalidSettingsException {
        AbstractConfigEntry e = get(key);
        if (e instanceof ConfigValueEntry v && e.getType() == type) {
            return v.value();
        }
        throw notFound(what, key, e);
    }

    /** Lenient variant for the getters with default value. */
    private Object valueOr(final String key, final ConfigEntries type, final Object def) {
        AbstractConfigEntry e = get(key);
        return e instanceof ConfigValueEntry v && e.getType() == type ? v.value() : def;
    }

    /** KNIME's message ("Int for key "k" not found.") plus the actual type when the key holds something else. */
    static InvalidSettingsException notFound(final String what, final String key, final AbstractConfigEntry found) {
        String msg = what + " for key \"" + key + "\" not found.";
        if (found != null) {
            msg += " (The entry has type " + found.getType() + ".)";
        }
        return new InvalidSettingsException(msg);
    }

    @Override
    public void addInt(final String key, final int value) {
        putValue(ConfigEntries.xint, key, value);
    }

    @Override
    public int getInt(final String key) throws InvalidSettingsException {
        return (Integer)value(key, ConfigEntries.xint, "Int");
    }

    @Override
    public int getInt(final String key, final int def) {
        return (Integer)valueOr(key, ConfigEntries.xint, def);
    }

    @Override
    public void addDouble(final String key, final double value) {
        putValue(ConfigEntries.xdouble, key, value);
    }

    @Override
    public double getDouble(final String key) throws InvalidSettingsException {
        return (Double)value(key, ConfigEntries.xdouble, "Double");
    }

    @Override
    public double getDouble(final String key, final double def) {
        return (Double)valueOr(key, ConfigEntries.xdouble, def);
    }

    @Override
    public void addFloat(final String key, final float value) {
        putValue(ConfigEntries.xfloat, key, value);
    }

    @Override
    public float getFloat(final String key) throws InvalidSettingsException {
        return (Float)value(key, ConfigEntries.xfloat, "Float");
    }

    @Override
    public float getFloat(final String key, final float def) {
        return (Float)valueOr(key, ConfigEntries.xfloat, def);
    }

    @Override
    public void addChar(final String key, final char value) {
        putValue(ConfigEntries.xchar, key, value);
    }

    @Override
    public char getChar(final String key) throws InvalidSettingsException {
        return (Character)value(key, ConfigEntries.xchar, "Char");
    }

    @Override
    public char getChar(final String key, final char def) {
        return (Character)valueOr(key, ConfigEntries.xchar, def);
    }

    @Override
    public void addShort(final String key, final short value) {
        putValue(ConfigEntries.xshort, key, value);
    }

    @Override
    public short getShort(final String key) throws InvalidSettingsException {
        return (Short)value(key, ConfigEntries.xshort, "Short");
    }

    @Override
    public short getShort(final String key, final short def) {
        return (Short)valueOr(key, ConfigEntries.xshort, def);
    }

    @Override
    public void addLong(final String key, final long value) {
        putValue(ConfigEntries.xlong, key, value);
    }

    @Override
    public long getLong(final String key) throws InvalidSettingsException {
        return (Long)value(key, ConfigEntries.xlong, "Long");
    }

    @Override
    public long getLong(final String key, final long def) {
        return (Long)valueOr(key, ConfigEntries.xlong, def);
    }

    @Override
    public void addByte(final String key, final byte value) {
        putValue(ConfigEntries.xbyte, key, value);
    }

    @Override
    public byte getByte(final String key) throws InvalidSettingsException {
        return (Byte)value(key, ConfigEntries.xbyte, "Byte");
    }

    @Override
    public byte getByte(final String key, final byte def) {
        return (Byte)valueOr(key, ConfigEntries.xbyte, def);
    }

    @Override
    public void addString(final String key, final String value) {
        putValue(ConfigEntries.xstring, key, value);
    }

    @Override
    public String getString(final String key) throws InvalidSettingsException {
        return (String)value(key, ConfigEntries.xstring, "String");
    }

    @Override
    public String getString(final String key, final String def) {
        return (String)valueOr(key, ConfigEntries.xstring, def);
    }

    @Override
    public void addBoolean(final String key, final boolean value) {
        putValue(ConfigEntries.xboolean, key, value);
    }

    @Override
    public boolean getBoolean(final String key) throws InvalidSettingsException {
        return (Boolean)value(key, ConfigEntries.xboolean, "Boolean");
    }

    @Override
    public boolean getBoolean(final String key, final boolean def) {
        return (Boolean)valueOr(key, ConfigEntries.xboolean, def);
    }

    /**
     * @param key the key
     * @param value kept in memory only; never written to XML
     */
    @Override
    public void addTransientString(final String key, final String value) {
        putValue(ConfigEntries.xtransientstring, key, value);
    }

    @Override
    public String getTransientString(final String key) {
        return (String)valueOr(key, ConfigEntries.xtransientstring, null);
    }

    // ---------------------------------------------------------------- arrays

    /** Writes an array config; a null array gets no "array-size" entry. */
    private void putArray(final String key, final int length, final ConfigEntries type,
        final IntFunction<Object> element) {
        ConfigBase array = addConfigBase(key);
        if (length < 0) {
            return;
        }
        array.addInt(CFG_ARRAY_SIZE, length);
        for (int i = 0; i < length; i++) {
            array.putValue(type, Integer.toString(i), element.apply(i));
        }
    }

    /** Reads an array config: returns the boxed elements, or null for a null array. */
    private Object[] array(final String key, final ConfigEntries type, final String what)
        throws InvalidSettingsException {
        ConfigBase array = getConfigBase(key);
        int size = array.getInt(CFG_ARRAY_SIZE, -1);
        if (size < 0) {
            return null;
        }
        Object[] result = new Object[size];
        for (int i = 0; i < size; i++) {
            try {
                result[i] = array.value(Integer.toString(i), type, what);
            } catch (InvalidSettingsException e) {
                throw new InvalidSettingsException(
                    "Array for key \"" + key + "\" is broken: " + e.getMessage(), e);
            }
        }
        return result;
    }

    @Override
    public void addIntArray(final String key, final int... values) {
        putArray(key, values == null ? -1 : values.length, ConfigEntries.xint, i -> values[i]);
    }

    @Override
    public int[] getIntArray(final String key) throws InvalidSettingsException {
        Object[] a = array(key, ConfigEntries.xint, "Int");
        if (a == null) {
            return null;
        }
        int[] r = new int[a.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = (Integer)a[i];
        }
        return r;
    }

    @Override
    public int[] getIntArray(final String key, final int... def) {
        try {
            return getIntArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addDoubleArray(final String key, final double... values) {
        putArray(key, values == null ? -1 : values.length, ConfigEntries.xdouble, i -> values[i]);
    }

    @Override
    public double[] getDoubleArray(final String key) throws InvalidSettingsException {
        Object[] a = array(key, ConfigEntries.xdouble, "Double");
        if (a == null) {
            return null;
        }
        double[] r = new double[a.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = (Double)a[i];
        }
        return r;
    }

    @Override
    public double[] getDoubleArray(final String key, final double... def) {
        try {
            return getDoubleArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addFloatArray(final String key, final float... values) {
        putArray(key, values == null ? -1 : values.length, ConfigEntries.xfloat, i -> values[i]);
    }

    @Override
    public float[] getFloatArray(final String key) throws InvalidSettingsException {
        Object[] a = array(key, ConfigEntries.xfloat, "Float");
        if (a == null) {
            return null;
        }
        float[] r = new float[a.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = (Float)a[i];
        }
        return r;
    }

    @Override
    public float[] getFloatArray(final String key, final float... def) {
        try {
            return getFloatArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addLongArray(final String key, final long... values) {
        putArray(key, values == null ? -1 : values.length, ConfigEntries.xlong, i -> values[i]);
    }

    @Override
    public long[] getLongArray(final String key) throws InvalidSettingsException {
        Object[] a = array(key, ConfigEntries.xlong, "Long");
        if (a == null) {
            return null;
        }
        long[] r = new long[a.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = (Long)a[i];
        }
        return r;
    }

    @Override
    public long[] getLongArray(final String key, final long... def) {
        try {
            return getLongArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addBooleanArray(final String key, final boolean... values) {
        putArray(key, values == null ? -1 : values.length, ConfigEntries.xboolean, i -> values[i]);
    }

    @Override
    public boolean[] getBooleanArray(final String key) throws InvalidSettingsException {
        Object[] a = array(key, ConfigEntries.xboolean, "Boolean");
        if (a == null) {
            return null;
        }
        boolean[] r = new boolean[a.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = (Boolean)a[i];
        }
        return r;
    }

    @Override
    public boolean[] getBooleanArray(final String key, final boolean... def) {
        try {
            return getBooleanArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addStringArray(final String key, final String... values) {
        putArray(key, values == null ? -1 : values.length, ConfigEntries.xstring, i -> values[i]);
    }

    @Override
    public String[] getStringArray(final String key) throws InvalidSettingsException {
        Object[] a = array(key, ConfigEntries.xstring, "String");
        if (a == null) {
            return null;
        }
        String[] r = new String[a.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = (String)a[i];
        }
        return r;
    }

    @Override
    public String[] getStringArray(final String key, final String... def) {
        try {
            return getStringArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    // ---------------------------------------------------------------- structure

    @Override
    public Set<String> keySet() {
        return Collections.unmodifiableSet(m_map.keySet());
    }

    @Override
    public boolean containsKey(final String key) {
        return m_map.containsKey(key);
    }

    /**
     * @param key the key
     * @return the entry (value or nested config) or null
     */
    public AbstractConfigEntry getEntry(final String key) {
        return get(key);
    }

    /** @param entry an entry to store under its own key */
    public void addEntry(final AbstractConfigEntry entry) {
        put(entry);
    }

    @Override
    public final Iterator<String> iterator() {
        return keySet().iterator();
    }

    /** @return the key of this config (a config has no single value) */
    @Override
    public final String toStringValue() {
        return getKey();
    }

    @Override
    boolean hasSameValue(final AbstractConfigEntry other) {
        ConfigBase o = (ConfigBase)other;
        if (!m_map.keySet().equals(o.m_map.keySet())) {
            return false;
        }
        for (Map.Entry<String, AbstractConfigEntry> e : m_map.entrySet()) {
            if (!e.getValue().isIdentical(o.m_map.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        appendTo(sb, 0);
        return sb.toString();
    }

    private void appendTo(final StringBuilder sb, final int depth) {
        sb.append("  ".repeat(depth)).append(getKey()).append(":\n");
        for (AbstractConfigEntry e : m_map.values()) {
            if (e instanceof ConfigBase c) {
                c.appendTo(sb, depth + 1);
            } else {
                sb.append("  ".repeat(depth + 1)).append(e.getKey()).append(" (").append(e.getType()).append(")=")
                    .append(e.toStringValue()).append('\n');
            }
        }
    }

    @Override
    public final void saveToXML(final OutputStream os) throws IOException {
        XMLConfig.save(this, Objects.requireNonNull(os, "Output stream must not be null"));
    }

    /**
     * Reads XML into the given config (entries are added to it; its key becomes the root key of the document) and
     * closes the stream, as KNIME does.
     *
     * @param config the config to fill
     * @param in the stream
     * @return the config
     * @throws IOException if reading or parsing fails
     */
    protected static ConfigBase loadFromXML(final ConfigBase config, final InputStream in) throws IOException {
        Objects.requireNonNull(in, "Input stream must not be null");
        try (InputStream closeMe = in) {
            XMLConfig.load(config, closeMe);
        } catch (SAXException | ParserConfigurationException e) {
            throw new IOException("Unable to parse xml: " + e.getMessage(), e);
        }
        return config;
    }

    /**
     * Replaces the content of this config with the XML from the stream.
     *
     * @param is the stream (closed afterwards)
     * @throws IOException if reading or parsing fails
     */
    public void load(final InputStream is) throws IOException {
        m_map.clear();
        loadFromXML(this, is);
    }

    /**
     * Deep-copies all entries into the destination (nested configs are created with the destination's kind).
     *
     * @param dest the destination
     */
    @Override
    public void copyTo(final ConfigBaseWO dest) {
        ConfigBase target = (ConfigBase)dest;
        for (AbstractConfigEntry e : m_map.values()) {
            if (e instanceof ConfigBase c) {
                c.copyTo(target.addConfigBase(c.getKey()));
            } else {
                ConfigValueEntry v = (ConfigValueEntry)e;
                target.put(new ConfigValueEntry(v.getType(), v.getKey(), v.value()));
            }
        }
    }

    /** Entries in insertion order, for the XML writer. */
    final Iterable<AbstractConfigEntry> entries() {
        return m_map.values();
    }
}
