package org.deepcluster.core.encode;

/**
 * How each input column is scaled before it enters the network. The scaling is fitted on the training rows only
 * (see {@link Scaler}), stored with the model and applied again whenever the model encodes new rows.
 */
public enum Scaling {

    /** The values are used as they are. */
    NONE,

    /** (x − min) / (max − min) per column, so the training rows lie in [0, 1]. */
    MIN_MAX,

    /** (x − mean) / standard deviation per column (population standard deviation, like scikit-learn). */
    Z_SCORE
}
