package org.knime.core.node;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.knime.core.node.config.ConfigRO;
import org.knime.core.node.config.ConfigWO;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Creates the model, views and dialog of a node and provides its description. The description is read from
 * {@code <FactorySimpleName>.xml} next to the factory class (or next to a super class), as in KNIME. Subclasses
 * need a public no-arg constructor.
 *
 * @param <T> the model class
 */
public abstract class NodeFactory<T extends NodeModel> {

    /** The kinds of nodes (the {@code type} attribute of the node description). */
    public enum NodeType {
        /** Source. */
        Source,
        /** Sink. */
        Sink,
        /** Learner. */
        Learner,
        /** Predictor. */
        Predictor,
        /** Manipulator. */
        Manipulator,
        /** Visualizer. */
        Visualizer,
        /** Widget. */
        Widget,
        /** Meta node. */
        Meta,
        /** Loop start. */
        LoopStart,
        /** Loop end. */
        LoopEnd,
        /** Scope start. */
        ScopeStart,
        /** Scope end. */
        ScopeEnd,
        /** Quick form (deprecated in KNIME). */
        @Deprecated
        QuickForm,
        /** Configuration. */
        Configuration,
        /** Other. */
        Other,
        /** Missing node. */
        Missing,
        /** Unknown. */
        Unknown,
        /** Component. */
        Subnode,
        /** Virtual input. */
        VirtualIn,
        /** Virtual output. */
        VirtualOut,
        /** Container. */
        Container
    }

    private final boolean m_lazilyInitialized;

    private boolean m_initialized;

    private NodeDescriptionXml m_description;

    private URL m_icon;

    /** Reads the node description now. */
    protected NodeFactory() {
        this(false);
    }

    /**
     * @param lazyInitialization if true, call {@link #init()} yourself before using the description
     */
    protected NodeFactory(final boolean lazyInitialization) {
        m_lazilyInitialized = lazyInitialization;
        if (!lazyInitialization) {
            init();
        }
    }

    /** @return the factory ID (the class name) */
    public final String getFactoryId() {
        return getClass().getName();
    }

    /** Reads the node description (once). Broken or missing XML is logged and replaced by a minimal description. */
    public synchronized void init() {
        if (m_initialized) {
            return;
        }
        m_description = NodeDescriptionXml.read(getClass());
        String iconPath = m_description.iconPath();
        m_icon = iconPath == null ? null : getClass().getResource(iconPath.startsWith("./")
            ? iconPath.substring(2) : iconPath);
        m_initialized = true;
    }

    private NodeDescriptionXml description() {
        if (!m_initialized) {
            init();
        }
        return m_description;
    }

    /** @return the root element of the node description XML, or null if there is none */
    public Element getXMLDescription() {
        return description().root();
    }

    /**
     * @param config factory settings saved with the node
     * @throws InvalidSettingsException if they are invalid
     */
    public void loadAdditionalFactorySettings(final ConfigRO config) throws InvalidSettingsException {
        // no factory settings by default
    }

    /** @param config receives factory settings saved with the node */
    public void saveAdditionalFactorySettings(final ConfigWO config) {
        // no factory settings by default
    }

    /** @return the node name from the description (or derived from the class name without one) */
    public final String getNodeName() {
        return description().name();
    }

    /**
     * @param index an input port index
     * @return the port name from the description or null
     */
    public String getInportName(final int index) {
        return description().port("inPort", index, true);
    }

    /**
     * @param index an output port index
     * @return the port name from the description or null
     */
    public String getOutportName(final int index) {
        return description().port("outPort", index, true);
    }

    /**
     * @param index an input port index
     * @return the port description text or null
     */
    public final String getInportDescription(final int index) {
        return description().port("inPort", index, false);
    }

    /**
     * @param index an output port index
     * @return the port description text or null
     */
    public final String getOutportDescription(final int index) {
        return description().port("outPort", index, false);
    }

    /** @return the keywords of the description */
    public final String[] getKeywords() {
        return description().keywords();
    }

    /** @return a new model */
    public abstract T createNodeModel();

    /** @return the number of views */
    protected abstract int getNrNodeViews();

    /**
     * @param viewIndex a view index
     * @param nodeModel the model
     * @return the view
     * @deprecated Swing views are no longer used (as in KNIME 5.6+), but still abstract there
     */
    @Deprecated(since = "5.6", forRemoval = true)
    public abstract NodeView<T> createNodeView(int viewIndex, T nodeModel);

