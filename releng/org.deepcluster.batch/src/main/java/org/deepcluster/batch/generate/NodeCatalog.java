package org.deepcluster.batch.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.deepcluster.batch.workflow.ClassPathExtensions;
import org.deepcluster.batch.workflow.NodeFactories;
import org.deepcluster.batch.workflow.NodeFactories.FactoryNotAvailableException;

/**
 * Finds a node factory by the node's name as shown in KNIME ("k-Means", "Clustering Scorer"), among the nodes
 * the extensions on the class path register in their plugin.xml; a fully qualified class name is taken as is.
 */
public final class NodeCatalog {

    private final Map<String, List<String>> m_factoriesByName = new LinkedHashMap<>();

    /**
     * @param extensions the extensions on the class path
     * @param factories creates factories (to ask them for their node names)
     */
    public NodeCatalog(final ClassPathExtensions extensions, final NodeFactories factories) {
        for (String className : extensions.factoryClassNames()) {
            try {
                String name = factories.create(className).getNodeName();
                m_factoriesByName.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(className);
            } catch (FactoryNotAvailableException | RuntimeException e) { // NOSONAR: not usable, not listed
                // skip
            }
        }
    }

    /**
     * @param node a node name or a factory class name
     * @param where the place in the definition (for messages)
     * @return the factory class name
     * @throws DefinitionException if no node or more than one has that name
     */
    public String factoryClass(final String node, final String where) throws DefinitionException {
        if (node.contains(".")) {
            return node;
        }
        List<String> matches = m_factoriesByName.get(node.toLowerCase(Locale.ROOT));
        if (matches == null) {
            throw new DefinitionException(where + ": no node named \"" + node + "\"; known nodes: "
                + String.join(", ", names()) + " (or give the factory's class name)");
        }
        if (matches.size() > 1) {
            throw new DefinitionException(where + ": several nodes are named \"" + node + "\": " + matches
                + "; give the factory's class name");
        }
        return matches.get(0);
    }

    /** @return the known node names (lower case) */
    public List<String> names() {
        return new ArrayList<>(m_factoriesByName.keySet());
    }
}
