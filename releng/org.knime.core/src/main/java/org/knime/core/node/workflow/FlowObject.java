package org.knime.core.node.workflow;

/**
 * Base of objects travelling along the flow (in KNIME also loop contexts); package-private there too.
 */
abstract class FlowObject {
}