    /**
     * @param viewIndex a view index
     * @param nodeModel the model
     * @return the view (by default {@link #createNodeView(int, NodeModel)})
     */
    @SuppressWarnings("removal")
    public AbstractNodeView<T> createAbstractNodeView(final int viewIndex, final T nodeModel) {
        return createNodeView(viewIndex, nodeModel);
    }

    /**
     * @return whether the node has a dialog
     * @deprecated Swing dialogs are no longer used (as in KNIME 5.6+), but still abstract there
     */
    @Deprecated(since = "5.6", forRemoval = true)
    protected abstract boolean hasDialog();

    /**
     * @return the dialog
     * @deprecated Swing dialogs are no longer used (as in KNIME 5.6+), but still abstract there
     */
    @Deprecated(since = "5.6", forRemoval = true)
    protected abstract NodeDialogPane createNodeDialogPane();

    /** @return the icon resolved from the description's icon attribute, or null */
    public URL getIcon() {
        description();
        return m_icon;
    }

    /** @return the node type from the description (Unknown without one) */
    public NodeType getType() {
        return description().type();
    }

    /** @return null: the stand-in ships no default icon */
    public static URL getDefaultIcon() {
        return null;
    }

    /**
     * @return whether the description says {@code deprecated="true"}
     */
    public final boolean isDeprecated() {
        return description().deprecated();
    }

    /** @return whether the factory was constructed with lazy initialization */
    public final boolean isLazilyInitialized() {
        return m_lazilyInitialized;
    }

    /**
     * The parsed {@code <Factory>.xml} (any of KNIME's node description namespaces; elements are matched by local
     * name).
     */
    private record NodeDescriptionXml(Element root, String name, NodeType type, String iconPath,
        boolean deprecated) {

        static NodeDescriptionXml read(final Class<?> factoryClass) {
            String fallbackName = factoryClass.getSimpleName().replaceFirst("(?:[nN]ode)?[fF]actory$", "");
            for (Class<?> c = factoryClass; c != null && c != NodeFactory.class; c = c.getSuperclass()) {
                URL xml = c.getResource(c.getSimpleName() + ".xml");
                if (xml == null) {
                    continue;
                }
                try (InputStream in = xml.openStream()) {
                    Element root = parse(in).getDocumentElement();
                    Element name = child(root, "name");
                    NodeType type = NodeType.Unknown;
                    if (root.hasAttribute("type")) {
                        try {
                            type = NodeType.valueOf(root.getAttribute("type"));
                        } catch (IllegalArgumentException e) {
                            NodeLogger.getLogger(NodeFactory.class).coding("Unknown node type \""
                                + root.getAttribute("type") + "\" in " + xml);
                        }
                    }
                    return new NodeDescriptionXml(root, name == null ? fallbackName : name.getTextContent().trim(),
                        type, root.hasAttribute("icon") ? root.getAttribute("icon") : null,
                        "true".equals(root.getAttribute("deprecated")));
                } catch (IOException | SAXException | ParserConfigurationException e) {
                    NodeLogger.getLogger(NodeFactory.class)
                        .error("Broken XML file for node description of " + factoryClass.getName() + ": " + e, e);
                    break;
                }
            }
            return new NodeDescriptionXml(null, fallbackName, NodeType.Unknown, null, false);
        }

        private static Document parse(final InputStream in)
            throws ParserConfigurationException, SAXException, IOException {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            return b.parse(in);
        }

        private static Element child(final Element parent, final String localName) {
            if (parent == null) {
                return null;
            }
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && localName.equals(localName(e))) {
                    return e;
                }
            }
            return null;
        }

        private static String localName(final Element e) {
            return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
        }

        /** Name attribute or text of the port with the given index. */
        String port(final String kind, final int index, final boolean name) {
            Element ports = child(root, "ports");
            if (ports == null) {
                return null;
            }
            for (Node n = ports.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && kind.equals(localName(e))
                    && Integer.toString(index).equals(e.getAttribute("index"))) {
                    return name ? e.getAttribute("name") : e.getTextContent().trim();
                }
            }
            return null;
        }

        String[] keywords() {
            Element kw = child(root, "keywords");
            List<String> result = new ArrayList<>();
            if (kw != null) {
                NodeList list = kw.getChildNodes();
                for (int i = 0; i < list.getLength(); i++) {
                    if (list.item(i) instanceof Element e && "keyword".equals(localName(e))) {
                        result.add(e.getTextContent().trim());
                    }
                }
            }
            return result.toArray(new String[0]);
        }
    }
}
