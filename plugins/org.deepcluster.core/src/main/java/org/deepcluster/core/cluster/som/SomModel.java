package org.deepcluster.core.cluster.som;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

import org.deepcluster.core.cluster.Assignment;
import org.deepcluster.core.cluster.ClusterModel;
import org.deepcluster.core.cluster.ModelState;
import org.deepcluster.core.data.Matrix;

/**
 * A trained self-organising map: the settings, the codebook (one vector per grid unit, row by row over the grid),
 * the cluster of each unit (the unit itself, or its merged cluster), each training row's best matching unit and the
 * fit statistics. Immutable.
 *
 * <p>Assignment: a row goes to its best matching unit (nearest codebook vector, Euclidean; ties to the lower unit),
 * and from there to the unit's cluster; {@link Assignment#distances()} holds the Euclidean distance to that unit's
 * vector (the row's quantization error). No probabilities.
 */
public final class SomModel implements ClusterModel {

    /** The {@link ClusterModel#algorithm()} of SOM models. */
    public static final String ALGORITHM = "som";

    /**
     * How well the map fits the training rows.
     *
     * @param quantizationError the mean Euclidean distance of the rows to their BMU's vector
     * @param topographicError the fraction of rows whose nearest and second-nearest units are not grid neighbours
     *            (diagonals count as neighbours); 0 on a one-unit grid
     * @param epochQuantizationErrors per epoch, the mean distance of the rows to their BMU as found during that epoch
     *            (before the epoch's updates)
     */
    public record FitStatistics(double quantizationError, double topographicError, double[] epochQuantizationErrors) {

        /** Copies the history. */
        public FitStatistics {
            epochQuantizationErrors = epochQuantizationErrors.clone();
        }

        @Override
        public double[] epochQuantizationErrors() {
            return epochQuantizationErrors.clone();
        }

        @Override
        public boolean equals(final Object o) {
            return o instanceof FitStatistics f && Double.compare(quantizationError, f.quantizationError) == 0
                && Double.compare(topographicError, f.topographicError) == 0
                && Arrays.equals(epochQuantizationErrors, f.epochQuantizationErrors);
        }

        @Override
        public int hashCode() {
            return Double.hashCode(quantizationError) * 31 + Arrays.hashCode(epochQuantizationErrors);
        }
    }

    private final SelfOrganizingMap.Parameters parameters;
    private final Matrix codebook;
    private final double[] vectors; // the codebook, row-major, for the distance loops
    private final int[] unitToCluster;
    private final int[] trainingUnits;
    private final int[] labels;
    private final int clusters;
    private final FitStatistics statistics;

    /**
     * @param parameters the settings
     * @param codebook one row per unit of {@code parameters.grid()}
     * @param unitToCluster per unit its cluster (the identity without merging); copied
     * @param trainingUnits per training row its BMU; copied
     * @param statistics the fit statistics
     * @throws IllegalArgumentException if the parts are inconsistent
     */
    public SomModel(final SelfOrganizingMap.Parameters parameters, final Matrix codebook, final int[] unitToCluster,
        final int[] trainingUnits, final FitStatistics statistics) {
        parameters.validate();
        final int units = parameters.grid().units();
        if (codebook.rows() != units || codebook.cols() < 1 || unitToCluster.length != units) {
            throw new IllegalArgumentException("the SOM codebook and unit clusters need one entry per unit of the "
                + parameters.grid().rows() + " × " + parameters.grid().cols() + " grid");
        }
        this.clusters = parameters.mergeClusters() == 0 ? units : parameters.mergeClusters();
        for (int u = 0; u < units; u++) {
            if (unitToCluster[u] < 0 || unitToCluster[u] >= clusters) {
                throw new IllegalArgumentException("unit " + u + " has cluster " + unitToCluster[u]
                    + ", not in [0, " + clusters + ")");
            }
        }
        this.parameters = parameters;
        this.codebook = codebook;
        this.vectors = new double[units * codebook.cols()];
        for (int u = 0; u < units; u++) {
            System.arraycopy(codebook.row(u), 0, vectors, u * codebook.cols(), codebook.cols());
        }
        this.unitToCluster = unitToCluster.clone();
        this.trainingUnits = trainingUnits.clone();
        this.labels = new int[trainingUnits.length];
        for (int i = 0; i < labels.length; i++) {
            if (trainingUnits[i] < 0 || trainingUnits[i] >= units) {
                throw new IllegalArgumentException("training row " + i + " has unit " + trainingUnits[i]
                    + ", not in [0, " + units + ")");
            }
            labels[i] = unitToCluster[trainingUnits[i]];
        }
        this.statistics = statistics;
    }

