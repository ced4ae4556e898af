package org.deepcluster.batch.state;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.deepcluster.batch.output.Csv;
import org.deepcluster.standin.SettingsXml;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;

/**
 * A table of executed state: {@value #SPEC_FILE} (the spec with types and domains, XMLConfig) and
 * {@value #DATA_FILE} (a header row, then one record per row: RowID, then the cells; an unquoted empty field is a
 * missing cell, {@code ""} an empty string). Cells must have exactly their column's type; tables with other cells
 * are refused ({@link UnsupportedDataException}).
 */
public final class TableFile {

    /** The spec file in a port folder. */
    public static final String SPEC_FILE = "spec.xml";

    /** The data file in a port folder. */
    public static final String DATA_FILE = "data.csv";

    /** What {@link #read} returns. */
    public record Content(DataTableSpec spec, List<DataRow> rows) {
    }

    private TableFile() {
    }

    /**
     * @param table the table
     * @param folder the port folder (created)
     * @throws IOException if writing fails
     * @throws UnsupportedDataException if the table holds cells that cannot be stored exactly
     */
    public static void write(final BufferedDataTable table, final Path folder)
        throws IOException, UnsupportedDataException {
        DataTableSpec spec = table.getDataTableSpec();
        List<String> cellClasses = TableSpecXml.cellClasses(spec);
        for (String c : cellClasses) {
            if (!CellCodec.isSupported(c)) {
                throw new UnsupportedDataException("column type " + c + " cannot be stored");
            }
        }
        Files.createDirectories(folder);
        SettingsXml.save(TableSpecXml.save(spec), folder.resolve(SPEC_FILE));
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(folder.resolve(DATA_FILE),
            StandardCharsets.UTF_8)); CloseableRowIterator it = table.iterator()) {
            List<String> header = new ArrayList<>();
            header.add("RowID");
            header.addAll(List.of(spec.getColumnNames()));
            Csv.writeRecord(out, header);
            while (it.hasNext()) {
                DataRow row = it.next();
                List<String> fields = new ArrayList<>(row.getNumCells() + 1);
                fields.add(row.getKey().getString());
                for (int i = 0; i < row.getNumCells(); i++) {
                    DataCell cell = row.getCell(i);
                    if (!cell.isMissing() && !cell.getClass().getName().equals(cellClasses.get(i))) {
                        throw new UnsupportedDataException("row " + row.getKey().getString() + ", column \""
                            + spec.getColumnSpec(i).getName() + "\" holds a " + cell.getClass().getSimpleName()
                            + " in a column of type " + spec.getColumnSpec(i).getType());
                    }
                    fields.add(CellCodec.encode(cell));
                }
                Csv.writeRecord(out, fields);
            }
        }
    }

    /**
     * @param folder a port folder written by {@link #write}
     * @return the spec and the rows
     * @throws IOException if the files cannot be read or do not match
     * @throws UnsupportedDataException if a type is unknown
     */
    public static Content read(final Path folder) throws IOException, UnsupportedDataException {
        DataTableSpec spec;
        try {
            spec = TableSpecXml.load(SettingsXml.load(folder.resolve(SPEC_FILE)));
        } catch (InvalidSettingsException e) {
            throw new IOException(folder.resolve(SPEC_FILE) + ": " + e.getMessage(), e);
        }
        List<String> cellClasses = TableSpecXml.cellClasses(spec);
        List<List<String>> records =
            Csv.parse(Files.readString(folder.resolve(DATA_FILE), StandardCharsets.UTF_8));
        List<DataRow> rows = new ArrayList<>(Math.max(0, records.size() - 1));
        for (int r = 1; r < records.size(); r++) {
            List<String> rec = records.get(r);
            if (rec.size() != cellClasses.size() + 1 || rec.get(0) == null) {
                throw new IOException(folder.resolve(DATA_FILE) + ": record " + (r + 1) + " has " + rec.size()
                    + " fields, expected " + (cellClasses.size() + 1));
            }
            DataCell[] cells = new DataCell[cellClasses.size()];
            for (int i = 0; i < cells.length; i++) {
                try {
                    cells[i] = CellCodec.decode(cellClasses.get(i), rec.get(i + 1));
                } catch (IllegalArgumentException e) {
                    throw new IOException(folder.resolve(DATA_FILE) + ": record " + (r + 1) + ", field " + (i + 2)
                        + ": " + e.getMessage(), e);
                }
            }
            rows.add(new DefaultRow(new RowKey(rec.get(0)), cells));
        }
        return new Content(spec, rows);
    }
}
