/**
 * The base of the clustering nodes and the nodes built on it.
 *
 * <p>A clustering node is four small classes plus its description XML and icon:
 * <pre>
 * final class MySettings extends ClusteringSettings {          // own keys, labels, defaults
 *     int minPts = 5;
 *     protected void saveAlgorithmTo(NodeSettingsWO s) { s.addInt("min_pts", minPts); }
 *     protected void loadAlgorithmFrom(NodeSettingsRO s) throws InvalidSettingsException { minPts = s.getInt("min_pts"); }
 *     protected void loadAlgorithmForDialog(NodeSettingsRO s) { minPts = s.getInt("min_pts", minPts); }
 *     protected void validateAlgorithm() throws InvalidSettingsException { check(minPts >= 1, "Minimum points", "..."); }
 *     public Set&lt;ClusterDistance&gt; allowedDistances() { return EnumSet.allOf(ClusterDistance.class); } // optional
 * }
 * final class MyNodeModel extends ClusteringNodeModel&lt;MySettings&gt; {
 *     MyNodeModel() { super(MySettings::new); }
 *     protected String algorithmName() { return "DBSCAN"; }
 *     protected ClusterModel fit(Matrix data, Progress progress) { return Dbscan.fit(data, ..., progress); }
 *     // optional: knownClusterCount(), mayAssignNoise(), assignsProbabilities(), assignsDistances(),
 *     // checkRows(rows, skipped), extraColumns(in) + extraCells(model, data), fitWarning(model)
 * }
 * final class MyNodeDialog extends ClusteringNodeDialog&lt;MySettings&gt; {
 *     MyNodeDialog() { super(MySettings::new); algorithmForm().addRow("Minimum points", minPts); }
 *     protected void loadAlgorithm(MySettings s, DataTableSpec spec) { ... }
 *     protected void saveAlgorithm(MySettings s) throws InvalidSettingsException { ... }
 * }
 * public final class MyNodeFactory extends DialogNodeFactory&lt;MyNodeModel&gt; { ... }
 * </pre>
 * The base does the rest: column selection, missing values, cosine normalisation, the exact configure() specs, the
 * cluster column ({@code Cluster_i}, {@code Noise}), the Cluster Model port, progress, cancellation and the warnings.
 * See {@code kmeans} and {@code graph} for complete examples, and {@code ClusteringNodeModelTest} for the behaviour
 * every clustering node shares.
 */
package org.deepcluster.knime.node.cluster;
