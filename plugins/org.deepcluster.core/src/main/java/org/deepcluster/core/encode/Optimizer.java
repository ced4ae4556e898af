package org.deepcluster.core.encode;

import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;

/** The gradient-descent method. */
public enum Optimizer {

    /** Adam with β₁ = 0.9, β₂ = 0.999, ε = 1e-8 (the usual defaults). */
    ADAM,

    /** Stochastic gradient descent with Nesterov momentum 0.9 (DL4J's {@code Nesterovs}). */
    SGD_MOMENTUM;

    /** The momentum of {@link #SGD_MOMENTUM}. */
    static final double MOMENTUM = 0.9;

    /**
     * @param learningRate the step size
     * @return DL4J's updater configuration
     */
    IUpdater updater(final double learningRate) {
        return switch (this) {
            case ADAM -> new Adam(learningRate);
            case SGD_MOMENTUM -> new Nesterovs(learningRate, MOMENTUM);
        };
    }
}
