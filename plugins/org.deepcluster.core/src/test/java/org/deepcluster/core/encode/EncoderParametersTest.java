package org.deepcluster.core.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

class EncoderParametersTest {

    @Test
    void defaultsAreValidForEveryArchitecture() {
        for (final Architecture a : Architecture.values()) {
            final EncoderParameters p = EncoderParameters.builder(a).build();
            assertDoesNotThrow(p::validate);
            assertArrayEquals(new int[]{512, 128}, p.hiddenSizes());
            assertEquals(32, p.embeddingSize());
            assertEquals(p, p.toBuilder().build());
            assertEquals(p.hashCode(), p.toBuilder().build().hashCode());
        }
    }

    @Test
    void weightDecayDefaultsToNoneAndIsPartOfEquality() {
        final EncoderParameters none = EncoderParameters.builder(Architecture.AE).build();
        assertEquals(0.0, none.weightDecay());
        final EncoderParameters decayed = none.toBuilder().weightDecay(1e-3).build();
        assertEquals(1e-3, decayed.weightDecay());
        assertEquals(decayed, decayed.toBuilder().build());
        assertNotEquals(none, decayed);
        assertTrue(decayed.toString().contains("weight decay 0.001"), decayed.toString());
        assertDoesNotThrow(decayed::validate);
        // the constructor without weight decay (older callers) gives none
        assertEquals(none, new EncoderParameters(none.architecture(), none.hiddenSizes(), none.embeddingSize(),
            none.activation(), none.loss(), none.epochs(), none.batchSize(), none.learningRate(), none.optimizer(),
            none.noise(), none.klWeight(), none.pretrainEpochs(), none.validationFraction(), none.patience(),
            none.scaling(), none.seed(), none.imageWidth(), none.imageHeight(), none.imageChannels(),
            none.sequenceLength(), none.sequenceFeatures(), none.adversarialWeight(), none.sequenceInput(),
            none.vocabularySize(), none.tokenEmbeddingSize()));
    }

    @Test
    void hiddenSizesAreCopied() {
        final int[] sizes = {8, 4};
        final EncoderParameters p = EncoderParameters.builder(Architecture.AE).hiddenSizes(sizes).build();
        sizes[0] = 99;
        p.hiddenSizes()[1] = 99;
        assertArrayEquals(new int[]{8, 4}, p.hiddenSizes());
    }

    @Test
    void validateNamesTheParameter() {
        assertEquals("architecture must be set", message(EncoderParameters.builder(null).build()));
        assertEquals("hiddenSizes[1] must be between 1 and 65536, got 0", message(b -> b.hiddenSizes(8, 0)));
        assertEquals("embeddingSize must be between 1 and 65536, got 0", message(b -> b.embeddingSize(0)));
        assertEquals("activation must be set", message(b -> b.activation(null)));
        assertEquals("epochs must be at least 1, got 0", message(b -> b.epochs(0)));
        assertEquals("batchSize must be at least 1, got -1", message(b -> b.batchSize(-1)));
        assertEquals("learningRate must be a finite number > 0, got NaN", message(b -> b.learningRate(Double.NaN)));
        assertEquals("learningRate must be a finite number > 0, got 0.0", message(b -> b.learningRate(0)));
        assertEquals("klWeight must be a finite number ≥ 0, got -1.0", message(b -> b.klWeight(-1)));
        assertEquals("weightDecay must be a finite number ≥ 0 (0 = none), got -0.001",
            message(b -> b.weightDecay(-1e-3)));
        assertEquals("weightDecay must be a finite number ≥ 0 (0 = none), got NaN",
            message(b -> b.weightDecay(Double.NaN)));
        assertEquals("weightDecay must be a finite number ≥ 0 (0 = none), got Infinity",
            message(b -> b.weightDecay(Double.POSITIVE_INFINITY)));
        assertEquals("validationFraction must be between 0 and 0.9 (0 = no validation split), got 0.95",
            message(b -> b.validationFraction(0.95)));
        assertEquals("patience must not be negative (0 = no early stopping), got -2", message(b -> b.patience(-2)));
        assertEquals("loss BINARY_CROSS_ENTROPY needs inputs in [0, 1], but Z_SCORE scaling gives negative values: "
            + "choose MIN_MAX scaling or the MSE loss",
            message(b -> b.loss(ReconstructionLoss.BINARY_CROSS_ENTROPY).scaling(Scaling.Z_SCORE)));
        assertDoesNotThrow(() -> EncoderParameters.builder(Architecture.AE).hiddenSizes().validationFraction(0.9)
            .loss(ReconstructionLoss.BINARY_CROSS_ENTROPY).scaling(Scaling.MIN_MAX).build().validate());
    }

    @Test
    void architectureSpecificParameters() {
        final EncoderParameters.Builder dae = EncoderParameters.builder(Architecture.DAE);
        assertEquals("noise must be set for a denoising autoencoder (DAE), e.g. masking 0.2 or Gaussian σ 0.1",
            message(dae.noise(null).build()));
        assertEquals("noise level (the masking rate) must be between 0 and 1 (exclusive), got 1.0",
            message(dae.noise(Noise.masking(1)).build()));
        assertEquals("noise level (the standard deviation σ of Gaussian noise) must be a finite number > 0, got 0.0",
            message(dae.noise(Noise.gaussian(0)).build()));
        assertDoesNotThrow(() -> dae.noise(Noise.gaussian(0.3)).build().validate());
        // Noise is ignored by the other architectures.
        assertDoesNotThrow(() -> EncoderParameters.builder(Architecture.AE).noise(null).build().validate());
        assertEquals("pretrainEpochs must be at least 1 for a stacked autoencoder (SAE), got 0",
            message(EncoderParameters.builder(Architecture.SAE).pretrainEpochs(0).build()));
        assertDoesNotThrow(() -> EncoderParameters.builder(Architecture.VAE).klWeight(0).build().validate());
    }

    private static String message(final UnaryOperator<EncoderParameters.Builder> change) {
        return message(change.apply(EncoderParameters.builder(Architecture.AE)).build());
    }

    private static String message(final EncoderParameters p) {
        return assertThrows(IllegalArgumentException.class, p::validate).getMessage();
    }
}
