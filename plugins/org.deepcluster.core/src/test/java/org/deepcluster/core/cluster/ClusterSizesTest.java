package org.deepcluster.core.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClusterSizesTest {

    @Test
    void countsTheRowsOfEveryClusterAcrossBlocks() {
        final int[] labels = new int[1000]; // several 64-row blocks and a partial one
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 7 == 0 ? 2 : i % 3;
        }
        final int[] expected = new int[4];
        for (final int label : labels) {
            expected[label]++;
        }
        assertArrayEquals(expected, ClusterSizes.count(labels, 4, "cluster index"));
        assertArrayEquals(new int[3], ClusterSizes.count(new int[0], 3, "component"));
    }

    @Test
    void refusesALabelOutOfRangeNamingItsRow() {
        final int[] labels = new int[200];
        labels[130] = 5;
        assertEquals("label 5 of row 130 is not a component in [0, 5)",
            assertThrows(IllegalArgumentException.class, () -> ClusterSizes.count(labels, 5, "component"))
                .getMessage());
        labels[130] = -1;
        assertEquals("label -1 of row 130 is not a cluster index in [0, 5)",
            assertThrows(IllegalArgumentException.class, () -> ClusterSizes.count(labels, 5, "cluster index"))
                .getMessage());
    }
}
