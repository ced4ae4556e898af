package org.deepcluster.core.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.deepcluster.core.backend.Nd4jBackend;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link ConvTrainer} computes what DL4J's own {@code MultiLayerNetwork} computes on the convolutional autoencoder:
 * the same embedding, score and gradient, and after a few updates the same parameters. Shapes include odd sizes
 * (pooling a last row or column alone, cropping after upsampling) and several channels.
 */
class ConvTrainerTest {

    @BeforeAll
    static void backend() {
        Nd4jBackend.ensureInitialised();
    }

    @ParameterizedTest
    @CsvSource({
        // width, height, channels, filters, activation, loss, optimizer
        "6, 10, 2, 4-3, RELU, MSE, ADAM", // 10×6 → 5×3 → 3×2: odd pooling and cropping
        "8, 8, 1, 5-3, TANH, BINARY_CROSS_ENTROPY, SGD_MOMENTUM",
        "7, 12, 1, 3-3-2, ELU, MSE, ADAM", // three blocks: 12×7 → 6×4 → 3×2 → 2×1
        "9, 5, 3, 4, SIGMOID, BINARY_CROSS_ENTROPY, ADAM", "6, 6, 1, 4-2, LEAKY_RELU, MSE, SGD_MOMENTUM"})
    void matchesDl4j(final int width, final int height, final int channels, final String filters,
        final Activation activation, final ReconstructionLoss loss, final Optimizer optimizer) {
        final int[] f = java.util.Arrays.stream(filters.split("-")).mapToInt(Integer::parseInt).toArray();
        final EncoderParameters p = EncoderParameters.builder(Architecture.CAE).hiddenSizes(f).embeddingSize(3)
            .activation(activation).loss(loss).optimizer(optimizer).learningRate(0.01).scaling(Scaling.MIN_MAX)
            .imageShape(width, height, channels).seed(7).build();
        final ConvNetwork ours = ConvNetwork.create(p);
        final MultiLayerNetwork reference = ours.net.clone();
        final int rows = 19; // not a multiple of the trainer's chunk size
        final INDArray x = Nd4j.rand(DataType.FLOAT, rows, width * height * channels); // in [0, 1], as BCE needs

        // embedding: DL4J's feed-forward to the embedding layer
        final INDArray embedding = ours.trainer().encode(x);
        final INDArray expectedEmbedding = dl4jEmbedding(ours, reference, x);
        assertClose(expectedEmbedding, embedding, 1e-5, "embedding");

        // score and gradient; DL4J's raw gradient is the sum over the batch (divided by the batch size in its updater)
        final double score = ours.trainer().computeGradient(x, x);
        reference.setInput(ours.input(x));
        reference.setLabels(ours.labels(x));
        reference.computeGradientAndScore();
        assertEquals(reference.score(), score, 1e-5 * Math.abs(score), "score");
        assertEquals(reference.score(new DataSet(ours.input(x), ours.labels(x)), false), ours.loss(x, x),
            1e-5 * Math.abs(score), "loss without a step");
        final INDArray expected = reference.gradient().gradient().reshape(reference.numParams()).div(rows);
        assertClose(expected, ours.trainer().gradient().reshape(reference.numParams()), 2e-5, "gradient");

        // three updates each: the parameters stay together
        for (int step = 0; step < 3; step++) {
            ours.fit(x, x);
            reference.fit(new DataSet(ours.input(x), ours.labels(x)));
        }
        assertClose(reference.params(), ours.net.params(), 1e-4, "parameters after three steps");
    }

    @Test
    void resultDoesNotDependOnTheNumberOfThreads() throws Exception {
        final EncoderParameters p = EncoderParameters.builder(Architecture.CAE).hiddenSizes(4, 2).embeddingSize(2)
            .imageShape(8, 8, 1).seed(3).build();
        final INDArray x = Nd4j.rand(DataType.FLOAT, 40, 64);
        final ConvNetwork a = ConvNetwork.create(p);
        final ConvNetwork b = ConvNetwork.create(p);
        final double lossA = a.trainer().computeGradient(x, x);
        final INDArray gradientA = a.trainer().gradient().dup();
        // the same computation on a single worker thread
        final java.util.concurrent.ForkJoinPool single = new java.util.concurrent.ForkJoinPool(1);
        final double lossB;
        try {
            lossB = single.submit(() -> b.trainer().computeGradient(x, x)).get();
        } finally {
            single.shutdown();
        }
        assertEquals(lossA, lossB, 0.0);
        assertEquals(gradientA, b.trainer().gradient());
    }

    private static INDArray dl4jEmbedding(final ConvNetwork ours, final MultiLayerNetwork reference,
        final INDArray x) {
        final int layer = embeddingLayer(reference);
        final List<INDArray> activations = reference.feedForwardToLayer(layer, ours.input(x), false);
        return activations.get(layer + 1);
    }

    /** The embedding layer: the first dense layer. */
    private static int embeddingLayer(final MultiLayerNetwork net) {
        for (int i = 0; i < net.getnLayers(); i++) {
            if (net.getLayer(i) instanceof org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer) {
                return i;
            }
        }
        throw new AssertionError("no dense layer");
    }

    private static void assertClose(final INDArray expected, final INDArray actual, final double relative,
        final String what) {
        assertEquals(java.util.Arrays.toString(expected.shape()), java.util.Arrays.toString(actual.shape()), what);
        final double difference = expected.castTo(DataType.DOUBLE).sub(actual.castTo(DataType.DOUBLE)).norm2Number()
            .doubleValue();
        final double norm = expected.norm2Number().doubleValue();
        assertTrue(difference <= relative * norm, what + " differs by " + difference + " (norm " + norm + ")");
    }
}
