package org.deepcluster.batch.state;

import java.util.Map;
import java.util.function.Function;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;

/**
 * Cells as text and back, exactly: strings as they are, numbers in Java's round-trip format
 * ({@code Double.toString}), booleans as true/false. Only KNIME's basic cell types are supported; a table with
 * other cells cannot be saved as executed state (its node is executed again next time).
 */
public final class CellCodec {

    private static final Map<String, Function<String, DataCell>> DECODERS = Map.of(
        StringCell.class.getName(), StringCell::new,
        DoubleCell.class.getName(), s -> new DoubleCell(Double.parseDouble(s)),
        IntCell.class.getName(), s -> new IntCell(Integer.parseInt(s)),
        LongCell.class.getName(), s -> new LongCell(Long.parseLong(s)),
        BooleanCell.class.getName(), CellCodec::parseBoolean);

    private CellCodec() {
    }

    private static DataCell parseBoolean(final String s) {
        if (!s.equals("true") && !s.equals("false")) {
            throw new IllegalArgumentException("not a boolean: \"" + s + "\"");
        }
        return BooleanCell.BooleanCellFactory.create(Boolean.parseBoolean(s));
    }

    /**
     * @param cellClass a cell class name
     * @return whether cells of that class can be stored
     */
    public static boolean isSupported(final String cellClass) {
        return DECODERS.containsKey(cellClass);
    }

    /**
     * @param cell a cell
     * @return its text (null for a missing cell)
     * @throws UnsupportedDataException if the cell type is not supported
     */
    public static String encode(final DataCell cell) throws UnsupportedDataException {
        if (cell.isMissing()) {
            return null;
        }
        String cellClass = cell.getClass().getName();
        if (!isSupported(cellClass)) {
            throw new UnsupportedDataException("cells of type " + cellClass + " cannot be stored");
        }
        return cell.toString();
    }

    /**
     * @param cellClass the cell class name
     * @param text the text (null for a missing cell)
     * @return the cell
     * @throws UnsupportedDataException if the class is not supported
     * @throws IllegalArgumentException if the text does not parse
     */
    public static DataCell decode(final String cellClass, final String text) throws UnsupportedDataException {
        if (text == null) {
            return DataType.getMissingCell();
        }
        Function<String, DataCell> decoder = DECODERS.get(cellClass);
        if (decoder == null) {
            throw new UnsupportedDataException("cells of type " + cellClass + " cannot be read");
        }
        return decoder.apply(text);
    }

    /**
     * @param cellClass a cell class name
     * @return its data type
     * @throws UnsupportedDataException if the class cannot be loaded
     */
    @SuppressWarnings("unchecked")
    public static DataType type(final String cellClass) throws UnsupportedDataException {
        try {
            return DataType.getType(
                (Class<? extends DataCell>)Class.forName(cellClass, false, CellCodec.class.getClassLoader()));
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new UnsupportedDataException("unknown cell type " + cellClass);
        }
    }
}
