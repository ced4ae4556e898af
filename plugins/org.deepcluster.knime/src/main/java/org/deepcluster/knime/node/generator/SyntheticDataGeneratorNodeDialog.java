package org.deepcluster.knime.node.generator;

import static org.deepcluster.knime.node.generator.SyntheticDataGeneratorSettings.MAX_COLUMNS;

import java.awt.Component;
import java.util.Arrays;
import java.util.List;

import javax.swing.BorderFactory;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JList;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;

import org.deepcluster.knime.util.DialogFields;
import org.deepcluster.knime.util.FormPanel;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/**
 * Swing dialog of the Synthetic Data Generator; reads and writes {@link SyntheticDataGeneratorSettings}. The data
 * kind selector enables the fields of the selected kind only; the other kind's values are kept and saved unchanged.
 */
final class SyntheticDataGeneratorNodeDialog extends NodeDialogPane {

    private final JComboBox<DataKind> kind = new JComboBox<>(DataKind.values());

    private final JSpinner blobsRows = new JSpinner(new SpinnerNumberModel(300, 1, Integer.MAX_VALUE, 100));
    private final JSpinner blobsDimensions = new JSpinner(new SpinnerNumberModel(2, 1, MAX_COLUMNS, 1));
    private final JSpinner blobsClusters = new JSpinner(new SpinnerNumberModel(3, 1, Integer.MAX_VALUE, 1));
    private final JTextField blobsSpread = new JTextField(10);
    private final JTextField blobsCentreBox = new JTextField(10);

    private final JSpinner scCells = new JSpinner(new SpinnerNumberModel(500, 1, Integer.MAX_VALUE, 100));
    private final JSpinner scGenes = new JSpinner(new SpinnerNumberModel(1000, 1, MAX_COLUMNS, 100));
    private final JSpinner scCellTypes = new JSpinner(new SpinnerNumberModel(4, 1, Integer.MAX_VALUE, 1));
    private final JTextField scDeFraction = new JTextField(10);
    private final JTextField scDeLocation = new JTextField(10);
    private final JTextField scLibraryLocation = new JTextField(10);
    private final JCheckBox scDropout = new JCheckBox("zero counts at random, lowly expressed genes more often");
    private final JTextField scDropoutMidpoint = new JTextField(10);

    private final JTextField seed = new JTextField(10);
    private final JTextField labelColumn = new JTextField(15);

    private final FormPanel blobsForm;

    private final FormPanel singleCellForm;

    /** The settings last loaded: the values kept for fields of the kind that is not selected. */
    private SyntheticDataGeneratorSettings loaded = new SyntheticDataGeneratorSettings();

    SyntheticDataGeneratorNodeDialog() {
        kind.setRenderer(new KindRenderer());
        blobsForm = new FormPanel()
            .addRow(SyntheticDataGeneratorSettings.LABEL_BLOBS_ROWS, blobsRows)
            .addRow(SyntheticDataGeneratorSettings.LABEL_BLOBS_DIMENSIONS, blobsDimensions)
            .addRow(SyntheticDataGeneratorSettings.LABEL_BLOBS_CLUSTERS, blobsClusters)
            .addRow(SyntheticDataGeneratorSettings.LABEL_BLOBS_SPREAD, blobsSpread)
            .addRow(SyntheticDataGeneratorSettings.LABEL_BLOBS_CENTRE_BOX, blobsCentreBox);
        blobsForm.setBorder(BorderFactory.createTitledBorder(DataKind.GAUSSIAN_BLOBS.label()));
        singleCellForm = new FormPanel()
            .addRow(SyntheticDataGeneratorSettings.LABEL_SC_CELLS, scCells)
            .addRow(SyntheticDataGeneratorSettings.LABEL_SC_GENES, scGenes)
            .addRow(SyntheticDataGeneratorSettings.LABEL_SC_CELL_TYPES, scCellTypes)
            .addRow(SyntheticDataGeneratorSettings.LABEL_SC_DE_FRACTION, scDeFraction)
            .addRow(SyntheticDataGeneratorSettings.LABEL_SC_DE_LOCATION, scDeLocation)
            .addRow(SyntheticDataGeneratorSettings.LABEL_SC_LIBRARY_LOCATION, scLibraryLocation)
            .addRow(SyntheticDataGeneratorSettings.LABEL_SC_DROPOUT, scDropout)
            .addRow(SyntheticDataGeneratorSettings.LABEL_SC_DROPOUT_MIDPOINT, scDropoutMidpoint);
        singleCellForm.setBorder(BorderFactory.createTitledBorder(DataKind.SINGLE_CELL_COUNTS.label()));
        final FormPanel form = new FormPanel()
            .addRow(SyntheticDataGeneratorSettings.LABEL_KIND, kind)
            .addWide(blobsForm)
            .addWide(singleCellForm)
            .addRow(SyntheticDataGeneratorSettings.LABEL_SEED, seed)
            .addRow(SyntheticDataGeneratorSettings.LABEL_LABEL_COLUMN, labelColumn);
        kind.addActionListener(e -> updateEnabled());
        scDropout.addActionListener(e -> updateEnabled());
        addTab("Options", form);
        updateEnabled();
    }

