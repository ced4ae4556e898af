package org.deepcluster.batch.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Which feature each bundle belongs to. In KNIME this comes from p2; here the build copies the project's
 * {@code features/*}{@code /feature.xml} files into the runner's jar under {@value #RESOURCE_FOLDER} (see the
 * module's pom.xml), and this class reads them: feature id, label, provider and the ids of the included plugins.
 */
public final class FeatureCatalog {

    /** The class path folder with one sub-folder per feature, each holding its feature.xml. */
    public static final String RESOURCE_FOLDER = "org/deepcluster/batch/features";

    private static final FeatureCatalog DEFAULT = load(FeatureCatalog.class.getClassLoader());

    private final Map<String, FeatureInfo> m_featureOfBundle;

    private FeatureCatalog(final Map<String, FeatureInfo> featureOfBundle) {
        m_featureOfBundle = Map.copyOf(featureOfBundle);
    }

    /** @return the catalog of the features built into the runner */
    public static FeatureCatalog builtIn() {
        return DEFAULT;
    }

    /**
     * @param bundleSymbolicName a bundle
     * @return the feature that includes it
     */
    public Optional<FeatureInfo> featureOf(final String bundleSymbolicName) {
        return Optional.ofNullable(m_featureOfBundle.get(bundleSymbolicName));
    }

    /**
     * Reads all {@value #RESOURCE_FOLDER}/*{@code /feature.xml} resources visible to the loader. Unreadable
     * files are skipped (the feature keys are informational).
     *
     * @param loader the class loader
     * @return the catalog
     */
    static FeatureCatalog load(final ClassLoader loader) {
        Map<String, FeatureInfo> map = new HashMap<>();
        try {
            for (URL folder : Collections.list(loader.getResources(RESOURCE_FOLDER))) {
                for (String resource : featureXmls(folder)) {
                    try (InputStream in = loader.getResourceAsStream(resource)) {
                        if (in != null) {
                            parse(in, map);
                        }
                    } catch (IOException | RuntimeException e) { // NOSONAR: informational only
                        // skip this feature
                    }
                }
            }
        } catch (IOException e) { // NOSONAR: informational only
            // no features known
        }
        return new FeatureCatalog(map);
    }

    private static List<String> featureXmls(final URL folder) throws IOException {
        List<String> result = new ArrayList<>();
        if ("file".equals(folder.getProtocol())) {
            try (Stream<Path> dirs = Files.list(Path.of(folder.toURI()))) {
                dirs.filter(d -> Files.isRegularFile(d.resolve("feature.xml")))
                    .forEach(d -> result.add(RESOURCE_FOLDER + "/" + d.getFileName() + "/feature.xml"));
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
        } else if ("jar".equals(folder.getProtocol())) {
            JarURLConnection connection = (JarURLConnection)folder.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    String name = entries.nextElement().getName();
                    if (name.startsWith(RESOURCE_FOLDER + "/") && name.endsWith("/feature.xml")) {
                        result.add(name);
                    }
                }
            }
        }
        return result;
    }

    private static void parse(final InputStream in, final Map<String, FeatureInfo> map) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element feature = f.newDocumentBuilder().parse(in).getDocumentElement();
            FeatureInfo info = new FeatureInfo(feature.getAttribute("id") + ".feature.group",
                feature.getAttribute("label"), feature.getAttribute("provider-name"),
                BundleInfo.withoutQualifier(feature.getAttribute("version")));
            NodeList plugins = feature.getElementsByTagName("plugin");
            for (int i = 0; i < plugins.getLength(); i++) {
                map.putIfAbsent(((Element)plugins.item(i)).getAttribute("id"), info);
            }
        } catch (Exception e) { // NOSONAR: parser configuration and SAX errors alike
            throw new IOException(e.getMessage(), e);
        }
    }
}
