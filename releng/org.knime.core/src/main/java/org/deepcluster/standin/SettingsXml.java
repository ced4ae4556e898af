package org.deepcluster.standin;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;

/**
 * Saves and loads {@link NodeSettings} as KNIME XMLConfig files (settings.xml).
 */
public final class SettingsXml {

    private SettingsXml() {
    }

    /**
     * @param settings the settings
     * @param file the target
     * @throws IOException if writing fails
     */
    public static void save(final NodeSettings settings, final Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            settings.saveToXML(out);
        }
    }

    /**
     * @param file an XMLConfig file
     * @return the settings
     * @throws IOException if reading fails
     */
    public static NodeSettings load(final Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return (NodeSettings)NodeSettings.loadFromXML(in);
        }
    }

    /**
     * @param settings the settings
     * @return their XML text
     */
    public static String toXml(final NodeSettings settings) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            settings.saveToXML(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * @param xml XMLConfig text
     * @return the settings
     * @throws IOException if the text does not parse
     */
    public static NodeSettings fromXml(final String xml) throws IOException {
        return (NodeSettings)NodeSettings.loadFromXML(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Writes settings to XML and reads them back, as saving and reloading a workflow does.
     *
     * @param settings the settings
     * @return the re-read copy
     * @throws IOException if the text does not parse
     */
    public static NodeSettingsRO roundTrip(final NodeSettings settings) throws IOException {
        return fromXml(toXml(settings));
    }
}
