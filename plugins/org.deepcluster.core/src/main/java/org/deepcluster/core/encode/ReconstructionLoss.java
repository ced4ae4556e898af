package org.deepcluster.core.encode;

/** How the decoder's output is compared with the input row. */
public enum ReconstructionLoss {

    /** Mean squared error; the output layer is linear. Suits any real-valued (scaled) data. */
    MSE,

    /**
     * Binary cross-entropy, averaged over the columns; the output layer is a sigmoid. Needs inputs in [0, 1]:
     * choose {@link Scaling#MIN_MAX} or data that already lies in that range (e.g. pixel intensities).
     */
    BINARY_CROSS_ENTROPY
}
