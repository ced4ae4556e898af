package org.deepcluster.core.encode;

import java.util.Arrays;
import java.util.Objects;

/**
 * The settings of one encoder training run. Parameters that only one architecture uses are ignored by the others
 * ({@code noise} by all but {@link Architecture#DAE}, {@code klWeight} by all but {@link Architecture#VAE},
 * {@code pretrainEpochs} by all but {@link Architecture#SAE}, the image shape by all but {@link Architecture#CAE},
 * the sequence shape, input kind and token settings by all but {@link Architecture#LSTM_AE},
 * {@code adversarialWeight} by all but {@link Architecture#AAE}).
 *
 * <p>Build one with {@link #builder(Architecture)}, which starts from the recommended defaults.
 *
 * @param architecture the kind of network
 * @param hiddenSizes the widths of the encoder's hidden layers, from the input towards the embedding (e.g. {512,
 *            128}); the decoder mirrors them. May be empty (a linear encoder). Copied
 * @param embeddingSize the width of the embedding (the bottleneck), at least 1
 * @param activation the activation of the hidden layers; the embedding layer is linear
 * @param loss the reconstruction loss
 * @param epochs the maximum number of passes over the training rows, at least 1
 * @param batchSize the number of rows per gradient step, at least 1
 * @param learningRate the optimiser's step size, a finite number &gt; 0
 * @param optimizer the optimiser
 * @param noise the corruption of a denoising autoencoder
 * @param klWeight the weight β of the KL divergence in a variational autoencoder's loss (β-VAE), finite and ≥ 0;
 *            1 is the standard evidence lower bound
 * @param pretrainEpochs the number of epochs each layer of a stacked autoencoder is pretrained for, at least 1
 * @param validationFraction the fraction of rows held out to compute a validation loss after every epoch, in
 *            [0, 0.9]; 0 for none. The rows are drawn at random with the seed
 * @param patience stop when the monitored loss (the validation loss if there is a validation split, else the
 *            training loss) has not improved by at least 0.01 % for this many epochs in a row, and restore the
 *            weights of the best epoch; 0 turns early stopping off
 * @param scaling the per-column scaling, fitted on the training rows
 * @param seed the seed of the weight initialisation, the validation split, the shuffling and the noise
 * @param imageWidth the image width in pixels for a convolutional autoencoder, at least 1
 * @param imageHeight the image height in pixels for a convolutional autoencoder, at least 1
 * @param imageChannels the number of image channels for a convolutional autoencoder, at least 1; width × height ×
 *            channels must equal the number of input columns (see {@link ConvNetwork} for the pixel order)
 * @param sequenceLength the number of time steps T of an LSTM autoencoder, at least 1
 * @param sequenceFeatures the number of features per time step F of an LSTM autoencoder, at least 1; T × F must
 *            equal the number of input columns (see {@link LstmNetwork} for the order)
 * @param adversarialWeight the weight of the adversarial (prior-matching) step of an adversarial autoencoder, finite
 *            and ≥ 0; 0 turns the adversarial training off (see {@link AdversarialNetwork})
 * @param sequenceInput what the rows of an LSTM autoencoder hold: numeric T × F values, or T token indices (then
 *            {@code sequenceFeatures} is not used, {@code scaling} must be {@link Scaling#NONE} and {@code loss} is
 *            not used)
 * @param vocabularySize the number of distinct token indices V of an LSTM autoencoder on tokens, between 2 and
 *            {@link #MAX_VOCABULARY_SIZE}; the rows hold indices in [0, V), 0 = padding
 * @param tokenEmbeddingSize the width E of the trainable token embedding of an LSTM autoencoder on tokens, between 1
 *            and {@link #MAX_LAYER_SIZE}
 * @param weightDecay the L2 penalty λ on the weights (not the biases) of the dense autoencoders (AE, DAE, the SAE's
 *            fine-tuning, the AAE's autoencoder), finite and ≥ 0; 0 for none. It adds λ·W to each weight gradient
 *            before the optimiser step (DL4J's {@code l2(λ)}, PyTorch's {@code Adam(weight_decay=λ)}), and
 *            ½ λ ‖W‖² to the reported loss. Its strength relative to the data gradient grows with the number of
 *            input columns (the reconstruction loss is a mean over the columns)
 */
