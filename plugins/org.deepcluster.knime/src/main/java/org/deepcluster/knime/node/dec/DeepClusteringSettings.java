package org.deepcluster.knime.node.dec;

import org.deepcluster.core.deep.DeepEmbeddedClustering;
import org.deepcluster.core.encode.Optimizer;
import org.deepcluster.knime.util.MissingValuePolicy;
import org.deepcluster.knime.util.NodeSettingsObject;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/**
 * The Deep Embedded Clustering node's settings: keys, defaults, validation. Shared by the node model and the dialog,
 * so that the dialog never invents keys. Validation messages name the setting as the dialog labels it. The defaults
 * are the engine's ({@link DeepEmbeddedClustering.Parameters#defaults(int)}) with k = 3.
 */
final class DeepClusteringSettings implements NodeSettingsObject {

    static final String KEY_K = "k";
    static final String KEY_ALPHA = "alpha";
    static final String KEY_UPDATE_INTERVAL = "update_interval";
    static final String KEY_TOLERANCE = "tolerance";
    static final String KEY_MAX_ITERATIONS = "max_iterations";
    static final String KEY_BATCH_SIZE = "batch_size";
    static final String KEY_LEARNING_RATE = "learning_rate";
    static final String KEY_OPTIMIZER = "optimizer";
    static final String KEY_RECONSTRUCTION_WEIGHT = "reconstruction_weight";
    static final String KEY_KMEANS_RESTARTS = "kmeans_restarts";
    static final String KEY_SEED = "seed";
    static final String KEY_MISSING = "missing_values";
    static final String KEY_CLUSTER_COLUMN = "cluster_column";

    static final String LABEL_K = "Number of clusters (k)";
    static final String LABEL_ALPHA = "Kernel degrees of freedom (α)";
    static final String LABEL_UPDATE_INTERVAL = "Target update interval (iterations)";
    static final String LABEL_TOLERANCE = "Tolerance (fraction of changed labels)";
    static final String LABEL_MAX_ITERATIONS = "Maximum iterations";
    static final String LABEL_BATCH_SIZE = "Batch size";
    static final String LABEL_LEARNING_RATE = "Learning rate";
    static final String LABEL_OPTIMIZER = "Optimizer";
    static final String LABEL_RECONSTRUCTION_WEIGHT = "Reconstruction weight γ (0 = DEC, > 0 = IDEC)";
    static final String LABEL_KMEANS_RESTARTS = "k-means restarts (initialisation)";
    static final String LABEL_SEED = "Random seed";
    static final String LABEL_MISSING = "Rows with missing values";
    static final String LABEL_CLUSTER_COLUMN = "Cluster column name";

    private static final DeepEmbeddedClustering.Parameters DEFAULTS = DeepEmbeddedClustering.Parameters.defaults(3);

    int k = DEFAULTS.k();
    double alpha = DEFAULTS.alpha();
    int updateInterval = DEFAULTS.updateInterval();
    double tolerance = DEFAULTS.tolerance();
    int maxIterations = DEFAULTS.maxIterations();
    int batchSize = DEFAULTS.batchSize();
    double learningRate = DEFAULTS.learningRate();
    Optimizer optimizer = DEFAULTS.optimizer();
    double reconstructionWeight = DEFAULTS.reconstructionWeight();
    int kMeansRestarts = DEFAULTS.kMeansRestarts();
    long seed = DEFAULTS.seed();
    MissingValuePolicy missingValues = MissingValuePolicy.FAIL;
    String clusterColumn = "Cluster";

    /** @return the engine's parameters */
    DeepEmbeddedClustering.Parameters parameters() {
        return new DeepEmbeddedClustering.Parameters(k, alpha, updateInterval, tolerance, maxIterations, batchSize,
            learningRate, optimizer, reconstructionWeight, kMeansRestarts, seed);
    }

    @Override
    public void saveTo(final NodeSettingsWO settings) {
        settings.addInt(KEY_K, k);
        settings.addDouble(KEY_ALPHA, alpha);
        settings.addInt(KEY_UPDATE_INTERVAL, updateInterval);
        settings.addDouble(KEY_TOLERANCE, tolerance);
        settings.addInt(KEY_MAX_ITERATIONS, maxIterations);
        settings.addInt(KEY_BATCH_SIZE, batchSize);
        settings.addDouble(KEY_LEARNING_RATE, learningRate);
        settings.addString(KEY_OPTIMIZER, optimizer == null ? null : optimizer.name());
        settings.addDouble(KEY_RECONSTRUCTION_WEIGHT, reconstructionWeight);
        settings.addInt(KEY_KMEANS_RESTARTS, kMeansRestarts);
        settings.addLong(KEY_SEED, seed);
        settings.addString(KEY_MISSING, missingValues == null ? null : missingValues.name());
        settings.addString(KEY_CLUSTER_COLUMN, clusterColumn);
    }

