package org.deepcluster.batch.workflow;

/**
 * The Eclipse feature that contains a node's bundle, as KNIME records it in settings.xml ({@code node-feature-*}):
 * KNIME takes it from p2, where a feature's installable unit id is {@code <feature id>.feature.group}.
 *
 * @param symbolicName the installable unit id, e.g. "org.deepcluster.feature.feature.group"
 * @param name the feature label
 * @param vendor the provider name
 * @param version the version without qualifier, e.g. "0.1.0"
 */
public record FeatureInfo(String symbolicName, String name, String vendor, String version) {
}
