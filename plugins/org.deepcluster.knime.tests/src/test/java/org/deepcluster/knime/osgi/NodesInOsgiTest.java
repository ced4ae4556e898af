package org.deepcluster.knime.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.deepcluster.core.progress.Progress;
import org.deepcluster.core.synthetic.GaussianBlobs;
import org.deepcluster.core.synthetic.SyntheticData;
import org.deepcluster.knime.node.cluster.assigner.ClusterAssignerNodeFactory;
import org.deepcluster.knime.node.cluster.kmeans.KMeansNodeFactory;
import org.deepcluster.knime.node.scorer.ClusteringScorerNodeFactory;
import org.deepcluster.knime.node.embedding.EmbeddingPredictorNodeFactory;
import org.deepcluster.knime.node.encoder.EncoderLearnerNodeFactory;
import org.deepcluster.knime.port.ClusterModelPortObject;
import org.deepcluster.knime.port.EncoderModelPortObject;
import org.deepcluster.standin.NodeHarness;
import org.deepcluster.standin.PortObjects;
import org.deepcluster.standin.Tables;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.port.PortObject;

/**
 * The k-Means node, the Cluster Assigner (with the Cluster Model saved and loaded through its port serializer) and
 * the Clustering Scorer, wired as in a workflow, executed inside Equinox with the bundles as
 * KNIME would load them, on a thread whose context class loader is null.
 */
public class NodesInOsgiTest {

    @Test
    public void kMeansThenAssignerThenScorerInsideOsgi() throws Exception {
        final ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(null);
        try {
            final BufferedDataTable blobs = blobs();
            final PortObject[] fitted =
                NodeHarness.of(KMeansNodeFactory.class).editSettings(s -> s.addInt("k", 4)).execute(blobs);
            final ClusterModelPortObject model = PortObjects.roundTrip((ClusterModelPortObject)fitted[1]);
            final BufferedDataTable clustered =
                NodeHarness.of(ClusterAssignerNodeFactory.class).executeTables(model, blobs)[0];
            assertEquals(400, clustered.size());
            assertEquals(Tables.strings((BufferedDataTable)fitted[0], "Cluster"), Tables.strings(clustered, "Cluster"));
            final var scorer = NodeHarness.of(ClusteringScorerNodeFactory.class).editSettings(s -> {
                s.addString("reference_column", "label");
                s.addString("cluster_column", "Cluster");
            });
            final BufferedDataTable[] scores = scorer.executeTables(clustered);
            assertEquals(1, scores[0].size());
            final double ari = scorer.pushedFlowVariable("ARI").orElseThrow().getDoubleValue();
            assertTrue(ari > 0.99, "ARI " + ari);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /**
     * An autoencoder trained inside OSGi (ND4J and DL4J natives from the fragment, a null context class loader), its
     * Encoder Model saved and loaded through its port serializer, and the embedding clustered.
     */
    @Test
    public void encoderLearnerThenPredictorInsideOsgi() throws Exception {
        final ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(null);
        try {
            final BufferedDataTable blobs = blobs();
            final PortObject[] learned = NodeHarness.of(EncoderLearnerNodeFactory.class).editSettings(s -> {
                s.addString("architecture", "AE");
                s.addString("hidden_layers", "16");
                s.addInt("embedding_size", 2);
                s.addInt("epochs", 20);
                s.addInt("batch_size", 32);
            }).execute(blobs);
            final EncoderModelPortObject model = PortObjects.roundTrip((EncoderModelPortObject)learned[0]);
            final BufferedDataTable embedded =
                NodeHarness.of(EmbeddingPredictorNodeFactory.class).executeTables(model, blobs)[0];
            assertEquals(400, embedded.size());
            final DataTableSpec spec = embedded.getDataTableSpec();
            assertTrue(spec.containsName("z0") && spec.containsName("z1"), spec.toString());
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static BufferedDataTable blobs() {
        final SyntheticData data =
            GaussianBlobs.generate(new GaussianBlobs.Parameters(400, 3, 4, 0.5, 10, 5), Progress.NONE);
        final DataColumnSpec[] columns = {new DataColumnSpecCreator("x0", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("x1", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("x2", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("label", StringCell.TYPE).createSpec()};
        final List<DataRow> rows = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            rows.add(new DefaultRow("Row" + i, new DataCell[]{new DoubleCell(data.data().get(i, 0)),
                new DoubleCell(data.data().get(i, 1)), new DoubleCell(data.data().get(i, 2)),
                new StringCell(data.labelsAsNames().get(i))}));
        }
        return Tables.table(new DataTableSpec(columns), rows);
    }
}
