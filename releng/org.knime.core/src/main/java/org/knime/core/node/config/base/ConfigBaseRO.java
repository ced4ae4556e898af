package org.knime.core.node.config.base;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Set;

import org.knime.core.node.InvalidSettingsException;

/**
 * Read access to a config tree. Getters without default throw {@link InvalidSettingsException} naming the key
 * when the entry is missing or has another type; getters with default return the default instead.
 */
public interface ConfigBaseRO extends Iterable<String> {

    /**
     * @param key the key
     * @return the nested config
     * @throws InvalidSettingsException if there is no nested config for the key
     */
    ConfigBase getConfigBase(String key) throws InvalidSettingsException;

    /**
     * Writes this config in KNIME's XMLConfig format and closes the stream.
     *
     * @param os the stream
     * @throws IOException if writing fails
     */
    void saveToXML(OutputStream os) throws IOException;

    /** @param config receives a deep copy of all entries */
    void copyTo(ConfigBaseWO config);

    /** @return the key of this config */
    String getKey();

    /**
     * @param key the key
     * @return the value
     * @throws InvalidSettingsException if missing or of another type
     */
    int getInt(String key) throws InvalidSettingsException;

    /**
     * @param key the key
     * @return the value
     * @throws InvalidSettingsException if missing or of another type
     */
    double getDouble(String key) throws InvalidSettingsException;

    /**
     * @param key the key
     * @return the value
     * @throws InvalidSettingsException if missing or of another type
     */
    char getChar(String key) throws InvalidSettingsException;

    /**
     * @param key the key
     * @return the value
     * @throws InvalidSettingsException if missing or of another type
     */
    short getShort(String key) throws InvalidSettingsException;

    /**
     * @param key the key
     * @return the value
     * @throws InvalidSettingsException if missing or of another type
     */
    long getLong(String key) throws InvalidSettingsException;

    /**
     * @param key the key
     * @return the value
     * @throws InvalidSettingsException if missing or of another type
     */
    byte getByte(String key) throws InvalidSettingsException;

    /**
     * @param key the key
     * @return the value (may be null)
     * @throws InvalidSettingsException if missing
     */
    String getString(String key) throws InvalidSettingsException;

    /** @return the keys in insertion order */
    Set<String> keySet();

    /**
     * @param key the key
     * @return whether an entry of any type exists
     */
    boolean containsKey(String key);

    /**
     * @param key the key
     * @return the value
     * @throws InvalidSettingsException if missing or of another type
     */
    boolean getBoolean(String key) throws InvalidSettingsException;

    /**
     * @param key the key
     * @param def default
     * @return the value or def
     */
    int getInt(String key, int def);

    /**
     * @param key the key
     * @return the array (null if saved as null)
     * @throws InvalidSettingsException if missing
     */
    int[] getIntArray(String key) throws InvalidSettingsException;

    /**
     * @param key the key
     * @param def default
     * @return the array or def
     */
    int[] getIntArray(String key, int... def);

    /**
     * @param key the key
     * @param def default
     * @return the value or def
     */
    double getDouble(String key, double def);

    /**
     * @param key the key
     * @return the array (null if saved as null)
     * @throws InvalidSettingsException if missing
     */
    double[] getDoubleArray(String key) throws InvalidSettingsException;

    /**
     * @param key the key
     * @param def default
     * @return the array or def
     */
    double[] getDoubleArray(String key, double... def);

    /**
     * @param key the key
     * @return the value
     * @throws InvalidSettingsException if missing or of another type
     */
    float getFloat(String key) throws InvalidSettingsException;

    /**
     * @param key the key
     * @param def default
     * @return the value or def
     */
    float getFloat(String key, float def);

    /**
     * @param key the key
     * @return the array (null if saved as null)
     * @throws InvalidSettingsException if missing
     */
    float[] getFloatArray(String key) throws InvalidSettingsException;

    /**
     * @param key the key
     * @param def default
     * @return the array or def
     */
    float[] getFloatArray(String key, float... def);

    /**
     * @param key the key
     * @param def default
     * @return the value or def
     */
    char getChar(String key, char def);

    /**
     * @param key the key
     * @param def default
     * @return the value or def
     */
    byte getByte(String key, byte def);

    /**
     * @param key the key
     * @param def default
     * @return the value or def
     */
    short getShort(String key, short def);

    /**
     * @param key the key
     * @return the array (null if saved as null)
     * @throws InvalidSettingsException if missing
     */
    long[] getLongArray(String key) throws InvalidSettingsException;

    /**
     * @param key the key
     * @param def default
     * @return the array or def
     */
    long[] getLongArray(String key, long... def);

    /**
     * @param key the key
     * @param def default
     * @return the value or def
     */
    long getLong(String key, long def);

    /**
     * @param key the key
     * @param def default
     * @return the value or def
     */
    boolean getBoolean(String key, boolean def);

    /**
     * @param key the key
     * @return the array (null if saved as null)
     * @throws InvalidSettingsException if missing
     */
    boolean[] getBooleanArray(String key) throws InvalidSettingsException;

    /**
     * @param key the key
     * @param def default
     * @return the array or def
     */
    boolean[] getBooleanArray(String key, boolean... def);

    /**
     * @param key the key
     * @param def default
     * @return the value or def
     */
    String getString(String key, String def);

    /**
     * @param key the key
     * @return the array (null if saved as null)
     * @throws InvalidSettingsException if missing
     */
    String[] getStringArray(String key) throws InvalidSettingsException;

    /**
     * @param key the key
     * @param def default
     * @return the array or def
     */
    String[] getStringArray(String key, String... def);

    @Override
    Iterator<String> iterator();

    /**
     * @param key the key
     * @return the transient string or null
     */
    String getTransientString(String key);
}
