package org.deepcluster.core.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.deepcluster.core.data.Matrix;
import org.junit.jupiter.api.Test;

class SyntheticDataTest {

    private static final Matrix DATA = Matrix.of(new double[][]{{1, 2}, {3, 4}, {5, 6}});

    @Test
    void copiesItsPartsAndComparesByContent() {
        final int[] labels = {0, 1, 1};
        final List<String> names = new ArrayList<>(List.of("a", "b"));
        final SyntheticData s = new SyntheticData(DATA, labels, names, List.of("x0", "x1"));
        labels[0] = 1;
        names.set(0, "z");
        s.labels()[1] = 0;
        assertArrayEquals(new int[]{0, 1, 1}, s.labels());
        assertEquals(List.of("a", "b"), s.labelNames());
        assertEquals(List.of("a", "b", "b"), s.labelsAsNames());
        assertArrayEquals(new int[]{1, 2}, s.groupSizes());
        final SyntheticData same = new SyntheticData(DATA, new int[]{0, 1, 1}, List.of("a", "b"), List.of("x0", "x1"));
        assertEquals(s, same);
        assertEquals(s.hashCode(), same.hashCode());
        assertNotEquals(s, new SyntheticData(DATA, new int[]{1, 1, 0}, List.of("a", "b"), List.of("x0", "x1")));
        assertEquals("SyntheticData[3 rows × 2 columns, 2 groups]", s.toString());
    }

    @Test
    void rejectsPartsThatDoNotFit() {
        assertEquals("there are 2 labels for 3 rows: one label per row is needed",
            assertThrows(IllegalArgumentException.class,
                () -> new SyntheticData(DATA, new int[]{0, 0}, List.of("a"), List.of("x0", "x1"))).getMessage());
        assertEquals("there are 1 column names for 2 columns: one name per column is needed",
            assertThrows(IllegalArgumentException.class,
                () -> new SyntheticData(DATA, new int[]{0, 0, 0}, List.of("a"), List.of("x0"))).getMessage());
        assertEquals("label 2 of row 1 is not a group index in [0, 2)",
            assertThrows(IllegalArgumentException.class,
                () -> new SyntheticData(DATA, new int[]{0, 2, 0}, List.of("a", "b"), List.of("x0", "x1")))
                    .getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SyntheticData(null, new int[0], List.of(), List.of()));
    }
}
