package org.deepcluster.core.cluster.density;

import java.util.Arrays;
import java.util.concurrent.ForkJoinTask;
import java.util.stream.IntStream;

import org.deepcluster.core.progress.Progress;

/**
 * A ball tree over the rows of a dense matrix for exact Euclidean radius and k-nearest-neighbour queries. Immutable
 * after construction and safe for concurrent queries (each query brings its own buffers).
 *
 * <p>Why our own and not Smile's {@code KDTree}/{@code CoverTree} (3.1.1): Smile's kd-tree skips the query point by
 * <em>reference identity</em> ({@code q != keys[i]}), so whether a row counts as its own neighbour depends on how the
 * caller passes it, which breaks scikit-learn's "min_samples counts the point itself"; it allocates one
 * {@code Neighbor} object per hit, cannot count with an early stop and does not order ties. Its speed is not the
 * reason: k-nearest-neighbour queries (k = 10) for all rows of 10,000 × 32 Gaussian blobs took 7.0 s with Smile's
 * kd-tree, 7.7 s with this tree, 48 s with Smile's cover tree and 41 s by brute force (single thread, on a heavily
 * shared machine, so only the ratios mean something; {@code benchmarks/density}). A ball tree bounds each node by a
 * centre and radius, splitting along the line through two far-apart rows, which separates whole groups of clustered
 * data in many dimensions; leaves are scanned over a copy of the rows stored in tree order (contiguous memory).
 *
 * <p>Results are exact and deterministic: radius queries return every row at distance ≤ r (compared on squared
 * distances); k-nearest-neighbour queries order by distance and then by row index, so ties do not depend on the tree
 * shape.
 */
public final class BallTree {

    /** Rows per leaf: large enough that leaf scans dominate and stay cache-friendly. */
    private static final int LEAF_SIZE = 32;
    /** Rows from which a subtree builds its two halves in parallel. */
    private static final int PARALLEL_BUILD = 8192;

    private static final int[] NO_ROWS = new int[0];

    private final int n;
    private final int d;
    // The structure is package-private for the searches that live in their own classes (BoruvkaMst, Dbscan);
    // nothing outside this class modifies it.
    /** The rows in tree order, row-major. */
    final double[] points;
    /** The original row index of each tree position. */
    final int[] order;
    /** The positions [start, end) of each node's rows; children have higher node numbers than their parent. */
    final int[] nodeStart;
    final int[] nodeEnd;
    /** The children of a node, or -1 for a leaf. */
    final int[] nodeLeft;
    final int[] nodeRight;
    /** The centre of each node, row-major, and the radius of its ball (rounded up). */
    final double[] nodeCentre;
    final double[] nodeRadius;
    final int nodeCount;

    /**
     * Builds the tree.
     *
     * @param data the rows, row-major, {@code n × d} values; not modified and not kept
     * @param n the number of rows, at least 1
     * @param d the number of columns, at least 1
     */
    public BallTree(final double[] data, final int n, final int d) {
        if (n < 1 || d < 1 || data.length != (long)n * d) {
            throw new IllegalArgumentException("a ball tree needs at least one row and one column, got " + n + " × "
                + d + " with " + data.length + " values");
        }
        this.n = n;
        this.d = d;
        final int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        final int maxNodes = 2 * Math.max(1, (n + LEAF_SIZE - 1) / LEAF_SIZE) * 2 + 1;
        nodeStart = new int[maxNodes];
        nodeEnd = new int[maxNodes];
        nodeLeft = new int[maxNodes];
        nodeRight = new int[maxNodes];
        nodeCentre = new double[maxNodes * d];
        nodeRadius = new double[maxNodes];
        nodeCount = subtreeNodes(n);
        build(data, perm, 0, n, 0);
        order = perm;
        points = new double[n * d];
        for (int p = 0; p < n; p++) {
            System.arraycopy(data, perm[p] * d, points, p * d, d);
        }
    }

    /** @return the number of rows */
    public int size() {
        return n;
    }

    /** @return the number of columns */
    public int dimensions() {
        return d;
    }

    /** The number of nodes of a subtree of {@code size} rows: the shape depends on the size alone (median splits). */
    private static int subtreeNodes(final int size) {
        return size <= LEAF_SIZE ? 1 : 1 + subtreeNodes(size / 2) + subtreeNodes(size - size / 2);
    }

