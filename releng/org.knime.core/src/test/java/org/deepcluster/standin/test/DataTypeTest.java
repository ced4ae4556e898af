package org.deepcluster.standin.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.knime.core.data.BooleanValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.MissingCell;
import org.knime.core.data.NominalValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;

/** Types, cells and specs. */
class DataTypeTest {

    @Test
    void compatibilityFollowsTheValueInterfaces() {
        assertTrue(IntCell.TYPE.isCompatible(DoubleValue.class));
        assertTrue(IntCell.TYPE.isCompatible(LongValue.class));
        assertTrue(IntCell.TYPE.isCompatible(IntValue.class));
        assertFalse(StringCell.TYPE.isCompatible(DoubleValue.class));
        assertTrue(StringCell.TYPE.isCompatible(NominalValue.class));
        assertTrue(StringCell.TYPE.isCompatible(StringValue.class));
        assertFalse(DoubleCell.TYPE.isCompatible(IntValue.class));
        assertTrue(LongCell.TYPE.isCompatible(DoubleValue.class));
        assertTrue(BooleanCell.TYPE.isCompatible(BooleanValue.class));
        assertTrue(BooleanCell.TYPE.isCompatible(DoubleValue.class));
    }

    @Test
    void superTypes() {
        assertTrue(DoubleCell.TYPE.isASuperTypeOf(IntCell.TYPE), "int cells fit into double columns");
        assertFalse(IntCell.TYPE.isASuperTypeOf(DoubleCell.TYPE));
        assertFalse(DoubleCell.TYPE.isASuperTypeOf(StringCell.TYPE));
        assertTrue(StringCell.TYPE.isASuperTypeOf(DataType.getMissingCell().getType()));
    }

    @Test
    void namesAndIdentity() {
        assertEquals("Number (Float)", DoubleCell.TYPE.toString());
        assertEquals("Number (Integer)", IntCell.TYPE.getName());
        assertEquals("Number (Long Integer)", LongCell.TYPE.getName());
        assertEquals("String", StringCell.TYPE.getName());
        assertEquals("Boolean", BooleanCell.TYPE.getName());
        assertSame(DoubleCell.TYPE, DataType.getType(DoubleCell.class));
        assertSame(DoubleValue.class, DoubleCell.TYPE.getPreferredValueClass());
        assertSame(IntValue.class, IntCell.TYPE.getPreferredValueClass());
        assertSame(DoubleCell.TYPE, new DoubleCell(1).getType());
    }

    @Test
    void missingCells() {
        DataCell missing = DataType.getMissingCell();
        assertTrue(missing.isMissing());
        assertEquals("?", missing.toString());
        assertEquals(missing, new MissingCell("error"));
        assertNotEquals(missing, new DoubleCell(Double.NaN));
        assertTrue(missing.getType().isMissingValueType());
    }

    @Test
    void cellEquality() {
        assertEquals(new DoubleCell(1.5), new DoubleCell(1.5));
        assertEquals(new DoubleCell(1.5).hashCode(), new DoubleCell(1.5).hashCode());
        assertNotEquals(new IntCell(1), new DoubleCell(1), "different cell classes are not equal");
        assertEquals(new StringCell("a"), new StringCell("a"));
        assertSame(BooleanCell.TRUE, BooleanCell.BooleanCellFactory.create(true));
        assertThrows(NullPointerException.class, () -> new StringCell(null));
    }

    @Test
    void tableSpecLookups() {
        DataTableSpec spec = new DataTableSpec(new String[]{"a", "b"}, new DataType[]{DoubleCell.TYPE, IntCell.TYPE});
        assertEquals(1, spec.findColumnIndex("b"));
        assertEquals(-1, spec.findColumnIndex("c"));
        assertTrue(spec.containsName("a"));
        assertEquals("a (#1)", DataTableSpec.getUniqueColumnName(spec, " a "));
        assertEquals("c", DataTableSpec.getUniqueColumnName(spec, "c"));
        assertEquals(spec, new DataTableSpec(new String[]{"a", "b"}, new DataType[]{DoubleCell.TYPE, IntCell.TYPE}));
        assertEquals(2, spec.stream().count());
        assertTrue(spec.containsCompatibleType(IntValue.class));
        assertThrows(IllegalArgumentException.class,
            () -> new DataTableSpec(new DataColumnSpecCreator("a", DoubleCell.TYPE).createSpec(),
                new DataColumnSpecCreator("a", IntCell.TYPE).createSpec()));
        assertThrows(IllegalArgumentException.class, () -> spec.columnsToIndices("zz"));
    }
}
