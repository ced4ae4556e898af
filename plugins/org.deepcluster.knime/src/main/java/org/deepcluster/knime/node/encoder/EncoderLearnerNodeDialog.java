package org.deepcluster.knime.node.encoder;

import java.awt.Component;

import javax.swing.BorderFactory;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JComboBox;
import javax.swing.JList;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;

import org.deepcluster.core.encode.Activation;
import org.deepcluster.core.encode.Architecture;
import org.deepcluster.core.encode.EncoderParameters;
import org.deepcluster.core.encode.Noise;
import org.deepcluster.core.encode.Optimizer;
import org.deepcluster.core.encode.ReconstructionLoss;
import org.deepcluster.core.encode.Scaling;
import org.deepcluster.core.encode.SequenceInput;
import org.deepcluster.knime.util.ColumnSelectionPanel;
import org.deepcluster.knime.util.DialogFields;
import org.deepcluster.knime.util.FormPanel;
import org.deepcluster.knime.util.MissingValuePolicy;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;

/**
 * Swing dialog of the Encoder Learner; reads and writes {@link EncoderLearnerSettings}. The architecture selector
 * lists the engine's architectures and enables the architecture-specific groups of the selected one only; the values
 * of the other groups are kept and saved unchanged.
 */
final class EncoderLearnerNodeDialog extends NodeDialogPane {

    private final ColumnSelectionPanel columns = new ColumnSelectionPanel(EncoderLearnerSettings.LABEL_COLUMNS);
    private final JComboBox<Architecture> architecture = new JComboBox<>(Architecture.values());
    private final JTextField hiddenLayers = new JTextField(15);
    private final JSpinner embeddingSize = spinner(32, 1, EncoderParameters.MAX_LAYER_SIZE, 1);
    private final JComboBox<Activation> activation = new JComboBox<>(Activation.values());
    private final JComboBox<ReconstructionLoss> loss = new JComboBox<>(ReconstructionLoss.values());
    private final JComboBox<Scaling> scaling = new JComboBox<>(Scaling.values());
    private final JComboBox<MissingValuePolicy> missing = new JComboBox<>(MissingValuePolicy.values());

    private final JSpinner epochs = spinner(100, 1, Integer.MAX_VALUE, 10);
    private final JSpinner batchSize = spinner(256, 1, Integer.MAX_VALUE, 32);
    private final JTextField learningRate = new JTextField(10);
    private final JTextField weightDecay = new JTextField(10);
    private final JComboBox<Optimizer> optimizer = new JComboBox<>(Optimizer.values());
    private final JTextField validationFraction = new JTextField(10);
    private final JSpinner patience = spinner(0, 0, Integer.MAX_VALUE, 1);
    private final JTextField seed = new JTextField(10);

    private final JComboBox<Noise.Type> noiseType = new JComboBox<>(Noise.Type.values());
    private final JTextField noiseLevel = new JTextField(10);
    private final JTextField klWeight = new JTextField(10);
    private final JSpinner pretrainEpochs = spinner(10, 1, Integer.MAX_VALUE, 1);
    private final JSpinner imageWidth = spinner(28, 1, Integer.MAX_VALUE, 1);
    private final JSpinner imageHeight = spinner(28, 1, Integer.MAX_VALUE, 1);
    private final JSpinner imageChannels = spinner(1, 1, Integer.MAX_VALUE, 1);
    private final JSpinner sequenceLength = spinner(10, 1, Integer.MAX_VALUE, 1);
    private final JSpinner sequenceFeatures = spinner(1, 1, Integer.MAX_VALUE, 1);
    private final JComboBox<SequenceInput> sequenceInput = new JComboBox<>(SequenceInput.values());
    private final JSpinner vocabularySize = spinner(5000, 2, EncoderParameters.MAX_VOCABULARY_SIZE, 100);
    private final JSpinner tokenEmbeddingSize = spinner(32, 1, EncoderParameters.MAX_LAYER_SIZE, 1);
    private final JTextField adversarialWeight = new JTextField(10);

    private final FormPanel noiseForm;
    private final FormPanel vaeForm;
    private final FormPanel saeForm;
    private final FormPanel imageForm;
    private final FormPanel sequenceForm;
    private final FormPanel adversarialForm;

    /** The settings last loaded: the values kept for fields of architectures that are not selected. */
    private EncoderLearnerSettings loaded = new EncoderLearnerSettings();

