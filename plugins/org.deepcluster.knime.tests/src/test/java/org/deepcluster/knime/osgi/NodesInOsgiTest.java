package org.deepcluster.knime.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.deepcluster.core.progress.Progress;
import org.deepcluster.core.synthetic.GaussianBlobs;
import org.deepcluster.core.synthetic.SyntheticData;
import org.deepcluster.knime.node.clusterer.ClustererNodeFactory;
import org.deepcluster.knime.node.scorer.ClusteringScorerNodeFactory;
import org.deepcluster.standin.NodeHarness;
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

/**
 * The Clusterer and the Clustering Scorer, wired as in a workflow, executed inside Equinox with the bundles as
 * KNIME would load them, on a thread whose context class loader is null.
 */
public class NodesInOsgiTest {

    @Test
    public void clustererThenScorerInsideOsgi() throws Exception {
        final ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(null);
        try {
            final BufferedDataTable blobs = blobs();
            final BufferedDataTable clustered =
                NodeHarness.of(ClustererNodeFactory.class).editSettings(s -> s.addInt("k", 4)).executeTables(blobs)[0];
            assertEquals(400, clustered.size());
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