    /** @return the settings */
    public SelfOrganizingMap.Parameters parameters() {
        return parameters;
    }

    /** @return the grid */
    public SomGrid grid() {
        return parameters.grid();
    }

    /** @return the codebook, one row per unit (unit r · cols + c at grid row r, column c) */
    public Matrix codebook() {
        return codebook;
    }

    /** @return per unit its cluster (a copy) */
    public int[] unitClusters() {
        return unitToCluster.clone();
    }

    /** @return per training row its best matching unit (a copy) */
    public int[] trainingUnits() {
        return trainingUnits.clone();
    }

    /** @return the number of training rows per unit */
    public int[] unitHits() {
        final int[] hits = new int[grid().units()];
        for (final int u : trainingUnits) {
            hits[u]++;
        }
        return hits;
    }

    /** @return the fit statistics */
    public FitStatistics statistics() {
        return statistics;
    }

    /**
     * @param rows rows with {@link #featureCount()} finite values
     * @return per row its best matching unit
     * @throws IllegalArgumentException if the column count differs or a value is not finite
     */
    public int[] bestMatchingUnits(final Matrix rows) {
        check(rows);
        final int[] bmu = new int[rows.rows()];
        SelfOrganizingMap.bestUnits(rows.toRowArrays(), vectors, codebook.cols(), grid().units(), bmu,
            new double[rows.rows()]);
        return bmu;
    }

    private void check(final Matrix rows) {
        if (rows.rows() > 0 && rows.cols() != codebook.cols()) {
            throw new IllegalArgumentException("the data has " + rows.cols() + " columns but the self-organising "
                + "map was trained on " + codebook.cols() + " columns");
        }
        rows.requireFinite("the data");
    }

    @Override
    public String algorithm() {
        return ALGORITHM;
    }

    @Override
    public int featureCount() {
        return codebook.cols();
    }

