package org.deepcluster.knime.node.encoder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.deepcluster.core.encode.Activation;
import org.deepcluster.core.encode.Architecture;
import org.deepcluster.core.encode.EncoderParameters;
import org.deepcluster.core.encode.Noise;
import org.deepcluster.core.encode.Optimizer;
import org.deepcluster.core.encode.ReconstructionLoss;
import org.deepcluster.core.encode.Scaling;
import org.deepcluster.core.encode.SequenceInput;
import org.deepcluster.knime.util.MissingValuePolicy;
import org.deepcluster.knime.util.NodeSettingsObject;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/**
 * The Encoder Learner's settings: keys, defaults, validation. Shared by the node model and the dialog, so that the
 * dialog never invents keys. Validation messages name the setting as the dialog labels it.
 *
 * <p>The architectures come from the engine's {@link Architecture} enum. Settings that only some architectures use
 * (noise for DAE, KL weight for VAE, pretraining epochs for SAE, the image shape for CAE, the sequence shape for
 * LSTM_AE with its input kind, vocabulary and token embedding size, the adversarial weight for AAE) are always
 * saved, so that switching the architecture back and forth keeps what the user entered, and are
 * validated only when their architecture is selected. The CAE, LSTM_AE and AAE settings are matched by the
 * constant's name.
 */
final class EncoderLearnerSettings implements NodeSettingsObject {

    static final String KEY_ARCHITECTURE = "architecture";
    static final String KEY_ALL_NUMERIC = "all_numeric_columns";
    static final String KEY_INCLUDED = "included_columns";
    static final String KEY_HIDDEN_LAYERS = "hidden_layers";
    static final String KEY_EMBEDDING_SIZE = "embedding_size";
    static final String KEY_ACTIVATION = "activation";
    static final String KEY_LOSS = "reconstruction_loss";
    static final String KEY_EPOCHS = "epochs";
    static final String KEY_BATCH_SIZE = "batch_size";
    static final String KEY_LEARNING_RATE = "learning_rate";
    static final String KEY_OPTIMIZER = "optimizer";
    static final String KEY_VALIDATION_FRACTION = "validation_fraction";
    static final String KEY_PATIENCE = "early_stopping_patience";
    static final String KEY_SCALING = "input_scaling";
    static final String KEY_SEED = "seed";
    static final String KEY_MISSING = "missing_values";
    static final String KEY_NOISE_TYPE = "noise_type";
    static final String KEY_NOISE_LEVEL = "noise_level";
    static final String KEY_KL_WEIGHT = "kl_weight";
    static final String KEY_PRETRAIN_EPOCHS = "pretrain_epochs";
    static final String KEY_IMAGE_WIDTH = "image_width";
    static final String KEY_IMAGE_HEIGHT = "image_height";
    static final String KEY_IMAGE_CHANNELS = "image_channels";
    static final String KEY_SEQUENCE_LENGTH = "sequence_length";
    static final String KEY_SEQUENCE_FEATURES = "sequence_features";
    static final String KEY_ADVERSARIAL_WEIGHT = "adversarial_weight";
    static final String KEY_SEQUENCE_INPUT = "sequence_input";
    static final String KEY_VOCABULARY_SIZE = "vocabulary_size";
    static final String KEY_TOKEN_EMBEDDING_SIZE = "token_embedding_size";
    static final String KEY_WEIGHT_DECAY = "weight_decay";

