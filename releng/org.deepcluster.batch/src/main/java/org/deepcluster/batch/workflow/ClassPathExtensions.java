package org.deepcluster.batch.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.deepcluster.standin.PluginXml;

/**
 * The KNIME extensions on the runner's class path, found through their {@code plugin.xml} files: registers their
 * port types (as KNIME's {@code org.knime.core.PortType} extension point would) and lists their node factories
 * and bundles, for messages such as "this runner has the nodes of org.deepcluster.knime".
 */
public final class ClassPathExtensions {

    private final List<String> m_factoryClassNames;

    private final Set<String> m_bundles;

    private final List<String> m_problems;

    private ClassPathExtensions(final List<String> factories, final Set<String> bundles,
        final List<String> problems) {
        m_factoryClassNames = List.copyOf(factories);
        m_bundles = Set.copyOf(bundles);
        m_problems = List.copyOf(problems);
    }

    /**
     * Reads every {@code plugin.xml} the loader sees and registers its port types.
     *
     * @param loader the class loader
     * @return what was found
     */
    public static ClassPathExtensions scan(final ClassLoader loader) {
        List<String> factories = new ArrayList<>();
        Set<String> bundles = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        try {
            for (URL url : Collections.list(loader.getResources("plugin.xml"))) {
                Path copy = Files.createTempFile("plugin", ".xml");
                try (InputStream in = url.openStream()) {
                    Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                    PluginXml.registerPortTypes(copy, loader);
                    for (String factory : PluginXml.nodeFactoryClassNames(copy)) {
                        factories.add(factory);
                        bundleOf(factory, loader).ifPresent(bundles::add);
                    }
                } catch (IOException e) {
                    problems.add(url + ": " + e.getMessage());
                } finally {
                    Files.deleteIfExists(copy);
                }
            }
        } catch (IOException e) {
            problems.add("cannot list plugin.xml files: " + e.getMessage());
        }
        return new ClassPathExtensions(factories, bundles, problems);
    }

    private static Optional<String> bundleOf(final String factory, final ClassLoader loader) {
        try {
            return BundleInfo.of(Class.forName(factory, false, loader)).map(BundleInfo::symbolicName);
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** @return the node factories the extensions register */
    public List<String> factoryClassNames() {
        return m_factoryClassNames;
    }

    /** @return the symbolic names of the bundles with nodes */
    public Set<String> bundles() {
        return m_bundles;
    }

    /** @return plugin.xml files that could not be read */
    public List<String> problems() {
        return m_problems;
    }
}