    @Override
    protected void loadSettingsFrom(final NodeSettingsRO settings, final DataTableSpec[] specs) {
        // a source node: there are no input specs, and the dialog can always be opened
        final SyntheticDataGeneratorSettings s = SyntheticDataGeneratorSettings.loadForDialog(settings);
        loaded = s;
        kind.setSelectedItem(s.kind);
        blobsRows.setValue(s.blobsRows);
        blobsDimensions.setValue(s.blobsDimensions);
        blobsClusters.setValue(s.blobsClusters);
        blobsSpread.setText(Double.toString(s.blobsSpread));
        blobsCentreBox.setText(Double.toString(s.blobsCentreBox));
        scCells.setValue(s.scCells);
        scGenes.setValue(s.scGenes);
        scCellTypes.setValue(s.scCellTypes);
        scDeFraction.setText(Double.toString(s.scDeFraction));
        scDeLocation.setText(Double.toString(s.scDeLocation));
        scLibraryLocation.setText(Double.toString(s.scLibraryLocation));
        scDropout.setSelected(s.scDropout);
        scDropoutMidpoint.setText(Double.toString(s.scDropoutMidpoint));
        seed.setText(Long.toString(s.seed));
        labelColumn.setText(s.labelColumn);
        updateEnabled();
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        final SyntheticDataGeneratorSettings s = new SyntheticDataGeneratorSettings();
        s.kind = (DataKind)kind.getSelectedItem();
        final boolean blobs = s.kind == DataKind.GAUSSIAN_BLOBS;
        s.blobsRows = (Integer)blobsRows.getValue();
        s.blobsDimensions = (Integer)blobsDimensions.getValue();
        s.blobsClusters = (Integer)blobsClusters.getValue();
        s.blobsSpread = DialogFields.parseDouble(blobsSpread.getText(),
            SyntheticDataGeneratorSettings.LABEL_BLOBS_SPREAD, blobs, loaded.blobsSpread);
        s.blobsCentreBox = DialogFields.parseDouble(blobsCentreBox.getText(),
            SyntheticDataGeneratorSettings.LABEL_BLOBS_CENTRE_BOX, blobs, loaded.blobsCentreBox);
        s.scCells = (Integer)scCells.getValue();
        s.scGenes = (Integer)scGenes.getValue();
        s.scCellTypes = (Integer)scCellTypes.getValue();
        s.scDeFraction = DialogFields.parseDouble(scDeFraction.getText(),
            SyntheticDataGeneratorSettings.LABEL_SC_DE_FRACTION, !blobs, loaded.scDeFraction);
        s.scDeLocation = DialogFields.parseDouble(scDeLocation.getText(),
            SyntheticDataGeneratorSettings.LABEL_SC_DE_LOCATION, !blobs, loaded.scDeLocation);
        s.scLibraryLocation = DialogFields.parseDouble(scLibraryLocation.getText(),
            SyntheticDataGeneratorSettings.LABEL_SC_LIBRARY_LOCATION, !blobs, loaded.scLibraryLocation);
        s.scDropout = scDropout.isSelected();
        s.scDropoutMidpoint = DialogFields.parseDouble(scDropoutMidpoint.getText(),
            SyntheticDataGeneratorSettings.LABEL_SC_DROPOUT_MIDPOINT, !blobs && s.scDropout,
            loaded.scDropoutMidpoint);
        s.seed = DialogFields.parseLong(seed.getText(), SyntheticDataGeneratorSettings.LABEL_SEED);
        s.labelColumn = labelColumn.getText().trim();
        s.validate();
        s.saveTo(settings);
    }

    /** Enables the fields of the selected kind (and the dropout midpoint only with dropout on). */
    private void updateEnabled() {
        final boolean blobs = kind.getSelectedItem() == DataKind.GAUSSIAN_BLOBS;
        blobsForm.setGroupEnabled(blobs);
        singleCellForm.setGroupEnabled(!blobs);
        final boolean midpoint = !blobs && scDropout.isSelected();
        final List<Component> components = Arrays.asList(singleCellForm.getComponents());
        final int field = components.indexOf(scDropoutMidpoint);
        scDropoutMidpoint.setEnabled(midpoint);
        components.get(field - 1).setEnabled(midpoint); // its label, which FormPanel adds just before the field
    }

    /** Shows the data kinds by their labels. */
    private static final class KindRenderer extends DefaultListCellRenderer {
        private static final long serialVersionUID = 1L;

        @Override
        public Component getListCellRendererComponent(final JList<?> list, final Object value, final int index,
            final boolean isSelected, final boolean cellHasFocus) {
            final Object shown = value instanceof DataKind k ? k.label() : value;
            return super.getListCellRendererComponent(list, shown, index, isSelected, cellHasFocus);
        }
    }
}
