package org.deepcluster.core.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.deepcluster.core.data.Matrix;
import org.junit.jupiter.api.Test;

class KMeansModelTest {

    private final KMeansModel model =
        new KMeansModel(Matrix.of(new double[][]{{0, 0}, {10, 0}, {0, 10}}), new int[]{0, 1, 1, 2, 0}, 3.5);

    @Test
    void exposesItsParts() {
        assertEquals(3, model.k());
        assertEquals(3.5, model.inertia());
        assertArrayEquals(new int[]{0, 1, 1, 2, 0}, model.labels());
        assertArrayEquals(new int[]{2, 2, 1}, model.clusterSizes());
        assertArrayEquals(new double[]{10, 0}, model.centroids().row(1));
    }

    @Test
    void isImmutable() {
        final int[] labels = {0, 1};
        final KMeansModel m = new KMeansModel(Matrix.of(new double[][]{{0}, {1}}), labels, 0);
        labels[0] = 1;
        m.labels()[1] = 0;
        m.clusterSizes()[0] = 9;
        assertArrayEquals(new int[]{0, 1}, m.labels());
        assertArrayEquals(new int[]{1, 1}, m.clusterSizes());
    }

    @Test
    void predictsTheNearestCentroid() {
        assertEquals(0, model.predict(new double[]{1, 1}));
        assertEquals(1, model.predict(new double[]{8, 3}));
        assertEquals(2, model.predict(new double[]{-1, 7}));
        assertEquals(0, model.predict(new double[]{5, 0}), "ties go to the lower index");
        assertArrayEquals(new int[]{1, 2}, model.predict(Matrix.of(new double[][]{{9, 0.5}, {0.5, 10}})));
    }

    @Test
    void predictRejectsWrongRows() {
        assertEquals("the row has 3 values but the model was fitted on 2 columns",
            assertThrows(IllegalArgumentException.class, () -> model.predict(new double[3])).getMessage());
        assertEquals("the row holds Infinity in column 1: only finite values can be assigned to a cluster",
            assertThrows(IllegalArgumentException.class,
                () -> model.predict(new double[]{0, Double.POSITIVE_INFINITY})).getMessage());
        assertThrows(IllegalArgumentException.class, () -> model.predict(Matrix.of(new double[][]{{1}})));
        assertArrayEquals(new int[0], model.predict(Matrix.of(new double[0][])));
    }

    @Test
    void constructorValidates() {
        assertThrows(IllegalArgumentException.class, () -> new KMeansModel(Matrix.of(new double[0][]), new int[0], 0));
        assertEquals("label 2 of row 1 is not a cluster index in [0, 2)", assertThrows(IllegalArgumentException.class,
            () -> new KMeansModel(Matrix.of(new double[][]{{0}, {1}}), new int[]{0, 2}, 0)).getMessage());
    }
}
