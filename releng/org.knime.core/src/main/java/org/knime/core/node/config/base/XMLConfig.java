package org.knime.core.node.config.base;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads and writes configs in KNIME's XMLConfig format (namespace {@value #NAMESPACE}):
 *
 * <pre>
 * &lt;?xml version="1.0" encoding="UTF-8"?&gt;
 * &lt;config xmlns=".." xmlns:xsi=".." xsi:schemaLocation=".." key="settings.xml"&gt;
 *     &lt;entry key="k" type="xint" value="3"/&gt;
 *     &lt;entry key="s" type="xstring" isnull="true" value=""/&gt;
 *     &lt;config key="nested"&gt; ... &lt;/config&gt;
 * &lt;/config&gt;
 * </pre>
 *
 * Four spaces of indentation per level, attributes in the order key, type, isnull, value. Characters XML cannot
 * carry (control characters, surrogates and above U+D7FF) and a "%%" sequence are written as {@code %%nnnnn}
 * (the decimal char code, five digits), which is how KNIME escapes them. Transient strings are not written.
 */
public final class XMLConfig {

    /** The XMLConfig namespace. */
    static final String NAMESPACE = "http://www.knime.org/2008/09/XMLConfig";

    private static final String SCHEMA_LOCATION = NAMESPACE + " http://www.knime.org/XMLConfig_2008_09.xsd";

    private static final String INDENT = "    ";

    private XMLConfig() {
    }

    /**
     * Parses XMLConfig text into the given config: the root key becomes the config's key, entries and nested
     * configs are added. The stream is not closed here.
     *
     * @param c the config to fill
     * @param in the XML
     * @throws SAXException if the XML is malformed or holds unknown elements or types
     * @throws IOException if reading fails
     * @throws ParserConfigurationException if no SAX parser is available
     */
    public static void load(final ConfigBase c, final InputStream in)
        throws SAXException, IOException, ParserConfigurationException {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        XMLReader reader = factory.newSAXParser().getXMLReader();
        ConfigHandler handler = new ConfigHandler(c);
        reader.setContentHandler(handler);
        reader.setErrorHandler(handler);
        // Old files name a DTD; never fetch it (and never resolve external entities).
        reader.setEntityResolver((publicId, systemId) -> new InputSource(new ByteArrayInputStream(new byte[0])));
        reader.parse(new InputSource(in));
    }

    /**
     * Writes the config as XMLConfig (UTF-8) and closes the stream, like KNIME does.
     *
     * @param config the config
     * @param output the stream
     * @throws IOException if writing fails
     */
    public static void save(final ConfigBase config, final OutputStream output) throws IOException {
        try (Writer w = new OutputStreamWriter(output, StandardCharsets.UTF_8)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            writeConfig(w, config, 0);
        }
    }

