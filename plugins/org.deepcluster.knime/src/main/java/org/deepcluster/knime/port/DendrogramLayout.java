package org.deepcluster.knime.port;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.deepcluster.core.cluster.hierarchical.AgglomerativeModel;
import org.deepcluster.core.cluster.hierarchical.Dendrogram;

/**
 * Where the parts of a dendrogram go, independent of pixels: the tree is truncated to its last p merges as SciPy's
 * {@code dendrogram(truncate_mode="lastp")} does, so it has p leaves (single rows or whole subtrees, the latter
 * labelled with their size), placed left to right in the order of an in-order walk (left child first) at x = 0 … p−1
 * and height 0; a merge sits at the middle of its two children at its height. Each merge below the cut (inside a final
 * cluster) carries its cluster, for colouring. Immutable.
 */
final class DendrogramLayout {

    /** The default number of leaves shown (SciPy's p of {@code truncate_mode="lastp"}). */
    static final int DEFAULT_LEAVES = 30;

    /** A merge's cluster when it lies above the cut (joins final clusters). */
    static final int ABOVE_CUT = -1;

    /**
     * One drawn merge, a ⊓ from its children up to its height.
     *
     * @param merge the merge's index in the dendrogram (0-based; SciPy id n + merge)
     * @param x the merge's position, the middle of its children
     * @param height the merge's height
     * @param leftX the left child's position
     * @param leftHeight the left child's height (0 for a leaf of the layout)
     * @param rightX the right child's position
     * @param rightHeight the right child's height (0 for a leaf of the layout)
     * @param cluster the final cluster the merge lies in, or {@link #ABOVE_CUT}
     */
    record Link(int merge, double x, double height, double leftX, double leftHeight, double rightX,
        double rightHeight, int cluster) {
    }

    private final int rows;
    private final int[] leafIds;
    private final int[] leafSizes;
    private final int[] leafClusters;
    private final List<Link> links;
    private final double topHeight;
    private final double cutHeight;

    private DendrogramLayout(final int rows, final int[] leafIds, final int[] leafSizes, final int[] leafClusters,
        final List<Link> links, final double topHeight, final double cutHeight) {
        this.rows = rows;
        this.leafIds = leafIds;
        this.leafSizes = leafSizes;
        this.leafClusters = leafClusters;
        this.links = links;
        this.topHeight = topHeight;
        this.cutHeight = cutHeight;
    }

    /**
     * @param model a fitted hierarchical model
     * @param leaves the number of leaves to show at most (p)
     * @return the layout of the model's dendrogram with its clusters and cut
     */
    static DendrogramLayout of(final AgglomerativeModel model, final int leaves) {
        return of(model.dendrogram(), model.labels(), model.clusterCount(), cutHeight(model), leaves);
    }

    /**
     * @param tree the merge tree, at least one row
     * @param labels the final cluster of each row (0 … clusters−1), as the tree's cut gives them
     * @param clusters the number of final clusters; the last clusters − 1 merges lie above the cut
     * @param cutHeight the height of the cut line, or NaN for none
     * @param leaves the number of leaves to show at most (p, at least 1)
     * @return the layout
     */
    static DendrogramLayout of(final Dendrogram tree, final int[] labels, final int clusters, final double cutHeight,
        final int leaves) {
        final int n = tree.leaves();
        if (labels.length != n || leaves < 1 || clusters < 1 || clusters > n) {
            throw new IllegalArgumentException("a layout of " + n + " rows needs as many labels (got "
                + labels.length + "), 1 … " + n + " clusters (got " + clusters + ") and at least one leaf (got "
                + leaves + ")");
        }
        final int m = tree.merges();
        final int p = Math.min(leaves, n);
        final int firstShown = m - (p - 1); // merges firstShown … m−1 are drawn; every other cluster is a leaf
        final int kept = n - clusters; // merges 0 … kept−1 lie below the cut
        final int[] representative = new int[n + m]; // any row of each cluster id, for its final cluster
        final int[] size = new int[n + m];
        for (int i = 0; i < n; i++) {
            representative[i] = i;
            size[i] = 1;
        }
        for (int i = 0; i < m; i++) {
            representative[n + i] = representative[tree.left(i)];
            size[n + i] = tree.size(i);
        }
        final Walk walk = new Walk(tree, n, firstShown, kept, labels, representative, size, p);
        walk.place(n + m - 1);
        final List<Link> sorted = new ArrayList<>(walk.links);
        sorted.sort((a, b) -> Integer.compare(a.merge(), b.merge()));
        return new DendrogramLayout(n, walk.leafIds, walk.leafSizes, walk.leafClusters,
            Collections.unmodifiableList(sorted), m > 0 ? tree.height(m - 1) : 0, cutHeight);
    }

