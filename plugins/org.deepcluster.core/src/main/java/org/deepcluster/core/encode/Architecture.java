package org.deepcluster.core.encode;

/**
 * The kind of neural network that learns the embedding. Each constant is implemented by one
 * {@link ArchitectureBuilder} (see {@link Architectures}); adding an architecture means adding a constant here, a
 * builder class, and a case in {@link Architectures#of(Architecture)} (the compiler asks for the last one).
 */
public enum Architecture {

    /** Dense autoencoder: encoder, linear embedding layer, mirrored decoder. */
    AE("autoencoder"),

    /** Dense autoencoder trained to reconstruct clean rows from corrupted ones (see {@link Noise}). */
    DAE("denoising autoencoder"),

    /**
     * Stacked autoencoder: each encoder layer is first trained as a shallow autoencoder on the codes of the layers
     * below it (greedy layer-wise pretraining), then the whole network is fine-tuned end to end.
     */
    SAE("stacked autoencoder"),

    /** Variational autoencoder; the embedding is the mean of the approximate posterior. */
    VAE("variational autoencoder"),

    /**
     * Convolutional autoencoder: each row is one image (see {@link EncoderParameters#imageWidth()}); convolution and
     * max-pooling blocks, a dense embedding layer, and a mirrored decoder with upsampling.
     */
    CAE("convolutional autoencoder"),

    /**
     * LSTM autoencoder: each row is one sequence of T time steps with F features (see
     * {@link EncoderParameters#sequenceLength()}); LSTM encoder, dense embedding of the last step, LSTM decoder.
     */
    LSTM_AE("LSTM autoencoder"),

    /**
     * Adversarial autoencoder (Makhzani et al., 2016): a dense autoencoder whose codes are pushed towards a standard
     * Gaussian prior by a discriminator.
     */
    AAE("adversarial autoencoder");

    private final String description;

    Architecture(final String description) {
        this.description = description;
    }

    /** @return a short lower-case description, e.g. "denoising autoencoder" */
    public String description() {
        return description;
    }
}
