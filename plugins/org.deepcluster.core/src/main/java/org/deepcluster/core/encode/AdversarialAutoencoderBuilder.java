package org.deepcluster.core.encode;

import java.io.IOException;

/** {@link Architecture#AAE}: an adversarial autoencoder with a Gaussian prior ({@link AdversarialNetwork}). */
final class AdversarialAutoencoderBuilder implements ArchitectureBuilder {

    @Override
    public void validate(final EncoderParameters p) {
        if (!(p.adversarialWeight() >= 0) || Double.isInfinite(p.adversarialWeight())) {
            throw new IllegalArgumentException("adversarialWeight must be a finite number ≥ 0 for an adversarial "
                + "autoencoder (AAE), got " + p.adversarialWeight());
        }
    }

    @Override
    public EncoderNetwork create(final int inputSize, final EncoderParameters parameters) {
        return AdversarialNetwork.create(inputSize, parameters);
    }

    @Override
    public EncoderNetwork restore(final int inputSize, final EncoderParameters parameters, final ModelFormat.Reader in)
        throws IOException {
        return AdversarialNetwork.restore(inputSize, parameters, in);
    }
}
