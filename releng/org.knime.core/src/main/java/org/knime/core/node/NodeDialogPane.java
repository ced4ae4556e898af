package org.knime.core.node;

import java.awt.BorderLayout;
import java.awt.Component;
import java.util.ArrayList;
import java.util.List;

import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.port.PortObjectSpec;

/**
 * A classic Swing node dialog: tabs of components that load and save the node's settings. In the stand-in the
 * panel is built (so dialogs can be tested headlessly as long as they create no windows) but never shown.
 */
public abstract class NodeDialogPane {

    private final JPanel m_panel = new JPanel(new BorderLayout());

    private final JTabbedPane m_tabs = new JTabbedPane();

    /** Creates the (empty) tabbed panel. */
    protected NodeDialogPane() {
        m_panel.add(m_tabs, BorderLayout.CENTER);
    }

    /** @return a logger named after the dialog class */
    protected final NodeLogger getLogger() {
        return NodeLogger.getLogger(getClass());
    }

    /** @return the panel holding the tabs */
    public final JPanel getPanel() {
        return m_panel;
    }

    /**
     * Default: casts the specs to {@link DataTableSpec} and calls the DataTableSpec variant.
     *
     * @param settings the current settings
     * @param specs the input specs (null if unknown)
     * @throws NotConfigurableException if the dialog cannot be opened
     */
    protected void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        DataTableSpec[] tableSpecs = new DataTableSpec[specs.length];
        for (int i = 0; i < specs.length; i++) {
            if (specs[i] != null && !(specs[i] instanceof DataTableSpec)) {
                throw new NotConfigurableException("Input Port " + i + " does not hold data table specs. "
                    + "Likely reason: wrong version of loadSettingsFrom() overwritten!");
            }
            tableSpecs[i] = (DataTableSpec)specs[i];
        }
        loadSettingsFrom(settings, tableSpecs);
    }

    /**
     * @param settings the current settings
     * @param specs the input table specs
     * @throws NotConfigurableException if the dialog cannot be opened
     */
    protected void loadSettingsFrom(final NodeSettingsRO settings, final DataTableSpec[] specs)
        throws NotConfigurableException {
        throw new NotConfigurableException("NodeDialogPane.loadSettingsFrom() implementation missing!");
    }

    /** Called when the dialog is canceled. */
    public void onCancel() {
        // hook
    }

    /** Called when the dialog is closed. */
    public void onClose() {
        // hook
    }

    /** Called when the dialog is opened. */
    public void onOpen() {
        // hook
    }

    /**
     * @param settings receives the dialog's settings
     * @throws InvalidSettingsException if the user's input is invalid
     */
    protected abstract void saveSettingsTo(NodeSettingsWO settings) throws InvalidSettingsException;

    /**
     * @param settings receives the dialog's settings
     * @throws InvalidSettingsException if the user's input is invalid
     */
    public final void finishEditingAndSaveSettingsTo(final NodeSettingsWO settings)
        throws InvalidSettingsException {
        saveSettingsTo(settings);
    }

    /**
     * @param title tab title
     * @param comp tab content (wrapped in a scroll pane)
     */
    protected final void addTab(final String title, final Component comp) {
        addTab(title, comp, true);
    }

    /**
     * @param title tab title
     * @param comp tab content
     * @param wrapInScrollPane whether to wrap it in a scroll pane
     */
    protected final void addTab(final String title, final Component comp, final boolean wrapInScrollPane) {
        addTabAt(m_tabs.getTabCount(), title, comp, wrapInScrollPane);
    }

    /**
     * @param index position
     * @param title tab title
     * @param comp tab content
     * @return the index
     */
    protected final int addTabAt(final int index, final String title, final Component comp) {
        return addTabAt(index, title, comp, true);
    }

    /**
     * @param index position
     * @param title tab title
     * @param comp tab content
     * @param wrapInScrollPane whether to wrap it in a scroll pane
     * @return the index
     */
    protected final int addTabAt(final int index, final String title, final Component comp,
        final boolean wrapInScrollPane) {
        if (getTabIndex(title) >= 0) {
            throw new IllegalArgumentException("Tab \"" + title + "\" already exists");
        }
        m_tabs.insertTab(title, null, wrapInScrollPane ? new JScrollPane(comp) : comp, null, index);
        return index;
    }

    /**
     * @param oldName current title
     * @param newName new title
     */
    protected final void renameTab(final String oldName, final String newName) {
        int i = getTabIndex(oldName);
        if (i >= 0) {
            m_tabs.setTitleAt(i, newName);
        }
    }

    /**
     * @param enabled whether the tab is enabled
     * @param tabTitle the tab
     */
    protected final void setEnabled(final boolean enabled, final String tabTitle) {
        int i = getTabIndex(tabTitle);
        if (i >= 0) {
            m_tabs.setEnabledAt(i, enabled);
        }
    }

    /**
     * @param tabTitle the tab
     * @return whether it exists (and is now selected)
     */
    protected final boolean setSelected(final String tabTitle) {
        int i = getTabIndex(tabTitle);
        if (i >= 0) {
            m_tabs.setSelectedIndex(i);
        }
        return i >= 0;
    }

    /**
     * @param title the tab
     * @return its component (as added) or null
     */
    protected final Component getTab(final String title) {
        int i = getTabIndex(title);
        if (i < 0) {
            return null;
        }
        Component c = m_tabs.getComponentAt(i);
        return c instanceof JScrollPane s ? s.getViewport().getView() : c;
    }

    /** @param name the tab to remove */
    protected final void removeTab(final String name) {
        int i = getTabIndex(name);
        if (i >= 0) {
            m_tabs.removeTabAt(i);
        }
    }

    /**
     * @param title the tab
     * @return its index or -1
     */
    protected final int getTabIndex(final String title) {
        return m_tabs.indexOfTab(title);
    }

    /** @return the tab titles in order */
    protected final List<String> getTabTitles() {
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < m_tabs.getTabCount(); i++) {
            titles.add(m_tabs.getTitleAt(i));
        }
        return titles;
    }

    /** @return whether ESC closes the dialog */
    public boolean closeOnESC() {
        return true;
    }
}