    static final String LABEL_ARCHITECTURE = "Architecture";
    static final String LABEL_COLUMNS = "Input columns";
    static final String LABEL_HIDDEN_LAYERS = "Hidden layer sizes";
    static final String LABEL_EMBEDDING_SIZE = "Embedding size";
    static final String LABEL_ACTIVATION = "Activation";
    static final String LABEL_LOSS = "Reconstruction loss";
    static final String LABEL_EPOCHS = "Epochs";
    static final String LABEL_BATCH_SIZE = "Batch size";
    static final String LABEL_LEARNING_RATE = "Learning rate";
    static final String LABEL_OPTIMIZER = "Optimizer";
    static final String LABEL_VALIDATION_FRACTION = "Validation fraction";
    static final String LABEL_PATIENCE = "Early-stopping patience (epochs)";
    static final String LABEL_SCALING = "Input scaling";
    static final String LABEL_SEED = "Random seed";
    static final String LABEL_MISSING = "Rows with missing values";
    static final String LABEL_NOISE_TYPE = "Noise type";
    static final String LABEL_NOISE_LEVEL = "Noise level";
    static final String LABEL_KL_WEIGHT = "KL weight (β)";
    static final String LABEL_PRETRAIN_EPOCHS = "Pretraining epochs per layer";
    static final String LABEL_IMAGE_WIDTH = "Image width";
    static final String LABEL_IMAGE_HEIGHT = "Image height";
    static final String LABEL_IMAGE_CHANNELS = "Image channels";
    static final String LABEL_SEQUENCE_LENGTH = "Sequence length";
    static final String LABEL_SEQUENCE_FEATURES = "Features per time step";
    static final String LABEL_ADVERSARIAL_WEIGHT = "Adversarial weight";
    static final String LABEL_SEQUENCE_INPUT = "Sequence input";
    static final String LABEL_VOCABULARY_SIZE = "Vocabulary size";
    static final String LABEL_TOKEN_EMBEDDING_SIZE = "Token embedding size";
    static final String LABEL_WEIGHT_DECAY = "Weight decay (L2)";

    /** The constant name of the convolutional autoencoder, which reads each row as an image. */
    static final String CAE = "CAE";

    /** The constant name of the LSTM autoencoder, which reads each row as a sequence. */
    static final String LSTM_AE = "LSTM_AE";

    /** The constant name of the adversarial autoencoder, which matches its codes to a Gaussian prior. */
    static final String AAE = "AAE";

    private static final EncoderParameters DEFAULTS = EncoderParameters.builder(Architecture.AE).build();

    Architecture architecture = Architecture.AE;
    boolean allNumericColumns = true;
    String[] includedColumns = new String[0];
    String hiddenLayers = formatHiddenLayers(DEFAULTS.hiddenSizes());
    int embeddingSize = DEFAULTS.embeddingSize();
    Activation activation = DEFAULTS.activation();
    ReconstructionLoss loss = DEFAULTS.loss();
    int epochs = DEFAULTS.epochs();
    int batchSize = DEFAULTS.batchSize();
    double learningRate = DEFAULTS.learningRate();
    Optimizer optimizer = DEFAULTS.optimizer();
    double validationFraction = DEFAULTS.validationFraction();
    int patience = DEFAULTS.patience();
    Scaling scaling = DEFAULTS.scaling();
    long seed = DEFAULTS.seed();
    MissingValuePolicy missingValues = MissingValuePolicy.FAIL;
    Noise.Type noiseType = DEFAULTS.noise().type();
    double noiseLevel = DEFAULTS.noise().level();
    double klWeight = DEFAULTS.klWeight();
    int pretrainEpochs = DEFAULTS.pretrainEpochs();
    int imageWidth = 28;
    int imageHeight = 28;
    int imageChannels = 1;
    int sequenceLength = 10;
    int sequenceFeatures = 1;
    double adversarialWeight = DEFAULTS.adversarialWeight();
    SequenceInput sequenceInput = SequenceInput.NUMERIC;
    int vocabularySize = DEFAULTS.vocabularySize();
    int tokenEmbeddingSize = DEFAULTS.tokenEmbeddingSize();
    double weightDecay = DEFAULTS.weightDecay();

    /**
     * @param a an architecture
     * @return whether it corrupts its input with noise (DAE)
     */
    static boolean usesNoise(final Architecture a) {
        return a == Architecture.DAE;
    }

    /**
     * @param a an architecture
     * @return whether it has a KL term (VAE)
     */
    static boolean usesKlWeight(final Architecture a) {
        return a == Architecture.VAE;
    }

    /**
     * @param a an architecture
     * @return whether it pretrains layer by layer (SAE)
     */
    static boolean usesPretraining(final Architecture a) {
        return a == Architecture.SAE;
    }

