package org.deepcluster.core.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A labelling of rows by names (class names, cluster names), encoded as integer codes. Immutable.
 *
 * <p>Codes are assigned <b>in order of first appearance</b>: the first row's name gets code 0, the next different
 * name code 1, and so on. This keeps the order the user sees in the table and needs no notion of how names sort.
 */
public final class Labels {

    private final int[] codes;
    private final List<String> names;

    private Labels(final int[] codes, final List<String> names) {
        this.codes = codes;
        this.names = names;
    }

    /**
     * Encodes a list of names.
     *
     * @param values one name per row; none may be null (decide about missing values before calling this)
     * @return the labels
     * @throws IllegalArgumentException if a value is null
     */
    public static Labels encode(final List<String> values) {
        final int[] codes = new int[values.size()];
        final Map<String, Integer> index = new HashMap<>();
        final List<String> names = new ArrayList<>();
        int i = 0;
        for (final String value : values) {
            if (value == null) {
                throw new IllegalArgumentException("label of row " + i + " is missing: remove or replace missing labels first");
            }
            final int row = i;
            codes[row] = index.computeIfAbsent(value, v -> {
                names.add(v);
                return names.size() - 1;
            });
            i++;
        }
        return new Labels(codes, Collections.unmodifiableList(names));
    }

    /** @return the number of rows */
    public int size() {
        return codes.length;
    }

    /** @return the number of distinct names */
    public int distinctCount() {
        return names.size();
    }

    /** @return a copy of the code of each row, each in {@code [0, distinctCount())} */
    public int[] codes() {
        return codes.clone();
    }

    /**
     * @param row the row index
     * @return the code of that row
     */
    public int code(final int row) {
        return codes[row];
    }

    /** @return the distinct names, indexed by code (unmodifiable) */
    public List<String> names() {
        return names;
    }

    /**
     * @param code a code
     * @return the name with that code
     */
    public String name(final int code) {
        return names.get(code);
    }

    @Override
    public String toString() {
        return "Labels[" + codes.length + " rows, names=" + names + "]";
    }
}