    /**
     * Builds the subtree over positions [start, end) as node {@code node}, numbered depth-first (left subtree, then
     * right); large subtrees build their halves in parallel, which the precomputed numbering keeps deterministic.
     */
    private void build(final double[] data, final int[] perm, final int start, final int end, final int node) {
        nodeStart[node] = start;
        nodeEnd[node] = end;
        // Centre = mean of the rows, radius = largest distance to it.
        final int c = node * d;
        sumRows(data, perm, start, end, d, nodeCentre, c);
        for (int j = 0; j < d; j++) {
            nodeCentre[c + j] /= end - start;
        }
        // The row farthest from the centre gives the radius and is A below (first of equals, as before).
        final int a = farthest(data, perm, start, end, nodeCentre, c);
        final double radius2 = squaredDistance(data, perm[a] * d, nodeCentre, c, d);
        // Rounded up a little, so that rounding in the triangle inequality never prunes a true neighbour.
        nodeRadius[node] = Math.sqrt(radius2) * (1 + 1e-12) + 1e-300;
        if (end - start <= LEAF_SIZE) {
            nodeLeft[node] = -1;
            nodeRight[node] = -1;
            return;
        }
        // Split at the median of the projection on the line through two far-apart rows (A: farthest from the
        // centre, B: farthest from A). On clustered data in many dimensions this separates whole groups, which a
        // split on one coordinate (scikit-learn's choice) does not, so the balls stay small and prune.
        final int b = farthest(data, perm, start, end, data, perm[a] * d);
        final double[] key = projections(data, perm, start, end, d, perm[a] * d, perm[b] * d);
        final int mid = (start + end) >>> 1;
        select(key, perm, start, mid);
        final int left = node + 1;
        final int right = left + subtreeNodes(mid - start);
        nodeLeft[node] = left;
        nodeRight[node] = right;
        if (end - start >= PARALLEL_BUILD) {
            ForkJoinTask.invokeAll(ForkJoinTask.adapt(() -> build(data, perm, start, mid, left)),
                ForkJoinTask.adapt(() -> build(data, perm, mid, end, right)));
        } else {
            build(data, perm, start, mid, left);
            build(data, perm, mid, end, right);
        }
    }

    // The loops of the build live in small static methods: called once per node, they reach compiled code after a
    // few trees rather than after many (the build is a fifth of a warm DBSCAN fit on 10,000 rows).

    /** Adds the rows at positions [start, end) to out[o, o + d). */
    private static void sumRows(final double[] data, final int[] perm, final int start, final int end, final int d,
        final double[] out, final int o) {
        for (int p = start; p < end; p++) {
            final int r = perm[p] * d;
            for (int j = 0; j < d; j++) {
                out[o + j] += data[r + j];
            }
        }
    }

    /** @return per position in [start, end) the dot product of (row − A) with (B − A) */
    private static double[] projections(final double[] data, final int[] perm, final int start, final int end,
        final int d, final int ao, final int bo) {
        final double[] direction = new double[d];
        for (int j = 0; j < d; j++) {
            direction[j] = data[bo + j] - data[ao + j];
        }
        final double[] key = new double[end - start];
        for (int p = start; p < end; p++) {
            final int o = perm[p] * d;
            double dot = 0;
            for (int j = 0; j < d; j++) {
                dot += (data[o + j] - data[ao + j]) * direction[j];
            }
            key[p - start] = dot;
        }
        return key;
    }

    /** @return the position in perm (within [start, end)) of the row farthest from the point at ref[ro]. */
    private int farthest(final double[] data, final int[] perm, final int start, final int end, final double[] ref,
        final int ro) {
        int best = start;
        double bestDistance = -1;
        for (int p = start; p < end; p++) {
            final double dist = squaredDistance(data, perm[p] * d, ref, ro, d);
            if (dist > bestDistance) {
                bestDistance = dist;
                best = p;
            }
        }
        return best;
    }

