package org.deepcluster.core.cluster.density;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.deepcluster.core.cluster.ClusterModel;

/**
 * How clusters are cut from an OPTICS reachability plot: by steepness ({@link Xi}, scikit-learn's
 * {@code cluster_optics_xi}) or by a fixed distance ({@link EpsCut}, scikit-learn's {@code cluster_optics_dbscan}).
 */
public sealed interface OpticsExtraction {

    /** @throws IllegalArgumentException naming the invalid setting */
    void validate();

    /**
     * @param rows the number of rows
     * @throws IllegalArgumentException if a setting does not fit the number of rows
     */
    void checkRows(int rows);

    /**
     * @param ordering the OPTICS result
     * @param minSamples the OPTICS minSamples
     * @return the cluster of each row, or {@link ClusterModel#NOISE}
     */
    int[] labels(OpticsOrdering ordering, int minSamples);

    /**
     * ξ extraction, a port of scikit-learn 1.2's {@code _xi_cluster} and {@code _extract_xi_labels}: steep down and
     * steep up areas (a ratio of consecutive reachabilities ≤ 1−ξ or ≥ 1/(1−ξ)), areas extended over at most
     * minSamples non-steep points, clusters from matching down/up areas, optional predecessor correction, and leaves
     * labelled first (a row belongs to the smallest cluster found that contains it, larger ones only label rows no
     * smaller cluster took). The predecessor correction keeps scikit-learn's indexing exactly
     * ({@code ordering[predecessor[e]]}, with -1 meaning the last row of the ordering), so results match it.
     *
     * @param xi the minimum steepness, 0 &lt; ξ &lt; 1 (scikit-learn's default 0.05)
     * @param minClusterSize the smallest cluster, at least 2 rows; 0 means minSamples (scikit-learn's default)
     * @param predecessorCorrection whether to correct clusters by the predecessors (scikit-learn's default true)
     */
    record Xi(double xi, int minClusterSize, boolean predecessorCorrection) implements OpticsExtraction {

        @Override
        public void validate() {
            if (!(xi > 0 && xi < 1)) {
                throw new IllegalArgumentException("xi must be between 0 and 1 (exclusive), got " + xi);
            }
            if (minClusterSize != 0 && minClusterSize < 2) {
                throw new IllegalArgumentException("minClusterSize must be at least 2 (or 0 for minSamples), got "
                    + minClusterSize);
            }
        }

        @Override
        public void checkRows(final int rows) {
            if (minClusterSize > rows) {
                throw new IllegalArgumentException("minClusterSize (" + minClusterSize + ") is larger than the number "
                    + "of rows (" + rows + "): lower it to at most " + rows);
            }
        }

        @Override
        public int[] labels(final OpticsOrdering o, final int minSamples) {
            final int n = o.size();
            final int[] ordering = o.ordering();
            final double[] plot = new double[n + 1];
            final int[] predecessorPlot = new int[n];
            for (int i = 0; i < n; i++) {
                plot[i] = o.reachability()[ordering[i]];
                predecessorPlot[i] = o.predecessor()[ordering[i]];
            }
            plot[n] = Double.POSITIVE_INFINITY;
            final List<int[]> clusters = clusters(plot, predecessorPlot, ordering, minSamples,
                minClusterSize == 0 ? minSamples : minClusterSize);
            final int[] byPosition = new int[n];
            Arrays.fill(byPosition, ClusterModel.NOISE);
            int label = 0;
            for (final int[] c : clusters) {
                boolean free = true;
                for (int i = c[0]; i <= c[1] && free; i++) {
                    free = byPosition[i] == ClusterModel.NOISE;
                }
                if (free) {
                    Arrays.fill(byPosition, c[0], c[1] + 1, label++);
                }
            }
            final int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[ordering[i]] = byPosition[i];
            }
            return labels;
        }

