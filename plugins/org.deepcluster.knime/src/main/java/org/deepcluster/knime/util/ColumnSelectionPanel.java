package org.deepcluster.knime.util;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.GridLayout;
import java.util.ArrayList;
import java.util.List;

import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.ButtonGroup;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JRadioButton;
import javax.swing.JScrollPane;

import org.knime.core.data.DataTableSpec;

/**
 * Dialog panel that selects numeric columns: either "all numeric columns" (follows the input table) or a manual
 * include list edited with two lists and move buttons. Columns in the saved include list that the current input
 * lacks are kept in the include list, so that reconnecting a table does not silently lose the selection; the node
 * reports them by name when it is configured.
 */
public final class ColumnSelectionPanel extends JPanel {

    private static final long serialVersionUID = 1L;

    private final JRadioButton allNumeric = new JRadioButton("All numeric columns");
    private final JRadioButton manual = new JRadioButton("Manual selection");
    private final DefaultListModel<String> available = new DefaultListModel<>();
    private final DefaultListModel<String> included = new DefaultListModel<>();
    private final JList<String> availableList = new JList<>(available);
    private final JList<String> includedList = new JList<>(included);
    private final JButton add = new JButton("add >>");
    private final JButton remove = new JButton("<< remove");

    /** @param title the border title (the setting's label) */
    public ColumnSelectionPanel(final String title) {
        super(new BorderLayout());
        setBorder(BorderFactory.createTitledBorder(title));
        final ButtonGroup group = new ButtonGroup();
        group.add(allNumeric);
        group.add(manual);
        final JPanel modes = new JPanel(new GridLayout(1, 2));
        modes.add(allNumeric);
        modes.add(manual);
        add(modes, BorderLayout.NORTH);

        final JPanel buttons = new JPanel();
        buttons.setLayout(new BoxLayout(buttons, BoxLayout.Y_AXIS));
        buttons.add(add);
        buttons.add(remove);
        final JPanel lists = new JPanel(new BorderLayout());
        lists.add(scroll(availableList, "Available numeric columns"), BorderLayout.WEST);
        lists.add(buttons, BorderLayout.CENTER);
        lists.add(scroll(includedList, "Included"), BorderLayout.EAST);
        add(lists, BorderLayout.CENTER);

        add.addActionListener(e -> move(availableList, available, included));
        remove.addActionListener(e -> move(includedList, included, available));
        allNumeric.addActionListener(e -> updateEnabled());
        manual.addActionListener(e -> updateEnabled());
    }

    private static JScrollPane scroll(final JList<String> list, final String title) {
        final JScrollPane pane = new JScrollPane(list);
        pane.setBorder(BorderFactory.createTitledBorder(title));
        pane.setPreferredSize(new Dimension(200, 160));
        return pane;
    }

    private static void move(final JList<String> from, final DefaultListModel<String> source,
        final DefaultListModel<String> target) {
        for (final String name : from.getSelectedValuesList()) {
            source.removeElement(name);
            target.addElement(name);
        }
    }

    private void updateEnabled() {
        final boolean m = manual.isSelected();
        availableList.setEnabled(m);
        includedList.setEnabled(m);
        add.setEnabled(m);
        remove.setEnabled(m);
    }

    /**
     * Shows a selection for a table.
     *
     * @param spec the input table spec
     * @param useAllNumeric whether "all numeric columns" is selected
     * @param includedNames the manually included columns
     */
    public void load(final DataTableSpec spec, final boolean useAllNumeric, final List<String> includedNames) {
        available.clear();
        included.clear();
        final List<String> numeric = NumericColumns.allNumeric(spec);
        for (final String name : includedNames) {
            included.addElement(name);
        }
        for (final String name : numeric) {
            if (!includedNames.contains(name)) {
                available.addElement(name);
            }
        }
        allNumeric.setSelected(useAllNumeric);
        manual.setSelected(!useAllNumeric);
        updateEnabled();
    }

    /** @return whether "all numeric columns" is selected */
    public boolean isAllNumeric() {
        return allNumeric.isSelected();
    }

    /** @return the manually included columns, in list order */
    public List<String> includedColumns() {
        final List<String> names = new ArrayList<>();
        for (int i = 0; i < included.size(); i++) {
            names.add(included.get(i));
        }
        return names;
    }
}