    /**
     * @param a an architecture
     * @return whether it reads each row as an image (CAE)
     */
    static boolean usesImageShape(final Architecture a) {
        return a != null && CAE.equals(a.name());
    }

    /**
     * @param a an architecture
     * @return whether it reads each row as a sequence (LSTM_AE)
     */
    static boolean usesSequenceShape(final Architecture a) {
        return a != null && LSTM_AE.equals(a.name());
    }

    /** @return whether the LSTM autoencoder on token indices is selected */
    boolean usesTokens() {
        return usesSequenceShape(architecture) && sequenceInput == SequenceInput.TOKENS;
    }

    /** @return the scaling the model applies: none for token indices (categories), else the setting */
    Scaling effectiveScaling() {
        return usesTokens() ? Scaling.NONE : scaling;
    }

    /**
     * @param a an architecture
     * @return whether it trains its encoder against a discriminator (AAE)
     */
    static boolean usesAdversarialWeight(final Architecture a) {
        return a != null && AAE.equals(a.name());
    }

    /**
     * @param a an architecture
     * @return whether the engine applies weight decay to it (the dense autoencoders: AE, DAE, SAE, AAE)
     */
    static boolean usesWeightDecay(final Architecture a) {
        return a == Architecture.AE || a == Architecture.DAE || a == Architecture.SAE || usesAdversarialWeight(a);
    }

    List<String> includedColumnList() {
        return Arrays.asList(includedColumns);
    }

    /**
     * @return the engine's parameters; the architecture-specific values only for the architecture that uses them
     *         (the others keep the engine's defaults, so that an unused setting can neither fail nor end up in the
     *         model)
     * @throws InvalidSettingsException if the hidden layer sizes do not parse
     */
    EncoderParameters parameters() throws InvalidSettingsException {
        final EncoderParameters.Builder b = EncoderParameters.builder(architecture)
            .hiddenSizes(parseHiddenLayers(hiddenLayers)).embeddingSize(embeddingSize).activation(activation)
            .loss(loss).epochs(epochs).batchSize(batchSize).learningRate(learningRate).optimizer(optimizer)
            .validationFraction(validationFraction).patience(patience).scaling(scaling).seed(seed);
        if (usesNoise(architecture)) {
            b.noise(new Noise(noiseType, noiseLevel));
        }
        if (usesKlWeight(architecture)) {
            b.klWeight(klWeight);
        }
        if (usesPretraining(architecture)) {
            b.pretrainEpochs(pretrainEpochs);
        }
        // The image (CAE) and sequence (LSTM_AE) shapes are also checked against the selected columns in the node
        // model (validateAgainstColumns), before the engine sees them.
        if (usesImageShape(architecture)) {
            b.imageShape(imageWidth, imageHeight, imageChannels);
        }
        if (usesTokens()) {
            // token indices are categories: no scaling; the loss is the cross-entropy over the vocabulary
            b.tokenSequences(sequenceLength, vocabularySize, tokenEmbeddingSize).scaling(Scaling.NONE)
                .loss(ReconstructionLoss.MSE);
        } else if (usesSequenceShape(architecture)) {
            b.sequenceShape(sequenceLength, sequenceFeatures);
        }
        if (usesAdversarialWeight(architecture)) {
            b.adversarialWeight(adversarialWeight);
        }
        if (usesWeightDecay(architecture)) {
            b.weightDecay(weightDecay);
        }
        return b.build();
    }

