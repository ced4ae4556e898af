package org.deepcluster.core.cluster.hierarchical;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.deepcluster.core.data.Matrix;

/**
 * The merge tree of an agglomerative clustering, in the layout of SciPy's linkage matrix: merge {@code i} (0-based)
 * joins the clusters {@link #left(int)} and {@link #right(int)} at {@link #height(int)} into a cluster of
 * {@link #size(int)} rows that gets the id {@code n + i}; ids {@code 0 … n−1} are the single rows. Merges are in order
 * of increasing height and {@code left < right}. Immutable.
 */
public final class Dendrogram {

    private final int leaves;
    private final int[] left;
    private final int[] right;
    private final double[] heights;
    private final int[] sizes;

    private Dendrogram(final int leaves, final int[] left, final int[] right, final double[] heights,
        final int[] sizes) {
        this.leaves = leaves;
        this.left = left;
        this.right = right;
        this.heights = heights;
        this.sizes = sizes;
    }

    /**
     * Builds the tree from merges found in any order, the way SciPy's {@code linkage} does: sorts them by height
     * (stable, so equal heights keep the order in which they were found) and gives every cluster its id.
     *
     * @param leaves the number of rows n
     * @param a per merge, any row of the first cluster
     * @param b per merge, any row of the second cluster
     * @param heights per merge, the height
     * @return the tree
     */
    static Dendrogram fromMerges(final int leaves, final int[] a, final int[] b, final double[] heights) {
        final int m = heights.length;
        final int[] order = IntStream.range(0, m).boxed()
            .sorted((i, j) -> Double.compare(heights[i], heights[j])).mapToInt(Integer::intValue).toArray();
        final int[] parent = new int[2 * leaves - 1]; // union-find over cluster ids; a root is its current id
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        final int[] size = new int[2 * leaves - 1];
        Arrays.fill(size, 0, leaves, 1);
        final int[] l = new int[m];
        final int[] r = new int[m];
        final double[] h = new double[m];
        final int[] s = new int[m];
        for (int i = 0; i < m; i++) {
            final int k = order[i];
            final int x = find(parent, a[k]);
            final int y = find(parent, b[k]);
            final int id = leaves + i;
            l[i] = Math.min(x, y);
            r[i] = Math.max(x, y);
            h[i] = heights[k];
            s[i] = size[x] + size[y];
            size[id] = s[i];
            parent[x] = id;
            parent[y] = id;
        }
        return new Dendrogram(leaves, l, r, h, s);
    }

    /**
     * Reads a tree from a SciPy-style linkage matrix.
     *
     * @param linkage n−1 rows of (left id, right id, height, size)
     * @return the tree
     * @throws IllegalArgumentException if the matrix is not a valid linkage matrix
     */
    public static Dendrogram fromLinkageMatrix(final Matrix linkage) {
        if (linkage.rows() > 0 && linkage.cols() != 4) {
            throw new IllegalArgumentException("a linkage matrix has 4 columns, got " + linkage.cols());
        }
        final int m = linkage.rows();
        final int n = m + 1;
        final int[] l = new int[m];
        final int[] r = new int[m];
        final double[] h = new double[m];
        final int[] s = new int[m];
        final int[] size = new int[2 * n - 1];
        Arrays.fill(size, 0, n, 1);
        final boolean[] used = new boolean[2 * n - 1];
        for (int i = 0; i < m; i++) {
            l[i] = checkId(linkage.get(i, 0), n + i, used, i);
            r[i] = checkId(linkage.get(i, 1), n + i, used, i);
            h[i] = linkage.get(i, 2);
            s[i] = (int)linkage.get(i, 3);
            if (l[i] >= r[i] || s[i] != size[l[i]] + size[r[i]] || !(h[i] >= 0) || (i > 0 && h[i] < h[i - 1])) {
                throw new IllegalArgumentException("merge " + i + " of the linkage matrix is inconsistent");
            }
            size[n + i] = s[i];
        }
        return new Dendrogram(n, l, r, h, s);
    }

