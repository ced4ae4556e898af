package org.knime.core.node.config.base;

/**
 * Write access to a config tree. Adding a key that exists replaces the old entry (keeping its position).
 */
public interface ConfigBaseWO {

    /**
     * @param key the key
     * @return a new, empty nested config stored under the key
     */
    ConfigBase addConfigBase(String key);

    /** @return the key of this config */
    String getKey();

    /**
     * @param key the key
     * @param value the value
     */
    void addInt(String key, int value);

    /**
     * @param key the key
     * @param value the value
     */
    void addDouble(String key, double value);

    /**
     * @param key the key
     * @param value the value
     */
    void addFloat(String key, float value);

    /**
     * @param key the key
     * @param value the value
     */
    void addChar(String key, char value);

    /**
     * @param key the key
     * @param value the value
     */
    void addShort(String key, short value);

    /**
     * @param key the key
     * @param value the value
     */
    void addLong(String key, long value);

    /**
     * @param key the key
     * @param value the value
     */
    void addByte(String key, byte value);

    /**
     * @param key the key
     * @param value the value, may be null
     */
    void addString(String key, String value);

    /**
     * @param key the key
     * @param value the value
     */
    void addBoolean(String key, boolean value);

    /**
     * @param key the key
     * @param values the values, may be null
     */
    void addIntArray(String key, int... values);

    /**
     * @param key the key
     * @param values the values, may be null
     */
    void addDoubleArray(String key, double... values);

    /**
     * @param key the key
     * @param values the values, may be null
     */
    void addFloatArray(String key, float... values);

    /**
     * @param key the key
     * @param values the values, may be null
     */
    void addLongArray(String key, long... values);

    /**
     * @param key the key
     * @param values the values, may be null
     */
    void addBooleanArray(String key, boolean... values);

    /**
     * @param key the key
     * @param values the values (elements may be null), may be null
     */
    void addStringArray(String key, String... values);

    /**
     * @param key the key
     * @param value a string kept in memory only, never written to XML
     */
    void addTransientString(String key, String value);
}