    @Override
    public void saveTo(final NodeSettingsWO settings) {
        settings.addString(KEY_ARCHITECTURE, architecture.name());
        settings.addBoolean(KEY_ALL_NUMERIC, allNumericColumns);
        settings.addStringArray(KEY_INCLUDED, includedColumns);
        settings.addString(KEY_HIDDEN_LAYERS, hiddenLayers);
        settings.addInt(KEY_EMBEDDING_SIZE, embeddingSize);
        settings.addString(KEY_ACTIVATION, activation.name());
        settings.addString(KEY_LOSS, loss.name());
        settings.addInt(KEY_EPOCHS, epochs);
        settings.addInt(KEY_BATCH_SIZE, batchSize);
        settings.addDouble(KEY_LEARNING_RATE, learningRate);
        settings.addString(KEY_OPTIMIZER, optimizer.name());
        settings.addDouble(KEY_VALIDATION_FRACTION, validationFraction);
        settings.addInt(KEY_PATIENCE, patience);
        settings.addString(KEY_SCALING, scaling.name());
        settings.addLong(KEY_SEED, seed);
        settings.addString(KEY_MISSING, missingValues.name());
        settings.addString(KEY_NOISE_TYPE, noiseType.name());
        settings.addDouble(KEY_NOISE_LEVEL, noiseLevel);
        settings.addDouble(KEY_KL_WEIGHT, klWeight);
        settings.addInt(KEY_PRETRAIN_EPOCHS, pretrainEpochs);
        settings.addInt(KEY_IMAGE_WIDTH, imageWidth);
        settings.addInt(KEY_IMAGE_HEIGHT, imageHeight);
        settings.addInt(KEY_IMAGE_CHANNELS, imageChannels);
        settings.addInt(KEY_SEQUENCE_LENGTH, sequenceLength);
        settings.addInt(KEY_SEQUENCE_FEATURES, sequenceFeatures);
        settings.addDouble(KEY_ADVERSARIAL_WEIGHT, adversarialWeight);
        settings.addString(KEY_SEQUENCE_INPUT, sequenceInput.name());
        settings.addInt(KEY_VOCABULARY_SIZE, vocabularySize);
        settings.addInt(KEY_TOKEN_EMBEDDING_SIZE, tokenEmbeddingSize);
        settings.addDouble(KEY_WEIGHT_DECAY, weightDecay);
    }

    /**
     * Reads and validates settings (used by the node model; missing keys are errors).
     *
     * @param settings the settings to read
     * @return the settings
     * @throws InvalidSettingsException naming the first invalid or missing setting
     */
    static EncoderLearnerSettings load(final NodeSettingsRO settings) throws InvalidSettingsException {
        final EncoderLearnerSettings s = new EncoderLearnerSettings();
        s.architecture = parse(Architecture.class, settings.getString(KEY_ARCHITECTURE), LABEL_ARCHITECTURE);
        s.allNumericColumns = settings.getBoolean(KEY_ALL_NUMERIC);
        s.includedColumns = settings.getStringArray(KEY_INCLUDED);
        s.hiddenLayers = settings.getString(KEY_HIDDEN_LAYERS);
        s.embeddingSize = settings.getInt(KEY_EMBEDDING_SIZE);
        s.activation = parse(Activation.class, settings.getString(KEY_ACTIVATION), LABEL_ACTIVATION);
        s.loss = parse(ReconstructionLoss.class, settings.getString(KEY_LOSS), LABEL_LOSS);
        s.epochs = settings.getInt(KEY_EPOCHS);
        s.batchSize = settings.getInt(KEY_BATCH_SIZE);
        s.learningRate = settings.getDouble(KEY_LEARNING_RATE);
        s.optimizer = parse(Optimizer.class, settings.getString(KEY_OPTIMIZER), LABEL_OPTIMIZER);
        s.validationFraction = settings.getDouble(KEY_VALIDATION_FRACTION);
        s.patience = settings.getInt(KEY_PATIENCE);
        s.scaling = parse(Scaling.class, settings.getString(KEY_SCALING), LABEL_SCALING);
        s.seed = settings.getLong(KEY_SEED);
        s.missingValues = parsePolicy(settings.getString(KEY_MISSING));
        s.noiseType = parse(Noise.Type.class, settings.getString(KEY_NOISE_TYPE), LABEL_NOISE_TYPE);
        s.noiseLevel = settings.getDouble(KEY_NOISE_LEVEL);
        s.klWeight = settings.getDouble(KEY_KL_WEIGHT);
        s.pretrainEpochs = settings.getInt(KEY_PRETRAIN_EPOCHS);
        s.imageWidth = settings.getInt(KEY_IMAGE_WIDTH);
        s.imageHeight = settings.getInt(KEY_IMAGE_HEIGHT);
        s.imageChannels = settings.getInt(KEY_IMAGE_CHANNELS);
        s.sequenceLength = settings.getInt(KEY_SEQUENCE_LENGTH);
        s.sequenceFeatures = settings.getInt(KEY_SEQUENCE_FEATURES);
        // Added after the first nodes were saved: workflows without the key load with the default (backward
        // compatibility, as KNIME users expect when a node gains a setting).
        s.adversarialWeight = settings.getDouble(KEY_ADVERSARIAL_WEIGHT, DEFAULTS.adversarialWeight());
        s.sequenceInput = parse(SequenceInput.class,
            settings.getString(KEY_SEQUENCE_INPUT, SequenceInput.NUMERIC.name()), LABEL_SEQUENCE_INPUT);
        s.vocabularySize = settings.getInt(KEY_VOCABULARY_SIZE, DEFAULTS.vocabularySize());
        s.tokenEmbeddingSize = settings.getInt(KEY_TOKEN_EMBEDDING_SIZE, DEFAULTS.tokenEmbeddingSize());
        s.weightDecay = settings.getDouble(KEY_WEIGHT_DECAY, DEFAULTS.weightDecay());
        s.validate();
        return s;
    }

