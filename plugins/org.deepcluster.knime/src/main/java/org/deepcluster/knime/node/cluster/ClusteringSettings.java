package org.deepcluster.knime.node.cluster;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.deepcluster.knime.port.ClusterDistance;
import org.deepcluster.knime.util.MissingValuePolicy;
import org.deepcluster.knime.util.NodeSettingsObject;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/**
 * The settings every clustering node shares (feature columns, missing values, distance, cluster column name), plus
 * hooks for an algorithm's own settings. A node's settings class extends this one, adds its fields with keys, labels
 * and defaults, and implements the four {@code ...Algorithm...} methods; the base writes and reads the common keys
 * and validates them. Messages name the setting as the dialog labels it.
 */
public abstract class ClusteringSettings implements NodeSettingsObject {

    public static final String KEY_ALL_NUMERIC = "all_numeric_columns";
    public static final String KEY_INCLUDED = "included_columns";
    public static final String KEY_MISSING = "missing_values";
    public static final String KEY_DISTANCE = "distance";
    public static final String KEY_CLUSTER_COLUMN = "cluster_column";

    public static final String LABEL_COLUMNS = "Column selection";
    public static final String LABEL_MISSING = "Rows with missing values";
    public static final String LABEL_DISTANCE = "Distance";
    public static final String LABEL_CLUSTER_COLUMN = "Cluster column name";

    /** Whether all numeric columns are used (else {@link #includedColumns}). */
    protected boolean allNumericColumns = true;
    /** The manually included feature columns. */
    protected String[] includedColumns = new String[0];
    /** What happens to rows with missing values. */
    protected MissingValuePolicy missingValues = MissingValuePolicy.FAIL;
    /** The distance; only values in {@link #allowedDistances()} are valid. */
    protected ClusterDistance distance = ClusterDistance.EUCLIDEAN;
    /** The name of the appended cluster column. */
    protected String clusterColumn = "Cluster";

    /** @return the distances the algorithm supports; Euclidean only unless overridden */
    public Set<ClusterDistance> allowedDistances() {
        return EnumSet.of(ClusterDistance.EUCLIDEAN);
    }

    /** @param settings where to write the algorithm's own settings (every key, always) */
    protected abstract void saveAlgorithmTo(NodeSettingsWO settings);

    /**
     * Reads the algorithm's own settings strictly (missing keys are errors); validation follows separately.
     *
     * @param settings the stored settings
     * @throws InvalidSettingsException naming a missing key
     */
    protected abstract void loadAlgorithmFrom(NodeSettingsRO settings) throws InvalidSettingsException;

    /**
     * Reads the algorithm's own settings for the dialog: a missing key keeps the field's default.
     *
     * @param settings the stored settings
     */
    protected abstract void loadAlgorithmForDialog(NodeSettingsRO settings);

    /**
     * Checks the algorithm's own values without an input table.
     *
     * @throws InvalidSettingsException naming the first invalid setting (use {@link #check})
     */
    protected abstract void validateAlgorithm() throws InvalidSettingsException;

    /** @return the manually included columns as a list */
    public List<String> includedColumnList() {
        return Arrays.asList(includedColumns);
    }

    /** @return the distance */
    public ClusterDistance distance() {
        return distance;
    }

    /** @return the missing value policy */
    public MissingValuePolicy missingValues() {
        return missingValues;
    }

    /** @return the name of the appended cluster column (made unique against the input) */
    public String clusterColumn() {
        return clusterColumn;
    }

    @Override
    public final void saveTo(final NodeSettingsWO settings) {
        settings.addBoolean(KEY_ALL_NUMERIC, allNumericColumns);
        settings.addStringArray(KEY_INCLUDED, includedColumns);
        saveAlgorithmTo(settings);
        settings.addString(KEY_DISTANCE, distance.name());
        settings.addString(KEY_MISSING, missingValues.name());
        settings.addString(KEY_CLUSTER_COLUMN, clusterColumn);
    }

    /**
     * Reads and validates settings (the node model's way: missing keys are errors).
     *
     * @param settings the stored settings
     * @throws InvalidSettingsException naming the first invalid or missing setting
     */
    public final void loadFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        allNumericColumns = settings.getBoolean(KEY_ALL_NUMERIC);
        includedColumns = settings.getStringArray(KEY_INCLUDED);
        loadAlgorithmFrom(settings);
        distance = parse(() -> ClusterDistance.parse(settings.getString(KEY_DISTANCE), LABEL_DISTANCE));
        missingValues = parse(() -> MissingValuePolicy.parse(settings.getString(KEY_MISSING), LABEL_MISSING));
        clusterColumn = settings.getString(KEY_CLUSTER_COLUMN);
        validate();
    }

    /**
     * Reads settings for the dialog: missing or invalid values keep the defaults of this object.
     *
     * @param settings the stored settings
     */
    public final void loadForDialog(final NodeSettingsRO settings) {
        allNumericColumns = settings.getBoolean(KEY_ALL_NUMERIC, allNumericColumns);
        final String[] included = settings.getStringArray(KEY_INCLUDED, includedColumns);
        includedColumns = included == null ? new String[0] : included;
        loadAlgorithmForDialog(settings);
        try {
            distance = ClusterDistance.parse(settings.getString(KEY_DISTANCE, distance.name()), LABEL_DISTANCE);
        } catch (final IllegalArgumentException e) { // NOSONAR: the dialog shows the default instead
            // keep the default
        }
        try {
            missingValues = MissingValuePolicy.parse(settings.getString(KEY_MISSING, missingValues.name()),
                LABEL_MISSING);
        } catch (final IllegalArgumentException e) { // NOSONAR: the dialog shows the default instead
            // keep the default
        }
        clusterColumn = settings.getString(KEY_CLUSTER_COLUMN, clusterColumn);
    }

    /**
     * Checks all values on their own (without an input table).
     *
     * @throws InvalidSettingsException naming the first invalid setting
     */
    public final void validate() throws InvalidSettingsException {
        if (includedColumns == null) {
            throw new InvalidSettingsException("Setting '" + LABEL_COLUMNS + "' has no column list.");
        }
        validateAlgorithm();
        if (distance == null || !allowedDistances().contains(distance)) {
            throw new InvalidSettingsException("Setting '" + LABEL_DISTANCE + "': "
                + (distance == null ? "not set" : distance.label() + " distance is not available for this algorithm")
                + "; use " + allowedLabels() + ".");
        }
        if (missingValues == null) {
            throw new InvalidSettingsException("Setting '" + LABEL_MISSING + "' is not set.");
        }
        check(clusterColumn != null && !clusterColumn.isBlank(), LABEL_CLUSTER_COLUMN, "must not be empty");
    }

    private String allowedLabels() {
        return String.join(" or ", allowedDistances().stream().map(ClusterDistance::label).toList());
    }

    /**
     * Throws {@code Setting '<label>' <problem>.} unless {@code ok}.
     *
     * @param ok whether the value is valid
     * @param label the setting's label
     * @param problem what is wrong, e.g. "must be at least 1 (is 0)"
     * @throws InvalidSettingsException if not ok
     */
    protected static void check(final boolean ok, final String label, final String problem)
        throws InvalidSettingsException {
        if (!ok) {
            throw new InvalidSettingsException("Setting '" + label + "' " + problem + ".");
        }
    }

    @FunctionalInterface
    private interface Parser<T> {
        T parse() throws InvalidSettingsException;
    }

    private static <T> T parse(final Parser<T> parser) throws InvalidSettingsException {
        try {
            return parser.parse();
        } catch (final IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }
}
