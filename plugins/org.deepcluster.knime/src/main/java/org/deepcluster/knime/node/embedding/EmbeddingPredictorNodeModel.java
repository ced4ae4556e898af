package org.deepcluster.knime.node.embedding;

import java.util.ArrayList;
import java.util.List;

import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.encode.FittedEncoder;
import org.deepcluster.core.encode.InvalidTokenException;
import org.deepcluster.knime.port.EncoderModelPortObject;
import org.deepcluster.knime.port.EncoderModelPortObjectSpec;
import org.deepcluster.knime.util.FloatTable;
import org.deepcluster.knime.util.FloatTableReader;
import org.deepcluster.knime.util.SettingsNodeModel;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Encodes the rows of a table with a trained encoder and appends the embedding as double columns. The table is read
 * and encoded in batches of {@value #BATCH_ROWS} rows, so memory stays bounded by one batch whatever the table's
 * size; progress is reported and cancellation checked after each batch.
 */
final class EmbeddingPredictorNodeModel extends SettingsNodeModel<EmbeddingPredictorSettings> {

    /** Rows read and encoded at a time. */
    static final int BATCH_ROWS = 2048;

    EmbeddingPredictorNodeModel() {
        super(new PortType[]{EncoderModelPortObject.TYPE, BufferedDataTable.TYPE},
            new PortType[]{BufferedDataTable.TYPE}, new EmbeddingPredictorSettings());
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        final EncoderModelPortObjectSpec model = (EncoderModelPortObjectSpec)inSpecs[0];
        if (model == null) {
            throw new InvalidSettingsException("No encoder model at the first input: connect an Encoder Learner.");
        }
        final DataTableSpec in = (DataTableSpec)inSpecs[1];
        model.findColumns(in);
        return new PortObjectSpec[]{outputSpec(in, model)};
    }

    /** The input spec plus one double column per embedding dimension, named uniquely. */
    private DataTableSpec outputSpec(final DataTableSpec in, final EncoderModelPortObjectSpec model) {
        DataTableSpec spec = in;
        for (int k = 0; k < model.embeddingSize(); k++) {
            final String name = DataTableSpec.getUniqueColumnName(spec, settings().columnName(k));
            final DataColumnSpec column = new DataColumnSpecCreator(name, DoubleCell.TYPE).createSpec();
            spec = new DataTableSpec(spec, new DataTableSpec(column));
        }
        return spec;
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        final EncoderModelPortObject model = (EncoderModelPortObject)inObjects[0];
        final BufferedDataTable table = (BufferedDataTable)inObjects[1];
        final DataTableSpec in = table.getDataTableSpec();
        final int[] columns = model.getSpec().findColumns(in);
        final FittedEncoder encoder = model.encoder();
        final int d = encoder.embeddingSize();

        final BufferedDataContainer out = exec.createDataContainer(outputSpec(in, model.getSpec()));
        final long size = table.size();
        final List<DataRow> batch = new ArrayList<>((int)Math.min(BATCH_ROWS, size));
        long done = 0;
        long skipped = 0;
        String firstSkipped = null;
        exec.setProgress(0, "Encoding " + size + " rows");
        try (CloseableRowIterator rows = table.iterator()) {
            while (rows.hasNext()) {
                batch.add(rows.next());
                if (batch.size() < BATCH_ROWS && rows.hasNext()) {
                    continue;
                }
                exec.checkCanceled();
                final FloatTable data = FloatTableReader.read(batch, in, columns, settings().missingValues);
                final Matrix embedding = encode(encoder, data, batch, in, columns);
                for (int i = 0; i < batch.size(); i++) {
                    out.addRowToTable(append(batch.get(i), embedding, data.matrixRowOfTableRow()[i], d));
                }
                if (data.skippedRows() > 0 && skipped == 0) {
                    firstSkipped = data.firstSkippedRowKey();
                }
                skipped += data.skippedRows();
                done += batch.size();
                batch.clear();
                final long encoded = done;
                exec.setProgress(encoded / (double)size, () -> "Encoded " + encoded + " of " + size + " rows");
            }
        }
        exec.checkCanceled();
        out.close();
        if (skipped > 0) {
            setWarningMessage(skipped + " of " + size + " rows were skipped because of missing, NaN or infinite "
                + "values (first: row '" + firstSkipped + "'); their embedding columns are missing.");
        }
        return new PortObject[]{out.getTable()};
    }

    /** The row with its embedding appended (missing cells for a skipped row, whose matrix row is -1). */
    private static DataRow append(final DataRow row, final Matrix embedding, final int matrixRow, final int d) {
        final int n = row.getNumCells();
        final DataCell[] cells = new DataCell[n + d];
        for (int j = 0; j < n; j++) {
            cells[j] = row.getCell(j);
        }
        for (int k = 0; k < d; k++) {
            cells[n + k] = matrixRow < 0 ? DataType.getMissingCell() : new DoubleCell(embedding.get(matrixRow, k));
        }
        return new DefaultRow(row.getKey(), cells);
    }

    /**
     * @return the embedding of the batch's usable rows, or null if there are none
     * @throws InvalidSettingsException naming the row and column of a value that is not a token index (models
     *             trained on token sequences)
     */
    private static Matrix encode(final FittedEncoder encoder, final FloatTable data, final List<DataRow> batch,
        final DataTableSpec in, final int[] columns) throws InvalidSettingsException {
        if (data.matrix().rows() == 0) {
            return null;
        }
        try {
            return encoder.transform(data.matrix());
        } catch (final InvalidTokenException e) {
            String key = "#" + e.row();
            for (int i = 0; i < batch.size(); i++) {
                if (data.matrixRowOfTableRow()[i] == e.row()) {
                    key = batch.get(i).getKey().getString();
                }
            }
            throw new InvalidSettingsException("Row '" + key + "', column '" + in.getColumnSpec(columns[e.column()])
                .getName() + "' " + e.getMessage().replaceFirst("^row \\d+, column \\d+ ", "") + " (the model "
                + "was trained on token sequences).", e);
        }
    }

    @Override
    protected EmbeddingPredictorSettings loadSettings(final NodeSettingsRO settingsRO)
        throws InvalidSettingsException {
        return EmbeddingPredictorSettings.load(settingsRO);
    }
}
