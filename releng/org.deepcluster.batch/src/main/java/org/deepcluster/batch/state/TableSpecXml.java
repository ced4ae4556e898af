package org.deepcluster.batch.state;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnDomain;
import org.knime.core.data.DataColumnDomainCreator;
import org.knime.core.data.DataColumnProperties;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.config.base.ConfigBase;

/**
 * A table spec (name, columns with type, domain, element names and properties) as an XMLConfig, so that a table
 * restored from executed state has exactly the spec the node produced, domain included.
 */
public final class TableSpecXml {

    private TableSpecXml() {
    }

    /**
     * @param spec the spec
     * @return the config (key "table_spec")
     * @throws UnsupportedDataException if a domain holds cells that cannot be stored
     */
    public static NodeSettings save(final DataTableSpec spec) throws UnsupportedDataException {
        NodeSettings s = new NodeSettings("table_spec");
        s.addString("name", spec.getName());
        s.addInt("column_count", spec.getNumColumns());
        for (int i = 0; i < spec.getNumColumns(); i++) {
            DataColumnSpec c = spec.getColumnSpec(i);
            ConfigBase col = s.addConfigBase("column_" + i);
            col.addString("name", c.getName());
            col.addString("cell_class", c.getType().getCellClass().getName());
            col.addStringArray("element_names", c.getElementNames().toArray(String[]::new));
            DataColumnDomain d = c.getDomain();
            ConfigBase domain = col.addConfigBase("domain");
            if (d.hasValues()) {
                ConfigBase values = domain.addConfigBase("values");
                int j = 0;
                for (DataCell v : d.getValues()) {
                    saveCell(values.addConfigBase("value_" + j++), v);
                }
            }
            if (d.hasLowerBound()) {
                saveCell(domain.addConfigBase("lower"), d.getLowerBound());
            }
            if (d.hasUpperBound()) {
                saveCell(domain.addConfigBase("upper"), d.getUpperBound());
            }
            ConfigBase props = col.addConfigBase("properties");
            DataColumnProperties p = c.getProperties();
            for (Enumeration<String> keys = p.properties(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                ConfigBase prop = props.addConfigBase("property_" + props.keySet().size());
                prop.addString("key", key);
                prop.addString("value", p.getProperty(key));
            }
        }
        return s;
    }

    private static void saveCell(final ConfigBase target, final DataCell cell) throws UnsupportedDataException {
        target.addString("cell_class", cell.getClass().getName());
        target.addString("value", CellCodec.encode(cell));
    }

    private static DataCell loadCell(final ConfigBase source) throws InvalidSettingsException,
        UnsupportedDataException {
        return CellCodec.decode(source.getString("cell_class"), source.getString("value"));
    }

    /**
     * @param s a config written by {@link #save}
     * @return the spec
     * @throws InvalidSettingsException if entries are missing
     * @throws UnsupportedDataException if a type is unknown
     */
    public static DataTableSpec load(final ConfigBase s) throws InvalidSettingsException, UnsupportedDataException {
        int n = s.getInt("column_count");
        DataColumnSpec[] columns = new DataColumnSpec[n];
        for (int i = 0; i < n; i++) {
            ConfigBase col = s.getConfigBase("column_" + i);
            DataColumnSpecCreator creator =
                new DataColumnSpecCreator(col.getString("name"), CellCodec.type(col.getString("cell_class")));
            creator.setElementNames(col.getStringArray("element_names"));
            ConfigBase domain = col.getConfigBase("domain");
            Set<DataCell> values = null;
            if (domain.containsKey("values")) {
                values = new LinkedHashSet<>();
                ConfigBase v = domain.getConfigBase("values");
                for (String key : v.keySet()) {
                    values.add(loadCell(v.getConfigBase(key)));
                }
            }
            DataCell lower = domain.containsKey("lower") ? loadCell(domain.getConfigBase("lower")) : null;
            DataCell upper = domain.containsKey("upper") ? loadCell(domain.getConfigBase("upper")) : null;
            creator.setDomain(new DataColumnDomainCreator(values, lower, upper).createDomain());
            ConfigBase props = col.getConfigBase("properties");
            Map<String, String> map = new LinkedHashMap<>();
            for (String key : props.keySet()) {
                ConfigBase prop = props.getConfigBase(key);
                map.put(prop.getString("key"), prop.getString("value"));
            }
            creator.setProperties(new DataColumnProperties(map));
            columns[i] = creator.createSpec();
        }
        return new DataTableSpec(s.getString("name"), columns);
    }

    /**
     * @param spec a spec
     * @return the cell class names of its columns
     */
    public static List<String> cellClasses(final DataTableSpec spec) {
        List<String> result = new ArrayList<>();
        for (DataColumnSpec c : spec) {
            result.add(c.getType().getCellClass().getName());
        }
        return result;
    }
}