        /** @return the clusters as [start, end] positions in the ordering, in scikit-learn's order */
        private List<int[]> clusters(final double[] plot, final int[] predecessorPlot, final int[] ordering,
            final int minSamples, final int minSize) {
            final int n = predecessorPlot.length;
            final double xiComplement = 1 - xi;
            final boolean[] steepUp = new boolean[n];
            final boolean[] steepDown = new boolean[n];
            final boolean[] down = new boolean[n];
            final boolean[] up = new boolean[n];
            for (int i = 0; i < n; i++) {
                final double ratio = plot[i] / plot[i + 1]; // NaN for inf/inf and 0/0: all comparisons false
                steepUp[i] = ratio <= xiComplement;
                steepDown[i] = ratio >= 1 / xiComplement;
                down[i] = ratio > 1;
                up[i] = ratio < 1;
            }
            final List<SteepDownArea> sdas = new ArrayList<>();
            final List<int[]> clusters = new ArrayList<>();
            int index = 0;
            double mib = 0;
            for (int steep = 0; steep < n; steep++) {
                if (!(steepUp[steep] || steepDown[steep]) || steep < index) {
                    continue;
                }
                for (int i = index; i <= steep; i++) {
                    mib = Math.max(mib, plot[i]);
                }
                filter(sdas, mib, xiComplement, plot);
                if (steepDown[steep]) {
                    final int end = extendRegion(steepDown, up, steep, minSamples);
                    sdas.add(new SteepDownArea(steep, end));
                    index = end + 1;
                    mib = plot[index];
                } else {
                    final int upStart = steep;
                    final int upEnd = extendRegion(steepUp, down, upStart, minSamples);
                    index = upEnd + 1;
                    mib = plot[index];
                    final List<int[]> found = new ArrayList<>();
                    for (final SteepDownArea area : sdas) {
                        int start = area.start;
                        int end = upEnd;
                        if (plot[end + 1] * xiComplement < area.mib) {
                            continue;
                        }
                        final double dMax = plot[area.start];
                        if (dMax * xiComplement >= plot[end + 1]) {
                            while (plot[start + 1] > plot[end + 1] && start < area.end) {
                                start++;
                            }
                        } else if (plot[end + 1] * xiComplement >= dMax) {
                            while (plot[end - 1] > dMax && end > upStart) {
                                end--;
                            }
                        }
                        if (predecessorCorrection) {
                            final int[] corrected = correctPredecessor(plot, predecessorPlot, ordering, start, end);
                            if (corrected == null) {
                                continue;
                            }
                            start = corrected[0];
                            end = corrected[1];
                        }
                        if (end - start + 1 < minSize || start > area.end || end < upStart) {
                            continue;
                        }
                        found.add(new int[]{start, end});
                    }
                    for (int i = found.size() - 1; i >= 0; i--) {
                        clusters.add(found.get(i));
                    }
                }
            }
            return clusters;
        }

        private static void filter(final List<SteepDownArea> sdas, final double mib, final double xiComplement,
            final double[] plot) {
            if (Double.isInfinite(mib)) {
                sdas.clear();
                return;
            }
            sdas.removeIf(a -> !(mib <= plot[a.start] * xiComplement));
            for (final SteepDownArea a : sdas) {
                a.mib = Math.max(a.mib, mib);
            }
        }

        private static int extendRegion(final boolean[] steep, final boolean[] xward, final int start,
            final int minSamples) {
            int nonXward = 0;
            int end = start;
            for (int index = start; index < steep.length; index++) {
                if (steep[index]) {
                    nonXward = 0;
                    end = index;
                } else if (!xward[index]) {
                    nonXward++;
                    if (nonXward > minSamples) {
                        break;
                    }
                } else {
                    return end;
                }
            }
            return end;
        }

        private static int[] correctPredecessor(final double[] plot, final int[] predecessorPlot,
            final int[] ordering, int s, int e) {
            final int n = ordering.length;
            while (s < e) {
                if (plot[s] > plot[e]) {
                    return new int[]{s, e};
                }
                final int pred = predecessorPlot[e];
                final int pe = ordering[pred < 0 ? pred + n : pred]; // numpy: index -1 is the last entry
                for (int i = s; i < e; i++) {
                    if (pe == ordering[i]) {
                        return new int[]{s, e};
                    }
                }
                e--;
            }
            return null;
        }

        /** A steep down area with the maximum reachability seen between it and the current position. */
        private static final class SteepDownArea {
            final int start;
            final int end;
            double mib;

            SteepDownArea(final int start, final int end) {
                this.start = start;
                this.end = end;
            }
        }
    }

    /**
     * The eps cut, a port of scikit-learn's {@code cluster_optics_dbscan}: walking the ordering, a row whose
     * reachability exceeds eps starts a new cluster if its core distance is ≤ eps, and is noise otherwise; every other
     * row joins the current cluster. Equivalent to DBSCAN with this eps (up to border rows that DBSCAN would give to
     * another cluster), for any eps ≤ maxEps.
     *
     * @param eps the cut distance, &gt; 0
     */
    record EpsCut(double eps) implements OpticsExtraction {

        @Override
        public void validate() {
            if (!(eps > 0) || Double.isInfinite(eps)) {
                throw new IllegalArgumentException("eps must be a finite number > 0, got " + eps);
            }
        }

        @Override
        public void checkRows(final int rows) {
            // any number of rows works
        }

        @Override
        public int[] labels(final OpticsOrdering o, final int minSamples) {
            final int n = o.size();
            final int[] labels = new int[n];
            int current = -1;
            for (int i = 0; i < n; i++) {
                final int row = o.ordering()[i];
                final boolean farReach = o.reachability()[row] > eps;
                final boolean nearCore = o.coreDistance()[row] <= eps;
                if (farReach && nearCore) {
                    current++;
                }
                labels[row] = farReach && !nearCore ? ClusterModel.NOISE : current;
            }
            return labels;
        }
    }
}