    EncoderLearnerNodeDialog() {
        final LabelRenderer renderer = new LabelRenderer();
        for (final JComboBox<?> box : new JComboBox<?>[]{architecture, activation, loss, scaling, missing, optimizer,
            noiseType, sequenceInput}) {
            box.setRenderer(renderer);
        }
        noiseForm = group("Denoising autoencoder (DAE)")
            .addRow(EncoderLearnerSettings.LABEL_NOISE_TYPE, noiseType)
            .addRow(EncoderLearnerSettings.LABEL_NOISE_LEVEL, noiseLevel);
        vaeForm = group("Variational autoencoder (VAE)")
            .addRow(EncoderLearnerSettings.LABEL_KL_WEIGHT, klWeight);
        saeForm = group("Stacked autoencoder (SAE)")
            .addRow(EncoderLearnerSettings.LABEL_PRETRAIN_EPOCHS, pretrainEpochs);
        imageForm = group("Convolutional autoencoder (" + EncoderLearnerSettings.CAE + ")")
            .addRow(EncoderLearnerSettings.LABEL_IMAGE_WIDTH, imageWidth)
            .addRow(EncoderLearnerSettings.LABEL_IMAGE_HEIGHT, imageHeight)
            .addRow(EncoderLearnerSettings.LABEL_IMAGE_CHANNELS, imageChannels);
        sequenceForm = group("LSTM autoencoder (" + EncoderLearnerSettings.LSTM_AE + ")")
            .addRow(EncoderLearnerSettings.LABEL_SEQUENCE_INPUT, sequenceInput)
            .addRow(EncoderLearnerSettings.LABEL_SEQUENCE_LENGTH, sequenceLength)
            .addRow(EncoderLearnerSettings.LABEL_SEQUENCE_FEATURES, sequenceFeatures)
            .addRow(EncoderLearnerSettings.LABEL_VOCABULARY_SIZE, vocabularySize)
            .addRow(EncoderLearnerSettings.LABEL_TOKEN_EMBEDDING_SIZE, tokenEmbeddingSize);
        adversarialForm = group("Adversarial autoencoder (" + EncoderLearnerSettings.AAE + ")")
            .addRow(EncoderLearnerSettings.LABEL_ADVERSARIAL_WEIGHT, adversarialWeight);

        final FormPanel options = new FormPanel()
            .addWide(columns)
            .addRow(EncoderLearnerSettings.LABEL_ARCHITECTURE, architecture)
            .addRow(EncoderLearnerSettings.LABEL_HIDDEN_LAYERS, hiddenLayers)
            .addRow(EncoderLearnerSettings.LABEL_EMBEDDING_SIZE, embeddingSize)
            .addRow(EncoderLearnerSettings.LABEL_ACTIVATION, activation)
            .addRow(EncoderLearnerSettings.LABEL_LOSS, loss)
            .addRow(EncoderLearnerSettings.LABEL_SCALING, scaling)
            .addRow(EncoderLearnerSettings.LABEL_MISSING, missing);
        final FormPanel training = new FormPanel()
            .addRow(EncoderLearnerSettings.LABEL_EPOCHS, epochs)
            .addRow(EncoderLearnerSettings.LABEL_BATCH_SIZE, batchSize)
            .addRow(EncoderLearnerSettings.LABEL_LEARNING_RATE, learningRate)
            .addRow(EncoderLearnerSettings.LABEL_WEIGHT_DECAY, weightDecay)
            .addRow(EncoderLearnerSettings.LABEL_OPTIMIZER, optimizer)
            .addRow(EncoderLearnerSettings.LABEL_VALIDATION_FRACTION, validationFraction)
            .addRow(EncoderLearnerSettings.LABEL_PATIENCE, patience)
            .addRow(EncoderLearnerSettings.LABEL_SEED, seed);
        final FormPanel specific = new FormPanel()
            .addWide(noiseForm)
            .addWide(vaeForm)
            .addWide(saeForm)
            .addWide(imageForm)
            .addWide(sequenceForm)
            .addWide(adversarialForm);
        architecture.addActionListener(e -> updateEnabled());
        sequenceInput.addActionListener(e -> updateEnabled());
        addTab("Options", options);
        addTab("Training", training);
        addTab("Architecture-specific", specific);
        updateEnabled();
    }

