package org.deepcluster.core.encode;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.activations.impl.ActivationELU;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.activations.IActivation;
import org.deeplearning4j.nn.weights.WeightInit;

/** The activation function of the hidden layers (the embedding layer is always linear). */
public enum Activation {

    /** max(0, x). */
    RELU,
    /** Hyperbolic tangent. */
    TANH,
    /** Logistic sigmoid 1 / (1 + e^−x). */
    SIGMOID,
    /** Exponential linear unit with α = 1. */
    ELU,
    /** Leaky ReLU with slope 0.01 for negative inputs (DL4J's default). */
    LEAKY_RELU;

    /** The slope of {@link #LEAKY_RELU} for negative inputs. */
    static final double LEAKY_SLOPE = 0.01;

    /** @return DL4J's implementation */
    IActivation dl4j() {
        return switch (this) {
            case RELU -> new ActivationReLU();
            case TANH -> new ActivationTanH();
            case SIGMOID -> new ActivationSigmoid();
            case ELU -> new ActivationELU(1.0);
            case LEAKY_RELU -> new ActivationLReLU(LEAKY_SLOPE);
        };
    }

    /**
     * He initialisation keeps the variance of rectifier-like layers, Glorot (Xavier) that of saturating ones.
     *
     * @return the weight initialisation that suits this activation
     */
    WeightInit weightInit() {
        return this == TANH || this == SIGMOID ? WeightInit.XAVIER : WeightInit.RELU;
    }

    /**
     * @param sd the graph
     * @param x the pre-activation
     * @return the activation in a SameDiff graph, with the same definition as {@link #dl4j()}
     */
    SDVariable apply(final SameDiff sd, final SDVariable x) {
        return switch (this) {
            case RELU -> sd.nn.relu(x, 0.0);
            case TANH -> sd.math.tanh(x);
            case SIGMOID -> sd.nn.sigmoid(x);
            case ELU -> sd.nn.elu(x);
            case LEAKY_RELU -> sd.nn.leakyRelu(x, LEAKY_SLOPE);
        };
    }
}