    /**
     * Reads and validates settings (used by the node model; missing keys are errors).
     *
     * @param settings the settings to read
     * @return the settings
     * @throws InvalidSettingsException naming the first invalid or missing setting
     */
    static DeepClusteringSettings load(final NodeSettingsRO settings) throws InvalidSettingsException {
        final DeepClusteringSettings s = new DeepClusteringSettings();
        s.k = settings.getInt(KEY_K);
        s.alpha = settings.getDouble(KEY_ALPHA);
        s.updateInterval = settings.getInt(KEY_UPDATE_INTERVAL);
        s.tolerance = settings.getDouble(KEY_TOLERANCE);
        s.maxIterations = settings.getInt(KEY_MAX_ITERATIONS);
        s.batchSize = settings.getInt(KEY_BATCH_SIZE);
        s.learningRate = settings.getDouble(KEY_LEARNING_RATE);
        s.optimizer = parseOptimizer(settings.getString(KEY_OPTIMIZER));
        s.reconstructionWeight = settings.getDouble(KEY_RECONSTRUCTION_WEIGHT);
        s.kMeansRestarts = settings.getInt(KEY_KMEANS_RESTARTS);
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
    static DeepClusteringSettings loadForDialog(final NodeSettingsRO settings) {
        final DeepClusteringSettings d = new DeepClusteringSettings();
        final DeepClusteringSettings s = new DeepClusteringSettings();
        s.k = settings.getInt(KEY_K, d.k);
        s.alpha = settings.getDouble(KEY_ALPHA, d.alpha);
        s.updateInterval = settings.getInt(KEY_UPDATE_INTERVAL, d.updateInterval);
        s.tolerance = settings.getDouble(KEY_TOLERANCE, d.tolerance);
        s.maxIterations = settings.getInt(KEY_MAX_ITERATIONS, d.maxIterations);
        s.batchSize = settings.getInt(KEY_BATCH_SIZE, d.batchSize);
        s.learningRate = settings.getDouble(KEY_LEARNING_RATE, d.learningRate);
        try {
            s.optimizer = parseOptimizer(settings.getString(KEY_OPTIMIZER, d.optimizer.name()));
        } catch (final InvalidSettingsException e) { // NOSONAR: the dialog shows the default instead
            s.optimizer = d.optimizer;
        }
        s.reconstructionWeight = settings.getDouble(KEY_RECONSTRUCTION_WEIGHT, d.reconstructionWeight);
        s.kMeansRestarts = settings.getInt(KEY_KMEANS_RESTARTS, d.kMeansRestarts);
        s.seed = settings.getLong(KEY_SEED, d.seed);
        try {
            s.missingValues = parsePolicy(settings.getString(KEY_MISSING, d.missingValues.name()));
        } catch (final InvalidSettingsException e) { // NOSONAR: the dialog shows the default instead
            s.missingValues = d.missingValues;
        }
        s.clusterColumn = settings.getString(KEY_CLUSTER_COLUMN, d.clusterColumn);
        if (s.clusterColumn == null) {
            s.clusterColumn = d.clusterColumn;
        }
        return s;
    }

    /**
     * Checks the values on their own (without inputs).
     *
     * @throws InvalidSettingsException naming the first invalid setting
     */
    void validate() throws InvalidSettingsException {
        check(k >= 2, LABEL_K, "must be at least 2 (is " + k + ")");
        check(alpha > 0 && Double.isFinite(alpha), LABEL_ALPHA, "must be a finite number > 0 (is " + alpha + ")");
        check(updateInterval >= 1, LABEL_UPDATE_INTERVAL, "must be at least 1 (is " + updateInterval + ")");
        check(tolerance >= 0 && tolerance <= 1, LABEL_TOLERANCE, "must be between 0 and 1 (is " + tolerance + ")");
        check(maxIterations >= 1, LABEL_MAX_ITERATIONS, "must be at least 1 (is " + maxIterations + ")");
        check(batchSize >= 1, LABEL_BATCH_SIZE, "must be at least 1 (is " + batchSize + ")");
        check(learningRate > 0 && Double.isFinite(learningRate), LABEL_LEARNING_RATE,
            "must be a finite number > 0 (is " + learningRate + ")");
        check(optimizer != null, LABEL_OPTIMIZER, "is not set");
        check(reconstructionWeight >= 0 && Double.isFinite(reconstructionWeight), LABEL_RECONSTRUCTION_WEIGHT,
            "must be a finite number ≥ 0 (is " + reconstructionWeight + ")");
        check(kMeansRestarts >= 1, LABEL_KMEANS_RESTARTS, "must be at least 1 (is " + kMeansRestarts + ")");
        check(missingValues != null, LABEL_MISSING, "is not set");
        check(clusterColumn != null && !clusterColumn.isBlank(), LABEL_CLUSTER_COLUMN, "must not be empty");
    }

    private static void check(final boolean ok, final String label, final String problem)
        throws InvalidSettingsException {
        if (!ok) {
            throw new InvalidSettingsException("Setting '" + label + "' " + problem + ".");
        }
    }

    private static Optimizer parseOptimizer(final String value) throws InvalidSettingsException {
        for (final Optimizer o : Optimizer.values()) {
            if (o.name().equals(value)) {
                return o;
            }
        }
        throw new InvalidSettingsException("Setting '" + LABEL_OPTIMIZER + "' has the unknown value '" + value
            + "'; available: ADAM, SGD_MOMENTUM.");
    }

    private static MissingValuePolicy parsePolicy(final String value) throws InvalidSettingsException {
        try {
            return MissingValuePolicy.parse(value, LABEL_MISSING);
        } catch (final IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }
}
