package org.deepcluster.knime.node.clusterer;

import java.util.Arrays;
import java.util.List;

import org.deepcluster.core.cluster.KMeans;
import org.deepcluster.knime.util.MissingValuePolicy;
import org.deepcluster.knime.util.NodeSettingsObject;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/**
 * The Clusterer node's settings: keys, defaults, validation. Shared by the node model and the dialog, so that the
 * dialog never invents keys. Validation messages name the setting as the dialog labels it.
 */
final class ClustererSettings implements NodeSettingsObject {

    static final String KEY_ALL_NUMERIC = "all_numeric_columns";
    static final String KEY_INCLUDED = "included_columns";
    static final String KEY_ALGORITHM = "algorithm";
    static final String KEY_K = "k";
    static final String KEY_RESTARTS = "restarts";
    static final String KEY_MAX_ITERATIONS = "max_iterations";
    static final String KEY_TOLERANCE = "tolerance";
    static final String KEY_SEED = "seed";
    static final String KEY_MISSING = "missing_values";
    static final String KEY_CLUSTER_COLUMN = "cluster_column";

    static final String LABEL_COLUMNS = "Column selection";
    static final String LABEL_ALGORITHM = "Algorithm";
    static final String LABEL_K = "Number of clusters (k)";
    static final String LABEL_RESTARTS = "Restarts";
    static final String LABEL_MAX_ITERATIONS = "Maximum iterations";
    static final String LABEL_TOLERANCE = "Tolerance";
    static final String LABEL_SEED = "Random seed";
    static final String LABEL_MISSING = "Rows with missing values";
    static final String LABEL_CLUSTER_COLUMN = "Cluster column name";

    /** The algorithms this node offers (later versions add more). */
    static final String ALGORITHM_KMEANS = "k-means";

    boolean allNumericColumns = true;
    String[] includedColumns = new String[0];
    String algorithm = ALGORITHM_KMEANS;
    int k = 3;
    int restarts = 10;
    int maxIterations = 300;
    double tolerance = 1e-4;
    long seed = 42;
    MissingValuePolicy missingValues = MissingValuePolicy.FAIL;
    String clusterColumn = "Cluster";

    List<String> includedColumnList() {
        return Arrays.asList(includedColumns);
    }

    KMeans.Parameters kMeansParameters() {
        return new KMeans.Parameters(k, restarts, maxIterations, tolerance, seed);
    }

    @Override
    public void saveTo(final NodeSettingsWO settings) {
        settings.addBoolean(KEY_ALL_NUMERIC, allNumericColumns);
        settings.addStringArray(KEY_INCLUDED, includedColumns);
        settings.addString(KEY_ALGORITHM, algorithm);
        settings.addInt(KEY_K, k);
        settings.addInt(KEY_RESTARTS, restarts);
        settings.addInt(KEY_MAX_ITERATIONS, maxIterations);
        settings.addDouble(KEY_TOLERANCE, tolerance);
        settings.addLong(KEY_SEED, seed);
        settings.addString(KEY_MISSING, missingValues.name());
        settings.addString(KEY_CLUSTER_COLUMN, clusterColumn);
    }

    /**
     * Reads and validates settings (used by the node model; missing keys are errors).
     *
     * @param settings the settings to read
     * @return the settings
     * @throws InvalidSettingsException naming the first invalid or missing setting
     */
    static ClustererSettings load(final NodeSettingsRO settings) throws InvalidSettingsException {
        final ClustererSettings s = new ClustererSettings();
        s.allNumericColumns = settings.getBoolean(KEY_ALL_NUMERIC);
        s.includedColumns = settings.getStringArray(KEY_INCLUDED);
        s.algorithm = settings.getString(KEY_ALGORITHM);
        s.k = settings.getInt(KEY_K);
        s.restarts = settings.getInt(KEY_RESTARTS);
        s.maxIterations = settings.getInt(KEY_MAX_ITERATIONS);
        s.tolerance = settings.getDouble(KEY_TOLERANCE);
        s.seed = settings.getLong(KEY_SEED);
        s.missingValues = parsePolicy(settings.getString(KEY_MISSING));
        s.clusterColumn = settings.getString(KEY_CLUSTER_COLUMN);
        s.validate();
        return s;
    }

    /**
     * Reads settings for the dialog: missing or invalid values fall back to the defaults.
     *
     * @param settings the settings to read
     * @return the settings
     */
    static ClustererSettings loadForDialog(final NodeSettingsRO settings) {
        final ClustererSettings d = new ClustererSettings();
        final ClustererSettings s = new ClustererSettings();
        s.allNumericColumns = settings.getBoolean(KEY_ALL_NUMERIC, d.allNumericColumns);
        s.includedColumns = settings.getStringArray(KEY_INCLUDED, d.includedColumns);
        s.algorithm = settings.getString(KEY_ALGORITHM, d.algorithm);
        s.k = settings.getInt(KEY_K, d.k);
        s.restarts = settings.getInt(KEY_RESTARTS, d.restarts);
        s.maxIterations = settings.getInt(KEY_MAX_ITERATIONS, d.maxIterations);
        s.tolerance = settings.getDouble(KEY_TOLERANCE, d.tolerance);
        s.seed = settings.getLong(KEY_SEED, d.seed);
        try {
            s.missingValues = parsePolicy(settings.getString(KEY_MISSING, d.missingValues.name()));
        } catch (final InvalidSettingsException e) { // NOSONAR: the dialog shows the default instead
            s.missingValues = d.missingValues;
        }
        s.clusterColumn = settings.getString(KEY_CLUSTER_COLUMN, d.clusterColumn);
        if (s.includedColumns == null) {
            s.includedColumns = new String[0];
        }
        return s;
    }

    /**
     * Checks the values on their own (without an input table).
     *
     * @throws InvalidSettingsException naming the first invalid setting
     */
    void validate() throws InvalidSettingsException {
        if (includedColumns == null) {
            throw new InvalidSettingsException("Setting '" + LABEL_COLUMNS + "' has no column list.");
        }
        if (!ALGORITHM_KMEANS.equals(algorithm)) {
            throw new InvalidSettingsException("Setting '" + LABEL_ALGORITHM + "': unknown algorithm '" + algorithm
                + "'; available: " + ALGORITHM_KMEANS + ".");
        }
        check(k >= 1, LABEL_K, "must be at least 1 (is " + k + ")");
        check(restarts >= 1, LABEL_RESTARTS, "must be at least 1 (is " + restarts + ")");
        check(maxIterations >= 1, LABEL_MAX_ITERATIONS, "must be at least 1 (is " + maxIterations + ")");
        check(tolerance >= 0 && Double.isFinite(tolerance), LABEL_TOLERANCE,
            "must be a finite number ≥ 0 (is " + tolerance + ")");
        check(clusterColumn != null && !clusterColumn.isBlank(), LABEL_CLUSTER_COLUMN, "must not be empty");
        if (missingValues == null) {
            throw new InvalidSettingsException("Setting '" + LABEL_MISSING + "' is not set.");
        }
    }

    private static void check(final boolean ok, final String label, final String problem)
        throws InvalidSettingsException {
        if (!ok) {
            throw new InvalidSettingsException("Setting '" + label + "' " + problem + ".");
        }
    }

    private static MissingValuePolicy parsePolicy(final String value) throws InvalidSettingsException {
        try {
            return MissingValuePolicy.parse(value, LABEL_MISSING);
        } catch (final IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }
}
