package org.deepcluster.standin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.deepcluster.standin.internal.Bridges;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObject.PortObjectSerializer;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectSpec.PortObjectSpecSerializer;
import org.knime.core.node.port.PortType;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads what KNIME's extension registry would read from a plugin.xml: the {@code org.knime.core.PortType}
 * registrations (so serializers and colors come from the same place as in KNIME, and wrong class names fail in
 * tests) and the node factory class names.
 */
public final class PluginXml {

    private static final String PORT_TYPE_POINT = "org.knime.core.PortType";

    private static final String NODES_POINT = "org.knime.workbench.repository.nodes";

    private PluginXml() {
    }

    /**
     * Registers every {@code <portType>} of the plugin.xml.
     *
     * @param pluginXml the plugin.xml file
     * @param loader loads the classes it names
     * @return the registered port object classes
     * @throws IOException if the file cannot be read or a class cannot be loaded or instantiated
     */
    public static List<Class<? extends PortObject>> registerPortTypes(final Path pluginXml, final ClassLoader loader)
        throws IOException {
        List<Class<? extends PortObject>> registered = new ArrayList<>();
        for (Element e : elements(pluginXml, PORT_TYPE_POINT, "portType")) {
            try {
                Class<? extends PortObject> objectClass =
                    Class.forName(e.getAttribute("objectClass"), true, loader).asSubclass(PortObject.class);
                Class<? extends PortObjectSpec> specClass =
                    Class.forName(e.getAttribute("specClass"), true, loader).asSubclass(PortObjectSpec.class);
                PortObjectSerializer<?> objectSerializer =
                    (PortObjectSerializer<?>)newInstance(loader, e.getAttribute("objectSerializer"));
                PortObjectSpecSerializer<?> specSerializer = e.hasAttribute("specSerializer")
                    ? (PortObjectSpecSerializer<?>)newInstance(loader, e.getAttribute("specSerializer")) : null;
                int color = e.hasAttribute("color")
                    ? 0xff000000 | Integer.parseInt(e.getAttribute("color").replace("#", ""), 16)
                    : PortType.DEFAULT_COLOR;
                Bridges.port().register(objectClass, objectSerializer, specClass, specSerializer,
                    e.getAttribute("name"), color, Boolean.parseBoolean(e.getAttribute("hidden")));
                registered.add(objectClass);
            } catch (ReflectiveOperationException | ClassCastException | NumberFormatException ex) {
                throw new IOException("Invalid portType \"" + e.getAttribute("name") + "\" in " + pluginXml + ": "
                    + ex, ex);
            }
        }
        return registered;
    }

    /**
     * @param pluginXml the plugin.xml file
     * @return the {@code factory-class} of every registered node
     * @throws IOException if the file cannot be read
     */
    public static List<String> nodeFactoryClassNames(final Path pluginXml) throws IOException {
        return elements(pluginXml, NODES_POINT, "node").stream().map(e -> e.getAttribute("factory-class")).toList();
    }

    private static Object newInstance(final ClassLoader loader, final String className)
        throws ReflectiveOperationException {
        return Class.forName(className, true, loader).getConstructor().newInstance();
    }

    private static List<Element> elements(final Path pluginXml, final String point, final String name)
        throws IOException {
        Document doc = parse(pluginXml);
        List<Element> result = new ArrayList<>();
        NodeList extensions = doc.getElementsByTagName("extension");
        for (int i = 0; i < extensions.getLength(); i++) {
            Element ext = (Element)extensions.item(i);
            if (!point.equals(ext.getAttribute("point"))) {
                continue;
            }
            NodeList children = ext.getElementsByTagName(name);
            for (int j = 0; j < children.getLength(); j++) {
                result.add((Element)children.item(j));
            }
        }
        return result;
    }

    private static Document parse(final Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return f.newDocumentBuilder().parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("Cannot parse " + file + ": " + e.getMessage(), e);
        }
    }
}