    /** The in-order walk that numbers the leaves left to right and places the merges above them. */
    private static final class Walk {
        private final Dendrogram tree;
        private final int n;
        private final int firstShown;
        private final int kept;
        private final int[] labels;
        private final int[] representative;
        private final int[] size;
        final int[] leafIds;
        final int[] leafSizes;
        final int[] leafClusters;
        final List<Link> links = new ArrayList<>();
        private int nextLeaf;

        Walk(final Dendrogram tree, final int n, final int firstShown, final int kept, final int[] labels,
            final int[] representative, final int[] size, final int p) {
            this.tree = tree;
            this.n = n;
            this.firstShown = firstShown;
            this.kept = kept;
            this.labels = labels;
            this.representative = representative;
            this.size = size;
            this.leafIds = new int[p];
            this.leafSizes = new int[p];
            this.leafClusters = new int[p];
        }

        /** @return the x of cluster id's node; recursion depth is at most p − 1 (only drawn merges recurse) */
        double place(final int id) {
            final int merge = id - n;
            final int cluster = merge < kept ? labels[representative[id]] : ABOVE_CUT;
            if (merge < firstShown) {
                leafIds[nextLeaf] = id;
                leafSizes[nextLeaf] = size[id];
                leafClusters[nextLeaf] = cluster;
                return nextLeaf++;
            }
            final int left = tree.left(merge);
            final int right = tree.right(merge);
            final double leftX = place(left);
            final double rightX = place(right);
            links.add(new Link(merge, (leftX + rightX) / 2, tree.height(merge), leftX, nodeHeight(left), rightX,
                nodeHeight(right), cluster));
            return (leftX + rightX) / 2;
        }

        private double nodeHeight(final int id) {
            return id - n < firstShown ? 0 : tree.height(id - n);
        }
    }

    /**
     * @param model a fitted hierarchical model
     * @return where its cut lies: the distance threshold when cut by height; when cut into k clusters the middle
     *         between the highest kept merge and the lowest undone one (k = n: half the lowest merge); NaN for k = 1
     *         (nothing is undone)
     */
    static double cutHeight(final AgglomerativeModel model) {
        if (model.requestedClusters() == 0) {
            return model.distanceThreshold();
        }
        final Dendrogram tree = model.dendrogram();
        final int k = model.requestedClusters();
        final int lowestUndone = tree.leaves() - k; // merges lowestUndone … n−2 are undone
        if (k <= 1 || lowestUndone >= tree.merges()) {
            return Double.NaN;
        }
        return lowestUndone == 0 ? tree.height(0) / 2
            : (tree.height(lowestUndone - 1) + tree.height(lowestUndone)) / 2;
    }

    /** @return the number of rows of the whole tree (n) */
    int rows() {
        return rows;
    }

    /** @return the number of leaves shown, min(p, n) */
    int leafCount() {
        return leafIds.length;
    }

    /** @return the SciPy ids of the leaves, left to right: a row 0 … n−1, or a whole subtree n + merge */
    int[] leafIds() {
        return leafIds.clone();
    }

    /** @return the number of rows under each leaf, left to right */
    int[] leafSizes() {
        return leafSizes.clone();
    }

    /** @return the final cluster of each leaf, left to right ({@link #ABOVE_CUT} if it spans clusters) */
    int[] leafClusters() {
        return leafClusters.clone();
    }

    /** @param leaf the leaf's position; @return its label: the row number, or "(size)" for a subtree as SciPy */
    String leafLabel(final int leaf) {
        return leafIds[leaf] < rows ? Integer.toString(leafIds[leaf]) : "(" + leafSizes[leaf] + ")";
    }

    /** @return the drawn merges in merge order (lowest first) */
    List<Link> links() {
        return links;
    }

    /** @return the heights of the drawn merges in merge order */
    double[] nodeHeights() {
        return links.stream().mapToDouble(Link::height).toArray();
    }

    /** @return the height of the last merge (the root), 0 for a single row */
    double topHeight() {
        return topHeight;
    }

    /** @return the height of the cut line, or NaN for none */
    double cutHeight() {
        return cutHeight;
    }
}