    /**
     * Quickselect on (key, row index): afterwards positions [start, k) hold the k − start smallest. {@code key} is
     * indexed by position − start and permuted along with {@code perm}; ordering ties by row index keeps
     * duplicates from degrading the partition and makes the tree independent of the input order of equal keys.
     */
    private static void select(final double[] key, final int[] perm, final int start, final int k) {
        int lo = 0;
        int hi = key.length - 1;
        final int target = k - start;
        while (hi > lo) {
            final int m = (lo + hi) >>> 1;
            final double pk = key[m];
            final int pr = perm[start + m];
            int i = lo;
            int r = hi;
            while (i <= r) {
                while (key[i] < pk || (key[i] == pk && perm[start + i] < pr)) {
                    i++;
                }
                while (pk < key[r] || (pk == key[r] && pr < perm[start + r])) {
                    r--;
                }
                if (i <= r) {
                    final double tk = key[i];
                    key[i] = key[r];
                    key[r] = tk;
                    final int tp = perm[start + i];
                    perm[start + i] = perm[start + r];
                    perm[start + r] = tp;
                    i++;
                    r--;
                }
            }
            if (target <= r) {
                hi = r;
            } else if (target >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    /**
     * The squared Euclidean distance. Four partial sums instead of one: a single running sum waits for the previous
     * addition at every column (latency-bound, ~4 cycles each); independent sums overlap in the CPU. Every distance
     * in this package goes through here or the bounded version, which sum in the same order, so all comparisons see
     * identical values.
     */
    static double squaredDistance(final double[] a, final int ao, final double[] b, final int bo, final int d) {
        return squaredDistance(a, ao, b, bo, d, Double.POSITIVE_INFINITY);
    }

    /**
     * The squared distance, or some value &gt; {@code bound} once the partial sum exceeds it (checked every 8
     * columns): most rows a query scans are beyond its radius, and in 32 dimensions this skips about a third of the
     * work. A returned value ≤ bound is the exact result of the unbounded version.
     */
    static double squaredDistance(final double[] a, final int ao, final double[] b, final int bo, final int d,
        final double bound) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 8 <= d; j += 8) {
            final int x = ao + j;
            final int y = bo + j;
            final double d0 = a[x] - b[y];
            final double d1 = a[x + 1] - b[y + 1];
            final double d2 = a[x + 2] - b[y + 2];
            final double d3 = a[x + 3] - b[y + 3];
            final double d4 = a[x + 4] - b[y + 4];
            final double d5 = a[x + 5] - b[y + 5];
            final double d6 = a[x + 6] - b[y + 6];
            final double d7 = a[x + 7] - b[y + 7];
            s0 += d0 * d0 + d4 * d4;
            s1 += d1 * d1 + d5 * d5;
            s2 += d2 * d2 + d6 * d6;
            s3 += d3 * d3 + d7 * d7;
            if (j + 8 < d && (s0 + s1) + (s2 + s3) > bound) {
                return (s0 + s1) + (s2 + s3);
            }
        }
        for (; j < d; j++) {
            final double diff = a[ao + j] - b[bo + j];
            s0 += diff * diff;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Counts the rows within distance {@code r} of a query (the query row itself included if it is a row of the
     * tree), stopping early once {@code stopAt} are found.
     *
     * @param q the array holding the query
     * @param qo the offset of the query in {@code q}
     * @param r the radius, ≥ 0
     * @param stopAt the count at which to stop
     * @return the count, at most {@code stopAt}
     */
    public int countWithin(final double[] q, final int qo, final double r, final int stopAt) {
        return countWithin(q, qo, r, stopAt, NO_ROWS);
    }

    /**
     * Counts the rows within distance {@code r} of a query (the query row itself included if it is a row of the
     * tree), stopping early once {@code stopAt} are found, and records the first rows counted. Children are visited
     * nearer centre first, so that a dense neighbourhood reaches {@code stopAt} after few leaves.
     *
     * @param q the array holding the query
     * @param qo the offset of the query in {@code q}
     * @param r the radius, ≥ 0
     * @param stopAt the count at which to stop, at least {@code found.length}
     * @param found receives the row indices of the first min(count, found.length) rows counted
     * @return the count, at most {@code stopAt}
     */
    public int countWithin(final double[] q, final int qo, final double r, final int stopAt, final int[] found) {
        final double r2 = r * r;
        final int[] stack = new int[64];
        final double[] stackDistance = new double[64];
        int top = 0;
        stack[top] = 0;
        stackDistance[top++] = Math.sqrt(squaredDistance(q, qo, nodeCentre, 0, d));
        int count = 0;
        while (top > 0 && count < stopAt) {
            top--;
            final int node = stack[top];
            final double centreDistance = stackDistance[top];
            if (centreDistance - nodeRadius[node] > r) {
                continue;
            }
            if (centreDistance + nodeRadius[node] <= r * (1 - 1e-12)) {
                // The whole ball lies inside.
                for (int p = nodeStart[node]; p < nodeEnd[node] && count + p - nodeStart[node] < found.length; p++) {
                    found[count + p - nodeStart[node]] = order[p];
                }
                count += nodeEnd[node] - nodeStart[node];
                continue;
            }
            if (nodeLeft[node] < 0) {
                for (int p = nodeStart[node]; p < nodeEnd[node] && count < stopAt; p++) {
                    if (squaredDistance(q, qo, points, p * d, d, r2) <= r2) {
                        if (count < found.length) {
                            found[count] = order[p];
                        }
                        count++;
                    }
                }
            } else {
                final int a = nodeLeft[node];
                final int b = nodeRight[node];
                final double da = Math.sqrt(squaredDistance(q, qo, nodeCentre, a * d, d));
                final double db = Math.sqrt(squaredDistance(q, qo, nodeCentre, b * d, d));
                final boolean aFirst = da <= db;
                stack[top] = aFirst ? b : a;
                stackDistance[top++] = aFirst ? db : da;
                stack[top] = aFirst ? a : b;
                stackDistance[top++] = aFirst ? da : db;
            }
        }
        return Math.min(count, stopAt);
    }

    /**
     * Finds all rows within distance {@code r} of a query (the query row itself included if it is a row of the tree).
     *
     * @param q the array holding the query
     * @param qo the offset of the query in {@code q}
     * @param r the radius, ≥ 0
     * @param out receives the row indices and distances, cleared first; in no particular order
     */
    public void within(final double[] q, final int qo, final double r, final Hits out) {
        out.clear();
        final double r2 = r * r;
        final int[] stack = new int[64];
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            final int node = stack[--top];
            final double centreDistance = Math.sqrt(squaredDistance(q, qo, nodeCentre, node * d, d));
            if (centreDistance - nodeRadius[node] > r) {
                continue;
            }
            if (nodeLeft[node] < 0) {
                for (int p = nodeStart[node]; p < nodeEnd[node]; p++) {
                    final double dist2 = squaredDistance(q, qo, points, p * d, d, r2);
                    if (dist2 <= r2) {
                        out.add(order[p], Math.sqrt(dist2));
                    }
                }
            } else {
                stack[top++] = nodeLeft[node];
                stack[top++] = nodeRight[node];
            }
        }
    }

    /**
     * Finds the {@code k} nearest rows of a query (the query row itself included if it is a row of the tree), ordered
     * by distance and then by row index.
     *
     * @param q the array holding the query
     * @param qo the offset of the query in {@code q}
     * @param k how many, 1 ≤ k ≤ {@link #size()}
     * @param index receives the row indices, at least {@code k} long
     * @param distance receives the distances, at least {@code k} long
     */
    public void nearest(final double[] q, final int qo, final int k, final int[] index, final double[] distance) {
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k must be in [1, " + n + "], got " + k);
        }
        // A max-heap of the best k by (squared distance, row index); the root is the worst kept.
        final double[] heapDist = new double[k];
        final int[] heapIndex = new int[k];
        Arrays.fill(heapDist, Double.POSITIVE_INFINITY);
        Arrays.fill(heapIndex, Integer.MAX_VALUE);
        final int[] stack = new int[64];
        final double[] stackBound = new double[64];
        int top = 0;
        stack[top] = 0;
        stackBound[top++] = 0;
        while (top > 0) {
            top--;
            final int node = stack[top];
            final double bound = stackBound[top];
            if (bound * bound > heapDist[0]) {
                continue;
            }
            if (nodeLeft[node] < 0) {
                for (int p = nodeStart[node]; p < nodeEnd[node]; p++) {
                    final double dist2 = squaredDistance(q, qo, points, p * d, d, heapDist[0]);
                    final int row = order[p];
                    if (dist2 < heapDist[0] || (dist2 == heapDist[0] && row < heapIndex[0])) {
                        heapDist[0] = dist2;
                        heapIndex[0] = row;
                        siftDown(heapDist, heapIndex, k);
                    }
                }
            } else {
                // Visit the nearer child first (pushed last); a child is skipped when its ball cannot beat the heap.
                final int a = nodeLeft[node];
                final int b = nodeRight[node];
                final double da = Math.max(0, Math.sqrt(squaredDistance(q, qo, nodeCentre, a * d, d)) - nodeRadius[a]);
                final double db = Math.max(0, Math.sqrt(squaredDistance(q, qo, nodeCentre, b * d, d)) - nodeRadius[b]);
                final boolean aFirst = da <= db;
                stack[top] = aFirst ? b : a;
                stackBound[top++] = aFirst ? db : da;
                stack[top] = aFirst ? a : b;
                stackBound[top++] = aFirst ? da : db;
            }
        }
        // Heap sort into ascending order.
        for (int size = k; size > 0; size--) {
            index[size - 1] = heapIndex[0];
            distance[size - 1] = Math.sqrt(heapDist[0]);
            heapDist[0] = heapDist[size - 1];
            heapIndex[0] = heapIndex[size - 1];
            siftDown(heapDist, heapIndex, size - 1);
        }
    }

    /**
     * The core distance of every row of the tree: the distance to its k-th nearest row, the row itself counted (as
     * scikit-learn's OPTICS and HDBSCAN define it), computed in parallel batches.
     *
     * @param x the rows the tree was built from, row-major
     * @param k at least 1, at most {@link #size()}
     * @param progress asked for cancellation between batches
     * @param from the progress fraction at the start
     * @param to the progress fraction at the end
     * @param message the progress message
     * @return per row the distance to its k-th nearest row
     */
    double[] kthNeighbourDistances(final double[] x, final int k, final Progress progress, final double from,
        final double to, final String message) {
        return allNearest(x, k, false, progress, from, to, message).kth();
    }

    /**
     * The k nearest rows of every row of the tree (the row itself counted), leaf by leaf ({@link LeafNearest}, same
     * result as {@link #nearest} per row) in parallel batches, for HDBSCAN and OPTICS: the k-th distance is the core
     * distance, and the neighbour lists give candidate edges of the mutual-reachability graph.
     *
     * @param x the rows the tree was built from, row-major
     * @param k at least 1, at most {@link #size()}
     * @param keepIndices whether to keep the neighbour lists (n × k ints)
     * @param progress asked for cancellation between batches
     * @param from the progress fraction at the start
     * @param to the progress fraction at the end
     * @param message the progress message
     * @return the distances and, if kept, the lists
     */
    AllNearest allNearest(final double[] x, final int k, final boolean keepIndices, final Progress progress,
        final double from, final double to, final String message) {
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k must be in [1, " + n + "], got " + k);
        }
        // One more than k where possible: whether the (k+1)-th is farther tells if the list holds every row within
        // the k-th distance (no tie at the boundary).
        final int q = Math.min(n, k + 1);
        final double[] kth = new double[n];
        final boolean[] complete = new boolean[n];
        final int[] index = keepIndices ? new int[n * k] : null;
        final int[] leaves = leaves();
        final ThreadLocal<LeafNearest> searches = ThreadLocal.withInitial(() -> new LeafNearest(this, q, LEAF_SIZE));
        final ThreadLocal<int[]> idx = ThreadLocal.withInitial(() -> new int[LEAF_SIZE * q]);
        final ThreadLocal<double[]> dist = ThreadLocal.withInitial(() -> new double[LEAF_SIZE * q]);
        final int leavesPerBatch = Math.max(1, ParallelRows.BATCH / LEAF_SIZE);
        for (int first = 0; first < leaves.length; first += leavesPerBatch) {
            progress.checkCancelled();
            progress.report(from + (to - from) * first / leaves.length, message);
            IntStream.range(first, Math.min(leaves.length, first + leavesPerBatch)).parallel().forEach(l -> {
                final int leaf = leaves[l];
                final int[] ii = idx.get();
                final double[] di = dist.get();
                searches.get().run(leaf, ii, di);
                for (int p = nodeStart[leaf]; p < nodeEnd[leaf]; p++) {
                    final int i = order[p];
                    final int at = (p - nodeStart[leaf]) * q;
                    kth[i] = di[at + k - 1];
                    complete[i] = q == k || di[at + k] > di[at + k - 1];
                    if (index != null) {
                        System.arraycopy(ii, at, index, i * k, k);
                    }
                }
            });
        }
        progress.report(to, message);
        return new AllNearest(k, kth, complete, index);
    }

