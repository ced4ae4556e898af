package org.deepcluster.standin.test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.function.Function;

import org.deepcluster.standin.NodeHarness;
import org.deepcluster.standin.Tables;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.AbstractCellFactory;
import org.knime.core.data.container.ColumnRearranger;
import org.knime.core.data.container.SingleCellFactory;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/** ColumnRearranger specs and the tables ExecutionContext builds from them. */
class ColumnRearrangerTest {

    private static final DataTableSpec SPEC = Tables.builder().column("a", DoubleCell.TYPE)
        .column("b", IntCell.TYPE).column("c", StringCell.TYPE).spec();

    private static String[] names(final ColumnRearranger r) {
        return r.createSpec().getColumnNames();
    }

    @Test
    void arrangementOperations() {
        ColumnRearranger r = new ColumnRearranger(SPEC);
        r.keepOnly("c", "a");
        assertArrayEquals(new String[]{"a", "c"}, names(r), "keepOnly keeps the order");

        r = new ColumnRearranger(SPEC);
        r.remove(1);
        assertArrayEquals(new String[]{"a", "c"}, names(r));

        r = new ColumnRearranger(SPEC);
        r.move(0, 2);
        assertArrayEquals(new String[]{"b", "a", "c"}, names(r), "moving right ends before the target");
        r.move("c", 0);
        assertArrayEquals(new String[]{"c", "b", "a"}, names(r));

        r = new ColumnRearranger(SPEC);
        r.permute(new String[]{"c"});
        assertArrayEquals(new String[]{"c", "a", "b"}, names(r));

        r = new ColumnRearranger(SPEC);
        r.replace(constant("b2", 0.0), "b");
        assertArrayEquals(new String[]{"a", "b2", "c"}, names(r));
        r.insertAt(0, constant("first", 1.0));
        assertEquals(0, r.indexOf("first"));
        assertEquals(4, r.getColumnCount());

        ColumnRearranger dup = new ColumnRearranger(SPEC);
        dup.append(constant("a", 0.0));
        assertThrows(IllegalArgumentException.class, dup::createSpec);
    }

    private static SingleCellFactory constant(final String name, final double value) {
        return new SingleCellFactory(new DataColumnSpecCreator(name, DoubleCell.TYPE).createSpec()) {
            @Override
            public DataCell getCell(final DataRow row) {
                return new DoubleCell(value);
            }
        };
    }

    /** A node applying whatever rearrangement the test gives it. */
    static final class RearrangeNode extends NodeModel {
        private final Function<DataTableSpec, ColumnRearranger> m_arrangement;

        RearrangeNode(final Function<DataTableSpec, ColumnRearranger> arrangement) {
            super(1, 1);
            m_arrangement = arrangement;
        }

        @Override
        protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) {
            return new DataTableSpec[]{m_arrangement.apply(inSpecs[0]).createSpec()};
        }

        @Override
        protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
            throws Exception {
            return new BufferedDataTable[]{exec.createColumnRearrangeTable(inData[0],
                m_arrangement.apply(inData[0].getDataTableSpec()), exec.createSubProgress(1.0))};
        }

        @Override
        protected void saveSettingsTo(final NodeSettingsWO settings) {
        }

        @Override
        protected void validateSettings(final NodeSettingsRO settings) {
        }

        @Override
        protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) {
        }

        @Override
        protected void loadInternals(final File dir, final ExecutionMonitor exec) {
        }

        @Override
        protected void saveInternals(final File dir, final ExecutionMonitor exec) {
        }

        @Override
        protected void reset() {
        }
    }

    @Test
    void appendComputesCellsPerRowAndCallsAfterProcessing() throws Exception {
        int[] afterProcessing = {0};
        long[] indices = {-1, -1};
        DataColumnSpec sum = new DataColumnSpecCreator("sum", DoubleCell.TYPE).createSpec();
        DataColumnSpec idx = new DataColumnSpecCreator("index", IntCell.TYPE).createSpec();
        NodeHarness<RearrangeNode> h = NodeHarness.forModel(new RearrangeNode(spec -> {
            ColumnRearranger r = new ColumnRearranger(spec);
            r.append(new AbstractCellFactory(sum, idx) {
                @Override
                public DataCell[] getCells(final DataRow row, final long rowIndex) {
                    indices[(int)rowIndex] = rowIndex;
                    double a = ((DoubleCell)row.getCell(0)).getDoubleValue();
                    int b = ((IntCell)row.getCell(1)).getIntValue();
                    return new DataCell[]{new DoubleCell(a + b), new IntCell((int)rowIndex)};
                }

                @Override
                public void afterProcessing() {
                    afterProcessing[0]++;
                }
            });
            r.remove("c");
            return r;
        }));
        BufferedDataTable in =
            Tables.builder().column("a", DoubleCell.TYPE).column("b", IntCell.TYPE).column("c", StringCell.TYPE)
                .keyedRow("first", 0.5, 1, "x").keyedRow("second", 1.5, 2, "y").build();
        BufferedDataTable out = h.executeTables(in)[0];
        assertArrayEquals(new String[]{"a", "b", "sum", "index"}, out.getDataTableSpec().getColumnNames());
        assertArrayEquals(new double[]{1.5, 3.5}, Tables.doubles(out, "sum"));
        assertEquals(java.util.List.of("first", "second"),
            Tables.rows(out).stream().map(r -> r.getKey().getString()).toList(), "row keys are kept");
        assertArrayEquals(new long[]{0, 1}, indices);
        assertEquals(1, afterProcessing[0]);
        assertEquals(1.0, h.progressEvents().get(h.progressEvents().size() - 1).getProgress());
        assertTrue(h.progressEvents().get(0).getMessage().startsWith("Processed row 1/2"));
    }

    @Test
    void cellsOfTheWrongTypeAreRejected() {
        NodeHarness<RearrangeNode> h = NodeHarness.forModel(new RearrangeNode(spec -> {
            ColumnRearranger r = new ColumnRearranger(spec);
            r.append(new SingleCellFactory(new DataColumnSpecCreator("n", IntCell.TYPE).createSpec()) {
                @Override
                public DataCell getCell(final DataRow row) {
                    return new StringCell("not an int");
                }
            });
            return r;
        }));
        BufferedDataTable in = Tables.builder().column("a", DoubleCell.TYPE).row(1.0).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> h.execute(in));
        assertTrue(e.getMessage().contains("does not comply"), e.getMessage());
    }
}
