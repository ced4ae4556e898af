package org.deepcluster.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void codesFollowFirstAppearance() {
        final Labels labels = Labels.encode(List.of("b", "a", "b", "c", "a"));
        assertArrayEquals(new int[]{0, 1, 0, 2, 1}, labels.codes());
        assertEquals(List.of("b", "a", "c"), labels.names());
        assertEquals(5, labels.size());
        assertEquals(3, labels.distinctCount());
        assertEquals("c", labels.name(2));
        assertEquals(2, labels.code(3));
    }

    @Test
    void emptyListGivesEmptyLabels() {
        final Labels labels = Labels.encode(List.of());
        assertEquals(0, labels.size());
        assertEquals(0, labels.distinctCount());
    }

    @Test
    void missingLabelIsRejectedWithItsRow() {
        final IllegalArgumentException e =
            assertThrows(IllegalArgumentException.class, () -> Labels.encode(Arrays.asList("a", null)));
        assertEquals("label of row 1 is missing: remove or replace missing labels first", e.getMessage());
    }

    @Test
    void isImmutable() {
        final Labels labels = Labels.encode(List.of("x", "y"));
        labels.codes()[0] = 5;
        assertEquals(0, labels.code(0));
        assertThrows(UnsupportedOperationException.class, () -> labels.names().add("z"));
    }
}
