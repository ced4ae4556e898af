package org.deepcluster.core.encode;

/** Maps each {@link Architecture} to its {@link ArchitectureBuilder}. */
final class Architectures {

    private static final ArchitectureBuilder AE = new DenseAutoencoderBuilder();
    private static final ArchitectureBuilder DAE = new DenoisingAutoencoderBuilder();
    private static final ArchitectureBuilder SAE = new StackedAutoencoderBuilder();
    private static final ArchitectureBuilder VAE = new VariationalAutoencoderBuilder();
    private static final ArchitectureBuilder CAE = new ConvolutionalAutoencoderBuilder();
    private static final ArchitectureBuilder LSTM_AE = new LstmAutoencoderBuilder();
    private static final ArchitectureBuilder AAE = new AdversarialAutoencoderBuilder();

    private Architectures() {
    }

    /**
     * @param architecture an architecture
     * @return its builder
     */
    static ArchitectureBuilder of(final Architecture architecture) {
        // A switch expression without default: a new constant does not compile until it has a builder here.
        return switch (architecture) {
            case AE -> AE;
            case DAE -> DAE;
            case SAE -> SAE;
            case VAE -> VAE;
            case CAE -> CAE;
            case LSTM_AE -> LSTM_AE;
            case AAE -> AAE;
        };
    }
}
