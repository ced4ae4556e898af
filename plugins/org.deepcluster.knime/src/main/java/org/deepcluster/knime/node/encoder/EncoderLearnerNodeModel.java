package org.deepcluster.knime.node.encoder;

import org.deepcluster.core.data.FloatMatrix;
import org.deepcluster.core.encode.EncoderTrainer;
import org.deepcluster.core.encode.FittedEncoder;
import org.deepcluster.core.encode.InvalidTokenException;
import org.deepcluster.core.encode.TrainingDivergedException;
import org.deepcluster.core.encode.TrainingHistory;
import org.deepcluster.core.progress.CancelledException;
import org.deepcluster.knime.port.EncoderModelPortObject;
import org.deepcluster.knime.port.EncoderModelPortObjectSpec;
import org.deepcluster.knime.util.ExecutionProgress;
import org.deepcluster.knime.util.FloatTable;
import org.deepcluster.knime.util.FloatTableReader;
import org.deepcluster.knime.util.NumericColumns;
import org.deepcluster.knime.util.SettingsNodeModel;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Trains an encoder (autoencoder family) on the selected numeric columns of a table and outputs it as an Encoder
 * Model together with its training history. The training happens in the engine ({@link EncoderTrainer}); this class
 * converts the table, reports progress and turns engine errors into messages about the node's settings.
 */
final class EncoderLearnerNodeModel extends SettingsNodeModel<EncoderLearnerSettings> {

    static final String COLUMN_EPOCH = "Epoch";
    static final String COLUMN_TRAINING_LOSS = "Training loss";
    static final String COLUMN_VALIDATION_LOSS = "Validation loss";
    static final String COLUMN_SECONDS = "Seconds";

    /** The training history table: one row per epoch. */
    static final DataTableSpec HISTORY_SPEC = new DataTableSpec(
        new DataColumnSpecCreator(COLUMN_EPOCH, IntCell.TYPE).createSpec(),
        new DataColumnSpecCreator(COLUMN_TRAINING_LOSS, DoubleCell.TYPE).createSpec(),
        new DataColumnSpecCreator(COLUMN_VALIDATION_LOSS, DoubleCell.TYPE).createSpec(),
        new DataColumnSpecCreator(COLUMN_SECONDS, DoubleCell.TYPE).createSpec());

    /** Shares of the progress bar: reading the table, training, writing the history. */
    private static final double READ_SHARE = 0.05;
    private static final double TRAIN_SHARE = 0.94;

    EncoderLearnerNodeModel() {
        super(new PortType[]{BufferedDataTable.TYPE},
            new PortType[]{EncoderModelPortObject.TYPE, BufferedDataTable.TYPE}, new EncoderLearnerSettings());
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        final DataTableSpec in = (DataTableSpec)inSpecs[0];
        return new PortObjectSpec[]{modelSpec(in, featureColumns(in)), HISTORY_SPEC};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        final BufferedDataTable table = (BufferedDataTable)inObjects[0];
        final DataTableSpec in = table.getDataTableSpec();
        final int[] columns = featureColumns(in);

        final FloatTable data =
            FloatTableReader.read(table, columns, settings().missingValues, exec.createSubProgress(READ_SHARE));
        final FloatMatrix matrix = data.matrix();
        checkRows(matrix.rows(), table.size());

        exec.setMessage("Training the " + settings().architecture.description() + " on " + matrix.rows() + " rows × "
            + matrix.cols() + " columns");
        final FittedEncoder encoder;
        try {
            encoder = train(matrix, exec.createSubProgress(TRAIN_SHARE));
        } catch (final InvalidTokenException e) {
            throw new InvalidSettingsException(tokenProblem(e, table, columns, data.matrixRowOfTableRow()), e);
        }

        final EncoderModelPortObject model = new EncoderModelPortObject(modelSpec(in, columns), encoder);
        final BufferedDataTable history = history(encoder.history(), exec);
        setWarningMessage(warning(data, table.size(), encoder.history()));
        return new PortObject[]{model, history};
    }

    private int[] featureColumns(final DataTableSpec in) throws InvalidSettingsException {
        final int[] columns = NumericColumns.resolve(in, settings().allNumericColumns, settings().includedColumnList(),
            EncoderLearnerSettings.LABEL_COLUMNS);
        settings().validateAgainstColumns(columns.length);
        return columns;
    }

