package org.deepcluster.knime.node.cluster.som;

import org.deepcluster.core.cluster.som.Decay;
import org.deepcluster.core.cluster.som.SelfOrganizingMap;
import org.deepcluster.core.cluster.som.SomGrid;
import org.deepcluster.knime.node.cluster.ClusteringSettings;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/** The Self-Organizing Map node's settings: the common clustering settings plus grid, schedule and merging. */
final class SelfOrganizingMapSettings extends ClusteringSettings {

    static final String KEY_GRID_ROWS = "grid_rows";
    static final String KEY_GRID_COLS = "grid_columns";
    static final String KEY_EPOCHS = "epochs";
    static final String KEY_TRAINING = "training";
    static final String KEY_INIT = "initialisation";
    static final String KEY_RADIUS_START = "radius_start";
    static final String KEY_RADIUS_END = "radius_end";
    static final String KEY_RATE_START = "learning_rate_start";
    static final String KEY_RATE_END = "learning_rate_end";
    static final String KEY_DECAY = "decay";
    static final String KEY_MERGE = "merge_clusters";
    static final String KEY_SEED = "seed";
    static final String KEY_UNIT_COLUMNS = "append_unit_columns";

    static final String LABEL_GRID_ROWS = "Grid rows";
    static final String LABEL_GRID_COLS = "Grid columns";
    static final String LABEL_EPOCHS = "Epochs";
    static final String LABEL_TRAINING = "Training";
    static final String LABEL_INIT = "Initialisation";
    static final String LABEL_RADIUS_START = "Start radius (0 = automatic)";
    static final String LABEL_RADIUS_END = "End radius";
    static final String LABEL_RATE_START = "Start learning rate (online)";
    static final String LABEL_RATE_END = "End learning rate (online)";
    static final String LABEL_DECAY = "Decay";
    static final String LABEL_MERGE = "Merge units into k clusters (0 = no)";
    static final String LABEL_SEED = "Random seed";
    static final String LABEL_UNIT_COLUMNS = "Append unit columns";

    int gridRows = 5;
    int gridCols = 5;
    int epochs = 20;
    SelfOrganizingMap.Training training = SelfOrganizingMap.Training.BATCH;
    SelfOrganizingMap.Init init = SelfOrganizingMap.Init.PCA;
    double radiusStart = 0;
    double radiusEnd = 0.5;
    double learningRateStart = 0.5;
    double learningRateEnd = 0.01;
    Decay decay = Decay.LINEAR;
    int mergeClusters = 0;
    long seed = 42;
    boolean appendUnitColumns = true;

    /** @return the number of clusters: the merged k, or one per unit */
    int clusterCount() {
        return mergeClusters > 0 ? mergeClusters : gridRows * gridCols;
    }

    SelfOrganizingMap.Parameters parameters() {
        final double start = radiusStart > 0 ? radiusStart : Math.max(1.0, Math.max(gridRows, gridCols) / 2.0);
        return new SelfOrganizingMap.Parameters(new SomGrid(gridRows, gridCols), epochs, training, init, start,
            radiusEnd, learningRateStart, learningRateEnd, decay, mergeClusters, seed);
    }

    @Override
    protected void saveAlgorithmTo(final NodeSettingsWO settings) {
        settings.addInt(KEY_GRID_ROWS, gridRows);
        settings.addInt(KEY_GRID_COLS, gridCols);
        settings.addInt(KEY_EPOCHS, epochs);
        settings.addString(KEY_TRAINING, training.name());
        settings.addString(KEY_INIT, init.name());
        settings.addDouble(KEY_RADIUS_START, radiusStart);
        settings.addDouble(KEY_RADIUS_END, radiusEnd);
        settings.addDouble(KEY_RATE_START, learningRateStart);
        settings.addDouble(KEY_RATE_END, learningRateEnd);
        settings.addString(KEY_DECAY, decay.name());
        settings.addInt(KEY_MERGE, mergeClusters);
        settings.addLong(KEY_SEED, seed);
        settings.addBoolean(KEY_UNIT_COLUMNS, appendUnitColumns);
    }

