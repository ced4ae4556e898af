package org.deepcluster.core.encode;

import java.io.IOException;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link Architecture#DAE}: the dense autoencoder of {@link DenseNetwork}, trained on corrupted rows to reconstruct
 * the clean rows (Vincent et al., 2008). Each mini-batch is corrupted afresh ({@link TrainingContext#corrupt}); the
 * validation loss and the embedding use clean rows.
 */
final class DenoisingAutoencoderBuilder implements ArchitectureBuilder {

    @Override
    public void validate(final EncoderParameters parameters) {
        if (parameters.noise() == null) {
            throw new IllegalArgumentException("noise must be set for a denoising autoencoder (DAE), e.g. masking 0.2 "
                + "or Gaussian σ 0.1");
        }
        parameters.noise().validate();
    }

    @Override
    public EncoderNetwork create(final int inputSize, final EncoderParameters parameters) {
        return DenseNetwork.create(inputSize, parameters);
    }

    @Override
    public INDArray trainingInput(final INDArray clean, final TrainingContext context) {
        return context.corrupt(clean, context.parameters().noise());
    }

    @Override
    public EncoderNetwork restore(final int inputSize, final EncoderParameters parameters, final ModelFormat.Reader in)
        throws IOException {
        return DenseNetwork.restore(inputSize, parameters, in);
    }
}
