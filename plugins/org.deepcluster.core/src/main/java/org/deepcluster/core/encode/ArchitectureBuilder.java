package org.deepcluster.core.encode;

import java.io.IOException;

import org.deepcluster.core.data.FloatMatrix;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What makes one {@link Architecture} different: its extra parameter checks, how its network is built and restored,
 * an optional phase before end-to-end training, and what the network sees as input during training. The generic
 * parts (data checks, scaling, mini-batches, validation, early stopping, progress, divergence, persistence of the
 * metadata) live in {@link EncoderTrainer}, {@link TrainingContext} and {@link ModelFormat}.
 *
 * <p>Implementations are stateless; per-run state lives in the {@link TrainingContext}.
 */
interface ArchitectureBuilder {

    /**
     * Checks the parameters only this architecture uses (the common ones are already checked).
     *
     * @param parameters the parameters
     * @throws IllegalArgumentException naming the invalid parameter
     */
    void validate(EncoderParameters parameters);

    /**
     * Checks values this architecture needs beyond being finite (e.g. whole-number token indices), before training
     * and before encoding.
     *
     * @param data the rows (all values finite)
     * @param parameters the parameters (valid)
     * @throws IllegalArgumentException naming the first bad row and column
     */
    default void checkData(final FloatMatrix data, final EncoderParameters parameters) {
        // any finite value is fine by default
    }

    /**
     * Builds an untrained network with weights drawn from the seed.
     *
     * @param inputSize the number of input columns
     * @param parameters the parameters (valid)
     * @return the network
     */
    EncoderNetwork create(int inputSize, EncoderParameters parameters);

    /**
     * @param parameters the parameters
     * @return how many epochs {@link #pretrain} runs, so that progress can be shared fairly; 0 if it does nothing
     */
    default int pretrainingEpochs(final EncoderParameters parameters) {
        return 0;
    }

    /**
     * Runs before end-to-end training, e.g. greedy layer-wise pretraining.
     *
     * @param network the network from {@link #create}
     * @param context the training run
     */
    default void pretrain(final EncoderNetwork network, final TrainingContext context) {
        // nothing by default
    }

    /**
     * @param clean a scaled training batch (the reconstruction target); must not be modified
     * @param context the training run
     * @return what the network gets as input for this batch: {@code clean} itself, or a corrupted copy
     */
    default INDArray trainingInput(final INDArray clean, final TrainingContext context) {
        return clean;
    }

    /**
     * Restores a network written by {@link EncoderNetwork#write}.
     *
     * @param inputSize the number of input columns
     * @param parameters the parameters it was trained with
     * @param in the model file
     * @return the network
     * @throws IOException if the entries are missing or do not fit the parameters
     */
    EncoderNetwork restore(int inputSize, EncoderParameters parameters, ModelFormat.Reader in) throws IOException;
}
