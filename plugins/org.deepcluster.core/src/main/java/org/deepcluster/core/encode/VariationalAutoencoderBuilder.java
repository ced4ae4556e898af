package org.deepcluster.core.encode;

import java.io.IOException;

/** {@link Architecture#VAE}: a variational autoencoder with a weighted KL term ({@link VaeNetwork}, SameDiff). */
final class VariationalAutoencoderBuilder implements ArchitectureBuilder {

    @Override
    public void validate(final EncoderParameters parameters) {
        // klWeight is checked with the common parameters
    }

    @Override
    public EncoderNetwork create(final int inputSize, final EncoderParameters parameters) {
        return VaeNetwork.create(inputSize, parameters);
    }

    @Override
    public EncoderNetwork restore(final int inputSize, final EncoderParameters parameters, final ModelFormat.Reader in)
        throws IOException {
        return VaeNetwork.restore(inputSize, parameters, in);
    }
}
