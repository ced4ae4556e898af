package org.deepcluster.standin.test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.deepcluster.standin.SettingsXml;
import org.junit.jupiter.api.Test;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.config.Config;

/** NodeSettings/ModelContent in KNIME's XMLConfig format. */
class XmlConfigTest {

    private static NodeSettings allTypes() {
        NodeSettings s = new NodeSettings("settings.xml");
        s.addString("s", "hello <&> \"quoted\" äö");
        s.addString("nullString", null);
        s.addInt("i", -42);
        s.addDouble("d", 0.1);
        s.addFloat("f", 0.5f);
        s.addLong("l", 1L << 40);
        s.addShort("sh", (short)-7);
        s.addByte("b", (byte)12);
        s.addChar("c", 'x');
        s.addBoolean("bool", true);
        s.addTransientString("transient", "never written");
        s.addIntArray("ia", 1, 2, 3);
        s.addDoubleArray("da", 1.5, Double.NaN, Double.NEGATIVE_INFINITY);
        s.addStringArray("sa", "a", null, "c");
        s.addStringArray("nullArray", (String[])null);
        s.addLongArray("la", 5L);
        s.addBooleanArray("ba", true, false);
        s.addFloatArray("fa", 2.5f);
        NodeSettingsWO nested = s.addNodeSettings("nested");
        nested.addInt("deep", 7);
        nested.addNodeSettings("empty");
        return s;
    }

    @Test
    void roundTripKeepsAllEntryTypes() throws Exception {
        NodeSettings original = allTypes();
        NodeSettingsRO loaded = SettingsXml.roundTrip(original);

        assertEquals("settings.xml", loaded.getKey());
        assertEquals("hello <&> \"quoted\" äö", loaded.getString("s"));
        assertTrue(loaded.containsKey("nullString"));
        assertNull(loaded.getString("nullString"));
        assertEquals(-42, loaded.getInt("i"));
        assertEquals(0.1, loaded.getDouble("d"));
        assertEquals(0.5f, loaded.getFloat("f"));
        assertEquals(1L << 40, loaded.getLong("l"));
        assertEquals((short)-7, loaded.getShort("sh"));
        assertEquals((byte)12, loaded.getByte("b"));
        assertEquals('x', loaded.getChar("c"));
        assertTrue(loaded.getBoolean("bool"));
        assertFalse(loaded.containsKey("transient"), "transient strings are not written");
        assertArrayEquals(new int[]{1, 2, 3}, loaded.getIntArray("ia"));
        assertArrayEquals(new double[]{1.5, Double.NaN, Double.NEGATIVE_INFINITY}, loaded.getDoubleArray("da"));
        assertArrayEquals(new String[]{"a", null, "c"}, loaded.getStringArray("sa"));
        assertNull(loaded.getStringArray("nullArray"));
        assertArrayEquals(new long[]{5L}, loaded.getLongArray("la"));
        assertArrayEquals(new boolean[]{true, false}, loaded.getBooleanArray("ba"));
        assertArrayEquals(new float[]{2.5f}, loaded.getFloatArray("fa"));
        assertEquals(7, loaded.getNodeSettings("nested").getInt("deep"));
        assertTrue(loaded.getNodeSettings("nested").getNodeSettings("empty").keySet().isEmpty());
        assertEquals(List.copyOf(original.keySet()).subList(0, 10),
            List.copyOf(loaded.keySet()).subList(0, 10), "insertion order is kept");
    }

    @Test
    void writesKnimeXmlConfigFormat() {
        NodeSettings s = new NodeSettings("settings.xml");
        s.addString("name", "a\"b");
        s.addString("none", null);
        s.addInt("k", 3);
        s.addDoubleArray("arr", 0.5);
        s.addNodeSettings("empty");
        String expected = """
            <?xml version="1.0" encoding="UTF-8"?>
            <config xmlns="http://www.knime.org/2008/09/XMLConfig" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://www.knime.org/2008/09/XMLConfig http://www.knime.org/XMLConfig_2008_09.xsd" \
            key="settings.xml">
                <entry key="name" type="xstring" value="a&quot;b"/>
                <entry key="none" type="xstring" isnull="true" value=""/>
                <entry key="k" type="xint" value="3"/>
                <config key="arr">
                    <entry key="array-size" type="xint" value="1"/>
                    <entry key="0" type="xdouble" value="0.5"/>
                </config>
                <config key="empty"/>
            </config>
            """;
        assertEquals(expected, SettingsXml.toXml(s));
    }

    @Test
    void floatsAreWrittenLikeKnimeDoes() {
        NodeSettings s = new NodeSettings("x");
        s.addFloat("f", 0.1f);
        // KNIME writes floats through Double.toString
        assertTrue(SettingsXml.toXml(s).contains("type=\"xfloat\" value=\"0.10000000149011612\""));
    }

    @Test
    void escapesCharactersXmlCannotCarryLikeKnime() throws Exception {
        NodeSettings s = new NodeSettings("x");
        s.addString("ctl", "line1\nline2\ttab %% percent");
        String xml = SettingsXml.toXml(s);
        assertTrue(xml.contains("value=\"line1%%00010line2%%00009tab %%00037% percent\""), xml);
        assertEquals("line1\nline2\ttab %% percent", SettingsXml.fromXml(xml).getString("ctl"));
    }

