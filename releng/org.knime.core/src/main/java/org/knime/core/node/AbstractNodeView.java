package org.knime.core.node;

import java.util.Objects;

/**
 * Base class of node views. The stand-in never opens windows; views exist so that factories compile and their
 * models can be connected in tests.
 *
 * @param <T> the model the view shows
 */
public abstract class AbstractNodeView<T extends AbstractNodeView.ViewableModel> {

    /** Marker for models that views can show (NodeModel implements it). */
    public static interface ViewableModel {
    }

    private final T m_model;

    /** @param viewableModel the model */
    protected AbstractNodeView(final T viewableModel) {
        m_model = Objects.requireNonNull(viewableModel, "Model must not be null");
    }

    /** @return the model */
    protected final T getViewableModel() {
        return m_model;
    }

    /** @return a logger named after the view class */
    public NodeLogger getLogger() {
        return NodeLogger.getLogger(getClass());
    }

    /** Called when the model changed (e.g. after execute or reset). */
    protected abstract void modelChanged();

    /** @param arg an update hint; the default does nothing */
    protected void updateModel(final Object arg) {
        // hook
    }

    /** @param title the view title */
    protected abstract void callOpenView(String title);

    /** Closes the view. */
    protected abstract void callCloseView();
}