    /**
     * The k nearest <em>other</em> rows of every row (for kNN graphs): by ascending squared distance, then row index,
     * like a brute-force search that skips the row itself. Computed leaf by leaf ({@link #allNearest}) with one more
     * neighbour, from which the row itself is dropped (or, when more than k rows duplicate it with lower indices, the
     * last one).
     *
     * @param x the rows the tree was built from, row-major
     * @param k at least 1, less than {@link #size()}
     * @param progress asked for cancellation between batches, reports from 0 to 1
     * @return row-major n × k row indices, nearest first
     */
    public int[] nearestOthers(final double[] x, final int k, final Progress progress) {
        if (k < 1 || k >= n) {
            throw new IllegalArgumentException("k must be in [1, " + (n - 1) + "], got " + k);
        }
        final int[] withSelf = allNearest(x, k + 1, true, progress, 0, 1, "Nearest neighbours").index();
        final int[] result = new int[n * k];
        for (int i = 0; i < n; i++) {
            final int from = i * (k + 1);
            int out = i * k;
            for (int p = 0; p <= k && out < (i + 1) * k; p++) {
                final int j = withSelf[from + p];
                if (j != i) {
                    result[out++] = j;
                }
            }
        }
        return result;
    }

    /** @return the leaf nodes in tree order (the depth-first numbering visits leaves left to right) */
    int[] leaves() {
        int count = 0;
        for (int node = 0; node < nodeCount; node++) {
            count += nodeLeft[node] < 0 ? 1 : 0;
        }
        final int[] leaves = new int[count];
        for (int node = 0, l = 0; node < nodeCount; node++) {
            if (nodeLeft[node] < 0) {
                leaves[l++] = node;
            }
        }
        return leaves;
    }

