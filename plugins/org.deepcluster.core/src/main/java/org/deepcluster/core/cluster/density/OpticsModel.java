package org.deepcluster.core.cluster.density;

import java.io.IOException;
import java.util.Arrays;

import org.deepcluster.core.cluster.Assignment;
import org.deepcluster.core.cluster.ClusterModel;
import org.deepcluster.core.cluster.ModelState;
import org.deepcluster.core.data.Matrix;

/**
 * A fitted OPTICS clustering: the ordering, reachability, core distance and predecessor of every training row (for
 * reachability plots), the extracted clusters, and the points needed to assign new rows.
 *
 * <p><b>Assigning new rows</b> (a new row never changes the ordering):
 * <ul>
 * <li>eps cut: as DBSCAN with that eps: the cluster of the nearest core point (a clustered training row with core
 * distance ≤ eps) if it lies within eps, otherwise noise.</li>
 * <li>ξ: the cluster of the nearest clustered training row with a finite core distance, if the new row lies within
 * that row's core distance (i.e. inside the densest neighbourhood that row has), otherwise noise. This is our choice:
 * ξ clusters have no single radius, and a row's own core distance is the density scale of its cluster at that
 * place.</li>
 * </ul>
 * The model keeps those training rows (their values) for this.
 */
public final class OpticsModel implements ClusterModel {

    /** The {@link ClusterModel#algorithm()} of OPTICS models. */
    public static final String ALGORITHM = "optics";

    private final Optics.Parameters parameters;
    private final OpticsOrdering ordering;
    private final int[] labels;
    private final int featureCount;
    private final int clusterCount;
    private final int[] keptRows;
    private final ReferencePoints kept;
    private final int[] keptLabels;
    private final double[] keptRadius;

    /**
     * @param parameters the settings
     * @param ordering the OPTICS result
     * @param labels the extracted cluster of each row
     * @param data the training rows (only the rows needed for assignment are kept)
     * @return the model
     */
    static OpticsModel of(final Optics.Parameters parameters, final OpticsOrdering ordering, final int[] labels,
        final Matrix data) {
        final int[] kept = keptRows(parameters, ordering, labels);
        return new OpticsModel(parameters, ordering, labels, data.cols(), kept, select(data, kept));
    }

    /**
     * Creates a model from its parts, e.g. when loading a saved one.
     *
     * @param parameters the settings
     * @param ordering the OPTICS result
     * @param labels the cluster of each training row
     * @param featureCount the number of columns
     * @param keptRows the training rows kept for assignment (see {@link #keptRows})
     * @param keptPoints their values
     * @throws IllegalArgumentException if the parts are inconsistent
     */
    public OpticsModel(final Optics.Parameters parameters, final OpticsOrdering ordering, final int[] labels,
        final int featureCount, final int[] keptRows, final Matrix keptPoints) {
        parameters.validate();
        final int n = ordering.size();
        if (labels.length != n) {
            throw new IllegalArgumentException("the labels need one entry per row of the ordering");
        }
        if (keptPoints.rows() != keptRows.length || (keptRows.length > 0 && keptPoints.cols() != featureCount)) {
            throw new IllegalArgumentException("the kept points do not match the kept rows or the feature count");
        }
        this.parameters = parameters;
        this.ordering = ordering;
        this.labels = labels.clone();
        this.featureCount = featureCount;
        this.clusterCount = DbscanModel.countClusters(this.labels);
        this.keptRows = keptRows.clone();
        this.kept = new ReferencePoints(keptPoints);
        this.keptLabels = new int[keptRows.length];
        this.keptRadius = new double[keptRows.length];
        for (int k = 0; k < keptRows.length; k++) {
            final int r = keptRows[k];
            if (r < 0 || r >= n || labels[r] == NOISE) {
                throw new IllegalArgumentException("kept row " + r + " is not a clustered training row");
            }
            keptLabels[k] = labels[r];
            keptRadius[k] = parameters.extraction() instanceof OpticsExtraction.EpsCut cut ? cut.eps()
                : ordering.coreDistance()[r];
        }
    }

    /** The rows assignment needs: see the class comment. */
    private static int[] keptRows(final Optics.Parameters parameters, final OpticsOrdering ordering,
        final int[] labels) {
        final double limit = parameters.extraction() instanceof OpticsExtraction.EpsCut cut ? cut.eps()
            : Double.MAX_VALUE;
        final double[] core = ordering.coreDistance();
        return java.util.stream.IntStream.range(0, labels.length)
            .filter(i -> labels[i] != NOISE && core[i] <= limit).toArray();
    }

