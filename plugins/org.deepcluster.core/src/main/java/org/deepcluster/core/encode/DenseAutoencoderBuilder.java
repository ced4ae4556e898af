package org.deepcluster.core.encode;

import java.io.IOException;

/** {@link Architecture#AE}: a dense autoencoder trained to reconstruct its input ({@link DenseNetwork}). */
final class DenseAutoencoderBuilder implements ArchitectureBuilder {

    @Override
    public void validate(final EncoderParameters parameters) {
        // no parameters of its own
    }

    @Override
    public EncoderNetwork create(final int inputSize, final EncoderParameters parameters) {
        return DenseNetwork.create(inputSize, parameters);
    }

    @Override
    public EncoderNetwork restore(final int inputSize, final EncoderParameters parameters, final ModelFormat.Reader in)
        throws IOException {
        return DenseNetwork.restore(inputSize, parameters, in);
    }
}