    /**
     * Reads settings for the dialog: missing or invalid values fall back to the defaults.
     *
     * @param settings the settings to read
     * @return the settings
     */
    static EncoderLearnerSettings loadForDialog(final NodeSettingsRO settings) {
        final EncoderLearnerSettings d = new EncoderLearnerSettings();
        final EncoderLearnerSettings s = new EncoderLearnerSettings();
        s.architecture = parseOr(Architecture.class, settings.getString(KEY_ARCHITECTURE, null), d.architecture);
        s.allNumericColumns = settings.getBoolean(KEY_ALL_NUMERIC, d.allNumericColumns);
        s.includedColumns = settings.getStringArray(KEY_INCLUDED, d.includedColumns);
        if (s.includedColumns == null) {
            s.includedColumns = new String[0];
        }
        s.hiddenLayers = settings.getString(KEY_HIDDEN_LAYERS, d.hiddenLayers);
        if (s.hiddenLayers == null) {
            s.hiddenLayers = d.hiddenLayers;
        }
        s.embeddingSize = settings.getInt(KEY_EMBEDDING_SIZE, d.embeddingSize);
        s.activation = parseOr(Activation.class, settings.getString(KEY_ACTIVATION, null), d.activation);
        s.loss = parseOr(ReconstructionLoss.class, settings.getString(KEY_LOSS, null), d.loss);
        s.epochs = settings.getInt(KEY_EPOCHS, d.epochs);
        s.batchSize = settings.getInt(KEY_BATCH_SIZE, d.batchSize);
        s.learningRate = settings.getDouble(KEY_LEARNING_RATE, d.learningRate);
        s.optimizer = parseOr(Optimizer.class, settings.getString(KEY_OPTIMIZER, null), d.optimizer);
        s.validationFraction = settings.getDouble(KEY_VALIDATION_FRACTION, d.validationFraction);
        s.patience = settings.getInt(KEY_PATIENCE, d.patience);
        s.scaling = parseOr(Scaling.class, settings.getString(KEY_SCALING, null), d.scaling);
        s.seed = settings.getLong(KEY_SEED, d.seed);
        try {
            s.missingValues = parsePolicy(settings.getString(KEY_MISSING, d.missingValues.name()));
        } catch (final InvalidSettingsException e) { // NOSONAR: the dialog shows the default instead
            s.missingValues = d.missingValues;
        }
        s.noiseType = parseOr(Noise.Type.class, settings.getString(KEY_NOISE_TYPE, null), d.noiseType);
        s.noiseLevel = settings.getDouble(KEY_NOISE_LEVEL, d.noiseLevel);
        s.klWeight = settings.getDouble(KEY_KL_WEIGHT, d.klWeight);
        s.pretrainEpochs = settings.getInt(KEY_PRETRAIN_EPOCHS, d.pretrainEpochs);
        s.imageWidth = settings.getInt(KEY_IMAGE_WIDTH, d.imageWidth);
        s.imageHeight = settings.getInt(KEY_IMAGE_HEIGHT, d.imageHeight);
        s.imageChannels = settings.getInt(KEY_IMAGE_CHANNELS, d.imageChannels);
        s.sequenceLength = settings.getInt(KEY_SEQUENCE_LENGTH, d.sequenceLength);
        s.sequenceFeatures = settings.getInt(KEY_SEQUENCE_FEATURES, d.sequenceFeatures);
        s.adversarialWeight = settings.getDouble(KEY_ADVERSARIAL_WEIGHT, d.adversarialWeight);
        s.sequenceInput = parseOr(SequenceInput.class, settings.getString(KEY_SEQUENCE_INPUT, null), d.sequenceInput);
        s.vocabularySize = settings.getInt(KEY_VOCABULARY_SIZE, d.vocabularySize);
        s.tokenEmbeddingSize = settings.getInt(KEY_TOKEN_EMBEDDING_SIZE, d.tokenEmbeddingSize);
        s.weightDecay = settings.getDouble(KEY_WEIGHT_DECAY, d.weightDecay);
        return s;
    }