    private static Matrix select(final Matrix data, final int[] rows) {
        final double[][] values = new double[rows.length][];
        for (int k = 0; k < rows.length; k++) {
            values[k] = data.row(rows[k]);
        }
        return rows.length == 0 ? Matrix.wrap(0, data.cols(), new double[0]) : Matrix.of(values);
    }

    /** @return the settings */
    public Optics.Parameters parameters() {
        return parameters;
    }

    /** @return the row processed at each position of the ordering (a copy) */
    public int[] ordering() {
        return ordering.ordering().clone();
    }

    /** @return per row its position in the ordering */
    public int[] orderingPositions() {
        return ordering.positions();
    }

    /** @return per row its reachability distance (infinite where none; a copy) */
    public double[] reachability() {
        return ordering.reachability().clone();
    }

    /** @return per row its core distance (infinite beyond maxEps; a copy) */
    public double[] coreDistances() {
        return ordering.coreDistance().clone();
    }

    /** @return per row the row that set its reachability, or -1 (a copy) */
    public int[] predecessors() {
        return ordering.predecessor().clone();
    }

    /** @return the training rows kept for assigning new rows */
    public int[] keptRows() {
        return keptRows.clone();
    }

    @Override
    public String algorithm() {
        return ALGORITHM;
    }

    @Override
    public int featureCount() {
        return featureCount;
    }

    @Override
    public int clusterCount() {
        return clusterCount;
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** See the class comment; the distance column is the distance to the nearest kept training row. */
    @Override
    public Assignment assign(final Matrix rows) {
        DensityInput.checkAssign(rows, featureCount);
        return NearestCoreRule.assign(rows, kept, keptLabels, keptRadius);
    }

    @Override
    public String summary() {
        final String extraction = parameters.extraction() instanceof OpticsExtraction.Xi xi
            ? "ξ = " + xi.xi() + ", min cluster size = "
                + (xi.minClusterSize() == 0 ? parameters.minSamples() : xi.minClusterSize())
                + ", predecessor correction " + (xi.predecessorCorrection() ? "on" : "off")
            : "eps cut at " + ((OpticsExtraction.EpsCut)parameters.extraction()).eps();
        return "OPTICS, minSamples = " + parameters.minSamples() + ", maxEps = " + parameters.maxEps() + ", "
            + featureCount + " features\nextraction: " + extraction + "\nclusters: " + clusterCount
            + ", noise rows: " + Arrays.stream(labels).filter(l -> l == NOISE).count() + " of " + labels.length
            + "\ncluster sizes: " + Arrays.toString(DbscanModel.sizes(labels, clusterCount));
    }

    @Override
    public void save(final ModelState state) {
        state.put("minSamples", (long)parameters.minSamples());
        state.put("maxEps", parameters.maxEps());
        if (parameters.extraction() instanceof OpticsExtraction.Xi xi) {
            state.put("extraction", "xi");
            state.put("xi", xi.xi());
            state.put("minClusterSize", (long)xi.minClusterSize());
            state.put("predecessorCorrection", xi.predecessorCorrection());
        } else {
            state.put("extraction", "eps");
            state.put("eps", ((OpticsExtraction.EpsCut)parameters.extraction()).eps());
        }
        state.put("featureCount", (long)featureCount);
        state.put("labels", labels);
        state.put("ordering", ordering.ordering());
        state.put("reachability", ordering.reachability());
        state.put("coreDistance", ordering.coreDistance());
        state.put("predecessor", ordering.predecessor());
        state.put("keptRows", keptRows);
        state.put("keptPoints", kept.points());
    }

    /**
     * @param state a state written by {@link #save}
     * @return the model
     * @throws IOException if the state is incomplete or names an unknown extraction
     */
    public static OpticsModel read(final ModelState state) throws IOException {
        final String kind = state.string("extraction");
        final OpticsExtraction extraction = switch (kind) {
            case "xi" -> new OpticsExtraction.Xi(state.number("xi"),
                state.integer("minClusterSize", 0, Integer.MAX_VALUE), state.bool("predecessorCorrection"));
            case "eps" -> new OpticsExtraction.EpsCut(state.number("eps"));
            default -> throw new IOException("unknown OPTICS extraction \"" + kind + "\"");
        };
        final Optics.Parameters parameters = new Optics.Parameters(state.integer("minSamples", 2, Integer.MAX_VALUE),
            state.number("maxEps"), extraction);
        final OpticsOrdering ordering = new OpticsOrdering(state.ints("ordering"), state.doubles("reachability"),
            state.doubles("coreDistance"), state.ints("predecessor"));
        return new OpticsModel(parameters, ordering, state.ints("labels"),
            state.integer("featureCount", 1, Integer.MAX_VALUE), state.ints("keptRows"), state.matrix("keptPoints"));
    }
}
