package org.deepcluster.core.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.deepcluster.core.cluster.KMeans;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.metrics.ClusteringScores;
import org.deepcluster.core.progress.CancelledException;
import org.deepcluster.core.progress.Progress;
import org.deepcluster.core.synthetic.SingleCellCounts.Parameters;
import org.junit.jupiter.api.Test;

class SingleCellCountsTest {

    /** The defaults with other values for the model settings that the tests vary. */
    private static Parameters with(final int cells, final int genes, final int types, final long seed,
        final double librarySizeScale, final double deFraction, final double bcv, final boolean dropout,
        final double dropoutMidpoint) {
        final Parameters d = Parameters.defaults(cells, genes, types, seed);
        return new Parameters(cells, genes, types, seed, d.geneMeanShape(), d.geneMeanRate(), d.librarySizeLocation(),
            librarySizeScale, deFraction, d.deLocation(), d.deScale(), bcv, dropout, dropoutMidpoint,
            d.dropoutShape());
    }

    private static Parameters withDropout(final Parameters p, final boolean dropout, final double midpoint) {
        return with(p.cells(), p.genes(), p.cellTypes(), p.seed(), p.librarySizeScale(), p.deFraction(), p.bcv(),
            dropout, midpoint);
    }

    private static double[] rowSums(final Matrix m) {
        final double[] sums = new double[m.rows()];
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                sums[i] += m.get(i, j);
            }
        }
        return sums;
    }

    private static int zeros(final Matrix m) {
        int zeros = 0;
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                zeros += m.get(i, j) == 0 ? 1 : 0;
            }
        }
        return zeros;
    }

    private static double coefficientOfVariation(final double[] values) {
        double mean = 0;
        for (final double v : values) {
            mean += v / values.length;
        }
        double variance = 0;
        for (final double v : values) {
            variance += (v - mean) * (v - mean) / (values.length - 1);
        }
        return Math.sqrt(variance) / mean;
    }

    /** The usual first steps of a single-cell analysis: scale each cell to 10,000 counts, then log1p. */
    private static Matrix normaliseAndLog(final Matrix counts) {
        final double[] sums = rowSums(counts);
        final double[] values = new double[counts.rows() * counts.cols()];
        for (int i = 0; i < counts.rows(); i++) {
            for (int j = 0; j < counts.cols(); j++) {
                values[i * counts.cols() + j] = Math.log1p(counts.get(i, j) / sums[i] * 1e4);
            }
        }
        return Matrix.wrap(counts.rows(), counts.cols(), values);
    }

    private static double kMeansAri(final SyntheticData cells) {
        final int[] found = KMeans.fit(normaliseAndLog(cells.data()),
            KMeans.Parameters.defaults(cells.labelNames().size()), Progress.NONE).labels();
        return ClusteringScores.adjustedRandIndex(cells.labels(), found);
    }

    @Test
    void defaults() {
        final Parameters p = Parameters.defaults();
        assertEquals(Parameters.defaults(500, 1000, 4, 42L), p);
        assertEquals(new Parameters(500, 1000, 4, 42L, 0.6, 0.3, 8.5, 0.3, 0.1, 1.5, 0.4, 0.2, false, 0.0, 1.0), p);
        assertDoesNotThrow(p::validate);
    }

    @Test
    void shapeNamesAndBalancedTypes() {
        final SyntheticData cells = SingleCellCounts.generate(Parameters.defaults(103, 50, 4, 9), Progress.NONE);
        assertEquals(103, cells.data().rows());
        assertEquals(50, cells.data().cols());
        assertEquals("gene_0", cells.columnNames().get(0));
        assertEquals("gene_49", cells.columnNames().get(49));
        assertEquals(List.of("type_0", "type_1", "type_2", "type_3"), cells.labelNames());
        assertArrayEquals(new int[]{26, 26, 26, 25}, cells.groupSizes());
    }

    @Test
    void countsAreNonNegativeWholeNumbers() {
        final Matrix counts = SingleCellCounts.generate(withDropout(Parameters.defaults(), true, 0),
            Progress.NONE).data();
        for (int i = 0; i < counts.rows(); i++) {
            for (int j = 0; j < counts.cols(); j++) {
                final double v = counts.get(i, j);
                assertTrue(v >= 0 && v == Math.rint(v), "count " + v + " at " + i + ", " + j);
            }
        }
    }

    @Test
    void sameSeedSameCountsOtherSeedOtherCounts() {
        final SyntheticData a = SingleCellCounts.generate(Parameters.defaults(120, 80, 3, 5), Progress.NONE);
        assertEquals(a, SingleCellCounts.generate(Parameters.defaults(120, 80, 3, 5), Progress.NONE));
        final SyntheticData b = SingleCellCounts.generate(Parameters.defaults(120, 80, 3, 6), Progress.NONE);
        assertNotEquals(a.data(), b.data());
    }

    @Test
    void defaultCountsAreOverdispersed() {
        final Matrix counts = SingleCellCounts.generate(Parameters.defaults(), Progress.NONE).data();
        double ratio = 0;
        int expressed = 0;
        for (int j = 0; j < counts.cols(); j++) {
            final double[] column = new double[counts.rows()];
            for (int i = 0; i < column.length; i++) {
                column[i] = counts.get(i, j);
            }
            final double mean = mean(column);
            if (mean > 0) {
                ratio += variance(column, mean) / mean;
                expressed++;
            }
        }
        assertTrue(ratio / expressed > 1.5, "mean variance-to-mean ratio " + ratio / expressed);
    }

    /**
     * With one type, no DE genes and equal library sizes, each gene's counts are independent Gamma–Poisson draws:
     * variance = mean + bcv² × mean², and plain Poisson (variance = mean) when bcv is 0.
     */
    @Test
    void varianceFollowsTheGammaPoissonModel() {
        for (final double bcv : new double[]{0, 0.3}) {
            final Matrix counts = SingleCellCounts.generate(with(3000, 300, 1, 11, 0, 0, bcv, false, 0),
                Progress.NONE).data();
            double ratio = 0;
            int genes = 0;
            for (int j = 0; j < counts.cols(); j++) {
                final double[] column = new double[counts.rows()];
                for (int i = 0; i < column.length; i++) {
                    column[i] = counts.get(i, j);
                }
                final double mean = mean(column);
                if (mean > 1) {
                    ratio += variance(column, mean) / (mean + bcv * bcv * mean * mean);
                    genes++;
                }
            }
            assertTrue(genes > 50, "enough expressed genes: " + genes);
            assertEquals(1.0, ratio / genes, 0.05, "observed / model variance for bcv " + bcv);
        }
    }

    @Test
    void dropoutOnlyTurnsCountsIntoZerosAndMoreSoWhenStronger() {
        final Parameters base = Parameters.defaults(200, 300, 3, 8);
        final Matrix off = SingleCellCounts.generate(base, Progress.NONE).data();
        final Matrix negligible = SingleCellCounts.generate(withDropout(base, true, -30), Progress.NONE).data();
        final Matrix mild = SingleCellCounts.generate(withDropout(base, true, 0), Progress.NONE).data();
        final Matrix strong = SingleCellCounts.generate(withDropout(base, true, 3), Progress.NONE).data();
        assertEquals(off, negligible, "a midpoint far below any mean drops nothing");
        for (final Matrix dropped : List.of(mild, strong)) {
            for (int i = 0; i < off.rows(); i++) {
                for (int j = 0; j < off.cols(); j++) {
                    assertTrue(dropped.get(i, j) == 0 || dropped.get(i, j) == off.get(i, j));
                }
            }
        }
        final int cells = off.rows() * off.cols();
        assertTrue(zeros(mild) > zeros(off) + 0.05 * cells, zeros(mild) + " vs " + zeros(off));
        assertTrue(zeros(strong) > zeros(mild) + 0.05 * cells, zeros(strong) + " vs " + zeros(mild));
    }

    @Test
    void librarySizesVaryAcrossCells() {
        final double[] sizes = rowSums(SingleCellCounts.generate(Parameters.defaults(), Progress.NONE).data());
        final double cv = coefficientOfVariation(sizes);
        assertTrue(cv > 0.2, "coefficient of variation of library sizes " + cv);
        // The median library size is exp(librarySizeLocation) ≈ 4,915 counts; the mean exp(8.5 + 0.3² / 2).
        assertEquals(Math.exp(8.5 + 0.045), mean(sizes), 0.05 * Math.exp(8.5));
        final double[] fixed = rowSums(SingleCellCounts.generate(with(500, 1000, 4, 42, 0, 0.1, 0.2, false, 0),
            Progress.NONE).data());
        assertTrue(coefficientOfVariation(fixed) < 0.1, "without library size variation: "
            + coefficientOfVariation(fixed));
    }

    @Test
    void kMeansRecoversTheCellTypesWithTheDefaults() {
        for (final long seed : new long[]{42, 1, 2}) {
            final double ari = kMeansAri(SingleCellCounts.generate(Parameters.defaults(500, 1000, 4, seed),
                Progress.NONE));
            assertTrue(ari > 0.8, "seed " + seed + ": ARI " + ari);
        }
    }

    @Test
    void withoutDifferentialExpressionThereAreNoTypesToFind() {
        final double ari = kMeansAri(SingleCellCounts.generate(with(500, 1000, 4, 42, 0.3, 0, 0.2, false, 0),
            Progress.NONE));
        assertTrue(Math.abs(ari) < 0.05, "ARI " + ari);
    }

    @Test
    void validateNamesTheParameter() {
        assertEquals("cells must be at least 1, got 0", message(Parameters.defaults(0, 10, 1, 1)));
        assertEquals("genes must be at least 1, got -2", message(Parameters.defaults(10, -2, 1, 1)));
        assertEquals("cellTypes must be at least 1, got 0", message(Parameters.defaults(10, 10, 0, 1)));
        assertEquals("cellTypes (11) must be at most cells (10): every type needs a cell",
            message(Parameters.defaults(10, 10, 11, 1)));
        assertEquals("cells × genes (2500000000) is too large for one matrix: lower cells or genes",
            message(Parameters.defaults(50_000, 50_000, 4, 1)));
        assertEquals("geneMeanShape must be a finite number > 0, got 0.0",
            message(new Parameters(500, 1000, 4, 42L, 0, 0.3, 8.5, 0.3, 0.1, 1.5, 0.4, 0.2, false, 0.0, 1.0)));
        assertEquals("geneMeanRate must be a finite number > 0, got NaN", message(
            new Parameters(500, 1000, 4, 42L, 0.6, Double.NaN, 8.5, 0.3, 0.1, 1.5, 0.4, 0.2, false, 0.0, 1.0)));
        assertEquals("librarySizeLocation must be between -20.0 and 20.0, got 25.0",
            message(new Parameters(500, 1000, 4, 42L, 0.6, 0.3, 25, 0.3, 0.1, 1.5, 0.4, 0.2, false, 0.0, 1.0)));
        assertEquals("librarySizeScale must be between 0.0 and 3.0, got -0.1",
            message(new Parameters(500, 1000, 4, 42L, 0.6, 0.3, 8.5, -0.1, 0.1, 1.5, 0.4, 0.2, false, 0.0, 1.0)));
        assertEquals("deFraction must be between 0 and 1, got 1.5",
            message(new Parameters(500, 1000, 4, 42L, 0.6, 0.3, 8.5, 0.3, 1.5, 1.5, 0.4, 0.2, false, 0.0, 1.0)));
        assertEquals("deLocation must be between -20.0 and 20.0, got Infinity", message(new Parameters(500, 1000,
            4, 42L, 0.6, 0.3, 8.5, 0.3, 0.1, Double.POSITIVE_INFINITY, 0.4, 0.2, false, 0.0, 1.0)));
        assertEquals("deScale must be between 0.0 and 3.0, got 4.0",
            message(new Parameters(500, 1000, 4, 42L, 0.6, 0.3, 8.5, 0.3, 0.1, 1.5, 4, 0.2, false, 0.0, 1.0)));
        assertEquals("bcv must be a finite number ≥ 0, got -0.2",
            message(new Parameters(500, 1000, 4, 42L, 0.6, 0.3, 8.5, 0.3, 0.1, 1.5, 0.4, -0.2, false, 0.0, 1.0)));
        assertEquals("dropoutMidpoint must be a finite number, got NaN", message(
            new Parameters(500, 1000, 4, 42L, 0.6, 0.3, 8.5, 0.3, 0.1, 1.5, 0.4, 0.2, true, Double.NaN, 1.0)));
        assertEquals("dropoutShape must be a finite number ≥ 0, got -1.0",
            message(new Parameters(500, 1000, 4, 42L, 0.6, 0.3, 8.5, 0.3, 0.1, 1.5, 0.4, 0.2, true, 0.0, -1.0)));
        assertDoesNotThrow(() -> new Parameters(1, 1, 1, -3, 1e-3, 1e3, -20, 0, 0, -20, 0, 0, true, -5, 0).validate());
        assertDoesNotThrow(() -> new Parameters(1, 1, 1, 0, 1, 1, 20, 3, 1, 20, 3, 5, false, 5, 10).validate());
    }

    @Test
    void extremeButValidSettingsStillGiveCounts() {
        final SyntheticData big = SingleCellCounts.generate(
            new Parameters(3, 20, 2, 1, 0.6, 0.3, 20, 3, 1, 20, 3, 5, true, 0, 0), Progress.NONE);
        final SyntheticData tiny = SingleCellCounts.generate(
            new Parameters(3, 20, 1, 1, 0.01, 100, -20, 0, 0.5, -20, 0, 0, false, 0, 1), Progress.NONE);
        for (final SyntheticData s : List.of(big, tiny)) {
            assertTrue(s.data().firstNonFinite().isEmpty());
            for (int i = 0; i < s.data().rows(); i++) {
                for (final double v : s.data().row(i)) {
                    assertTrue(v >= 0 && v == Math.rint(v), "count " + v);
                }
            }
        }
        assertEquals(0, rowSums(tiny.data())[0], "a library of e^-20 counts is empty");
    }

    @Test
    void cancellationStopsTheSimulation() {
        final List<Double> reported = new ArrayList<>();
        final Progress cancelAfterThree = new Progress() {
            private int checks;

            @Override
            public void report(final double fraction, final String message) {
                reported.add(fraction);
            }

            @Override
            public void checkCancelled() {
                if (++checks > 3) {
                    throw new CancelledException();
                }
            }
        };
        assertThrows(CancelledException.class,
            () -> SingleCellCounts.generate(Parameters.defaults(1000, 20, 2, 1), cancelAfterThree));
        // One check before the simulation starts, then one per hundred cells.
        assertEquals(List.of(0.0, 0.1), reported);
        assertThrows(IllegalArgumentException.class,
            () -> SingleCellCounts.generate(Parameters.defaults(0, 20, 2, 1), Progress.NONE));
    }

    private static String message(final Parameters p) {
        return assertThrows(IllegalArgumentException.class, p::validate).getMessage();
    }

    private static double mean(final double[] values) {
        double sum = 0;
        for (final double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double variance(final double[] values, final double mean) {
        double sum = 0;
        for (final double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return sum / (values.length - 1);
    }
}
