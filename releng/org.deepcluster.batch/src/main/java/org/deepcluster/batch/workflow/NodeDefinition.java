package org.deepcluster.batch.workflow;

import java.util.List;
import java.util.Objects;

import org.knime.core.node.NodeSettings;

/**
 * One native node of a workflow: what its folder's settings.xml and its entry in workflow.knime describe.
 *
 * @param id the node id (unique in the workflow, not negative), shown as "#id" in KNIME
 * @param name the node name (KNIME uses the factory's node name; it also names the node folder)
 * @param factoryClass the fully qualified class name of the node factory: how KNIME finds the node
 * @param model the node's {@code model} config, exactly what the node model's {@code saveSettingsTo} writes
 *            (the {@link WorkflowWriter} completes partial settings with the node's defaults)
 * @param bounds where the node sits in the editor (null: laid out automatically by the writer)
 * @param variableBindings settings controlled by or exposed as flow variables (may be empty)
 * @param annotation the text shown under the node (null: none)
 */
public record NodeDefinition(int id, String name, String factoryClass, NodeSettings model, NodeBounds bounds,
    List<VariableBinding> variableBindings, String annotation) {

    /**
     * @param id the node id
     * @param name the node name
     * @param factoryClass the factory class name
     * @param model the model settings
     * @param bounds the bounds, or null
     * @param variableBindings the flow variable bindings
     * @param annotation the annotation, or null
     */
    public NodeDefinition {
        if (id < 0) {
            throw new IllegalArgumentException("Node ids are not negative (got " + id + ")");
        }
        Objects.requireNonNull(name, "node name");
        Objects.requireNonNull(factoryClass, "factory class");
        Objects.requireNonNull(model, "model settings");
        variableBindings = List.copyOf(variableBindings);
    }

    /**
     * @param id the node id
     * @param name the node name
     * @param factoryClass the factory class name
     * @param model the model settings
     * @return a node without position, flow variable bindings and annotation
     */
    public static NodeDefinition of(final int id, final String name, final String factoryClass,
        final NodeSettings model) {
        return new NodeDefinition(id, name, factoryClass, model, null, List.of(), null);
    }

    /**
     * @param newModel other model settings
     * @return a copy with these settings
     */
    public NodeDefinition withModel(final NodeSettings newModel) {
        return new NodeDefinition(id, name, factoryClass, newModel, bounds, variableBindings, annotation);
    }

    /**
     * @param newBounds other bounds
     * @return a copy with these bounds
     */
    public NodeDefinition withBounds(final NodeBounds newBounds) {
        return new NodeDefinition(id, name, factoryClass, model, newBounds, variableBindings, annotation);
    }

    /** @return "Name (#id)", as KNIME names nodes in messages */
    public String nameWithId() {
        return name + " (#" + id + ")";
    }
}
