package org.deepcluster.core.cluster.som;

/** How the learning rate and the neighbourhood radius go from their start value to their end value during training. */
public enum Decay {

    /** Straight line: start + (end − start) · f. */
    LINEAR,
    /** Geometric: start · (end / start)^f, i.e. exponential decay that reaches the end value exactly. */
    EXPONENTIAL;

    /**
     * @param start the value at the start of training, &gt; 0
     * @param end the value at the end of training, &gt; 0
     * @param fraction how far training is, 0 (start) to 1 (end)
     * @return the scheduled value
     */
    public double value(final double start, final double end, final double fraction) {
        return this == LINEAR ? start + (end - start) * fraction : start * Math.pow(end / start, fraction);
    }
}