    /**
     * The k nearest rows of every row.
     *
     * @param k the number of neighbours per row
     * @param kth per row the distance to its k-th nearest row (the row itself counted)
     * @param complete per row whether its list holds every row within that distance (no tie at the boundary)
     * @param index the lists, row-major n × k in ascending distance, or null if not kept
     */
    record AllNearest(int k, double[] kth, boolean[] complete, int[] index) {
    }

    private static void siftDown(final double[] dist, final int[] idx, final int size) {
        int i = 0;
        while (true) {
            final int l = 2 * i + 1;
            if (l >= size) {
                return;
            }
            int worst = l;
            final int r = l + 1;
            if (r < size && worse(dist, idx, r, l)) {
                worst = r;
            }
            if (!worse(dist, idx, worst, i)) {
                return;
            }
            final double td = dist[i];
            dist[i] = dist[worst];
            dist[worst] = td;
            final int ti = idx[i];
            idx[i] = idx[worst];
            idx[worst] = ti;
            i = worst;
        }
    }

    private static boolean worse(final double[] dist, final int[] idx, final int a, final int b) {
        return dist[a] > dist[b] || (dist[a] == dist[b] && idx[a] > idx[b]);
    }

    /** A reusable list of neighbours: row indices with their distances. Not thread-safe: one per thread. */
    public static final class Hits {
        private int[] index = new int[64];
        private double[] distance = new double[64];
        private int size;

        /** Empties the list, keeping its capacity. */
        public void clear() {
            size = 0;
        }

        void add(final int row, final double dist) {
            if (size == index.length) {
                index = Arrays.copyOf(index, size * 2);
                distance = Arrays.copyOf(distance, size * 2);
            }
            index[size] = row;
            distance[size++] = dist;
        }

        /** @return the number of neighbours */
        public int size() {
            return size;
        }

        /** @param i the position; @return the row index of the i-th neighbour */
        public int index(final int i) {
            return index[i];
        }

        /** @param i the position; @return the distance of the i-th neighbour */
        public double distance(final int i) {
            return distance[i];
        }

        /** @return a copy of the row indices */
        public int[] indices() {
            return Arrays.copyOf(index, size);
        }
    }
}
