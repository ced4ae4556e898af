package org.deepcluster.core.synthetic;

import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.progress.Progress;

/**
 * Raw UMI-like single-cell RNA-seq counts with known cell types, a simplified version of the Splatter simulator
 * (Zappia, Phipson &amp; Oshlack 2017, <i>Genome Biology</i> 18:174). Rows are cells, columns genes.
 *
 * <p>The model, step by step:
 * <ol>
 * <li><b>Gene means.</b> Each gene g gets a base mean {@code m_g ~ Gamma(geneMeanShape, rate = geneMeanRate)}.</li>
 * <li><b>Cell types.</b> Each type independently picks {@code round(deFraction × genes)} differentially expressed
 * genes; half of them (the extra one if odd) are up-regulated by a factor {@code f ~ LogNormal(deLocation, deScale)},
 * the others down-regulated by {@code 1/f}. The type's expression profile is {@code m_g × f_tg}, scaled to sum to
 * 1.</li>
 * <li><b>Library sizes.</b> Each cell c gets a library size {@code L_c ~ LogNormal(librarySizeLocation,
 * librarySizeScale)}, its expected total count; its gene means are {@code μ_cg = L_c × profile_{type(c), g}}.</li>
 * <li><b>Biological variation.</b> The true mean is {@code Gamma(shape = 1/bcv², scale = μ_cg × bcv²)}: mean
 * {@code μ_cg}, coefficient of variation {@code bcv}. The count is Poisson with that mean, so the counts are negative
 * binomial (Gamma–Poisson) with dispersion {@code bcv²}; {@code bcv = 0} gives plain Poisson counts. (Splatter adds
 * a mean-dependent term and a χ² draw to the BCV; this generator uses one common BCV.)</li>
 * <li><b>Dropout</b> (if enabled). Each count is set to zero with probability {@code 1 / (1 + exp(dropoutShape ×
 * (ln λ − dropoutMidpoint)))}, λ being the true mean of step 4, so that lowly expressed genes drop out more often.
 * Splatter's {@code dropout.shape} is the negative of {@code dropoutShape}. The random numbers are drawn whether or not
 * dropout is enabled, so that with the same seed dropout only turns counts into zeros and changes nothing else.</li>
 * </ol>
 *
 * <p>Cell types are as even as possible (sizes differ by at most one) in a shuffled order. Columns are named
 * {@code gene_0, gene_1, …}, types {@code type_0, type_1, …}. All values are non-negative whole numbers.
 *
 * <p>Determinism: the same parameters give the same counts on every machine and Java version (the random numbers
 * come from commons-math3's {@link Well19937c} and its samplers, whose algorithms are fixed).
 */
public final class SingleCellCounts {

    private SingleCellCounts() {
    }

