package org.deepcluster.core.cluster.hierarchical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.deepcluster.core.data.Matrix;
import org.junit.jupiter.api.Test;

class DendrogramTest {

    // Rows 0..4; merges found out of order: (3,4)@1, (0,1)@0.5, (0,2)@2, (0,3)@5
    private final Dendrogram tree =
        Dendrogram.fromMerges(5, new int[]{3, 0, 2, 1}, new int[]{4, 1, 0, 4}, new double[]{1, 0.5, 2, 5});

    @Test
    void sortsMergesByHeightAndNumbersClustersLikeScipy() {
        assertEquals(Matrix.of(new double[][]{{0, 1, 0.5, 2}, {3, 4, 1, 2}, {2, 5, 2, 3}, {6, 7, 5, 5}}),
            tree.toLinkageMatrix());
    }

    @Test
    void cutsByCountAndByHeight() {
        assertArrayEquals(new int[]{0, 0, 0, 0, 0}, tree.cut(1));
        assertArrayEquals(new int[]{0, 0, 0, 1, 1}, tree.cut(2));
        assertArrayEquals(new int[]{0, 0, 1, 2, 2}, tree.cut(3));
        assertArrayEquals(new int[]{0, 1, 2, 3, 4}, tree.cut(5));
        assertEquals(5, tree.clusterCountBelow(0.5), "a merge at exactly the threshold is not kept");
        assertEquals(4, tree.clusterCountBelow(0.6));
        assertEquals(2, tree.clusterCountBelow(5));
        assertEquals(1, tree.clusterCountBelow(5.1));
        assertThrows(IllegalArgumentException.class, () -> tree.cut(0));
        assertThrows(IllegalArgumentException.class, () -> tree.cut(6));
    }

    @Test
    void readsBackItsLinkageMatrixAndRejectsBrokenOnes() {
        assertEquals(tree.toLinkageMatrix(), Dendrogram.fromLinkageMatrix(tree.toLinkageMatrix()).toLinkageMatrix());
        assertThrows(IllegalArgumentException.class, () -> Dendrogram.fromLinkageMatrix(
            Matrix.of(new double[][]{{0, 1, 0.5, 2}, {0, 2, 1, 2}})), "cluster 0 merged twice");
        assertThrows(IllegalArgumentException.class, () -> Dendrogram.fromLinkageMatrix(
            Matrix.of(new double[][]{{0, 1, 0.5, 3}})), "wrong size");
        assertThrows(IllegalArgumentException.class, () -> Dendrogram.fromLinkageMatrix(
            Matrix.of(new double[][]{{0, 1, 2, 2}, {2, 3, 1, 3}})), "heights decrease");
        assertThrows(IllegalArgumentException.class, () -> Dendrogram.fromLinkageMatrix(
            Matrix.of(new double[][]{{0, 1, 2}})), "three columns");
    }
}
