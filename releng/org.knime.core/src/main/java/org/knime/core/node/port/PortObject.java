package org.knime.core.node.port;

import java.io.IOException;

import javax.swing.JComponent;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/**
 * The data at a node port after execution (a table, a model, ...).
 */
public interface PortObject {

    /** The most general port type. */
    PortType TYPE = PortTypeRegistry.getInstance().getPortType(PortObject.class);

    /** The most general optional port type. */
    PortType TYPE_OPTIONAL = PortTypeRegistry.getInstance().getPortType(PortObject.class, true);

    /**
     * Saves and loads port objects of one class. Subclasses need a public no-arg constructor.
     *
     * @param <T> the object class
     */
    abstract static class PortObjectSerializer<T extends PortObject> {

        /**
         * @param portObject the object
         * @param out the stream
         * @param exec for progress and cancellation
         * @throws IOException if writing fails
         * @throws CanceledExecutionException if canceled
         */
        public abstract void savePortObject(T portObject, PortObjectZipOutputStream out, ExecutionMonitor exec)
            throws IOException, CanceledExecutionException;

        /**
         * @param in the stream
         * @param spec the object's spec (loaded before)
         * @param exec for progress and cancellation
         * @return the object
         * @throws IOException if reading fails
         * @throws CanceledExecutionException if canceled
         */
        public abstract T loadPortObject(PortObjectZipInputStream in, PortObjectSpec spec, ExecutionMonitor exec)
            throws IOException, CanceledExecutionException;
    }

    /** @return a short description, e.g. "Rows: 10, Cols: 3" */
    String getSummary();

    /** @return the spec of this object */
    PortObjectSpec getSpec();

    /** @return views (the stand-in never shows them) */
    JComponent[] getViews();
}
