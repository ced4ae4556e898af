package org.deepcluster.standin.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deepcluster.standin.SettingsXml;
import org.junit.jupiter.api.Test;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** Settings models write what KNIME's write and enforce their bounds. */
class SettingsModelTest {

    @Test
    void writesValueAndInternals() {
        NodeSettings s = new NodeSettings("model");
        new SettingsModelIntegerBounded("k", 3, 1, 10).saveSettingsTo(s);
        String xml = SettingsXml.toXml(s);
        assertTrue(xml.contains("""
                <config key="k_Internals">
                    <entry key="SettingsModelID" type="xstring" value="SMID_integer"/>
                    <entry key="EnabledStatus" type="xboolean" value="true"/>
                </config>
                <entry key="k" type="xint" value="3"/>
            """), xml);
    }

    @Test
    void boundsAreEnforced() throws Exception {
        SettingsModelIntegerBounded k = new SettingsModelIntegerBounded("k", 3, 1, 10);
        assertThrows(IllegalArgumentException.class, () -> k.setIntValue(11));
        NodeSettings s = new NodeSettings("model");
        s.addInt("k", 0);
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> k.validateSettings(s));
        assertEquals("Value (=0) must be within the range [1...10].", e.getMessage());
        s.addInt("k", 7);
        k.loadSettingsFrom(s);
        assertEquals(7, k.getIntValue());
        SettingsModelDoubleBounded d = new SettingsModelDoubleBounded("d", 0.5, 0, 1);
        assertThrows(IllegalArgumentException.class, () -> d.setDoubleValue(Double.NaN));
    }

    @Test
    void disabledModelsSkipValidationAndSurviveXml() throws Exception {
        SettingsModelString m = new SettingsModelString("name", "x");
        m.setEnabled(false);
        NodeSettings s = new NodeSettings("model");
        m.saveSettingsTo(s);
        NodeSettings reread = SettingsXml.fromXml(SettingsXml.toXml(s));
        SettingsModelString other = new SettingsModelString("name", "default");
        other.loadSettingsFrom(reread);
        assertFalse(other.isEnabled());
        assertEquals("x", other.getStringValue());

        NodeSettings broken = new NodeSettings("model");
        broken.addConfig("name_Internals").addString("SettingsModelID", "SMID_string");
        broken.getConfig("name_Internals").addBoolean("EnabledStatus", false);
        other.validateSettings(broken); // disabled: value not required
    }

    @Test
    void missingInternalsAreAccepted() throws Exception {
        NodeSettings s = new NodeSettings("model");
        s.addBoolean("flag", true);
        SettingsModelBoolean b = new SettingsModelBoolean("flag", false);
        b.loadSettingsFrom(s);
        assertTrue(b.getBooleanValue());
        SettingsModelBoolean copy = b.createCloneWithValidatedValue(s);
        assertTrue(copy.getBooleanValue());
        assertThrows(InvalidSettingsException.class, () -> b.validateSettings(new NodeSettings("empty")));
    }
}
