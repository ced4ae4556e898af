package org.deepcluster.core.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.deepcluster.core.backend.Nd4jBackend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Early stopping restores the best epoch through copyParameters/setParameters: they must round-trip. */
class NetworkParametersTest {

    @BeforeAll
    static void backend() {
        Nd4jBackend.ensureInitialised();
    }

    @ParameterizedTest
    @EnumSource(value = Architecture.class, names = {"AE", "VAE"})
    void copyAndSetParametersRoundTrip(final Architecture architecture) {
        final EncoderParameters p = EncoderParameters.builder(architecture).hiddenSizes(6).embeddingSize(2)
            .learningRate(0.05).build();
        final EncoderNetwork network = Architectures.of(architecture).create(5, p);
        final INDArray x = Nd4j.rand(DataType.FLOAT, 8, 5);
        final INDArray before = network.encode(x).dup();
        final INDArray saved = network.copyParameters();
        assertEquals(network.parameterCount(), saved.length());
        for (int i = 0; i < 3; i++) {
            network.fit(x, x);
        }
        assertNotEquals(before, network.encode(x));
        network.setParameters(saved);
        assertEquals(before, network.encode(x));
        network.fit(x, x); // and training goes on from there
    }
}
