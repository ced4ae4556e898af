package org.knime.core.node.port;

import java.io.IOException;

import javax.swing.JComponent;

/**
 * What is known about a port's data before execution (DataTableSpec for tables).
 */
public interface PortObjectSpec {

    /**
     * Saves and loads specs of one class. Subclasses need a public no-arg constructor.
     *
     * @param <T> the spec class
     */
    abstract static class PortObjectSpecSerializer<T extends PortObjectSpec> {

        /**
         * @param portObjectSpec the spec
         * @param out the stream
         * @throws IOException if writing fails
         */
        public abstract void savePortObjectSpec(T portObjectSpec, PortObjectSpecZipOutputStream out)
            throws IOException;

        /**
         * @param in the stream
         * @return the spec
         * @throws IOException if reading fails
         */
        public abstract T loadPortObjectSpec(PortObjectSpecZipInputStream in) throws IOException;
    }

    /** @return views (the stand-in never shows them) */
    JComponent[] getViews();
}
