package org.deepcluster.core.cluster.density;

import java.util.stream.IntStream;

import org.deepcluster.core.data.Matrix;

/**
 * The training rows a density model keeps for assigning new rows (core points, or clustered rows), with a ball tree
 * over them built on first use. Thread-safe.
 */
final class ReferencePoints {

    private final Matrix points;
    private volatile BallTree tree;

    /** @param points the kept rows; may have zero rows (then every query finds nothing) */
    ReferencePoints(final Matrix points) {
        this.points = points;
    }

    Matrix points() {
        return points;
    }

    int size() {
        return points.rows();
    }

    private BallTree tree() {
        BallTree t = tree;
        if (t == null) {
            synchronized (this) {
                t = tree;
                if (t == null) {
                    t = new BallTree(DensityInput.flatten(points), points.rows(), points.cols());
                    tree = t;
                }
            }
        }
        return t;
    }

    /**
     * Finds, for each row, its k nearest kept rows (ordered by distance, then index), in parallel.
     *
     * @param rows the query rows, as many columns as the kept rows
     * @param k how many neighbours, 1 ≤ k ≤ {@link #size()}
     * @param index receives row-major {@code rows × k} indices into the kept rows
     * @param distance receives the matching distances
     */
    void nearest(final Matrix rows, final int k, final int[] index, final double[] distance) {
        final BallTree t = tree();
        final double[] q = DensityInput.flatten(rows);
        final int d = rows.cols();
        IntStream.range(0, rows.rows()).parallel().forEach(i -> {
            final int[] idx = new int[k];
            final double[] dist = new double[k];
            t.nearest(q, i * d, k, idx, dist);
            System.arraycopy(idx, 0, index, i * k, k);
            System.arraycopy(dist, 0, distance, i * k, k);
        });
    }
}