    /**
     * Checks the values on their own (without an input table): the shared settings and those of the selected
     * architecture; the settings of other architectures are not checked.
     *
     * @throws InvalidSettingsException naming the first invalid setting
     */
    void validate() throws InvalidSettingsException {
        if (architecture == null) {
            throw new InvalidSettingsException("Setting '" + LABEL_ARCHITECTURE + "' is not set.");
        }
        if (includedColumns == null) {
            throw new InvalidSettingsException("Setting '" + LABEL_COLUMNS + "' has no column list.");
        }
        parseHiddenLayers(hiddenLayers);
        check(embeddingSize >= 1 && embeddingSize <= EncoderParameters.MAX_LAYER_SIZE, LABEL_EMBEDDING_SIZE,
            "must be between 1 and " + EncoderParameters.MAX_LAYER_SIZE + " (is " + embeddingSize + ")");
        requireSet(activation, LABEL_ACTIVATION);
        requireSet(loss, LABEL_LOSS);
        requireSet(optimizer, LABEL_OPTIMIZER);
        requireSet(scaling, LABEL_SCALING);
        requireSet(missingValues, LABEL_MISSING);
        check(epochs >= 1, LABEL_EPOCHS, "must be at least 1 (is " + epochs + ")");
        check(batchSize >= 1, LABEL_BATCH_SIZE, "must be at least 1 (is " + batchSize + ")");
        check(learningRate > 0 && Double.isFinite(learningRate), LABEL_LEARNING_RATE,
            "must be a finite number > 0 (is " + learningRate + ")");
        check(validationFraction >= 0 && validationFraction <= EncoderParameters.MAX_VALIDATION_FRACTION,
            LABEL_VALIDATION_FRACTION, "must be between 0 (no validation rows) and "
                + EncoderParameters.MAX_VALIDATION_FRACTION + " (is " + validationFraction + ")");
        check(patience >= 0, LABEL_PATIENCE, "must be 0 (no early stopping) or more (is " + patience + ")");
        check(weightDecay >= 0 && Double.isFinite(weightDecay), LABEL_WEIGHT_DECAY,
            "must be a finite number ≥ 0 (is " + weightDecay + "); 0 turns weight decay off, typical values are "
                + "1e-4 to 1e-2");
        if (loss == ReconstructionLoss.BINARY_CROSS_ENTROPY && scaling == Scaling.Z_SCORE && !usesTokens()) {
            throw new InvalidSettingsException("Setting '" + LABEL_LOSS + "' binary cross-entropy needs inputs in "
                + "[0, 1], but setting '" + LABEL_SCALING + "' z-score gives negative values: choose min-max "
                + "scaling or the mean squared error.");
        }
        validateArchitectureSettings();
        // The engine checks the same parameters; a disagreement (e.g. after an engine change) still says so.
        try {
            parameters().validate();
        } catch (final IllegalArgumentException e) {
            throw new InvalidSettingsException("The " + architecture.description() + " settings are invalid: "
                + e.getMessage() + ".", e);
        }
    }

