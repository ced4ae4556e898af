package org.knime.core.node;

import java.awt.Component;

/**
 * A classic Swing node view. The stand-in only keeps the component and the open state.
 *
 * @param <T> the model class
 */
public abstract class NodeView<T extends NodeModel> extends AbstractNodeView<T> {

    private Component m_component;

    private boolean m_open;

    private String m_titleSuffix;

    /** @param nodeModel the model */
    protected NodeView(final T nodeModel) {
        super(nodeModel);
    }

    /** @return the model */
    protected T getNodeModel() {
        return getViewableModel();
    }

    /** Called when the view is closed. */
    protected abstract void onClose();

    /** Called when the view is opened. */
    protected abstract void onOpen();

    /** @param title the view title */
    @Override
    protected void callOpenView(final String title) {
        m_open = true;
        onOpen();
        modelChanged();
    }

    /** Closes the view. */
    @Override
    public final void callCloseView() {
        m_open = false;
        onClose();
    }

    /** @return whether the view is open */
    protected final boolean isOpen() {
        return m_open;
    }

    /** @param suffix appended to the view title */
    protected final void setViewTitleSuffix(final String suffix) {
        m_titleSuffix = suffix;
    }

    /** @return the title */
    public final String getViewTitle() {
        return getClass().getSimpleName() + (m_titleSuffix == null ? "" : " " + m_titleSuffix);
    }

    /** @return the view's component */
    protected final Component getComponent() {
        return m_component;
    }

    /** @param comp the view's component */
    protected final void setComponent(final Component comp) {
        m_component = comp;
    }

    /** @param showIt ignored by the stand-in */
    protected final void setShowNODATALabel(final boolean showIt) {
        // no window in the stand-in
    }
}