    /**
     * The settings of the simulation; see the class description for the model.
     *
     * @param cells the number of cells (rows), at least 1
     * @param genes the number of genes (columns), at least 1
     * @param cellTypes the number of cell types, between 1 and {@code cells}
     * @param seed the seed of the random numbers
     * @param geneMeanShape the shape of the Gamma distribution of base gene means, &gt; 0 (Splatter:
     *            {@code mean.shape}, 0.6)
     * @param geneMeanRate the rate of the Gamma distribution of base gene means, &gt; 0 (Splatter: {@code mean.rate},
     *            0.3); only the relative gene means matter, since each cell's total is set by its library size
     * @param librarySizeLocation the mean of the natural log of the library size, between −20 and 20 (Splatter:
     *            {@code lib.loc})
     * @param librarySizeScale the standard deviation of the natural log of the library size, between 0 and 3
     *            (Splatter: {@code lib.scale})
     * @param deFraction the fraction of genes differentially expressed in each cell type, in [0, 1] (Splatter:
     *            {@code de.prob})
     * @param deLocation the mean of the natural log of the fold changes of differentially expressed genes, between
     *            −20 and 20 (Splatter: {@code de.facLoc})
     * @param deScale the standard deviation of the natural log of the fold changes, between 0 and 3 (Splatter:
     *            {@code de.facScale})
     * @param bcv the biological coefficient of variation, a finite number ≥ 0; 0 gives Poisson counts
     * @param dropout whether to zero counts at random depending on their expression
     * @param dropoutMidpoint the natural log of the mean at which half the counts drop out; finite (Splatter:
     *            {@code dropout.mid})
     * @param dropoutShape how sharply the dropout probability falls with the log mean, a finite number ≥ 0; 0 drops
     *            half of all counts whatever their mean (Splatter: {@code -dropout.shape})
     */
    public record Parameters(int cells, int genes, int cellTypes, long seed, double geneMeanShape,
        double geneMeanRate, double librarySizeLocation, double librarySizeScale, double deFraction,
        double deLocation, double deScale, double bcv, boolean dropout, double dropoutMidpoint,
        double dropoutShape) {

        /**
         * The defaults: 500 cells, 1000 genes, 4 cell types, seed 42, and the values of
         * {@link #defaults(int, int, int, long)}.
         *
         * @return the default parameters
         */
        public static Parameters defaults() {
            return defaults(500, 1000, 4, 42L);
        }

        /**
         * The recommended model settings for a given size: Splatter's gene means (Gamma with shape 0.6, rate 0.3), a
         * median library size of about 5,000 counts varying by about 30 % (log-normal location 8.5, scale 0.3),
         * 10 % differentially expressed genes per type with fold changes around 4.5 (log-normal location 1.5, scale
         * 0.4), BCV 0.2, dropout off (midpoint 0, shape 1 when switched on). Chosen so that a first run shows clearly
         * separated types after library-size normalisation, log1p and k-means (Splatter's weaker default fold changes,
         * location 0.1, need a more careful pipeline), while about a third of the counts are zero.
         *
         * @param cells the number of cells
         * @param genes the number of genes
         * @param cellTypes the number of cell types
         * @param seed the seed
         * @return the parameters (not yet validated)
         */
        public static Parameters defaults(final int cells, final int genes, final int cellTypes, final long seed) {
            return new Parameters(cells, genes, cellTypes, seed, 0.6, 0.3, 8.5, 0.3, 0.1, 1.5, 0.4, 0.2, false, 0.0,
                1.0);
        }

        /**
         * Checks all values.
         *
         * @throws IllegalArgumentException naming the first invalid parameter
         */
        public void validate() {
            if (cells < 1) {
                throw new IllegalArgumentException("cells must be at least 1, got " + cells);
            }
            if (genes < 1) {
                throw new IllegalArgumentException("genes must be at least 1, got " + genes);
            }
            if (cellTypes < 1) {
                throw new IllegalArgumentException("cellTypes must be at least 1, got " + cellTypes);
            }
            if (cellTypes > cells) {
                throw new IllegalArgumentException(
                    "cellTypes (" + cellTypes + ") must be at most cells (" + cells + "): every type needs a cell");
            }
            if ((long)cells * genes > Integer.MAX_VALUE - 8) { // the largest Java array
                throw new IllegalArgumentException("cells × genes (" + (long)cells * genes
                    + ") is too large for one matrix: lower cells or genes");
            }
            requirePositive("geneMeanShape", geneMeanShape);
            requirePositive("geneMeanRate", geneMeanRate);
            requireBetween("librarySizeLocation", librarySizeLocation, -MAX_LOCATION, MAX_LOCATION);
            requireBetween("librarySizeScale", librarySizeScale, 0, MAX_SCALE);
            if (!(deFraction >= 0 && deFraction <= 1)) { // also rejects NaN
                throw new IllegalArgumentException("deFraction must be between 0 and 1, got " + deFraction);
            }
            requireBetween("deLocation", deLocation, -MAX_LOCATION, MAX_LOCATION);
            requireBetween("deScale", deScale, 0, MAX_SCALE);
            Generators.requireFiniteNonNegative("bcv", bcv);
            requireFinite("dropoutMidpoint", dropoutMidpoint);
            Generators.requireFiniteNonNegative("dropoutShape", dropoutShape);
        }

        // Natural-log locations and scales beyond these give library sizes or fold changes of e^20 and more (hundreds
        // of millions), which no experiment has and which would overflow the arithmetic.
        private static final double MAX_LOCATION = 20;

        private static final double MAX_SCALE = 3;

        private static void requirePositive(final String name, final double value) {
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException(name + " must be a finite number > 0, got " + value);
            }
        }

