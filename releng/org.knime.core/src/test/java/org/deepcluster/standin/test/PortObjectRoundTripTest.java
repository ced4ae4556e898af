package org.deepcluster.standin.test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.deepcluster.standin.PluginXml;
import org.deepcluster.standin.PortObjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.ModelContent;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;
import org.knime.core.node.port.PortUtil;

/** Port objects survive a workflow save and reload through their serializers. */
class PortObjectRoundTripTest {

    private static TestModelPortObject model() {
        return new TestModelPortObject(new TestModelSpec(2, "x", "y"), new double[][]{{0, 1}, {2.5, -3}});
    }

    @Test
    void simplePortObjectRoundTrip() throws Exception {
        TestModelPortObject original = model();
        TestModelPortObject loaded = PortObjects.roundTrip(original);
        assertNotSame(original, loaded);
        assertArrayEquals(original.centres(), loaded.centres());
        assertEquals(2, loaded.getSpec().k());
        assertArrayEquals(new String[]{"x", "y"}, loaded.getSpec().features());
        assertEquals(original, loaded, "AbstractSimplePortObject equality compares saved content");
        assertEquals(original.getSpec(), loaded.getSpec());
    }

    @Test
    void rawPortObjectRoundTrip(@TempDir final Path dir) throws Exception {
        TestBlobPortObject original = new TestBlobPortObject(new TestModelSpec(3), new byte[]{1, 2, 3, 127});
        Path file = dir.resolve("port.zip");
        PortObjects.save(original, file);
        TestBlobPortObject loaded = (TestBlobPortObject)PortObjects.load(file);
        assertArrayEquals(original.weights(), loaded.weights());
        assertEquals(3, loaded.getSpec().k());
        assertEquals(TestModelSpec.class, PortUtil.readObjectSpecFromFile(file.toFile()).getClass());
    }

    @Test
    void usesKnimesZipLayout() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PortObjects.save(model(), bytes);
        List<String> entries = new ArrayList<>();
        ModelContentRO toc = null;
        ModelContentRO content = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.add(e.getName());
                byte[] data = zip.readAllBytes();
                if (e.getName().equals("content.xml")) {
                    toc = ModelContent.loadFromXML(new ByteArrayInputStream(data));
                } else if (e.getName().equals("object.file")) {
                    // a zip whose first (empty) entry is portObject.file, then the serializer's entries
                    try (ZipInputStream inner = new ZipInputStream(new ByteArrayInputStream(data))) {
                        assertEquals("portObject.file", inner.getNextEntry().getName());
                        assertEquals("content.xml", inner.getNextEntry().getName());
                        content = ModelContent.loadFromXML(inner);
                    }
                }
            }
        }
        assertEquals(List.of("content.xml", "objectSpec.file", "object.file"), entries);
        assertEquals(TestModelPortObject.class.getName(), toc.getString("port_object_class"));
        assertEquals(TestModelSpec.class.getName(), toc.getString("port_spec_class"));
        assertEquals("model.xml", content.getKey());
        assertEquals(TestModelPortObject.class.getName(), content.getString("class_name"));
        assertEquals(2, content.getModelContent("model").getInt("count"));
    }

    @Test
    void portTypesComeFromTheRegistry() {
        PortType t = TestModelPortObject.TYPE;
        assertSame(TestModelSpec.class, t.getPortObjectSpecClass(), "spec class from getSpec()'s return type");
        assertTrue(t.acceptsPortObject(model()));
        assertEquals(t, PortTypeRegistry.getInstance().getPortType(TestModelPortObject.class, true));
        assertTrue(PortTypeRegistry.getInstance().getPortType(TestModelPortObject.class, true).isOptional());
        assertTrue(PortTypeRegistry.getInstance().getObjectSerializer(TestModelPortObject.class).isPresent());
    }

    @Test
    void registersPortTypesFromPluginXml(@TempDir final Path dir) throws Exception {
        Path pluginXml = dir.resolve("plugin.xml");
        Files.writeString(pluginXml, """
            <?xml version="1.0" encoding="UTF-8"?>
            <?eclipse version="3.4"?>
            <plugin>
               <extension point="org.knime.core.PortType">
                  <portType name="Test Blob" color="#336699"
                        objectClass="org.deepcluster.standin.test.TestBlobPortObject"
                        objectSerializer="org.deepcluster.standin.test.TestBlobPortObject$Serializer"
                        specClass="org.deepcluster.standin.test.TestModelSpec"
                        specSerializer="org.deepcluster.standin.test.TestModelSpec$Serializer"/>
               </extension>
               <extension point="org.knime.workbench.repository.nodes">
                  <node factory-class="org.deepcluster.standin.test.SquareNodeFactory" category-path="/"/>
               </extension>
            </plugin>
            """);
        assertEquals(List.of(TestBlobPortObject.class),
            PluginXml.registerPortTypes(pluginXml, getClass().getClassLoader()));
        PortType t = PortTypeRegistry.getInstance().getPortType(TestBlobPortObject.class);
        assertEquals("Test Blob", t.getName());
        assertEquals(0xff336699, t.getColor());
        assertEquals(List.of(SquareNodeFactory.class.getName()), PluginXml.nodeFactoryClassNames(pluginXml));

        Path broken = dir.resolve("broken.xml");
        Files.writeString(broken, Files.readString(pluginXml).replace("TestBlobPortObject\"", "NoSuchClass\""));
        assertThrows(IOException.class, () -> PluginXml.registerPortTypes(broken, getClass().getClassLoader()));
    }
}