public record EncoderParameters(Architecture architecture, int[] hiddenSizes, int embeddingSize,
    Activation activation, ReconstructionLoss loss, int epochs, int batchSize, double learningRate,
    Optimizer optimizer, Noise noise, double klWeight, int pretrainEpochs, double validationFraction, int patience,
    Scaling scaling, long seed, int imageWidth, int imageHeight, int imageChannels, int sequenceLength,
    int sequenceFeatures, double adversarialWeight, SequenceInput sequenceInput, int vocabularySize,
    int tokenEmbeddingSize, double weightDecay) {

    /** Defaults of the image shape: 28 × 28 × 1 (grey-scale, MNIST-sized). */
    static final int DEFAULT_IMAGE_SIZE = 28;

    /** Default of {@link #imageChannels()} and {@link #sequenceFeatures()}. */
    static final int DEFAULT_CHANNELS = 1;

    /** Default of {@link #sequenceLength()}. */
    static final int DEFAULT_SEQUENCE_LENGTH = 10;

    /** Default of {@link #adversarialWeight()}. */
    static final double DEFAULT_ADVERSARIAL_WEIGHT = 1.0;

    /** Default of {@link #vocabularySize()}. */
    static final int DEFAULT_VOCABULARY_SIZE = 5000;

    /** Default of {@link #tokenEmbeddingSize()}. */
    static final int DEFAULT_TOKEN_EMBEDDING_SIZE = 32;

    /** The largest allowed vocabulary: the output layer has hidden size × V weights and computes V values per token. */
    public static final int MAX_VOCABULARY_SIZE = 1 << 17;

    /**
     * The parameters without the image, sequence and adversarial settings (which keep their defaults: images
     * 28 × 28 × 1, sequences 10 × 1, adversarial weight 1), for the architectures that do not use them.
     */
    public EncoderParameters(final Architecture architecture, final int[] hiddenSizes, final int embeddingSize,
        final Activation activation, final ReconstructionLoss loss, final int epochs, final int batchSize,
        final double learningRate, final Optimizer optimizer, final Noise noise, final double klWeight,
        final int pretrainEpochs, final double validationFraction, final int patience, final Scaling scaling,
        final long seed) {
        this(architecture, hiddenSizes, embeddingSize, activation, loss, epochs, batchSize, learningRate, optimizer,
            noise, klWeight, pretrainEpochs, validationFraction, patience, scaling, seed, DEFAULT_IMAGE_SIZE,
            DEFAULT_IMAGE_SIZE, DEFAULT_CHANNELS, DEFAULT_SEQUENCE_LENGTH, DEFAULT_CHANNELS,
            DEFAULT_ADVERSARIAL_WEIGHT);
    }

    /**
     * The parameters without the token-sequence settings (numeric sequences, vocabulary 5000, token embedding 32):
     * the components before token sequences were added.
     */
    public EncoderParameters(final Architecture architecture, final int[] hiddenSizes, final int embeddingSize,
        final Activation activation, final ReconstructionLoss loss, final int epochs, final int batchSize,
        final double learningRate, final Optimizer optimizer, final Noise noise, final double klWeight,
        final int pretrainEpochs, final double validationFraction, final int patience, final Scaling scaling,
        final long seed, final int imageWidth, final int imageHeight, final int imageChannels,
        final int sequenceLength, final int sequenceFeatures, final double adversarialWeight) {
        this(architecture, hiddenSizes, embeddingSize, activation, loss, epochs, batchSize, learningRate, optimizer,
            noise, klWeight, pretrainEpochs, validationFraction, patience, scaling, seed, imageWidth, imageHeight,
            imageChannels, sequenceLength, sequenceFeatures, adversarialWeight, SequenceInput.NUMERIC,
            DEFAULT_VOCABULARY_SIZE, DEFAULT_TOKEN_EMBEDDING_SIZE);
    }

    /** The parameters without weight decay (0): the components before weight decay was added. */
    public EncoderParameters(final Architecture architecture, final int[] hiddenSizes, final int embeddingSize,
        final Activation activation, final ReconstructionLoss loss, final int epochs, final int batchSize,
        final double learningRate, final Optimizer optimizer, final Noise noise, final double klWeight,
        final int pretrainEpochs, final double validationFraction, final int patience, final Scaling scaling,
        final long seed, final int imageWidth, final int imageHeight, final int imageChannels,
        final int sequenceLength, final int sequenceFeatures, final double adversarialWeight,
        final SequenceInput sequenceInput, final int vocabularySize, final int tokenEmbeddingSize) {
        this(architecture, hiddenSizes, embeddingSize, activation, loss, epochs, batchSize, learningRate, optimizer,
            noise, klWeight, pretrainEpochs, validationFraction, patience, scaling, seed, imageWidth, imageHeight,
            imageChannels, sequenceLength, sequenceFeatures, adversarialWeight, sequenceInput, vocabularySize,
            tokenEmbeddingSize, 0.0);
    }

    /** The largest allowed layer width; wider layers would not fit the memory of a desktop anyway. */
    public static final int MAX_LAYER_SIZE = 1 << 16;

    /** The largest allowed validation fraction. */
    public static final double MAX_VALIDATION_FRACTION = 0.9;

    /** Copies the hidden sizes so that the record stays immutable. */
    public EncoderParameters {
        hiddenSizes = hiddenSizes == null ? null : hiddenSizes.clone();
    }

    /** @return a copy of the hidden layer sizes */
    @Override
    public int[] hiddenSizes() {
        return hiddenSizes == null ? null : hiddenSizes.clone();
    }

    /**
     * Starts from the recommended defaults: hidden layers {512, 128}, embedding 32, ReLU, MSE, 100 epochs, batch
     * size 256, Adam with learning rate 0.001, masking noise 0.2, KL weight 1, 10 pretraining epochs, no validation
     * split, no early stopping, z-score scaling, seed 42; images 28 × 28 × 1 (CAE), numeric sequences of 10 steps ×
     * 1 feature, vocabulary 5000 and token embedding 32 for token sequences (LSTM_AE), adversarial weight 1 (AAE), no
     * weight decay.
     *
     * @param architecture the kind of network
     * @return a builder
     */
    public static Builder builder(final Architecture architecture) {
        return new Builder(architecture);
    }

    /** @return a builder that starts from these parameters */
    public Builder toBuilder() {
        final Builder b = new Builder(architecture);
        b.hiddenSizes = hiddenSizes == null ? null : hiddenSizes.clone();
        b.embeddingSize = embeddingSize;
        b.activation = activation;
        b.loss = loss;
        b.epochs = epochs;
        b.batchSize = batchSize;
        b.learningRate = learningRate;
        b.optimizer = optimizer;
        b.noise = noise;
        b.klWeight = klWeight;
        b.pretrainEpochs = pretrainEpochs;
        b.validationFraction = validationFraction;
        b.patience = patience;
        b.scaling = scaling;
        b.seed = seed;
        b.imageWidth = imageWidth;
        b.imageHeight = imageHeight;
        b.imageChannels = imageChannels;
        b.sequenceLength = sequenceLength;
        b.sequenceFeatures = sequenceFeatures;
        b.adversarialWeight = adversarialWeight;
        b.sequenceInput = sequenceInput;
        b.vocabularySize = vocabularySize;
        b.tokenEmbeddingSize = tokenEmbeddingSize;
        b.weightDecay = weightDecay;
        return b;
    }

    /** @return whether this is an LSTM autoencoder on token-index sequences */
    public boolean tokenSequences() {
        return architecture == Architecture.LSTM_AE && sequenceInput == SequenceInput.TOKENS;
    }

    /**
     * Checks the values that can be checked without data.
     *
     * @throws IllegalArgumentException naming the first invalid parameter
     */
    public void validate() {
        if (architecture == null) {
            throw new IllegalArgumentException("architecture must be set");
        }
        if (hiddenSizes == null) {
            throw new IllegalArgumentException("hiddenSizes must not be null (use an empty array for no hidden layer)");
        }
        for (int i = 0; i < hiddenSizes.length; i++) {
            if (hiddenSizes[i] < 1 || hiddenSizes[i] > MAX_LAYER_SIZE) {
                throw new IllegalArgumentException("hiddenSizes[" + i + "] must be between 1 and " + MAX_LAYER_SIZE
                    + ", got " + hiddenSizes[i]);
            }
        }
        if (embeddingSize < 1 || embeddingSize > MAX_LAYER_SIZE) {
            throw new IllegalArgumentException("embeddingSize must be between 1 and " + MAX_LAYER_SIZE + ", got "
                + embeddingSize);
        }
        requireSet(activation, "activation");
        requireSet(loss, "loss");
        requireSet(optimizer, "optimizer");
        requireSet(scaling, "scaling");
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) { // also rejects NaN
            throw new IllegalArgumentException("learningRate must be a finite number > 0, got " + learningRate);
        }
        if (!(klWeight >= 0) || Double.isInfinite(klWeight)) {
            throw new IllegalArgumentException("klWeight must be a finite number ≥ 0, got " + klWeight);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weightDecay must be a finite number ≥ 0 (0 = none), got " + weightDecay);
        }
        if (pretrainEpochs < 0) {
            throw new IllegalArgumentException("pretrainEpochs must not be negative, got " + pretrainEpochs);
        }
        if (!(validationFraction >= 0 && validationFraction <= MAX_VALIDATION_FRACTION)) {
            throw new IllegalArgumentException("validationFraction must be between 0 and " + MAX_VALIDATION_FRACTION
                + " (0 = no validation split), got " + validationFraction);
        }
        if (patience < 0) {
            throw new IllegalArgumentException("patience must not be negative (0 = no early stopping), got " + patience);
        }
        if (loss == ReconstructionLoss.BINARY_CROSS_ENTROPY && scaling == Scaling.Z_SCORE && !tokenSequences()) {
            throw new IllegalArgumentException("loss BINARY_CROSS_ENTROPY needs inputs in [0, 1], but Z_SCORE scaling "
                + "gives negative values: choose MIN_MAX scaling or the MSE loss");
        }
        Architectures.of(architecture).validate(this);
    }

    private static void requireSet(final Object value, final String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must be set");
        }
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof EncoderParameters p && architecture == p.architecture
            && Arrays.equals(hiddenSizes, p.hiddenSizes) && embeddingSize == p.embeddingSize
            && activation == p.activation && loss == p.loss && epochs == p.epochs && batchSize == p.batchSize
            && Double.compare(learningRate, p.learningRate) == 0 && optimizer == p.optimizer
            && Objects.equals(noise, p.noise) && Double.compare(klWeight, p.klWeight) == 0
            && pretrainEpochs == p.pretrainEpochs && Double.compare(validationFraction, p.validationFraction) == 0
            && patience == p.patience && scaling == p.scaling && seed == p.seed && imageWidth == p.imageWidth
            && imageHeight == p.imageHeight && imageChannels == p.imageChannels && sequenceLength == p.sequenceLength
            && sequenceFeatures == p.sequenceFeatures && Double.compare(adversarialWeight, p.adversarialWeight) == 0
            && sequenceInput == p.sequenceInput && vocabularySize == p.vocabularySize
            && tokenEmbeddingSize == p.tokenEmbeddingSize && Double.compare(weightDecay, p.weightDecay) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(architecture, Arrays.hashCode(hiddenSizes), embeddingSize, activation, loss, epochs,
            batchSize, learningRate, optimizer, noise, klWeight, pretrainEpochs, validationFraction, patience, scaling,
            seed, imageWidth, imageHeight, imageChannels, sequenceLength, sequenceFeatures, adversarialWeight,
            sequenceInput, vocabularySize, tokenEmbeddingSize, weightDecay);
    }

    @Override
    public String toString() {
        return "EncoderParameters[" + architecture + ", hidden " + Arrays.toString(hiddenSizes) + ", embedding "
            + embeddingSize + ", " + activation + ", " + loss + ", " + epochs + " epochs, batch " + batchSize + ", "
            + optimizer + " " + learningRate + ", noise " + noise + ", KL weight " + klWeight + ", pretrain "
            + pretrainEpochs + ", validation " + validationFraction + ", patience " + patience + ", " + scaling
            + ", seed " + seed + ", image " + imageWidth + "×" + imageHeight + "×" + imageChannels + ", sequence "
            + sequenceLength + "×" + sequenceFeatures + " " + sequenceInput + ", vocabulary " + vocabularySize
            + ", token embedding " + tokenEmbeddingSize + ", adversarial weight " + adversarialWeight + ", weight decay "
            + weightDecay + "]";
    }

    /** Builds {@link EncoderParameters}, starting from the defaults listed at {@link EncoderParameters#builder}. */
    public static final class Builder {
        private final Architecture architecture;
        private int[] hiddenSizes = {512, 128};
        private int embeddingSize = 32;
        private Activation activation = Activation.RELU;
        private ReconstructionLoss loss = ReconstructionLoss.MSE;
        private int epochs = 100;
        private int batchSize = 256;
        private double learningRate = 1e-3;
        private Optimizer optimizer = Optimizer.ADAM;
        private Noise noise = Noise.masking(0.2);
        private double klWeight = 1.0;
        private int pretrainEpochs = 10;
        private double validationFraction;
        private int patience;
        private Scaling scaling = Scaling.Z_SCORE;
        private long seed = 42L;
        private int imageWidth = DEFAULT_IMAGE_SIZE;
        private int imageHeight = DEFAULT_IMAGE_SIZE;
        private int imageChannels = DEFAULT_CHANNELS;
        private int sequenceLength = DEFAULT_SEQUENCE_LENGTH;
        private int sequenceFeatures = DEFAULT_CHANNELS;
        private double adversarialWeight = DEFAULT_ADVERSARIAL_WEIGHT;
        private SequenceInput sequenceInput = SequenceInput.NUMERIC;
        private int vocabularySize = DEFAULT_VOCABULARY_SIZE;
        private int tokenEmbeddingSize = DEFAULT_TOKEN_EMBEDDING_SIZE;
        private double weightDecay;

        private Builder(final Architecture architecture) {
            this.architecture = architecture;
        }

        /** @param sizes the hidden layer widths, input side first; @return this builder */
        public Builder hiddenSizes(final int... sizes) {
            this.hiddenSizes = sizes == null ? null : sizes.clone();
            return this;
        }

        /** @param size the embedding width; @return this builder */
        public Builder embeddingSize(final int size) {
            this.embeddingSize = size;
            return this;
        }

        /** @param value the hidden activation; @return this builder */
        public Builder activation(final Activation value) {
            this.activation = value;
            return this;
        }

        /** @param value the reconstruction loss; @return this builder */
        public Builder loss(final ReconstructionLoss value) {
            this.loss = value;
            return this;
        }

        /** @param value the maximum number of epochs; @return this builder */
        public Builder epochs(final int value) {
            this.epochs = value;
            return this;
        }

        /** @param value the mini-batch size; @return this builder */
        public Builder batchSize(final int value) {
            this.batchSize = value;
            return this;
        }

        /** @param value the learning rate; @return this builder */
        public Builder learningRate(final double value) {
            this.learningRate = value;
            return this;
        }

        /** @param value the optimiser; @return this builder */
        public Builder optimizer(final Optimizer value) {
            this.optimizer = value;
            return this;
        }

        /** @param value the DAE corruption; @return this builder */
        public Builder noise(final Noise value) {
            this.noise = value;
            return this;
        }

        /** @param value the VAE's KL weight β; @return this builder */
        public Builder klWeight(final double value) {
            this.klWeight = value;
            return this;
        }

        /** @param value the SAE's pretraining epochs per layer; @return this builder */
        public Builder pretrainEpochs(final int value) {
            this.pretrainEpochs = value;
            return this;
        }

        /** @param value the validation fraction (0 = none); @return this builder */
        public Builder validationFraction(final double value) {
            this.validationFraction = value;
            return this;
        }

        /** @param value the early-stopping patience (0 = off); @return this builder */
        public Builder patience(final int value) {
            this.patience = value;
            return this;
        }

        /** @param value the column scaling; @return this builder */
        public Builder scaling(final Scaling value) {
            this.scaling = value;
            return this;
        }

        /** @param value the seed; @return this builder */
        public Builder seed(final long value) {
            this.seed = value;
            return this;
        }

        /**
         * @param width the CAE's image width
         * @param height the CAE's image height
         * @param channels the CAE's image channels
         * @return this builder
         */
        public Builder imageShape(final int width, final int height, final int channels) {
            this.imageWidth = width;
            this.imageHeight = height;
            this.imageChannels = channels;
            return this;
        }

        /**
         * @param length the LSTM_AE's number of time steps T
         * @param features the LSTM_AE's features per time step F
         * @return this builder
         */
        public Builder sequenceShape(final int length, final int features) {
            this.sequenceLength = length;
            this.sequenceFeatures = features;
            return this;
        }

        /** @param value what the LSTM_AE's rows hold (numeric values or token indices); @return this builder */
        public Builder sequenceInput(final SequenceInput value) {
            this.sequenceInput = value;
            return this;
        }

        /**
         * Makes an LSTM_AE read token-index sequences of the given length: input {@link SequenceInput#TOKENS}, the
         * sequence length, the vocabulary size and the token embedding width.
         *
         * @param length the number of tokens T per row
         * @param vocabulary the vocabulary size V (indices 0 … V − 1, 0 = padding)
         * @param tokenEmbedding the token embedding width E
         * @return this builder
         */
        public Builder tokenSequences(final int length, final int vocabulary, final int tokenEmbedding) {
            this.sequenceInput = SequenceInput.TOKENS;
            this.sequenceLength = length;
            this.sequenceFeatures = DEFAULT_CHANNELS;
            this.vocabularySize = vocabulary;
            this.tokenEmbeddingSize = tokenEmbedding;
            return this;
        }

        /** @param value the AAE's adversarial weight; @return this builder */
        public Builder adversarialWeight(final double value) {
            this.adversarialWeight = value;
            return this;
        }

        /** @param value the L2 weight decay λ of the dense autoencoders (0 = none); @return this builder */
        public Builder weightDecay(final double value) {
            this.weightDecay = value;
            return this;
        }

        /**
         * @return the parameters (not validated: {@link EncoderTrainer#fit} validates them, and
         *         {@link EncoderParameters#validate()} can be called earlier, e.g. by a dialog)
         */
        public EncoderParameters build() {
            return new EncoderParameters(architecture, hiddenSizes, embeddingSize, activation, loss, epochs, batchSize,
                learningRate, optimizer, noise, klWeight, pretrainEpochs, validationFraction, patience, scaling, seed,
                imageWidth, imageHeight, imageChannels, sequenceLength, sequenceFeatures, adversarialWeight,
                sequenceInput, vocabularySize, tokenEmbeddingSize, weightDecay);
        }
    }
}
