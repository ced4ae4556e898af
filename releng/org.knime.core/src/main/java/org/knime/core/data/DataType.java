package org.knime.core.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The type of a column: a cell class and the {@link DataValue} interfaces it implements. The first implemented value
 * interface is the preferred one and names the type ("Number (Float)" for DoubleCell, as in KNIME 5).
 * Only native (cell class based) types exist in the stand-in; collection and adapter types are not supported.
 */
public final class DataType {

    private static final Map<Class<? extends DataCell>, DataType> TYPES = new ConcurrentHashMap<>();

    /** Type names of KNIME's value interfaces (what KNIME's utility factories report). */
    private static final Map<Class<? extends DataValue>, String> VALUE_NAMES = Map.of(
        DoubleValue.class, "Number (Float)",
        IntValue.class, "Number (Integer)",
        LongValue.class, "Number (Long Integer)",
        StringValue.class, "String",
        BooleanValue.class, "Boolean");

    private static final MissingCell MISSING = new MissingCell(null);

    private final Class<? extends DataCell> m_cellClass;

    private final List<Class<? extends DataValue>> m_valueClasses;

    private DataType(final Class<? extends DataCell> cellClass) {
        m_cellClass = cellClass;
        Set<Class<? extends DataValue>> values = new LinkedHashSet<>();
        collectValueInterfaces(cellClass, values);
        m_valueClasses = Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** Depth-first over the class, its interfaces, then its superclass: the first found is the preferred one. */
    @SuppressWarnings("unchecked")
    private static void collectValueInterfaces(final Class<?> c, final Set<Class<? extends DataValue>> out) {
        if (c == null || c == Object.class) {
            return;
        }
        for (Class<?> i : c.getInterfaces()) {
            if (DataValue.class.isAssignableFrom(i) && i != DataValue.class) {
                out.add((Class<? extends DataValue>)i);
                collectValueInterfaces(i, out);
            }
        }
        collectValueInterfaces(c.getSuperclass(), out);
    }

    /**
     * @param cell a cell class
     * @return its type (one shared instance per class)
     */
    public static DataType getType(final Class<? extends DataCell> cell) {
        Objects.requireNonNull(cell, "Cell class must not be null");
        return TYPES.computeIfAbsent(cell, DataType::new);
    }

    /** @return the shared missing cell */
    public static DataCell getMissingCell() {
        return MISSING;
    }

    /**
     * @param type1 a type
     * @param type2 another type
     * @return the more general of both if one is a super type of the other, else the most general type (the
     *         stand-in does not build KNIME's non-native types of the common value interfaces)
     */
    public static DataType getCommonSuperType(final DataType type1, final DataType type2) {
        if (type1.isASuperTypeOf(type2)) {
            return type1;
        }
        if (type2.isASuperTypeOf(type1)) {
            return type2;
        }
        return getType(DataCell.class);
    }

    /** @return whether this is the type of the missing cell */
    public boolean isMissingValueType() {
        return MissingValue.class.isAssignableFrom(m_cellClass);
    }

    /** @return null: the stand-in has no collection types */
    public DataType getCollectionElementType() {
        return null;
    }

    /** @return false: the stand-in has no collection types */
    public boolean isCollectionType() {
        return false;
    }

    /** @return the first value interface of the cell class (or DataValue if it implements none) */
    public Class<? extends DataValue> getPreferredValueClass() {
        return m_valueClasses.isEmpty() ? DataValue.class : m_valueClasses.get(0);
    }

    /** @return the value interfaces of the cell class, preferred first */
    public List<Class<? extends DataValue>> getValueClasses() {
        return m_valueClasses;
    }

    /**
     * @param type another type
     * @return whether cells of {@code type} may be put into a column of this type (missing cells fit everywhere)
     */
    public boolean isASuperTypeOf(final DataType type) {
        if (type == null) {
            return false;
        }
        if (equals(type) || type.isMissingValueType() || m_cellClass == DataCell.class) {
            return true;
        }
        return type.m_valueClasses.containsAll(m_valueClasses);
    }

    /**
     * @param valueClass a value interface
     * @return whether cells of this type implement it
     */
    public boolean isCompatible(final Class<? extends DataValue> valueClass) {
        return valueClass.isAssignableFrom(m_cellClass);
    }

    /** @return the cell class */
    public Class<? extends DataCell> getCellClass() {
        return m_cellClass;
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof DataType t && t.m_cellClass == m_cellClass;
    }

    @Override
    public int hashCode() {
        return m_cellClass.hashCode();
    }

    /** @return the display name, e.g. "Number (Integer)" */
    public String getName() {
        String name = VALUE_NAMES.get(getPreferredValueClass());
        return name != null ? name : m_cellClass.getSimpleName();
    }

    @Override
    public String toString() {
        return getName();
    }

    /** @return the fully qualified cell class name */
    public String getIdentifier() {
        return m_cellClass.getName();
    }
}