    private EncoderModelPortObjectSpec modelSpec(final DataTableSpec in, final int[] columns) {
        return EncoderModelPortObjectSpec.of(in, columns, settings().architecture, settings().embeddingSize,
            settings().effectiveScaling());
    }

    private static void checkRows(final int usable, final long total) throws InvalidSettingsException {
        if (total == 0) {
            throw new InvalidSettingsException("The input table is empty: there are no rows to train the encoder on.");
        }
        if (usable == 0) {
            throw new InvalidSettingsException("All " + total + " rows have missing, NaN or infinite values in the "
                + "selected columns: nothing left to train the encoder on.");
        }
    }

    private FittedEncoder train(final FloatMatrix matrix, final ExecutionMonitor monitor)
        throws InvalidSettingsException, CanceledExecutionException {
        try {
            return EncoderTrainer.fit(matrix, settings().parameters(), new ExecutionProgress(monitor));
        } catch (final CancelledException e) {
            throw ExecutionProgress.rethrowAsKnime(e);
        } catch (final InvalidTokenException e) {
            throw e; // named by row key and column in execute
        } catch (final TrainingDivergedException e) {
            throw new InvalidSettingsException(capitalise(e.getMessage()) + " (setting '"
                + EncoderLearnerSettings.LABEL_LEARNING_RATE + "').", e);
        } catch (final IllegalArgumentException e) { // parameters that do not fit the data, e.g. the batch size
            throw new InvalidSettingsException("Cannot train the encoder: " + e.getMessage() + ".", e);
        }
    }

    /**
     * @return the message for a value that is not a token index, naming the table row and column (the engine only
     *         knows the matrix row and column)
     */
    static String tokenProblem(final InvalidTokenException e, final BufferedDataTable table, final int[] columns,
        final int[] matrixRowOfTableRow) {
        final String column = table.getDataTableSpec().getColumnSpec(columns[e.column()]).getName();
        String key = "#" + e.row();
        long index = 0;
        for (final DataRow row : table) {
            if (index < matrixRowOfTableRow.length && matrixRowOfTableRow[(int)index] == e.row()) {
                key = row.getKey().getString();
                break;
            }
            index++;
        }
        final String detail = e.getMessage().replaceFirst("^row \\d+, column \\d+ ", "");
        return "Row '" + key + "', column '" + column + "' " + detail + " (setting '"
            + EncoderLearnerSettings.LABEL_SEQUENCE_INPUT + "' is token indices).";
    }

    private static String capitalise(final String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static BufferedDataTable history(final TrainingHistory history, final ExecutionContext exec) {
        final BufferedDataContainer out = exec.createDataContainer(HISTORY_SPEC);
        long row = 0;
        for (final TrainingHistory.Epoch e : history.epochs()) {
            final DataCell validation = Double.isNaN(e.validationLoss()) ? DataType.getMissingCell()
                : new DoubleCell(e.validationLoss());
            out.addRowToTable(new DefaultRow(RowKey.createRowKey(row++), new IntCell(e.epoch()),
                new DoubleCell(e.trainingLoss()), validation, new DoubleCell(e.seconds())));
        }
        out.close();
        return out.getTable();
    }

    /** @return the warning for skipped rows and early stopping, or null if there is nothing to warn about */
    private String warning(final FloatTable data, final long rows, final TrainingHistory history) {
        final StringBuilder warning = new StringBuilder();
        if (data.skippedRows() > 0) {
            warning.append(data.skippedRows()).append(" of ").append(rows)
                .append(" rows were skipped because of missing, NaN or infinite values (first: row '")
                .append(data.firstSkippedRowKey()).append("'); the encoder was trained on the other ")
                .append(data.matrix().rows()).append(" rows.");
        }
        if (history.stoppedEarly()) {
            final String monitored = settings().validationFraction > 0 ? "validation" : "training";
            warning.append(warning.length() > 0 ? " " : "").append("Training stopped early after ")
                .append(history.size()).append(" of ").append(settings().epochs).append(" epochs: the ")
                .append(monitored).append(" loss did not improve for ").append(settings().patience)
                .append(" epochs; the weights of epoch ").append(history.bestEpoch()).append(" were restored.");
        }
        return warning.length() == 0 ? null : warning.toString();
    }

    @Override
    protected EncoderLearnerSettings loadSettings(final NodeSettingsRO settingsRO) throws InvalidSettingsException {
        return EncoderLearnerSettings.load(settingsRO);
    }
}
