package org.deepcluster.core.cluster.density;

/**
 * The unprocessed rows of an OPTICS run, ordered by (reachability, row index): OPTICS always continues with the
 * unprocessed row of smallest reachability, and scikit-learn breaks ties (including infinite reachability) by the
 * smaller row index. An indexed binary min-heap, so that lowering a row's reachability costs O(log n) instead of
 * scikit-learn's O(n) scan per step.
 */
final class ReachabilityHeap {

    private final double[] key;
    private final int[] heap;
    private final int[] position;
    private int size;

    /** @param reachability the keys, shared with the caller, who lowers them only through {@link #decrease} */
    ReachabilityHeap(final double[] reachability) {
        key = reachability;
        final int n = reachability.length;
        heap = new int[n];
        position = new int[n];
        for (int i = 0; i < n; i++) {
            heap[i] = i;
            position[i] = i;
        }
        size = n;
        for (int i = n / 2 - 1; i >= 0; i--) {
            siftDown(i);
        }
    }

    boolean isEmpty() {
        return size == 0;
    }

    boolean contains(final int row) {
        return position[row] >= 0;
    }

    /** @return the row with the smallest (reachability, index), removed */
    int poll() {
        final int top = heap[0];
        position[top] = -1;
        size--;
        if (size > 0) {
            heap[0] = heap[size];
            position[heap[0]] = 0;
            siftDown(0);
        }
        return top;
    }

    /** Sets a smaller reachability for a row still in the heap. */
    void decrease(final int row, final double value) {
        key[row] = value;
        int i = position[row];
        while (i > 0) {
            final int parent = (i - 1) >>> 1;
            if (!less(row, heap[parent])) {
                break;
            }
            heap[i] = heap[parent];
            position[heap[i]] = i;
            i = parent;
        }
        heap[i] = row;
        position[row] = i;
    }

    private boolean less(final int a, final int b) {
        return key[a] < key[b] || (key[a] == key[b] && a < b);
    }

    private void siftDown(int i) {
        final int row = heap[i];
        while (true) {
            final int l = 2 * i + 1;
            if (l >= size) {
                break;
            }
            int c = l;
            if (l + 1 < size && less(heap[l + 1], heap[l])) {
                c = l + 1;
            }
            if (!less(heap[c], row)) {
                break;
            }
            heap[i] = heap[c];
            position[heap[i]] = i;
            i = c;
        }
        heap[i] = row;
        position[row] = i;
    }
}
