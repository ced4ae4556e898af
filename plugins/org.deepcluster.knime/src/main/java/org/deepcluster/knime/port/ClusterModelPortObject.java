package org.deepcluster.knime.port;

import java.awt.Font;
import java.io.IOException;

import javax.swing.JComponent;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;

import org.deepcluster.core.cluster.Assignment;
import org.deepcluster.core.cluster.ClusterModel;
import org.deepcluster.core.cluster.ClusterModels;
import org.deepcluster.core.cluster.hierarchical.AgglomerativeModel;
import org.deepcluster.core.cluster.hierarchical.Linkage;
import org.deepcluster.core.cluster.hierarchical.Metric;
import org.deepcluster.core.data.Matrix;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.AbstractPortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/**
 * A fitted clustering (the "Cluster Model" port): the engine's {@link ClusterModel} with its
 * {@link ClusterModelPortObjectSpec}. The Cluster Assigner uses it to assign new rows.
 *
 * <p>In the port's zip stream the model is one entry, {@value #MODEL_ENTRY}, holding the engine's own model format
 * ({@link ClusterModels#write}: JSON values and binary matrices); there is no Java object serialisation. Immutable.
 */
public final class ClusterModelPortObject extends AbstractPortObject {

    /** The port type of cluster models. */
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(ClusterModelPortObject.class);

    /** The port type of an optional cluster model input. */
    public static final PortType TYPE_OPTIONAL =
        PortTypeRegistry.getInstance().getPortType(ClusterModelPortObject.class, true);

    /** The serializer KNIME finds through plugin.xml (and the stand-in through the type argument). */
    public static final class Serializer extends AbstractPortObjectSerializer<ClusterModelPortObject> {
    }

    /** The zip entry that holds the model in the engine's format. */
    static final String MODEL_ENTRY = "deepcluster-cluster-model.zip";

    private ClusterModelPortObjectSpec spec;

    private ClusterModel model;

    /** For loading by the framework; use {@link #ClusterModelPortObject(ClusterModelPortObjectSpec, ClusterModel)}. */
    public ClusterModelPortObject() {
    }

    /**
     * @param spec the spec; its feature column count and cluster count must match the model's
     * @param model the fitted model
     * @throws IllegalArgumentException if spec and model do not fit together
     */
    public ClusterModelPortObject(final ClusterModelPortObjectSpec spec, final ClusterModel model) {
        final String mismatch = mismatch(spec, model);
        if (mismatch != null) {
            throw new IllegalArgumentException(mismatch);
        }
        this.spec = spec;
        this.model = model;
    }

    /** @return null if spec and model fit together, else what differs */
    private static String mismatch(final ClusterModelPortObjectSpec spec, final ClusterModel model) {
        if (spec == null || model == null) {
            return "a cluster model port needs a spec and a model";
        }
        if (spec.columnNames().size() != model.featureCount()) {
            return "the spec lists " + spec.columnNames().size() + " feature columns but the model reads "
                + model.featureCount();
        }
        if (spec.clusterCount() != model.clusterCount()) {
            return "the spec has " + spec.clusterCount() + " clusters but the model " + model.clusterCount();
        }
        return null;
    }

    /** @return the fitted model (its rows are in the model's space: L2-normalised for cosine distance) */
    public ClusterModel model() {
        return model;
    }

    /**
     * Assigns rows in the original feature space: prepares them for the spec's distance (cosine: L2-normalised) and
     * asks the model.
     *
     * @param rows the rows, one column per feature column, all finite
     * @param rowNames names rows in error messages
     * @return the assignment
     * @throws IllegalArgumentException if a row cannot be assigned (e.g. an all-zero row with cosine distance)
     */
    public Assignment assign(final Matrix rows, final ClusterDistance.RowNames rowNames) {
        return model.assign(spec.distance().prepare(rows, rowNames));
    }

    @Override
    public ClusterModelPortObjectSpec getSpec() {
        return spec;
    }

    /** @return one line: the spec and the engine's summary (algorithm, settings, cluster sizes, fit statistics) */
    @Override
    public String getSummary() {
        return "Cluster model on " + spec.columnNames().size() + " columns, " + spec.distance().label()
            + " distance: " + String.join("; ", model.summary().split("\n"));
    }

    /**
     * @return the view "Cluster Model": the engine's summary and the feature columns; for hierarchical models also the
     *         "Dendrogram" ({@link DendrogramPanel}, its last {@value DendrogramLayout#DEFAULT_LEAVES} leaves). Plain
     *         Swing, no display needed.
     */
    @Override
    public JComponent[] getViews() {
        final StringBuilder text = new StringBuilder(model.summary()).append("\n\nDistance: ")
            .append(spec.distance().label())
            .append(spec.distance() == ClusterDistance.COSINE ? " (rows are L2-normalised before clustering)" : "")
            .append("\nFeature columns (").append(spec.columnNames().size()).append(", in this order):\n");
        for (int j = 0; j < spec.columnNames().size(); j++) {
            text.append("  ").append(spec.columnNames().get(j)).append(" (").append(spec.columnTypes().get(j))
                .append(")\n");
        }
        final JTextArea summary = new JTextArea(text.toString());
        summary.setEditable(false);
        summary.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
        final JScrollPane view = new JScrollPane(summary);
        view.setName("Cluster Model");
        if (model instanceof AgglomerativeModel hierarchical) {
            return new JComponent[]{view, dendrogram(hierarchical)};
        }
        return new JComponent[]{view};
    }

    private DendrogramPanel dendrogram(final AgglomerativeModel hierarchical) {
        final String title = "Dendrogram: " + hierarchical.linkage().id() + " linkage, " + spec.distance().label()
            + " distance, " + hierarchical.dendrogram().leaves() + " rows";
        final int k = hierarchical.clusterCount();
        final String clusters = k + (k == 1 ? " cluster" : " clusters");
        final String cut = hierarchical.requestedClusters() > 0 ? "cut into k = " + clusters
            : "cut below height " + DendrogramPanel.number(hierarchical.distanceThreshold()) + ": " + clusters;
        final String unit = hierarchical.linkage() == Linkage.WARD ? "ward distance"
            : hierarchical.metric() == Metric.COSINE ? "cosine distance 1 − cos" : "Euclidean distance";
        return new DendrogramPanel(DendrogramLayout.of(hierarchical, DendrogramLayout.DEFAULT_LEAVES), title, cut,
            "height (" + unit + ")");
    }

    @Override
    protected void save(final PortObjectZipOutputStream out, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        exec.checkCanceled();
        PortEntries.write(out, MODEL_ENTRY, stream -> ClusterModels.write(model, stream));
    }

    @Override
    protected void load(final PortObjectZipInputStream in, final PortObjectSpec loadedSpec,
        final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
        exec.checkCanceled();
        if (!(loadedSpec instanceof ClusterModelPortObjectSpec s)) {
            throw new IOException("Cannot load the Cluster Model: its spec is a "
                + (loadedSpec == null ? "null" : loadedSpec.getClass().getName()) + ", not a cluster model spec.");
        }
        final ClusterModel loaded = PortEntries.read(in, MODEL_ENTRY, "Cluster Model",
            "a clustering node of this extension", ClusterModels::read);
        final String mismatch = mismatch(s, loaded);
        if (mismatch != null) {
            throw new IOException("Cannot load the Cluster Model: " + mismatch + "; the saved port is damaged.");
        }
        spec = s;
        model = loaded;
    }

    @Override
    public String toString() {
        return "Cluster Model[" + spec + "]";
    }
}