    private static int checkId(final double value, final int bound, final boolean[] used, final int merge) {
        final int id = (int)value;
        if (id != value || id < 0 || id >= bound || used[id]) {
            throw new IllegalArgumentException("merge " + merge + " of the linkage matrix joins an invalid or already "
                + "merged cluster " + value);
        }
        used[id] = true;
        return id;
    }

    private static int find(final int[] parent, final int x) {
        int root = x;
        while (parent[root] != root) {
            root = parent[root];
        }
        for (int y = x; parent[y] != root;) { // path compression
            final int next = parent[y];
            parent[y] = root;
            y = next;
        }
        return root;
    }

    /** @return the number of rows (leaves) n */
    public int leaves() {
        return leaves;
    }

    /** @return the number of merges, n − 1 */
    public int merges() {
        return heights.length;
    }

    /** @param i the merge; @return the smaller id of the two clusters merged */
    public int left(final int i) {
        return left[i];
    }

    /** @param i the merge; @return the larger id of the two clusters merged */
    public int right(final int i) {
        return right[i];
    }

    /** @param i the merge; @return the height (linkage distance) of the merge */
    public double height(final int i) {
        return heights[i];
    }

    /** @param i the merge; @return the number of rows of the merged cluster */
    public int size(final int i) {
        return sizes[i];
    }

    /** @return a copy of all merge heights, in increasing order */
    public double[] heights() {
        return heights.clone();
    }

    /**
     * @return SciPy's linkage matrix: one row per merge with the left id, right id, height and size (ids as doubles,
     *         as in SciPy)
     */
    public Matrix toLinkageMatrix() {
        final double[] values = new double[heights.length * 4];
        for (int i = 0; i < heights.length; i++) {
            values[4 * i] = left[i];
            values[4 * i + 1] = right[i];
            values[4 * i + 2] = heights[i];
            values[4 * i + 3] = sizes[i];
        }
        return Matrix.wrap(heights.length, 4, values);
    }

    /**
     * @param threshold a height
     * @return the number of clusters left after every merge with a height below {@code threshold} (scikit-learn's
     *         {@code distance_threshold}: {@code n − #{merges with height < threshold}})
     */
    public int clusterCountBelow(final double threshold) {
        int merged = 0;
        while (merged < heights.length && heights[merged] < threshold) {
            merged++;
        }
        return leaves - merged;
    }

    /**
     * Cuts the tree into {@code k} clusters by undoing its last k − 1 merges (scikit-learn's {@code n_clusters}).
     *
     * @param k the number of clusters, 1 … n
     * @return the cluster of each row, numbered 0 … k−1 in order of first appearance (row 0 is in cluster 0)
     * @throws IllegalArgumentException if k is out of range
     */
    public int[] cut(final int k) {
        if (k < 1 || k > leaves) {
            throw new IllegalArgumentException("the number of clusters must be in [1, " + leaves + "], got " + k);
        }
        final int[] parent = new int[leaves]; // union-find over rows
        for (int i = 0; i < leaves; i++) {
            parent[i] = i;
        }
        final int[] representative = new int[2 * leaves - 1]; // any row of each cluster id
        for (int i = 0; i < leaves; i++) {
            representative[i] = i;
        }
        for (int i = 0; i < leaves - k; i++) {
            final int x = find(parent, representative[left[i]]);
            final int y = find(parent, representative[right[i]]);
            parent[y] = x;
            representative[leaves + i] = x;
        }
        final int[] labelOfRoot = new int[leaves];
        Arrays.fill(labelOfRoot, -1);
        final int[] labels = new int[leaves];
        int next = 0;
        for (int i = 0; i < leaves; i++) {
            final int root = find(parent, i);
            if (labelOfRoot[root] < 0) {
                labelOfRoot[root] = next++;
            }
            labels[i] = labelOfRoot[root];
        }
        return labels;
    }
}