    private void validateArchitectureSettings() throws InvalidSettingsException {
        if (usesNoise(architecture)) {
            requireSet(noiseType, LABEL_NOISE_TYPE);
            if (noiseType == Noise.Type.MASKING) {
                check(noiseLevel > 0 && noiseLevel < 1, LABEL_NOISE_LEVEL,
                    "(the masking rate) must be between 0 and 1, exclusive (is " + noiseLevel + ")");
            } else {
                check(noiseLevel > 0 && Double.isFinite(noiseLevel), LABEL_NOISE_LEVEL,
                    "(the standard deviation of the Gaussian noise) must be a finite number > 0 (is " + noiseLevel
                        + ")");
            }
        }
        if (usesKlWeight(architecture)) {
            check(klWeight >= 0 && Double.isFinite(klWeight), LABEL_KL_WEIGHT,
                "must be a finite number ≥ 0 (is " + klWeight + ")");
        }
        if (usesPretraining(architecture)) {
            check(pretrainEpochs >= 1, LABEL_PRETRAIN_EPOCHS, "must be at least 1 (is " + pretrainEpochs + ")");
        }
        if (usesImageShape(architecture)) {
            check(imageWidth >= 1, LABEL_IMAGE_WIDTH, "must be at least 1 (is " + imageWidth + ")");
            check(imageHeight >= 1, LABEL_IMAGE_HEIGHT, "must be at least 1 (is " + imageHeight + ")");
            check(imageChannels >= 1, LABEL_IMAGE_CHANNELS, "must be at least 1 (is " + imageChannels + ")");
        }
        if (usesSequenceShape(architecture)) {
            check(sequenceLength >= 1, LABEL_SEQUENCE_LENGTH, "must be at least 1 (is " + sequenceLength + ")");
            requireSet(sequenceInput, LABEL_SEQUENCE_INPUT);
            if (sequenceInput == SequenceInput.TOKENS) {
                check(vocabularySize >= 2 && vocabularySize <= EncoderParameters.MAX_VOCABULARY_SIZE,
                    LABEL_VOCABULARY_SIZE, "must be between 2 and " + EncoderParameters.MAX_VOCABULARY_SIZE + " (is "
                        + vocabularySize + "); use the vocabulary size of the Text to Token Sequences node");
                check(tokenEmbeddingSize >= 1 && tokenEmbeddingSize <= EncoderParameters.MAX_LAYER_SIZE,
                    LABEL_TOKEN_EMBEDDING_SIZE, "must be between 1 and " + EncoderParameters.MAX_LAYER_SIZE + " (is "
                        + tokenEmbeddingSize + ")");
            } else {
                check(sequenceFeatures >= 1, LABEL_SEQUENCE_FEATURES,
                    "must be at least 1 (is " + sequenceFeatures + ")");
            }
        }
        if (usesAdversarialWeight(architecture)) {
            check(adversarialWeight >= 0 && Double.isFinite(adversarialWeight), LABEL_ADVERSARIAL_WEIGHT,
                "must be a finite number ≥ 0 (is " + adversarialWeight + ")");
        }
    }

