package org.deepcluster.core.cluster.density;

import org.deepcluster.core.cluster.Assignment;
import org.deepcluster.core.cluster.ClusterModel;
import org.deepcluster.core.data.Matrix;

/**
 * The assignment rule shared by DBSCAN and OPTICS' eps cut: a new row joins the cluster of its nearest kept point if
 * that point lies within the point's radius (a fixed eps, or one radius per point), otherwise it is noise.
 */
final class NearestCoreRule {

    private NearestCoreRule() {
    }

    /**
     * @param rows the rows to assign (checked by the caller)
     * @param points the kept points
     * @param labels the cluster of each kept point
     * @param eps the radius around every kept point
     * @return labels and the distance to the nearest kept point (infinite when none is kept)
     */
    static Assignment assign(final Matrix rows, final ReferencePoints points, final int[] labels, final double eps) {
        final double[] radius = new double[labels.length];
        java.util.Arrays.fill(radius, eps);
        return assign(rows, points, labels, radius);
    }

    /**
     * @param rows the rows to assign (checked by the caller)
     * @param points the kept points
     * @param labels the cluster of each kept point
     * @param radius the radius around each kept point
     * @return labels and the distance to the nearest kept point (infinite when none is kept)
     */
    static Assignment assign(final Matrix rows, final ReferencePoints points, final int[] labels,
        final double[] radius) {
        final int n = rows.rows();
        final int[] result = new int[n];
        final double[] distance = new double[n];
        if (points.size() == 0) {
            java.util.Arrays.fill(result, ClusterModel.NOISE);
            java.util.Arrays.fill(distance, Double.POSITIVE_INFINITY);
            return new Assignment(result, null, distance);
        }
        final int[] nearest = new int[n];
        points.nearest(rows, 1, nearest, distance);
        for (int i = 0; i < n; i++) {
            result[i] = distance[i] <= radius[nearest[i]] ? labels[nearest[i]] : ClusterModel.NOISE;
        }
        return new Assignment(result, null, distance);
    }
}
