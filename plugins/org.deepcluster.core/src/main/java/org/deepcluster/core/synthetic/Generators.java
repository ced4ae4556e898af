package org.deepcluster.core.synthetic;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.random.RandomGenerator;

/** What the generators share: balanced shuffled labels, names, a parameter check, the progress rhythm. */
final class Generators {

    /** Rows generated between two progress reports and cancellation checks. */
    static final int PROGRESS_BLOCK = 100;

    private Generators() {
    }

    /**
     * Assigns {@code n} rows to {@code k} groups as evenly as possible (sizes differ by at most one, the lower groups
     * get the extra rows) and shuffles the assignment.
     */
    static int[] balancedLabels(final int n, final int k, final RandomGenerator random) {
        final int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % k;
        }
        // Fisher–Yates with the generator's own nextInt, so that the order depends on the seed only.
        for (int i = n - 1; i > 0; i--) {
            final int j = random.nextInt(i + 1);
            final int t = labels[i];
            labels[i] = labels[j];
            labels[j] = t;
        }
        return labels;
    }

    /** @throws IllegalArgumentException naming the parameter if {@code value} is negative, infinite or NaN */
    static void requireFiniteNonNegative(final String name, final double value) {
        if (!(value >= 0) || Double.isInfinite(value)) { // also rejects NaN
            throw new IllegalArgumentException(name + " must be a finite number ≥ 0, got " + value);
        }
    }

    /** @return {@code prefix0, prefix1, …} */
    static List<String> names(final String prefix, final int count) {
        final List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(prefix + i);
        }
        return names;
    }
}
