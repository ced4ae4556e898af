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
 * {@link DenseTrainer}'s gradient of a loss on a hidden layer (what DEC/IDEC back-propagate through the encoder):
 * checked against finite differences of the network's own forward pass, and, for the reconstruction part, against
 * the plain reconstruction gradient.
 */
class DenseTrainerLayerLossTest {

    @BeforeAll
    static void backend() {
        Nd4jBackend.ensureInitialised();
    }

    private static EncoderParameters parameters(final Activation activation) {
        return EncoderParameters.builder(Architecture.AE).hiddenSizes(5).embeddingSize(2).activation(activation)
            .learningRate(0.01).seed(3).build();
    }

    /** L = Σ c ⊙ z over the batch, with fixed coefficients c: dL/dz = c. */
    @ParameterizedTest
    @CsvSource({"TANH", "SIGMOID"}) // smooth: finite differences across a kink (ReLU, ELU) would not agree
    void embeddingLossGradientMatchesFiniteDifferences(final Activation activation) {
        final EncoderParameters p = parameters(activation);
        final DenseNetwork network = DenseNetwork.create(6, p);
        final MultiLayerNetwork net = network.network();
        final DenseTrainer trainer = new DenseTrainer(net, DenseNetwork.activations(p), false,
            p.optimizer().updater(p.learningRate()));
        Nd4j.getRandom().setSeed(1);
        final INDArray x = Nd4j.randn(DataType.FLOAT, 8, 6);
        final INDArray c = Nd4j.randn(DataType.FLOAT, 8, 2);
        final int m = network.embeddingLayer();
        final double reconstruction = trainer.computeGradient(x, x, m, (z, g) -> g.assign(c), 0);
        assertTrue(Double.isNaN(reconstruction), "no reconstruction term");
        final INDArray gradient = trainer.gradient().dup();
        final INDArray params = net.params();
        final long encoderParameters = 6 * 5 + 5 + 5 * 2 + 2;
        final double h = 1e-2;
        for (long v = 0; v < params.length(); v++) {
            final double analytic = gradient.getDouble(v);
            if (v >= encoderParameters) {
                assertEquals(0.0, analytic, "the decoder gets no gradient from an embedding loss: parameter " + v);
                continue;
            }
            final double original = params.getDouble(v);
            params.putScalar(v, original + h);
            final double plus = loss(net, m, x, c);
            params.putScalar(v, original - h);
            final double minus = loss(net, m, x, c);
            params.putScalar(v, original);
            final double numeric = (plus - minus) / (2 * h);
            assertEquals(numeric, analytic, 2e-3 * Math.max(1, Math.abs(numeric)), "parameter " + v);
        }
    }

    private static double loss(final MultiLayerNetwork net, final int layer, final INDArray x, final INDArray c) {
        final INDArray z = net.feedForwardToLayer(layer, x, false).get(layer + 1);
        return z.castTo(DataType.DOUBLE).mul(c.castTo(DataType.DOUBLE)).sumNumber().doubleValue();
    }

    /** With a zero embedding loss, the gradient is the weighted reconstruction gradient. */
    @ParameterizedTest
    @CsvSource({"RELU, 0.7", "TANH, 3"})
    void reconstructionPartIsTheWeightedReconstructionGradient(final Activation activation, final double weight) {
        final EncoderParameters p = parameters(activation);
        final DenseNetwork network = DenseNetwork.create(6, p);
        final DenseTrainer trainer = new DenseTrainer(network.network(), DenseNetwork.activations(p), false,
            p.optimizer().updater(p.learningRate()));
        Nd4j.getRandom().setSeed(2);
        final INDArray x = Nd4j.randn(DataType.FLOAT, 8, 6);
        final double plain = trainer.computeGradient(x, x);
        final INDArray expected = trainer.gradient().mul(weight);
        final double reconstruction = trainer.computeGradient(x, x, network.embeddingLayer(), (z, g) -> g.assign(0),
            weight);
        assertEquals(plain, reconstruction, 1e-6 * plain, "the unweighted reconstruction loss");
        final double difference = expected.sub(trainer.gradient()).norm2Number().doubleValue();
        assertTrue(difference <= 1e-5 * expected.norm2Number().doubleValue(), "gradient differs by " + difference);

        // a following call without reconstruction leaves no stale decoder gradient behind
        trainer.computeGradient(x, x, network.embeddingLayer(), (z, g) -> g.assign(1), 0);
        final INDArray g = trainer.gradient();
        final long encoderParameters = 6 * 5 + 5 + 5 * 2 + 2;
        for (long v = encoderParameters; v < g.length(); v++) {
            assertEquals(0.0, g.getDouble(v), "decoder parameter " + v);
        }
    }
}
