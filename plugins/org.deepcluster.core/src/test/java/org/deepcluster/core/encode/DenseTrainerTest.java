package org.deepcluster.core.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deepcluster.core.backend.Nd4jBackend;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link DenseTrainer} computes what DL4J's own {@code MultiLayerNetwork} training computes: the same score, the same
 * gradient, and after a few updates the same parameters.
 */
class DenseTrainerTest {

    @BeforeAll
    static void backend() {
        Nd4jBackend.ensureInitialised();
    }

    @ParameterizedTest
    @CsvSource({"RELU, MSE, ADAM, 0", "TANH, MSE, SGD_MOMENTUM, 0", "SIGMOID, MSE, ADAM, 0", "ELU, MSE, ADAM, 0",
        "LEAKY_RELU, MSE, ADAM, 0", "RELU, BINARY_CROSS_ENTROPY, ADAM, 0", "TANH, BINARY_CROSS_ENTROPY, SGD_MOMENTUM, 0",
        // weight decay (DL4J's l2): λ·W added to the weight gradients before the updater, ½ λ ‖W‖² in the score
        "RELU, MSE, ADAM, 0.05", "TANH, MSE, SGD_MOMENTUM, 0.05", "SIGMOID, BINARY_CROSS_ENTROPY, ADAM, 0.05"})
    void matchesDl4j(final Activation activation, final ReconstructionLoss loss, final Optimizer optimizer,
        final double weightDecay) {
        final EncoderParameters p = EncoderParameters.builder(Architecture.AE).hiddenSizes(7, 5).embeddingSize(3)
            .activation(activation).loss(loss).optimizer(optimizer).learningRate(0.01).scaling(Scaling.MIN_MAX)
            .seed(5).weightDecay(weightDecay).build();
        final DenseNetwork ours = DenseNetwork.create(9, p);
        final MultiLayerNetwork reference = ours.network().clone();
        final INDArray x = Nd4j.rand(DataType.FLOAT, 16, 9); // in [0, 1], as BCE needs
        final INDArray y = x.dup();

        // Score and gradient of one batch. DL4J's raw gradient is the sum over the batch; it divides by the
        // mini-batch size in the updater.
        final DenseTrainer trainer = new DenseTrainer(ours.network(), activations(p), loss
            == ReconstructionLoss.BINARY_CROSS_ENTROPY, optimizer.updater(p.learningRate()));
        final double score = trainer.computeGradient(x, y);
        reference.setInput(x);
        reference.setLabels(y);
        reference.computeGradientAndScore();
        // the network really is regularised (else the comparison would not test the weight decay)
        assertEquals(weightDecay > 0, reference.calcRegularizationScore(true) > 1e-4 * reference.score());
        assertEquals(reference.score(), score, 1e-5 * Math.abs(score));
        final INDArray expected = reference.gradient().gradient().reshape(1, reference.numParams()).div(16);
        final double difference = expected.sub(trainer.gradient()).norm2Number().doubleValue();
        assertTrue(difference <= 1e-5 * expected.norm2Number().doubleValue(), "gradient differs by " + difference);

        // Three updates each: the parameters stay together.
        for (int step = 0; step < 3; step++) {
            ours.fit(x, y);
            reference.fit(x, y);
        }
        final double drift = reference.params().sub(ours.network().params()).norm2Number().doubleValue();
        assertTrue(drift <= 1e-4 * reference.params().norm2Number().doubleValue(), "parameters differ by " + drift);
    }

    /** The activations DenseNetwork.create uses for a two-hidden-layer autoencoder. */
    private static Activation[] activations(final EncoderParameters p) {
        final Activation a = p.activation();
        return new Activation[]{a, a, null, a, a,
            p.loss() == ReconstructionLoss.BINARY_CROSS_ENTROPY ? Activation.SIGMOID : null};
    }
}
