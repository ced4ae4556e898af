package org.deepcluster.core.encode;

import java.io.IOException;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trainable network behind a {@link FittedEncoder}: what the training loop, the encoder and the model file need,
 * whatever library structure (a DL4J {@code MultiLayerNetwork}, a SameDiff graph) implements it. Not thread-safe;
 * {@link FittedEncoder} serialises calls.
 *
 * <p>All arrays are float32 and have one row per data row.
 */
interface EncoderNetwork {

    /**
     * One optimisation step on a mini-batch.
     *
     * @param input the network input (the scaled rows, or a corrupted copy for a denoising autoencoder)
     * @param target the rows to reconstruct (the scaled rows)
     * @return the mean loss of the batch, computed before the step
     */
    double fit(INDArray input, INDArray target);

    /**
     * @param input the network input
     * @param target the rows to reconstruct
     * @return the mean loss of the batch, without changing the network
     */
    double loss(INDArray input, INDArray target);

    /**
     * @param input scaled rows
     * @return their embedding, {@code rows × embeddingSize}, detached from any workspace
     */
    INDArray encode(INDArray input);

    /** @return the number of trainable values */
    long parameterCount();

    /** @return a copy of all trainable values as one flat array (to restore the best epoch) */
    INDArray copyParameters();

    /** @param parameters values from {@link #copyParameters()} of this network */
    void setParameters(INDArray parameters);

    /** @return the layer widths from input to output, e.g. "20 → 16 → 2 → 16 → 20" */
    String layout();

    /**
     * Writes the network's entries of the model file.
     *
     * @param out the model file being written
     * @throws IOException if writing fails
     */
    void write(ModelFormat.Writer out) throws IOException;
}
