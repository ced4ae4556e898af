package org.deepcluster.knime.port;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.swing.JComponent;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.table.DefaultTableModel;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;

/**
 * What downstream nodes know about a cluster model before it is fitted: the algorithm, the feature columns (names in
 * order and their types at fitting time), the distance (cosine = rows L2-normalised before fitting and assigning), the
 * number of clusters when it is known in advance, and what an assignment yields (noise, probabilities, distances).
 * Enough for the Cluster Assigner's configure() to compute its exact output spec.
 *
 * <p>Clusters are named {@code Cluster_0} … {@code Cluster_(k−1)} ({@link #clusterName}); rows that a density method
 * leaves unclustered are named {@value #NOISE_NAME}. Saved as KNIME model content; immutable.
 */
public final class ClusterModelPortObjectSpec extends AbstractSimplePortObjectSpec {

    /** The serializer KNIME finds through plugin.xml (and the stand-in through the type argument). */
    public static final class Serializer extends AbstractSimplePortObjectSpecSerializer<ClusterModelPortObjectSpec> {
    }

    /** {@link #clusterCount()} of a model whose number of clusters is only known once it is fitted (e.g. DBSCAN). */
    public static final int UNKNOWN_COUNT = -1;

    /** Prefix of the cluster names, as in KNIME's k-Means node. */
    public static final String CLUSTER_PREFIX = "Cluster_";

    /** The name of the noise "cluster" (rows that a density method assigns to no cluster). */
    public static final String NOISE_NAME = "Noise";

    /** Version of the saved content; a later layout increments it and keeps reading this one. */
    static final int CONTENT_VERSION = 1;

    private static final String KEY_VERSION = "spec_version";
    private static final String KEY_ALGORITHM = "algorithm";
    private static final String KEY_COLUMN_NAMES = "column_names";
    private static final String KEY_COLUMN_TYPES = "column_types";
    private static final String KEY_DISTANCE = "distance";
    private static final String KEY_CLUSTER_COUNT = "cluster_count";
    private static final String KEY_NOISE = "may_assign_noise";
    private static final String KEY_PROBABILITIES = "has_probabilities";
    private static final String KEY_DISTANCES = "has_distances";

    private String algorithm = "";
    private List<String> columnNames = List.of();
    private List<String> columnTypes = List.of();
    private ClusterDistance distance = ClusterDistance.EUCLIDEAN;
    private int clusterCount = UNKNOWN_COUNT;
    private boolean noise;
    private boolean probabilities;
    private boolean distances;

    /** For loading by the framework; use {@link #ClusterModelPortObjectSpec(String, List, List, ClusterDistance, int, boolean, boolean, boolean)}. */
    public ClusterModelPortObjectSpec() {
    }