    @Test
    void readsKnimeWrittenSettings() throws Exception {
        String knime = """
            <?xml version="1.0" encoding="UTF-8"?>
            <config xmlns="http://www.knime.org/2008/09/XMLConfig" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.knime.org/2008/09/XMLConfig http://www.knime.org/XMLConfig_2008_09.xsd" key="settings.xml">
                <entry key="node_file" type="xstring" value="settings.xml"/>
                <config key="model">
                    <config key="cfg_nr_Internals">
                        <entry key="SettingsModelID" type="xstring" value="SMID_integer"/>
                        <entry key="EnabledStatus" type="xboolean" value="true"/>
                    </config>
                    <entry key="cfg_nr" type="xint" value="3000"/>
                    <entry key="CFG_SEED" type="xlong" value="1747758211145"/>
                </config>
                <entry key="customDescription" type="xstring" isnull="true" value=""/>
            </config>
            """;
        NodeSettingsRO s = NodeSettings.loadFromXML(new ByteArrayInputStream(knime.getBytes(StandardCharsets.UTF_8)));
        assertEquals("settings.xml", s.getKey());
        assertEquals(3000, s.getNodeSettings("model").getInt("cfg_nr"));
        assertEquals(1747758211145L, s.getNodeSettings("model").getLong("CFG_SEED"));
        assertNull(s.getString("customDescription"));
        assertEquals("SMID_integer", s.getConfig("model").getConfig("cfg_nr_Internals").getString("SettingsModelID"));
    }

    @Test
    void rejectsUnknownEntryTypesAndTags() {
        String badType = "<config key=\"x\"><entry key=\"a\" type=\"xbool\" value=\"true\"/></config>";
        IOException e = assertThrows(IOException.class, () -> SettingsXml.fromXml(badType));
        assertTrue(e.getMessage().contains("xbool"), e.getMessage());
        assertThrows(IOException.class, () -> SettingsXml.fromXml("<config key=\"x\"><foo/></config>"));
    }

    @Test
    void typedGettersNameTheMissingKey() {
        NodeSettings s = new NodeSettings("x");
        s.addString("text", "abc");
        InvalidSettingsException missing = assertThrows(InvalidSettingsException.class, () -> s.getInt("k"));
        assertEquals("Int for key \"k\" not found.", missing.getMessage());
        InvalidSettingsException wrongType = assertThrows(InvalidSettingsException.class, () -> s.getInt("text"));
        assertTrue(wrongType.getMessage().startsWith("Int for key \"text\" not found."), wrongType.getMessage());
        assertTrue(wrongType.getMessage().contains("xstring"), wrongType.getMessage());
        InvalidSettingsException noConfig =
            assertThrows(InvalidSettingsException.class, () -> s.getNodeSettings("sub"));
        assertEquals("Config for key \"sub\" not found.", noConfig.getMessage());
        InvalidSettingsException noArray =
            assertThrows(InvalidSettingsException.class, () -> s.getDoubleArray("arr"));
        assertTrue(noArray.getMessage().contains("\"arr\""), noArray.getMessage());
        assertThrows(InvalidSettingsException.class, () -> s.getDouble("missing"));
        assertThrows(InvalidSettingsException.class, () -> s.getString("missing"));
        assertThrows(InvalidSettingsException.class, () -> s.getBoolean("missing"));
        assertThrows(InvalidSettingsException.class, () -> s.getLong("missing"));
    }

    @Test
    void gettersWithDefaultsFallBack() {
        NodeSettings s = new NodeSettings("x");
        s.addString("text", "abc");
        assertEquals(5, s.getInt("k", 5));
        assertEquals(5, s.getInt("text", 5), "wrong type falls back to the default");
        assertEquals("abc", s.getString("text", "def"));
        assertArrayEquals(new double[]{1}, s.getDoubleArray("none", 1.0));
        assertArrayEquals(new String[]{"q"}, s.getStringArray("none", "q"));
        assertEquals(2.5, s.getDouble("none", 2.5));
        assertTrue(s.getBoolean("none", true));
    }

    @Test
    void copyToAndIdentity() throws Exception {
        NodeSettings original = allTypes();
        NodeSettings copy = new NodeSettings("settings.xml");
        original.copyTo(copy);
        assertTrue(copy.isIdentical(original));
        copy.getNodeSettings("nested").addInt("deep", 8);
        assertFalse(copy.isIdentical(original), "the copy is deep");
        assertEquals(7, original.getNodeSettings("nested").getInt("deep"));
        assertTrue(SettingsXml.roundTrip(original).getNodeSettings("nested") instanceof NodeSettings);
    }

    @Test
    void modelContentNestsModelContent() throws Exception {
        ModelContent m = new ModelContent("model.xml");
        m.addModelContent("inner").addDoubleArray("w", 1, 2);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        m.saveToXML(out);
        ModelContentRO loaded = ModelContent.loadFromXML(new ByteArrayInputStream(out.toByteArray()));
        assertArrayEquals(new double[]{1, 2}, loaded.getModelContent("inner").getDoubleArray("w"));
        Config inner = loaded.getConfig("inner");
        assertTrue(inner instanceof ModelContent);
    }
}
