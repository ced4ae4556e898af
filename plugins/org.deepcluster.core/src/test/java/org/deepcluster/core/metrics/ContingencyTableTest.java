package org.deepcluster.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class ContingencyTableTest {

    @Test
    void countsPairsWithSortedIntegerNames() {
        final ContingencyTable t = ContingencyTable.of(new int[]{5, 5, 1, 1, 1, 5}, new int[]{0, -1, 0, 0, 2, 2});
        assertEquals(List.of("1", "5"), t.rowNames());
        assertEquals(List.of("-1", "0", "2"), t.columnNames());
        assertArrayEquals(new int[][]{{0, 2, 1}, {1, 1, 1}}, t.toArray());
        assertArrayEquals(new int[]{3, 3}, t.rowTotals());
        assertArrayEquals(new int[]{1, 3, 2}, t.columnTotals());
        assertEquals(6, t.total());
        assertEquals(2, t.count(0, 1));
        assertEquals(0, t.count(0, 0));
        assertEquals(5, t.nonZeroCount());
        assertThrows(IndexOutOfBoundsException.class, () -> t.count(2, 0));
    }

    @Test
    void namesComeFromLabels() {
        final Labels classes = Labels.encode(List.of("dog", "cat", "dog"));
        final Labels clusters = Labels.encode(List.of("c1", "c1", "c0"));
        final ContingencyTable t = ContingencyTable.of(classes, clusters);
        assertEquals(List.of("dog", "cat"), t.rowNames());
        assertEquals(List.of("c1", "c0"), t.columnNames());
        assertArrayEquals(new int[][]{{1, 1}, {1, 0}}, t.toArray());
    }

    @Test
    void manySingletonClustersStaySparse() {
        final int n = 100_000;
        final int[] truth = new int[n];
        final int[] pred = new int[n];
        for (int i = 0; i < n; i++) {
            truth[i] = i % 1000;
            pred[i] = i;
        }
        final ContingencyTable t = ContingencyTable.of(truth, pred);
        assertEquals(1000, t.rowCount());
        assertEquals(n, t.columnCount());
        assertEquals(n, t.nonZeroCount());
        assertEquals(1, t.count(7, 99_007));
    }

    @Test
    void rejectsBadInput() {
        assertEquals("the labellings have different lengths: 2 reference labels but 3 cluster labels",
            assertThrows(IllegalArgumentException.class,
                () -> ContingencyTable.of(new int[]{0, 1}, new int[]{0, 1, 2})).getMessage());
        assertEquals("the labellings are empty: at least one row is needed",
            assertThrows(IllegalArgumentException.class,
                () -> ContingencyTable.of(new int[0], new int[0])).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ContingencyTable.of(null, new int[]{0}));
    }
}