    /**
     * @param algorithm the algorithm's display name, e.g. "k-means"
     * @param columnNames the feature columns in the order the model reads them; at least one, unique
     * @param columnTypes the display names of their types at fitting time
     * @param distance the distance (cosine: rows are L2-normalised before assigning)
     * @param clusterCount the number of clusters (noise not counted; 0 if a density method found only noise), or
     *            {@link #UNKNOWN_COUNT} before fitting when the algorithm decides it
     * @param noise whether the model may label rows as noise
     * @param probabilities whether an assignment gives one probability per cluster
     * @param distances whether an assignment gives a distance per row
     * @throws IllegalArgumentException if the values are inconsistent
     */
    public ClusterModelPortObjectSpec(final String algorithm, final List<String> columnNames,
        final List<String> columnTypes, final ClusterDistance distance, final int clusterCount, final boolean noise,
        final boolean probabilities, final boolean distances) {
        try {
            init(algorithm, columnNames, columnTypes, distance, clusterCount);
        } catch (final InvalidSettingsException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        this.noise = noise;
        this.probabilities = probabilities;
        this.distances = distances;
    }

    /**
     * @param table the training table's spec
     * @param columns the indices of the feature columns, in order
     * @return their names and type names, as two lists
     */
    public static List<List<String>> namesAndTypes(final DataTableSpec table, final int[] columns) {
        return ModelColumns.namesAndTypes(table, columns);
    }

    /**
     * @param clusterCount the number of clusters, known now
     * @return this spec with that number of clusters (e.g. the configure() spec completed after fitting)
     */
    public ClusterModelPortObjectSpec withClusterCount(final int clusterCount) {
        return new ClusterModelPortObjectSpec(algorithm, columnNames, columnTypes, distance, clusterCount, noise,
            probabilities, distances);
    }

    private void init(final String algo, final List<String> names, final List<String> types,
        final ClusterDistance dist, final int count) throws InvalidSettingsException {
        if (algo == null || algo.isBlank()) {
            throw new InvalidSettingsException("a cluster model spec needs the algorithm's name");
        }
        if (names == null || names.isEmpty()) {
            throw new InvalidSettingsException("a cluster model needs at least one feature column");
        }
        if (types == null || types.size() != names.size()) {
            throw new InvalidSettingsException("a cluster model needs one type per feature column, got "
                + (types == null ? 0 : types.size()) + " types for " + names.size() + " columns");
        }
        final Set<String> seen = new HashSet<>();
        for (final String name : names) {
            if (name == null || !seen.add(name)) {
                throw new InvalidSettingsException("the feature column names of a cluster model must be unique and "
                    + "set, got '" + name + "' twice or unset");
            }
        }
        if (dist == null) {
            throw new InvalidSettingsException("a cluster model spec needs a distance");
        }
        if (count < 0 && count != UNKNOWN_COUNT) {
            throw new InvalidSettingsException("the number of clusters must be at least 0 (or unknown), got " + count);
        }
        algorithm = algo;
        columnNames = List.copyOf(names);
        columnTypes = List.copyOf(types);
        distance = dist;
        clusterCount = count;
    }

    /** @return the algorithm's display name, e.g. "k-means" */
    public String algorithm() {
        return algorithm;
    }

    /** @return the feature columns, in the order the model reads them */
    public List<String> columnNames() {
        return columnNames;
    }

    /** @return the display names of the feature columns' types at fitting time */
    public List<String> columnTypes() {
        return columnTypes;
    }

    /** @return the distance; for cosine, rows are L2-normalised before fitting and before assigning */
    public ClusterDistance distance() {
        return distance;
    }

    /** @return the number of clusters (noise not counted), or {@link #UNKNOWN_COUNT} if not known before fitting */
    public int clusterCount() {
        return clusterCount;
    }

    /** @return whether {@link #clusterCount()} is known */
    public boolean isClusterCountKnown() {
        return clusterCount != UNKNOWN_COUNT;
    }

    /** @return whether the model may label rows as noise ({@value #NOISE_NAME}) */
    public boolean mayAssignNoise() {
        return noise;
    }

    /** @return whether an assignment gives one probability per cluster */
    public boolean hasProbabilities() {
        return probabilities;
    }

    /** @return whether an assignment gives a distance per row */
    public boolean hasDistances() {
        return distances;
    }

    /**
     * @param label a cluster index, or {@link org.deepcluster.core.cluster.ClusterModel#NOISE}
     * @return {@code Cluster_<label>}, or {@value #NOISE_NAME} for noise (any negative label)
     */
    public static String clusterName(final int label) {
        return label < 0 ? NOISE_NAME : CLUSTER_PREFIX + label;
    }

    /** @return the cluster names, plus {@value #NOISE_NAME} if the model may assign noise; empty if the count is unknown */
    public List<String> clusterNames() {
        final List<String> names = new ArrayList<>();
        for (int c = 0; c < clusterCount; c++) {
            names.add(clusterName(c));
        }
        if (noise && isClusterCountKnown()) {
            names.add(NOISE_NAME);
        }
        return names;
    }

    /**
     * Finds the model's feature columns in a table.
     *
     * @param table the spec of a table to assign
     * @return the indices of the model's columns in the table, in the model's order
     * @throws InvalidSettingsException naming the first column the table lacks or has with a non-numeric type
     */
    public int[] findColumns(final DataTableSpec table) throws InvalidSettingsException {
        return ModelColumns.find(table, columnNames, columnTypes, "the cluster model was fitted on",
            "feature columns");
    }

    @Override
    protected void save(final ModelContentWO model) {
        model.addInt(KEY_VERSION, CONTENT_VERSION);
        model.addString(KEY_ALGORITHM, algorithm);
        model.addStringArray(KEY_COLUMN_NAMES, columnNames.toArray(new String[0]));
        model.addStringArray(KEY_COLUMN_TYPES, columnTypes.toArray(new String[0]));
        model.addString(KEY_DISTANCE, distance.name());
        model.addInt(KEY_CLUSTER_COUNT, clusterCount);
        model.addBoolean(KEY_NOISE, noise);
        model.addBoolean(KEY_PROBABILITIES, probabilities);
        model.addBoolean(KEY_DISTANCES, distances);
    }

    @Override
    protected void load(final ModelContentRO model) throws InvalidSettingsException {
        final int version = model.getInt(KEY_VERSION);
        if (version > CONTENT_VERSION) {
            throw new InvalidSettingsException("The cluster model spec was saved by a newer version of the Deep "
                + "Clustering extension (spec version " + version + "): update the extension.");
        }
        final String[] names = model.getStringArray(KEY_COLUMN_NAMES);
        final String[] types = model.getStringArray(KEY_COLUMN_TYPES);
        final ClusterDistance dist;
        try {
            dist = ClusterDistance.parse(model.getString(KEY_DISTANCE), "distance");
        } catch (final IllegalArgumentException e) {
            throw new InvalidSettingsException("The cluster model spec has an unknown distance: it was saved by a "
                + "newer version of the Deep Clustering extension; update the extension. (" + e.getMessage() + ")", e);
        }
        init(model.getString(KEY_ALGORITHM), names == null ? null : List.of(names),
            types == null ? null : List.of(types), dist, model.getInt(KEY_CLUSTER_COUNT));
        noise = model.getBoolean(KEY_NOISE);
        probabilities = model.getBoolean(KEY_PROBABILITIES);
        distances = model.getBoolean(KEY_DISTANCES);
    }

    /** @return a table of the feature columns and their types, named "Cluster Model Spec" */
    @Override
    public JComponent[] getViews() {
        final DefaultTableModel rows = new DefaultTableModel(new Object[]{"Feature column", "Type at fitting"}, 0) {
            private static final long serialVersionUID = 1L;

            @Override
            public boolean isCellEditable(final int row, final int column) {
                return false;
            }
        };
        for (int j = 0; j < columnNames.size(); j++) {
            rows.addRow(new Object[]{columnNames.get(j), columnTypes.get(j)});
        }
        final JScrollPane view = new JScrollPane(new JTable(rows));
        view.setName("Cluster Model Spec");
        return new JComponent[]{view};
    }

    /** @return one line: algorithm, clusters, feature columns, distance */
    @Override
    public String toString() {
        return algorithm + ", " + (isClusterCountKnown() ? clusterCount + " clusters" : "clusters not yet known")
            + (noise ? " (+ noise)" : "") + ", " + columnNames.size() + " feature columns, " + distance.label()
            + " distance";
    }
}
