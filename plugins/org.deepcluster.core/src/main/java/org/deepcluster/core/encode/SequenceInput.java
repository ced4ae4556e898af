package org.deepcluster.core.encode;

/**
 * What the rows of an {@link Architecture#LSTM_AE LSTM autoencoder} hold.
 */
public enum SequenceInput {

    /**
     * Each row is T time steps × F numeric features, stored time step by time step (see {@link LstmNetwork});
     * reconstructed with the chosen {@link ReconstructionLoss}.
     */
    NUMERIC,

    /**
     * Each row is T token indices (whole numbers in [0, vocabulary size), 0 = padding), e.g. from the
     * "Text to Token Sequences" node; an embedding layer maps each token to a vector, and the tokens are reconstructed
     * with a softmax over the vocabulary (see {@link TokenSequenceNetwork}). Scaling must be {@link Scaling#NONE};
     * the reconstruction loss setting is not used.
     */
    TOKENS
}
