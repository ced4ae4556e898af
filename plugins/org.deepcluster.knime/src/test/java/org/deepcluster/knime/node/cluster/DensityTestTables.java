package org.deepcluster.knime.node.cluster;

import java.util.List;

import org.deepcluster.core.data.Matrix;
import org.deepcluster.knime.testing.TestTables;
import org.deepcluster.standin.Tables;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;

/** Test data of the density nodes (DBSCAN, OPTICS, HDBSCAN). */
public final class DensityTestTables {

    private DensityTestTables() {
    }

    /** @return three tight blobs in x0, x1 (150 rows, label column) plus two far-away rows that must be noise */
    public static BufferedDataTable blobsWithOutliers() {
        final BufferedDataTable blobs = TestTables.blobs(150, 2, 3, 0.3, 4);
        final var b = Tables.builder().column("x0", DoubleCell.TYPE).column("x1", DoubleCell.TYPE)
            .column(TestTables.LABEL, StringCell.TYPE);
        final double[] x0 = Tables.doubles(blobs, "x0");
        final double[] x1 = Tables.doubles(blobs, "x1");
        final List<String> label = TestTables.column(blobs, TestTables.LABEL);
        for (int i = 0; i < x0.length; i++) {
            b.row(x0[i], x1[i], label.get(i));
        }
        b.row(100.0, 100.0, "outlier").row(-100.0, 50.0, "outlier");
        return b.build();
    }

    /** @param table a table with x0, x1; @return those columns as a matrix, for running the engine directly */
    public static Matrix features(final BufferedDataTable table) {
        final double[] x0 = Tables.doubles(table, "x0");
        final double[] x1 = Tables.doubles(table, "x1");
        final double[][] rows = new double[x0.length][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[]{x0[i], x1[i]};
        }
        return Matrix.of(rows);
    }

    /** @param labels engine labels; @return the names the nodes write (Cluster_i, Noise) */
    public static List<String> names(final int[] labels) {
        return java.util.Arrays.stream(labels).mapToObj(l -> l < 0 ? "Noise" : "Cluster_" + l).toList();
    }
}
