package org.deepcluster.standin.test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.NoSuchElementException;

import org.deepcluster.standin.NodeHarness;
import org.deepcluster.standin.Tables;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeFactory.NodeType;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.workflow.FlowVariable;
import org.knime.core.node.workflow.VariableType;

/** Configure/execute through the harness, as KNIME's framework would. */
class NodeHarnessTest {

    private static BufferedDataTable input() {
        return Tables.builder().column("x", DoubleCell.TYPE).column("n", IntCell.TYPE).column("s", StringCell.TYPE)
            .row(1.0, 1, "a").row(-2.0, 2, "b").row(null, 3, "a").build();
    }

    @Test
    void factoryReadsNodeDescription() {
        SquareNodeFactory f = new SquareNodeFactory();
        assertEquals("Append Square", f.getNodeName());
        assertEquals(NodeType.Manipulator, f.getType());
        assertEquals("Table", f.getInportName(0));
        assertEquals("Input plus the squared column", f.getOutportDescription(0));
        assertArrayEquals(new String[]{"square"}, f.getKeywords());
        assertNull(f.getIcon());
        assertFalse(f.isDeprecated());
        assertEquals(SquareNodeFactory.class.getName(), f.getFactoryId());
    }

    @Test
    void configureAndExecute() throws Exception {
        NodeHarness<SquareNodeModel> h = NodeHarness.of(SquareNodeFactory.class);
        BufferedDataTable in = input();
        PortObjectSpec[] specs = h.configure(in.getDataTableSpec());
        DataTableSpec outSpec = (DataTableSpec)specs[0];
        assertArrayEquals(new String[]{"x", "n", "s", "x^2"}, outSpec.getColumnNames());

        BufferedDataTable out = h.executeTables(in)[0];
        assertEquals(3, out.size());
        double[] sq = Tables.doubles(out, "x^2");
        assertEquals(1.0, sq[0]);
        assertEquals(4.0, sq[1]);
        assertTrue(Double.isNaN(sq[2]), "missing stays missing");
        assertEquals(4.0, ((DoubleCell)out.getDataTableSpec().getColumnSpec("x^2").getDomain().getUpperBound())
            .getDoubleValue(), "domain of the new column is computed");
        assertEquals(2, out.getDataTableSpec().getColumnSpec("s").getDomain().getValues().size(),
            "possible values of the nominal input column");
        assertNull(h.warningMessage());
        assertEquals(3, h.model().peekFlowVariableInt("rows"));
        FlowVariable rows = h.pushedFlowVariable("rows").orElseThrow();
        assertEquals(VariableType.IntType.INSTANCE, rows.getVariableType());
        assertEquals(3.0, rows.getValue(VariableType.DoubleType.INSTANCE), "int converts to double");
        assertEquals("x", h.model().peekFlowVariableString("column"));
        assertTrue(h.progressEvents().size() >= 3, "cell factory reported progress per row");
    }

    @Test
    void warningsAndIncomingVariables() throws Exception {
        NodeHarness<SquareNodeModel> h = NodeHarness.of(new SquareNodeFactory())
            .withFlowVariables(new FlowVariable("threshold", 0.5));
        BufferedDataTable empty = Tables.builder().column("x", DoubleCell.TYPE).build();
        h.execute(empty);
        assertEquals("Input table is empty", h.warningMessage());
        assertEquals(0.5, h.model().peekFlowVariableDouble("threshold"));
        assertEquals("0.5", h.model().peekFlowVariableString("threshold"), "double converts to string");
        assertThrows(NoSuchElementException.class, () -> h.model().peekFlowVariableInt("threshold"));
        assertThrows(NoSuchElementException.class, () -> h.model().peekFlowVariableInt("nope"));
        h.execute(input());
        assertNull(h.warningMessage(), "re-execution resets the node first");
    }

    @Test
    void settingsAreValidatedAndSurviveXml() throws Exception {
        NodeHarness<SquareNodeModel> h = NodeHarness.of(new SquareNodeFactory());
        h.editSettings(s -> s.addString(SquareNodeModel.CFG_COLUMN, "n"));
        NodeSettings reread = h.settingsRoundTrip();
        assertEquals("n", reread.getString(SquareNodeModel.CFG_COLUMN));
        assertEquals("SMID_string",
            reread.getConfig(SquareNodeModel.CFG_COLUMN + "_Internals").getString("SettingsModelID"));
        DataTableSpec out = (DataTableSpec)h.configure(input().getDataTableSpec())[0];
        assertEquals("n^2", out.getColumnSpec(3).getName());

        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> h.loadSettings(new NodeSettings("model")));
        assertTrue(e.getMessage().contains(SquareNodeModel.CFG_COLUMN), e.getMessage());
        h.editSettings(s -> s.addString(SquareNodeModel.CFG_COLUMN, "s"));
        assertThrows(InvalidSettingsException.class, () -> h.configure(input().getDataTableSpec()));
    }

    @Test
    void inputsAreCheckedAgainstPortTypes() {
        NodeHarness<SquareNodeModel> h = NodeHarness.of(new SquareNodeFactory());
        assertThrows(IllegalArgumentException.class, () -> h.execute());
        assertThrows(IllegalArgumentException.class, () -> h.execute((BufferedDataTable)null));
    }
}
