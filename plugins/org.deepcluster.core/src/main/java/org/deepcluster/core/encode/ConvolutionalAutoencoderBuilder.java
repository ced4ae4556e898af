package org.deepcluster.core.encode;

import java.io.IOException;

/** {@link Architecture#CAE}: a convolutional autoencoder for image rows ({@link ConvNetwork}). */
final class ConvolutionalAutoencoderBuilder implements ArchitectureBuilder {

    @Override
    public void validate(final EncoderParameters p) {
        if (p.imageWidth() < 1 || p.imageHeight() < 1 || p.imageChannels() < 1) {
            throw new IllegalArgumentException("the convolutional autoencoder (CAE) needs the image shape: imageWidth, "
                + "imageHeight and imageChannels must be at least 1, got " + p.imageWidth() + " × " + p.imageHeight()
                + " × " + p.imageChannels());
        }
        if (p.hiddenSizes().length == 0) {
            throw new IllegalArgumentException("the convolutional autoencoder (CAE) needs at least one hidden size: "
                + "the number of filters of each convolution block, e.g. {16, 8}");
        }
    }

    /**
     * @param inputSize the number of input columns
     * @param p the parameters
     * @throws IllegalArgumentException if width × height × channels is not the number of columns
     */
    static void checkShape(final int inputSize, final EncoderParameters p) {
        final long pixels = (long)p.imageWidth() * p.imageHeight() * p.imageChannels();
        if (pixels != inputSize) {
            throw new IllegalArgumentException("the image shape " + p.imageWidth() + " × " + p.imageHeight() + " × "
                + p.imageChannels() + " (width × height × channels = " + pixels + " values) does not match the "
                + inputSize + " input columns: the convolutional autoencoder reads each row as one image, so the "
                + "product must equal the number of columns");
        }
    }

    @Override
    public EncoderNetwork create(final int inputSize, final EncoderParameters parameters) {
        checkShape(inputSize, parameters);
        return ConvNetwork.create(parameters);
    }

    @Override
    public EncoderNetwork restore(final int inputSize, final EncoderParameters parameters, final ModelFormat.Reader in)
        throws IOException {
        try {
            checkShape(inputSize, parameters);
        } catch (final IllegalArgumentException e) {
            throw new IOException(e.getMessage() + ": the model file is damaged", e);
        }
        final ConvNetwork network = ConvNetwork.create(parameters);
        network.readParameters(in);
        return network;
    }
}