    private static JSpinner spinner(final int value, final int min, final int max, final int step) {
        return new JSpinner(new SpinnerNumberModel(value, min, max, step));
    }

    private static FormPanel group(final String title) {
        final FormPanel form = new FormPanel();
        form.setBorder(BorderFactory.createTitledBorder(title));
        return form;
    }

    @Override
    protected void loadSettingsFrom(final NodeSettingsRO settings, final DataTableSpec[] specs)
        throws NotConfigurableException {
        final DataTableSpec spec = specs[0];
        if (spec == null || spec.getNumColumns() == 0) {
            throw new NotConfigurableException("Connect a table with numeric columns to the input port first.");
        }
        final EncoderLearnerSettings s = EncoderLearnerSettings.loadForDialog(settings);
        loaded = s;
        columns.load(spec, s.allNumericColumns, s.includedColumnList());
        architecture.setSelectedItem(s.architecture);
        hiddenLayers.setText(s.hiddenLayers);
        embeddingSize.setValue(s.embeddingSize);
        activation.setSelectedItem(s.activation);
        loss.setSelectedItem(s.loss);
        scaling.setSelectedItem(s.scaling);
        missing.setSelectedItem(s.missingValues);
        epochs.setValue(s.epochs);
        batchSize.setValue(s.batchSize);
        learningRate.setText(Double.toString(s.learningRate));
        weightDecay.setText(Double.toString(s.weightDecay));
        optimizer.setSelectedItem(s.optimizer);
        validationFraction.setText(Double.toString(s.validationFraction));
        patience.setValue(s.patience);
        seed.setText(Long.toString(s.seed));
        noiseType.setSelectedItem(s.noiseType);
        noiseLevel.setText(Double.toString(s.noiseLevel));
        klWeight.setText(Double.toString(s.klWeight));
        pretrainEpochs.setValue(s.pretrainEpochs);
        imageWidth.setValue(s.imageWidth);
        imageHeight.setValue(s.imageHeight);
        imageChannels.setValue(s.imageChannels);
        sequenceLength.setValue(s.sequenceLength);
        sequenceFeatures.setValue(s.sequenceFeatures);
        sequenceInput.setSelectedItem(s.sequenceInput);
        vocabularySize.setValue(Math.max(2, Math.min(EncoderParameters.MAX_VOCABULARY_SIZE, s.vocabularySize)));
        tokenEmbeddingSize.setValue(Math.max(1, Math.min(EncoderParameters.MAX_LAYER_SIZE, s.tokenEmbeddingSize)));
        adversarialWeight.setText(Double.toString(s.adversarialWeight));
        updateEnabled();
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        final EncoderLearnerSettings s = new EncoderLearnerSettings();
        s.allNumericColumns = columns.isAllNumeric();
        s.includedColumns = columns.includedColumns().toArray(new String[0]);
        s.architecture = (Architecture)architecture.getSelectedItem();
        s.hiddenLayers = hiddenLayers.getText().trim();
        s.embeddingSize = (Integer)embeddingSize.getValue();
        s.activation = (Activation)activation.getSelectedItem();
        s.loss = (ReconstructionLoss)loss.getSelectedItem();
        s.scaling = (Scaling)scaling.getSelectedItem();
        s.missingValues = (MissingValuePolicy)missing.getSelectedItem();
        s.epochs = (Integer)epochs.getValue();
        s.batchSize = (Integer)batchSize.getValue();
        s.learningRate = DialogFields.parseDouble(learningRate.getText(), EncoderLearnerSettings.LABEL_LEARNING_RATE);
        s.weightDecay = DialogFields.parseDouble(weightDecay.getText(), EncoderLearnerSettings.LABEL_WEIGHT_DECAY);
        s.optimizer = (Optimizer)optimizer.getSelectedItem();
        s.validationFraction =
            DialogFields.parseDouble(validationFraction.getText(), EncoderLearnerSettings.LABEL_VALIDATION_FRACTION);
        s.patience = (Integer)patience.getValue();
        s.seed = DialogFields.parseLong(seed.getText(), EncoderLearnerSettings.LABEL_SEED);
        s.noiseType = (Noise.Type)noiseType.getSelectedItem();
        s.noiseLevel = DialogFields.parseDouble(noiseLevel.getText(), EncoderLearnerSettings.LABEL_NOISE_LEVEL,
            EncoderLearnerSettings.usesNoise(s.architecture), loaded.noiseLevel);
        s.klWeight = DialogFields.parseDouble(klWeight.getText(), EncoderLearnerSettings.LABEL_KL_WEIGHT,
            EncoderLearnerSettings.usesKlWeight(s.architecture), loaded.klWeight);
        s.pretrainEpochs = (Integer)pretrainEpochs.getValue();
        s.imageWidth = (Integer)imageWidth.getValue();
        s.imageHeight = (Integer)imageHeight.getValue();
        s.imageChannels = (Integer)imageChannels.getValue();
        s.sequenceLength = (Integer)sequenceLength.getValue();
        s.sequenceFeatures = (Integer)sequenceFeatures.getValue();
        s.sequenceInput = (SequenceInput)sequenceInput.getSelectedItem();
        s.vocabularySize = (Integer)vocabularySize.getValue();
        s.tokenEmbeddingSize = (Integer)tokenEmbeddingSize.getValue();
        s.adversarialWeight = DialogFields.parseDouble(adversarialWeight.getText(),
            EncoderLearnerSettings.LABEL_ADVERSARIAL_WEIGHT,
            EncoderLearnerSettings.usesAdversarialWeight(s.architecture), loaded.adversarialWeight);
        s.validate();
        s.saveTo(settings);
    }