        private static void requireBetween(final String name, final double value, final double min,
            final double max) {
            if (!(value >= min && value <= max)) { // also rejects NaN
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + value);
            }
        }

        private static void requireFinite(final String name, final double value) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(name + " must be a finite number, got " + value);
            }
        }
    }

    // commons-math3's defaults for PoissonDistribution, which it does not expose.
    private static final double POISSON_EPSILON = 1e-12;

    private static final int POISSON_MAX_ITERATIONS = 10_000_000;

    /** Above this mean, Poisson counts are drawn from the normal approximation. */
    private static final double LARGE_MEAN = 1e8;

    /**
     * Simulates the counts.
     *
     * @param parameters the settings
     * @param progress receives a report and is asked for cancellation every hundred cells
     * @return the counts (cells × genes), the cell type of each cell and the names
     * @throws IllegalArgumentException if the parameters are invalid
     * @throws org.deepcluster.core.progress.CancelledException if {@code progress} cancels
     */
    public static SyntheticData generate(final Parameters parameters, final Progress progress) {
        parameters.validate();
        progress.checkCancelled();
        final int n = parameters.cells();
        final int g = parameters.genes();
        final RandomGenerator random = new Well19937c(parameters.seed());
        final double[][] profiles = typeProfiles(parameters, random);
        final int[] labels = Generators.balancedLabels(n, parameters.cellTypes(), random);
        final double bcv2 = parameters.bcv() * parameters.bcv();
        // Gamma(1/bcv², scale μ·bcv²) = μ·bcv² × Gamma(1/bcv², 1): one sampler serves every count.
        final GammaDistribution noise = bcv2 > 0 ? new GammaDistribution(random, 1 / bcv2, 1) : null;
        final double[] counts = new double[n * g];
        for (int c = 0; c < n; c++) {
            if (c % Generators.PROGRESS_BLOCK == 0) {
                progress.checkCancelled();
                progress.report((double)c / n, "Simulating cell " + (c + 1) + " of " + n);
            }
            final double librarySize = logNormal(random, parameters.librarySizeLocation(),
                parameters.librarySizeScale());
            final double[] profile = profiles[labels[c]];
            for (int j = 0; j < g; j++) {
                double mean = librarySize * profile[j];
                if (noise != null) {
                    mean *= bcv2 * noise.sample();
                }
                double count = poisson(random, mean);
                final double u = random.nextDouble(); // drawn even without dropout: see the class description
                if (parameters.dropout() && u < dropoutProbability(mean, parameters)) {
                    count = 0;
                }
                counts[c * g + j] = count;
            }
        }
        progress.report(1.0, "Counts simulated");
        return new SyntheticData(Matrix.wrap(n, g, counts), labels, Generators.names("type_", parameters.cellTypes()),
            Generators.names("gene_", g));
    }

    /** Each type's expected share of a cell's counts per gene: base means times fold changes, summing to 1. */
    private static double[][] typeProfiles(final Parameters p, final RandomGenerator random) {
        final int g = p.genes();
        final GammaDistribution geneMeans = new GammaDistribution(random, p.geneMeanShape(), 1 / p.geneMeanRate());
        final double[] base = new double[g];
        for (int j = 0; j < g; j++) {
            base[j] = geneMeans.sample();
        }
        final int deGenes = (int)Math.round(p.deFraction() * g);
        final int up = (deGenes + 1) / 2;
        final int[] order = new int[g];
        final double[][] profiles = new double[p.cellTypes()][];
        for (int t = 0; t < profiles.length; t++) {
            final double[] profile = base.clone();
            for (int j = 0; j < g; j++) {
                order[j] = j;
            }
            // The first deGenes positions of a partial Fisher–Yates shuffle are a uniform random subset.
            for (int i = 0; i < deGenes; i++) {
                final int k = i + random.nextInt(g - i);
                final int gene = order[k];
                order[k] = order[i];
                order[i] = gene;
                final double fold = logNormal(random, p.deLocation(), p.deScale());
                profile[gene] *= i < up ? fold : 1 / fold;
            }
            double sum = 0;
            for (final double v : profile) {
                sum += v;
            }
            for (int j = 0; j < g; j++) {
                // A sum of zero needs all base means to underflow; then every gene is equally likely.
                profile[j] = sum > 0 ? profile[j] / sum : 1.0 / g;
            }
            profiles[t] = profile;
        }
        return profiles;
    }

    /**
     * A Poisson draw. commons-math3 returns an {@code int} and casts the mean to {@code int} internally, so means
     * above 10^8, far beyond any real library, use the normal approximation instead; its error there (skewness
     * 1/√mean ≤ 10^-4) is invisible.
     */
    private static double poisson(final RandomGenerator random, final double mean) {
        if (!(mean > 0)) {
            return 0; // a mean that underflowed to zero has no Poisson distribution
        }
        if (mean > LARGE_MEAN) {
            return Math.max(0, Math.rint(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        return new PoissonDistribution(random, mean, POISSON_EPSILON, POISSON_MAX_ITERATIONS).sample();
    }

    /** exp of a normal draw: commons-math3's LogNormalDistribution rejects a scale of 0, which is allowed here. */
    private static double logNormal(final RandomGenerator random, final double location, final double scale) {
        return Math.exp(location + scale * random.nextGaussian());
    }

    private static double dropoutProbability(final double mean, final Parameters p) {
        return 1 / (1 + Math.exp(p.dropoutShape() * (Math.log(mean) - p.dropoutMidpoint())));
    }
}
