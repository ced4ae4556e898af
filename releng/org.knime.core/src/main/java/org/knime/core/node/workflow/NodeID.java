package org.knime.core.node.workflow;

import java.util.Objects;

/**
 * The hierarchical ID of a node ("0:3:1"). The stand-in uses it only as the source of progress events.
 */
public class NodeID implements Comparable<NodeID> {

    /** The root ID ("0"). */
    public static final NodeID ROOTID = new NodeID(null, 0);

    private final NodeID m_prefix;

    private final int m_index;

    /**
     * @param prefix the parent ID
     * @param ix the index below the parent
     */
    public NodeID(final NodeID prefix, final int ix) {
        m_prefix = prefix;
        m_index = ix;
    }

    /** @param ix the index below the root */
    public NodeID(final int ix) {
        this(ROOTID, ix);
    }

    /** @return the parent ID (null for the root) */
    public NodeID getPrefix() {
        return m_prefix;
    }

    /** @return whether this is the root */
    public final boolean isRoot() {
        return m_prefix == null;
    }

    /** @return the index below the parent */
    public int getIndex() {
        return m_index;
    }

    /**
     * @param index an index
     * @return the child ID
     */
    public NodeID createChild(final int index) {
        return new NodeID(this, index);
    }

    @Override
    public String toString() {
        return isRoot() ? Integer.toString(m_index) : m_prefix + ":" + m_index;
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof NodeID n && n.m_index == m_index && Objects.equals(n.m_prefix, m_prefix);
    }

    @Override
    public int hashCode() {
        return Objects.hash(m_prefix, m_index);
    }

    @Override
    public int compareTo(final NodeID o) {
        return toString().compareTo(o.toString());
    }
}
