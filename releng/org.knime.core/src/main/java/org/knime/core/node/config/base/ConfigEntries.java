package org.knime.core.node.config.base;

/**
 * The entry types of a config. The constant names are exactly the {@code type} attribute values of KNIME's
 * XMLConfig format ({@code <entry key=".." type="xint" value=".."/>}); {@code config} marks nested configs.
 */
public enum ConfigEntries {
    /** String (may be null). */
    xstring {
        @Override
        public AbstractConfigEntry createEntry(final String key, final String value) {
            return new ConfigValueEntry(this, key, value);
        }
    },
    /** int. */
    xint {
        @Override
        public AbstractConfigEntry createEntry(final String key, final String value) {
            return new ConfigValueEntry(this, key, Integer.valueOf(value.trim()));
        }
    },
    /** double. */
    xdouble {
        @Override
        public AbstractConfigEntry createEntry(final String key, final String value) {
            return new ConfigValueEntry(this, key, Double.valueOf(value));
        }
    },
    /** float. */
    xfloat {
        @Override
        public AbstractConfigEntry createEntry(final String key, final String value) {
            return new ConfigValueEntry(this, key, Float.valueOf(value));
        }
    },
    /** long. */
    xlong {
        @Override
        public AbstractConfigEntry createEntry(final String key, final String value) {
            return new ConfigValueEntry(this, key, Long.valueOf(value.trim()));
        }
    },
    /** short. */
    xshort {
        @Override
        public AbstractConfigEntry createEntry(final String key, final String value) {
            return new ConfigValueEntry(this, key, Short.valueOf(value.trim()));
        }
    },
    /** byte. */
    xbyte {
        @Override
        public AbstractConfigEntry createEntry(final String key, final String value) {
            return new ConfigValueEntry(this, key, Byte.valueOf(value.trim()));
        }
    },
    /** char (a string of length one). */
    xchar {
        @Override
        public AbstractConfigEntry createEntry(final String key, final String value) {
            if (value.length() != 1) {
                throw new IllegalArgumentException(
                    "Entry \"" + key + "\" of type xchar needs exactly one character, got \"" + value + "\"");
            }
            return new ConfigValueEntry(this, key, Character.valueOf(value.charAt(0)));
        }
    },
    /** boolean. */
    xboolean {
        @Override
        public AbstractConfigEntry createEntry(final String key, final String value) {
            return new ConfigValueEntry(this, key, Boolean.valueOf(value.trim()));
        }
    },
    /** A nested config; not created from a string value. */
    config {
        @Override
        public AbstractConfigEntry createEntry(final String key, final String value) {
            throw new UnsupportedOperationException("A nested config is not created from a string value");
        }
    },
    /** An encrypted password, kept as its encrypted string. */
    xpassword {
        @Override
        public AbstractConfigEntry createEntry(final String key, final String value) {
            return new ConfigValueEntry(this, key, value);
        }
    },
    /** A string that is never written to XML. */
    xtransientstring {
        @Override
        public AbstractConfigEntry createEntry(final String key, final String value) {
            return new ConfigValueEntry(this, key, value);
        }
    };

    /**
     * Creates an entry of this type from its string form (as read from XML).
     *
     * @param key the key
     * @param value the string value, null only for strings
     * @return the entry
     */
    public abstract AbstractConfigEntry createEntry(String key, String value);
}