    private static void writeConfig(final Writer w, final ConfigBase config, final int depth) throws IOException {
        String indent = INDENT.repeat(depth);
        w.write(indent);
        w.write("<config");
        if (depth == 0) {
            attribute(w, "xmlns", NAMESPACE);
            attribute(w, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
            attribute(w, "xsi:schemaLocation", SCHEMA_LOCATION);
        }
        attribute(w, "key", config.getKey());
        boolean empty = true;
        for (AbstractConfigEntry e : config.entries()) {
            if (e.getType() == ConfigEntries.xtransientstring) {
                continue;
            }
            if (empty) {
                w.write(">\n");
                empty = false;
            }
            if (e instanceof ConfigBase nested) {
                writeConfig(w, nested, depth + 1);
            } else {
                writeEntry(w, e, indent + INDENT);
            }
        }
        w.write(empty ? "/>\n" : indent + "</config>\n");
    }

    private static void writeEntry(final Writer w, final AbstractConfigEntry e, final String indent)
        throws IOException {
        w.write(indent);
        w.write("<entry");
        attribute(w, "key", e.getKey());
        attribute(w, "type", e.getType().name());
        String value = e.toStringValue();
        if (value == null) {
            attribute(w, "isnull", "true");
            value = "";
        }
        attribute(w, "value", value);
        w.write("/>\n");
    }

    private static void attribute(final Writer w, final String name, final String value) throws IOException {
        w.write(' ');
        w.write(name);
        w.write("=\"");
        w.write(xmlEscape(knimeEscape(value)));
        w.write('"');
    }

    /** KNIME's %%nnnnn escaping of characters that XML 1.0 attributes cannot carry verbatim. */
    static String knimeEscape(final String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean doublePercent = c == '%' && i + 1 < s.length() && s.charAt(i + 1) == '%';
            if (c < 32 || c > 0xd7ff || doublePercent) {
                sb.append("%%").append(String.format("%05d", (int)c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Inverse of {@link #knimeEscape(String)}. */
    static String knimeUnescape(final String s) {
        if (s == null || s.indexOf("%%") < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (i + 6 < s.length() && s.startsWith("%%", i) && allDigits(s, i + 2, i + 7)) {
                sb.append((char)Integer.parseInt(s.substring(i + 2, i + 7)));
                i += 7;
            } else {
                sb.append(s.charAt(i));
                i++;
            }
        }
        return sb.toString();
    }

    private static boolean allDigits(final String s, final int from, final int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String xmlEscape(final String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Builds the config tree from SAX events; the first element is the root config. */
    private static final class ConfigHandler extends DefaultHandler {

        private final Deque<ConfigBase> m_stack = new ArrayDeque<>();

        private boolean m_seenRoot;

        ConfigHandler(final ConfigBase root) {
            m_stack.push(root);
        }

        @Override
        public void startElement(final String uri, final String localName, final String qName,
            final Attributes atts) throws SAXException {
            String name = localName == null || localName.isEmpty() ? qName : localName;
            String key = atts.getValue("key");
            if ("config".equals(name)) {
                if (key == null) {
                    throw new SAXException("<config> without \"key\" attribute");
                }
                if (!m_seenRoot) {
                    m_seenRoot = true;
                    m_stack.peek().setKey(key);
                } else {
                    m_stack.push(m_stack.peek().addConfigBase(key));
                }
            } else if ("entry".equals(name)) {
                if (!m_seenRoot) {
                    throw new SAXException("The first element must be a <config>, not an <entry>");
                }
                m_stack.peek().addEntry(createEntry(key, atts));
            } else {
                throw new SAXException("\"" + qName + "\" is not a valid tag name.");
            }
        }

        private static AbstractConfigEntry createEntry(final String key, final Attributes atts)
            throws SAXException {
            String type = atts.getValue("type");
            if (key == null || type == null) {
                throw new SAXException("<entry> needs \"key\" and \"type\" attributes");
            }
            ConfigEntries entryType;
            try {
                entryType = ConfigEntries.valueOf(type);
            } catch (IllegalArgumentException e) {
                throw new SAXException("Invalid type ('" + type + "') for key '" + key + "' in XML file.", e);
            }
            boolean isNull = "true".equals(atts.getValue("isnull"));
            String value = isNull ? null : knimeUnescape(atts.getValue("value"));
            if (value == null && entryType != ConfigEntries.xstring && entryType != ConfigEntries.xpassword
                && entryType != ConfigEntries.xtransientstring) {
                throw new SAXException("Entry '" + key + "' of type " + type + " has no value");
            }
            try {
                return entryType.createEntry(key, value);
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                throw new SAXException("Invalid value \"" + value + "\" for key '" + key + "' of type " + type, e);
            }
        }

        @Override
        public void endElement(final String uri, final String localName, final String qName) {
            String name = localName == null || localName.isEmpty() ? qName : localName;
            if ("config".equals(name) && m_stack.size() > 1) {
                m_stack.pop();
            }
        }

        @Override
        public void error(final SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(final SAXParseException e) throws SAXException {
            throw e;
        }
    }
}
