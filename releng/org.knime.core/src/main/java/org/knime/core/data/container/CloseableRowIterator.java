package org.knime.core.data.container;

import java.io.Closeable;
import java.util.Collections;
import java.util.Iterator;

import org.knime.core.data.DataRow;
import org.knime.core.data.RowIterator;

/**
 * A row iterator that should be closed when not read to the end (use try-with-resources).
 */
public abstract class CloseableRowIterator extends RowIterator implements Closeable {

    /** @return an iterator without rows */
    public static CloseableRowIterator empty() {
        return wrap(Collections.emptyIterator());
    }

    /**
     * @param delegate rows
     * @return an iterator over them whose close does nothing
     */
    public static CloseableRowIterator wrap(final Iterator<? extends DataRow> delegate) {
        return from(delegate, () -> {
        });
    }

    /**
     * @param iterator rows
     * @return the iterator itself if already closeable, else a wrapper (closing it if it is AutoCloseable)
     */
    public static CloseableRowIterator from(final Iterator<? extends DataRow> iterator) {
        if (iterator instanceof CloseableRowIterator c) {
            return c;
        }
        return iterator instanceof AutoCloseable a ? from(iterator, a) : wrap(iterator);
    }

    /**
     * @param delegate rows
     * @param closeAction run on close
     * @return the iterator
     */
    public static CloseableRowIterator from(final Iterator<? extends DataRow> delegate,
        final AutoCloseable closeAction) {
        return new CloseableRowIterator() {
            @Override
            public boolean hasNext() {
                return delegate.hasNext();
            }

            @Override
            public DataRow next() {
                return delegate.next();
            }

            @Override
            public void close() {
                try {
                    closeAction.close();
                } catch (Exception e) { // NOSONAR close() may not throw checked exceptions
                    throw new IllegalStateException(e.getMessage(), e);
                }
            }
        };
    }

    /** Releases resources; never throws a checked exception. */
    @Override
    public abstract void close();
}