    @Override
    public int clusterCount() {
        return clusters;
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** BMU, then the unit's cluster; distances = Euclidean distance to the BMU's vector. */
    @Override
    public Assignment assign(final Matrix rows) {
        check(rows);
        final int[] bmu = new int[rows.rows()];
        final double[] distances = new double[rows.rows()];
        SelfOrganizingMap.bestUnits(rows.toRowArrays(), vectors, codebook.cols(), grid().units(), bmu, distances);
        final int[] assigned = new int[bmu.length];
        for (int i = 0; i < bmu.length; i++) {
            assigned[i] = unitToCluster[bmu[i]];
            distances[i] = Math.sqrt(distances[i]);
        }
        return new Assignment(assigned, null, distances);
    }

    @Override
    public String summary() {
        final SelfOrganizingMap.Parameters p = parameters;
        final StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "self-organising map, %d × %d grid (%d units), %d features, %d training "
            + "rows%n", grid().rows(), grid().cols(), grid().units(), codebook.cols(), trainingUnits.length));
        s.append(String.format(Locale.ROOT, "settings: %s training, %d epochs, %s initialisation, radius %g → %g, ",
            p.training().name().toLowerCase(Locale.ROOT), p.epochs(), p.init() == SelfOrganizingMap.Init.PCA ? "PCA"
                : "random-rows", p.radiusStart(), p.radiusEnd()));
        if (p.training() == SelfOrganizingMap.Training.ONLINE) {
            s.append(String.format(Locale.ROOT, "learning rate %g → %g, ", p.learningRateStart(),
                p.learningRateEnd()));
        }
        s.append(String.format(Locale.ROOT, "%s decay, seed %d%n", p.decay().name().toLowerCase(Locale.ROOT),
            p.seed()));
        s.append(p.mergeClusters() == 0 ? "clusters: one per unit\n"
            : "clusters: units merged into " + p.mergeClusters() + " by k-means on the codebook\n");
        s.append(String.format(Locale.ROOT, "quantization error: %.6f, topographic error: %.4f%n",
            statistics.quantizationError(), statistics.topographicError()));
        s.append("rows per unit (grid):");
        final int[] hits = unitHits();
        for (int r = 0; r < grid().rows() && grid().units() <= 400; r++) {
            s.append('\n');
            for (int c = 0; c < grid().cols(); c++) {
                s.append(c == 0 ? "" : " ").append(hits[r * grid().cols() + c]);
            }
        }
        if (grid().units() > 400) {
            s.append(' ').append("(grid too large to show)");
        }
        if (p.mergeClusters() > 0) {
            final int[] sizes = new int[clusters];
            for (final int label : labels) {
                sizes[label]++;
            }
            s.append("\ncluster sizes: ").append(Arrays.toString(sizes));
        }
        return s.toString();
    }

    @Override
    public void save(final ModelState state) {
        final SelfOrganizingMap.Parameters p = parameters;
        state.put("gridRows", p.grid().rows());
        state.put("gridCols", p.grid().cols());
        state.put("epochs", p.epochs());
        state.put("training", p.training().name());
        state.put("init", p.init().name());
        state.put("radiusStart", p.radiusStart());
        state.put("radiusEnd", p.radiusEnd());
        state.put("learningRateStart", p.learningRateStart());
        state.put("learningRateEnd", p.learningRateEnd());
        state.put("decay", p.decay().name());
        state.put("mergeClusters", p.mergeClusters());
        state.put("seed", p.seed());
        state.put("codebook", codebook);
        state.put("unitClusters", unitToCluster);
        state.put("trainingUnits", trainingUnits);
        state.put("quantizationError", statistics.quantizationError());
        state.put("topographicError", statistics.topographicError());
        state.put("epochQuantizationErrors", statistics.epochQuantizationErrors());
    }

    /**
     * @param state a state written by {@link #save}
     * @return the model
     * @throws IOException if the state is incomplete or inconsistent
     */
    public static SomModel read(final ModelState state) throws IOException {
        final SelfOrganizingMap.Parameters p;
        try {
            p = new SelfOrganizingMap.Parameters(new SomGrid(state.integer("gridRows", 1, SomGrid.MAX_UNITS),
                state.integer("gridCols", 1, SomGrid.MAX_UNITS)), state.integer("epochs", 1, Integer.MAX_VALUE),
                SelfOrganizingMap.Training.valueOf(state.string("training")),
                SelfOrganizingMap.Init.valueOf(state.string("init")), state.number("radiusStart"),
                state.number("radiusEnd"), state.number("learningRateStart"), state.number("learningRateEnd"),
                Decay.valueOf(state.string("decay")), state.integer("mergeClusters", 0, SomGrid.MAX_UNITS),
                state.integer("seed"));
        } catch (final IllegalArgumentException e) {
            throw new IOException("the self-organising map's settings are invalid: " + e.getMessage(), e);
        }
        return new SomModel(p, state.matrix("codebook"), state.ints("unitClusters"), state.ints("trainingUnits"),
            new FitStatistics(state.number("quantizationError"), state.number("topographicError"),
                state.doubles("epochQuantizationErrors")));
    }

    @Override
    public String toString() {
        return "SomModel[" + grid().rows() + "x" + grid().cols() + ", clusters=" + clusters + "]";
    }
}
