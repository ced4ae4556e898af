package org.deepcluster.knime.port;

import java.awt.Font;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;

import javax.swing.JComponent;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.table.DefaultTableModel;

import org.deepcluster.core.encode.FittedEncoder;
import org.deepcluster.core.encode.TrainingHistory;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.AbstractPortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/**
 * A trained encoder (the "Encoder Model" port): the engine's {@link FittedEncoder} with its
 * {@link EncoderModelPortObjectSpec}.
 *
 * <p>In the port's zip stream the encoder is one entry, {@value #ENCODER_ENTRY}, holding the engine's own model
 * format ({@link FittedEncoder#save}: JSON metadata, the network configuration and ND4J arrays); there is no Java
 * object serialisation. Immutable.
 */
public final class EncoderModelPortObject extends AbstractPortObject {

    /** The port type of encoder models. */
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(EncoderModelPortObject.class);

    /** The port type of an optional encoder model input. */
    public static final PortType TYPE_OPTIONAL =
        PortTypeRegistry.getInstance().getPortType(EncoderModelPortObject.class, true);

    /** The serializer KNIME finds through plugin.xml (and the stand-in through the type argument). */
    public static final class Serializer extends AbstractPortObjectSerializer<EncoderModelPortObject> {
    }

    /** The zip entry that holds the encoder in the engine's model format. */
    static final String ENCODER_ENTRY = "deepcluster-encoder-model.zip";

    private EncoderModelPortObjectSpec spec;

    private FittedEncoder encoder;

    /** For loading by the framework; use {@link #EncoderModelPortObject(EncoderModelPortObjectSpec, FittedEncoder)}. */
    public EncoderModelPortObject() {
    }

    /**
     * @param spec the spec; its column count and embedding size must match the encoder's
     * @param encoder the trained encoder
     * @throws IllegalArgumentException if spec and encoder do not fit together
     */
    public EncoderModelPortObject(final EncoderModelPortObjectSpec spec, final FittedEncoder encoder) {
        final String mismatch = mismatch(spec, encoder);
        if (mismatch != null) {
            throw new IllegalArgumentException(mismatch);
        }
        this.spec = spec;
        this.encoder = encoder;
    }

    /** @return null if spec and encoder fit together, else what differs */
    private static String mismatch(final EncoderModelPortObjectSpec spec, final FittedEncoder encoder) {
        if (spec == null || encoder == null) {
            return "an encoder model needs a spec and an encoder";
        }
        if (spec.columnNames().size() != encoder.inputSize()) {
            return "the spec lists " + spec.columnNames().size() + " input columns but the encoder reads "
                + encoder.inputSize();
        }
        if (spec.embeddingSize() != encoder.embeddingSize()) {
            return "the spec has embedding size " + spec.embeddingSize() + " but the encoder "
                + encoder.embeddingSize();
        }
        if (spec.architecture() != encoder.parameters().architecture()) {
            return "the spec names architecture " + spec.architecture() + " but the encoder is a "
                + encoder.parameters().architecture();
        }
        if (spec.scaling() != encoder.scaler().scaling()) {
            return "the spec names scaling " + spec.scaling() + " but the encoder uses " + encoder.scaler().scaling();
        }
        return null;
    }

    /** @return the trained encoder */
    public FittedEncoder encoder() {
        return encoder;
    }

    @Override
    public EncoderModelPortObjectSpec getSpec() {
        return spec;
    }

    /**
     * @return one paragraph: architecture and layer sizes, activation, loss and optimiser, parameter count, epochs
     *         trained and the final losses (the engine's summary)
     */
    @Override
    public String getSummary() {
        return "Encoder model on " + spec.columnNames().size() + " columns, embedding size " + spec.embeddingSize()
            + ": " + String.join("; ", encoder.summary().split("\n"));
    }

    /**
     * @return two views, "Encoder Model" (the summary and the input columns) and "Training History" (one row per
     *         epoch); plain Swing components that can be created without a display
     */
    @Override
    public JComponent[] getViews() {
        final StringBuilder text = new StringBuilder(encoder.summary()).append("\n\nInput columns (")
            .append(spec.columnNames().size()).append(", in this order):\n");
        for (int j = 0; j < spec.columnNames().size(); j++) {
            text.append("  ").append(spec.columnNames().get(j)).append(" (").append(spec.columnTypes().get(j))
                .append(")\n");
        }
        text.append("Embedding columns: ").append(spec.embeddingSize()).append('\n');
        final JTextArea summary = new JTextArea(text.toString());
        summary.setEditable(false);
        summary.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
        final JScrollPane summaryView = new JScrollPane(summary);
        summaryView.setName("Encoder Model");

        final DefaultTableModel rows = new DefaultTableModel(
            new Object[]{"Epoch", "Training loss", "Validation loss", "Seconds"}, 0) {
            private static final long serialVersionUID = 1L;

            @Override
            public boolean isCellEditable(final int row, final int column) {
                return false;
            }
        };
        for (final TrainingHistory.Epoch e : encoder.history().epochs()) {
            rows.addRow(new Object[]{e.epoch(), format(e.trainingLoss()),
                Double.isNaN(e.validationLoss()) ? "" : format(e.validationLoss()),
                String.format(Locale.ROOT, "%.2f", e.seconds())});
        }
        final JScrollPane historyView = new JScrollPane(new JTable(rows));
        historyView.setName("Training History");
        return new JComponent[]{summaryView, historyView};
    }

    private static String format(final double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }

    @Override
    protected void save(final PortObjectZipOutputStream out, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        exec.checkCanceled();
        PortEntries.write(out, ENCODER_ENTRY, encoder::save);
    }

    @Override
    protected void load(final PortObjectZipInputStream in, final PortObjectSpec loadedSpec,
        final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
        exec.checkCanceled();
        if (!(loadedSpec instanceof EncoderModelPortObjectSpec s)) {
            throw new IOException("Cannot load the Encoder Model: its spec is a "
                + (loadedSpec == null ? "null" : loadedSpec.getClass().getName()) + ", not an encoder model spec.");
        }
        final FittedEncoder loaded = PortEntries.read(in, ENCODER_ENTRY, "Encoder Model", "the Encoder Learner",
            FittedEncoder::load);
        final String mismatch = mismatch(s, loaded);
        if (mismatch != null) {
            throw new IOException("Cannot load the Encoder Model: " + mismatch + "; the saved port is damaged.");
        }
        spec = s;
        encoder = loaded;
    }

    @Override
    public String toString() {
        return "Encoder Model[" + spec + "]";
    }
}
