package org.deepcluster.core.encode;

/**
 * How a denoising autoencoder ({@link Architecture#DAE}) corrupts its input. Each mini-batch is corrupted afresh,
 * after scaling, from a random stream seeded by {@link EncoderParameters#seed()}.
 *
 * @param type the kind of corruption
 * @param level for {@link Type#GAUSSIAN} the standard deviation σ of the added noise (in scaled units, &gt; 0); for
 *            {@link Type#MASKING} the fraction of values set to zero (in (0, 1))
 */
public record Noise(Type type, double level) {

    /** The kinds of corruption. */
    public enum Type {
        /** Adds N(0, σ²) to every value. */
        GAUSSIAN,
        /** Sets each value to 0 with probability {@code level} (masking noise, like dropout on the input). */
        MASKING
    }

    /**
     * @param sigma the standard deviation of the added noise
     * @return Gaussian noise
     */
    public static Noise gaussian(final double sigma) {
        return new Noise(Type.GAUSSIAN, sigma);
    }

    /**
     * @param rate the fraction of values set to zero
     * @return masking noise
     */
    public static Noise masking(final double rate) {
        return new Noise(Type.MASKING, rate);
    }

    /**
     * @throws IllegalArgumentException naming the invalid part
     */
    public void validate() {
        if (type == null) {
            throw new IllegalArgumentException("noise type must be set (GAUSSIAN or MASKING)");
        }
        if (type == Type.GAUSSIAN && !(level > 0 && Double.isFinite(level))) {
            throw new IllegalArgumentException("noise level (the standard deviation σ of Gaussian noise) must be a finite "
                + "number > 0, got " + level);
        }
        if (type == Type.MASKING && !(level > 0 && level < 1)) {
            throw new IllegalArgumentException("noise level (the masking rate) must be between 0 and 1 (exclusive), got "
                + level);
        }
    }

    @Override
    public String toString() {
        return type == Type.GAUSSIAN ? "Gaussian σ " + level : "masking rate " + level;
    }
}