    /**
     * Checks the settings that depend on the number of input columns: an image or sequence shape must account for
     * exactly the selected columns.
     *
     * @param columns the number of selected input columns
     * @throws InvalidSettingsException naming the settings if the shape does not fit
     */
    void validateAgainstColumns(final int columns) throws InvalidSettingsException {
        if (usesImageShape(architecture)) {
            final long pixels = (long)imageWidth * imageHeight * imageChannels;
            if (pixels != columns) {
                throw new InvalidSettingsException("Settings '" + LABEL_IMAGE_WIDTH + "' × '" + LABEL_IMAGE_HEIGHT
                    + "' × '" + LABEL_IMAGE_CHANNELS + "' (" + imageWidth + " × " + imageHeight + " × "
                    + imageChannels + " = " + pixels + ") must equal the number of selected input columns ("
                    + columns + "): the " + CAE + " reads each row as one image, pixel by pixel.");
            }
        }
        if (usesTokens()) {
            if (sequenceLength != columns) {
                throw new InvalidSettingsException("Setting '" + LABEL_SEQUENCE_LENGTH + "' (" + sequenceLength
                    + ") must equal the number of selected input columns (" + columns + "): with token indices the "
                    + "LSTM autoencoder reads each row as one sequence, one token column per position (t0, t1, …).");
            }
        } else if (usesSequenceShape(architecture)) {
            final long values = (long)sequenceLength * sequenceFeatures;
            if (values != columns) {
                throw new InvalidSettingsException("Settings '" + LABEL_SEQUENCE_LENGTH + "' × '"
                    + LABEL_SEQUENCE_FEATURES + "' (" + sequenceLength + " × " + sequenceFeatures + " = " + values
                    + ") must equal the number of selected input columns (" + columns + "): the LSTM autoencoder "
                    + "reads each row as one sequence, time step by time step.");
            }
        }
    }

    /**
     * Parses the hidden layer sizes, e.g. "512,128" (spaces allowed); an empty text means no hidden layer.
     *
     * @param text the setting's text
     * @return the sizes, input side first
     * @throws InvalidSettingsException naming the setting and the offending part
     */
    static int[] parseHiddenLayers(final String text) throws InvalidSettingsException {
        if (text == null) {
            throw new InvalidSettingsException("Setting '" + LABEL_HIDDEN_LAYERS + "' is not set.");
        }
        if (text.isBlank()) {
            return new int[0];
        }
        final String[] parts = text.split(",", -1);
        final int[] sizes = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            final String part = parts[i].trim();
            try {
                sizes[i] = Integer.parseInt(part);
            } catch (final NumberFormatException e) {
                throw new InvalidSettingsException("Setting '" + LABEL_HIDDEN_LAYERS + "': '" + part + "' in '" + text
                    + "' is not a whole number. Enter the layer widths from the input towards the embedding, "
                    + "separated by commas, e.g. 512,128 (or nothing for no hidden layer).", e);
            }
            if (sizes[i] < 1 || sizes[i] > EncoderParameters.MAX_LAYER_SIZE) {
                throw new InvalidSettingsException("Setting '" + LABEL_HIDDEN_LAYERS + "': layer " + (i + 1) + " has "
                    + sizes[i] + " units; each layer needs between 1 and " + EncoderParameters.MAX_LAYER_SIZE + ".");
            }
        }
        return sizes;
    }

    /**
     * @param sizes layer sizes
     * @return the text form, e.g. "512,128"
     */
    static String formatHiddenLayers(final int[] sizes) {
        return Arrays.stream(sizes).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    /**
     * @param <E> the enum
     * @param type the enum class
     * @return the constant names, e.g. "AE, DAE, SAE, VAE"
     */
    static <E extends Enum<E>> String names(final Class<E> type) {
        final List<String> names = new ArrayList<>();
        for (final E e : type.getEnumConstants()) {
            names.add(e.name());
        }
        return String.join(", ", names);
    }

    private static <E extends Enum<E>> E parse(final Class<E> type, final String name, final String label)
        throws InvalidSettingsException {
        for (final E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new InvalidSettingsException("Unknown value '" + name + "' for setting '" + label + "': use one of "
            + names(type) + ".");
    }

    private static <E extends Enum<E>> E parseOr(final Class<E> type, final String name, final E fallback) {
        for (final E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return fallback;
    }

    private static MissingValuePolicy parsePolicy(final String value) throws InvalidSettingsException {
        try {
            return MissingValuePolicy.parse(value, LABEL_MISSING);
        } catch (final IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    private static void requireSet(final Object value, final String label) throws InvalidSettingsException {
        if (value == null) {
            throw new InvalidSettingsException("Setting '" + label + "' is not set.");
        }
    }

    private static void check(final boolean ok, final String label, final String problem)
        throws InvalidSettingsException {
        if (!ok) {
            throw new InvalidSettingsException("Setting '" + label + "' " + problem + ".");
        }
    }
}