    @Override
    protected void loadAlgorithmFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        gridRows = settings.getInt(KEY_GRID_ROWS);
        gridCols = settings.getInt(KEY_GRID_COLS);
        epochs = settings.getInt(KEY_EPOCHS);
        training = parse(SelfOrganizingMap.Training.class, settings.getString(KEY_TRAINING), LABEL_TRAINING);
        init = parse(SelfOrganizingMap.Init.class, settings.getString(KEY_INIT), LABEL_INIT);
        radiusStart = settings.getDouble(KEY_RADIUS_START);
        radiusEnd = settings.getDouble(KEY_RADIUS_END);
        learningRateStart = settings.getDouble(KEY_RATE_START);
        learningRateEnd = settings.getDouble(KEY_RATE_END);
        decay = parse(Decay.class, settings.getString(KEY_DECAY), LABEL_DECAY);
        mergeClusters = settings.getInt(KEY_MERGE);
        seed = settings.getLong(KEY_SEED);
        appendUnitColumns = settings.getBoolean(KEY_UNIT_COLUMNS);
    }

    @Override
    protected void loadAlgorithmForDialog(final NodeSettingsRO settings) {
        gridRows = settings.getInt(KEY_GRID_ROWS, gridRows);
        gridCols = settings.getInt(KEY_GRID_COLS, gridCols);
        epochs = settings.getInt(KEY_EPOCHS, epochs);
        training = parseOr(SelfOrganizingMap.Training.class, settings.getString(KEY_TRAINING, null), training);
        init = parseOr(SelfOrganizingMap.Init.class, settings.getString(KEY_INIT, null), init);
        radiusStart = settings.getDouble(KEY_RADIUS_START, radiusStart);
        radiusEnd = settings.getDouble(KEY_RADIUS_END, radiusEnd);
        learningRateStart = settings.getDouble(KEY_RATE_START, learningRateStart);
        learningRateEnd = settings.getDouble(KEY_RATE_END, learningRateEnd);
        decay = parseOr(Decay.class, settings.getString(KEY_DECAY, null), decay);
        mergeClusters = settings.getInt(KEY_MERGE, mergeClusters);
        seed = settings.getLong(KEY_SEED, seed);
        appendUnitColumns = settings.getBoolean(KEY_UNIT_COLUMNS, appendUnitColumns);
    }

    @Override
    protected void validateAlgorithm() throws InvalidSettingsException {
        check(gridRows >= 1, LABEL_GRID_ROWS, "must be at least 1 (is " + gridRows + ")");
        check(gridCols >= 1, LABEL_GRID_COLS, "must be at least 1 (is " + gridCols + ")");
        check((long)gridRows * gridCols <= SomGrid.MAX_UNITS, LABEL_GRID_ROWS,
            "× '" + LABEL_GRID_COLS + "' must not exceed " + SomGrid.MAX_UNITS + " units (is "
                + (long)gridRows * gridCols + ")");
        check(epochs >= 1, LABEL_EPOCHS, "must be at least 1 (is " + epochs + ")");
        check(training != null, LABEL_TRAINING, "is not set");
        check(init != null, LABEL_INIT, "is not set");
        check(decay != null, LABEL_DECAY, "is not set");
        check(radiusStart >= 0 && Double.isFinite(radiusStart), LABEL_RADIUS_START,
            "must be 0 (automatic) or a positive number (is " + radiusStart + ")");
        check(radiusEnd > 0 && Double.isFinite(radiusEnd), LABEL_RADIUS_END,
            "must be a positive number (is " + radiusEnd + ")");
        check(learningRateStart > 0 && learningRateStart <= 1, LABEL_RATE_START,
            "must be in (0, 1] (is " + learningRateStart + ")");
        check(learningRateEnd > 0 && learningRateEnd <= 1, LABEL_RATE_END,
            "must be in (0, 1] (is " + learningRateEnd + ")");
        check(mergeClusters >= 0 && mergeClusters <= (long)gridRows * gridCols, LABEL_MERGE,
            "must be 0 or between 1 and the number of grid units, " + (long)gridRows * gridCols + " (is "
                + mergeClusters + ")");
    }

    private static <E extends Enum<E>> E parse(final Class<E> type, final String name, final String label)
        throws InvalidSettingsException {
        try {
            return Enum.valueOf(type, name);
        } catch (final IllegalArgumentException | NullPointerException e) {
            throw new InvalidSettingsException("Setting '" + label + "': unknown value '" + name + "'.", e);
        }
    }

    private static <E extends Enum<E>> E parseOr(final Class<E> type, final String name, final E fallback) {
        try {
            return name == null ? fallback : Enum.valueOf(type, name);
        } catch (final IllegalArgumentException e) { // NOSONAR: the dialog shows the default instead
            return fallback;
        }
    }
}
