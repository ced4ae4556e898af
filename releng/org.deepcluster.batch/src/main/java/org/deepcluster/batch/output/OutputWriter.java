package org.deepcluster.batch.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.deepcluster.batch.exec.ExecutionResult;
import org.deepcluster.batch.exec.NodeOutcome;
import org.deepcluster.batch.workflow.FlowVariables;
import org.deepcluster.batch.workflow.NodeFolderName;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.workflow.FlowVariable;

/**
 * Writes the results of a run into the output folder, for people and scripts that do not open KNIME:
 * <ul>
 * <li>{@code <id>_<node-name>_port<p>.csv} for each output table of each node that executed or was reused (p is
 * the data port, from 0; the node name with characters other than letters and digits replaced by '_'): a header
 * row, then the RowID and the cells of each row; missing cells are empty fields;</li>
 * <li>{@code <id>_<node-name>_port<p>.png} for each image port object holding a PNG;</li>
 * <li>{@value #VARIABLES_FILE}: the flow variables the nodes pushed (node id, node, name, type, value).</li>
 * </ul>
 * Files of earlier runs that match these names are removed first; other files in the folder are left alone.
 */
public final class OutputWriter {

    /** The file with the pushed flow variables. */
    public static final String VARIABLES_FILE = "flow-variables.csv";

    private static final Pattern OUR_FILES = Pattern.compile("\\d+_.*_port\\d+\\.(csv|png)|" + VARIABLES_FILE);

    private OutputWriter() {
    }

    /**
     * @param id the node id
     * @param nodeName the node name
     * @param port the data port
     * @param extension "csv" or "png"
     * @return the file name
     */
    public static String fileName(final int id, final String nodeName, final int port, final String extension) {
        return id + "_" + NodeFolderName.validFileName(nodeName).replace(' ', '_') + "_port" + port + "."
            + extension;
    }

    /**
     * @param result the run
     * @param folder the output folder (created)
     * @return the files written
     * @throws IOException if writing fails
     */
    public static List<Path> write(final ExecutionResult result, final Path folder) throws IOException {
        Files.createDirectories(folder);
        try (Stream<Path> old = Files.list(folder)) {
            for (Path p : old.filter(p -> OUR_FILES.matcher(p.getFileName().toString()).matches()).toList()) {
                Files.delete(p);
            }
        }
        List<Path> written = new ArrayList<>();
        List<String[]> variables = new ArrayList<>();
        for (NodeOutcome o : result.outcomes()) {
            if (!o.succeeded()) {
                continue;
            }
            int id = o.node().id();
            String name = o.node().definition().name();
            PortObject[] outputs = o.outputs();
            for (int p = 0; p < outputs.length; p++) {
                if (outputs[p] instanceof BufferedDataTable table) {
                    Path file = folder.resolve(fileName(id, name, p, "csv"));
                    writeCsv(table, file);
                    written.add(file);
                } else {
                    Optional<byte[]> png = ImagePorts.png(outputs[p]);
                    if (png.isPresent()) {
                        Path file = folder.resolve(fileName(id, name, p, "png"));
                        Files.write(file, png.get());
                        written.add(file);
                    }
                }
            }
            for (FlowVariable v : o.pushedVariables()) {
                variables.add(new String[]{Integer.toString(id), name, v.getName(), FlowVariables.typeName(v),
                    v.getValueAsString()});
            }
        }
        Path varFile = folder.resolve(VARIABLES_FILE);
        try (Writer out = Files.newBufferedWriter(varFile, StandardCharsets.UTF_8)) {
            Csv.writeRecord(out, List.of("node_id", "node", "name", "type", "value"));
            for (String[] v : variables) {
                Csv.writeRecord(out, List.of(v));
            }
        }
        written.add(varFile);
        return written;
    }

    /**
     * @param table a table
     * @param file the CSV file: header "RowID" and the column names, then one record per row
     * @throws IOException if writing fails
     */
    public static void writeCsv(final BufferedDataTable table, final Path file) throws IOException {
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
                CloseableRowIterator it = table.iterator()) {
            List<String> header = new ArrayList<>();
            header.add("RowID");
            header.addAll(List.of(table.getDataTableSpec().getColumnNames()));
            Csv.writeRecord(out, header);
            while (it.hasNext()) {
                DataRow row = it.next();
                List<String> fields = new ArrayList<>(row.getNumCells() + 1);
                fields.add(row.getKey().getString());
                for (int i = 0; i < row.getNumCells(); i++) {
                    DataCell cell = row.getCell(i);
                    fields.add(cell.isMissing() ? null : cell.toString());
                }
                Csv.writeRecord(out, fields);
            }
        }
    }
}