    /** Enables the architecture-specific group of the selected architecture only. */
    private void updateEnabled() {
        final Architecture a = (Architecture)architecture.getSelectedItem();
        noiseForm.setGroupEnabled(EncoderLearnerSettings.usesNoise(a));
        vaeForm.setGroupEnabled(EncoderLearnerSettings.usesKlWeight(a));
        saeForm.setGroupEnabled(EncoderLearnerSettings.usesPretraining(a));
        imageForm.setGroupEnabled(EncoderLearnerSettings.usesImageShape(a));
        sequenceForm.setGroupEnabled(EncoderLearnerSettings.usesSequenceShape(a));
        // Token indices: no features per step, no scaling and no choice of loss (cross-entropy over the vocabulary).
        final boolean tokens = EncoderLearnerSettings.usesSequenceShape(a)
            && sequenceInput.getSelectedItem() == SequenceInput.TOKENS;
        final boolean numericSequence = EncoderLearnerSettings.usesSequenceShape(a) && !tokens;
        sequenceFeatures.setEnabled(numericSequence);
        vocabularySize.setEnabled(tokens);
        tokenEmbeddingSize.setEnabled(tokens);
        loss.setEnabled(!tokens);
        scaling.setEnabled(!tokens);
        adversarialForm.setGroupEnabled(EncoderLearnerSettings.usesAdversarialWeight(a));
    }

    /**
     * @param value a choice of one of the dialog's selectors
     * @return how the dialog shows it
     */
    static String label(final Object value) {
        if (value instanceof Architecture a) {
            return a.name() + " – " + a.description();
        }
        if (value instanceof MissingValuePolicy p) {
            return p.label();
        }
        if (value instanceof Enum<?> e) {
            return switch (e.name()) {
                case "RELU" -> "ReLU";
                case "TANH" -> "tanh";
                case "SIGMOID" -> "sigmoid";
                case "ELU" -> "ELU";
                case "LEAKY_RELU" -> "leaky ReLU";
                case "MSE" -> "Mean squared error";
                case "BINARY_CROSS_ENTROPY" -> "Binary cross-entropy";
                case "ADAM" -> "Adam";
                case "SGD_MOMENTUM" -> "SGD with Nesterov momentum";
                case "NONE" -> "None";
                case "MIN_MAX" -> "Min-max (to [0, 1])";
                case "Z_SCORE" -> "Z-score";
                case "GAUSSIAN" -> "Gaussian (add N(0, σ²))";
                case "MASKING" -> "Masking (set values to 0)";
                case "NUMERIC" -> "Numeric values (T × F per row)";
                case "TOKENS" -> "Token indices (text, T per row)";
                default -> e.name();
            };
        }
        return String.valueOf(value);
    }

    /** Shows the choices by their labels. */
    private static final class LabelRenderer extends DefaultListCellRenderer {
        private static final long serialVersionUID = 1L;

        @Override
        public Component getListCellRendererComponent(final JList<?> list, final Object value, final int index,
            final boolean isSelected, final boolean cellHasFocus) {
            return super.getListCellRendererComponent(list, label(value), index, isSelected, cellHasFocus);
        }
    }
}
