package org.deepcluster.batch.workflow;

/**
 * A connection between two nodes, in <em>data</em> port numbers: the first data port of a node is 0. KNIME's
 * workflow.knime counts the hidden flow-variable port as port 0, so data port {@code p} is written there as
 * {@code p + 1}; {@link #FLOW_VARIABLE_PORT} (-1 here, 0 in the file) stands for the flow-variable port itself.
 *
 * @param sourceId the id of the node whose output is used
 * @param sourcePort its data output port (0-based), or {@link #FLOW_VARIABLE_PORT}
 * @param destId the id of the node that reads it
 * @param destPort its data input port (0-based), or {@link #FLOW_VARIABLE_PORT}
 */
public record Connection(int sourceId, int sourcePort, int destId, int destPort) {

    /** The hidden flow-variable port of every node (only connects to another flow-variable port). */
    public static final int FLOW_VARIABLE_PORT = -1;

    /** The offset between data port numbers and the port numbers in workflow.knime. */
    public static final int FILE_PORT_OFFSET = 1;

    /**
     * @param sourceId the source node
     * @param destId the destination node
     * @return a connection from the first data output of one node to the first data input of another
     */
    public static Connection of(final int sourceId, final int destId) {
        return new Connection(sourceId, 0, destId, 0);
    }

    /**
     * @param sourceId the source node
     * @param destId the destination node
     * @return a connection between the flow-variable ports (it passes flow variables and orders execution)
     */
    public static Connection flowVariables(final int sourceId, final int destId) {
        return new Connection(sourceId, FLOW_VARIABLE_PORT, destId, FLOW_VARIABLE_PORT);
    }

    /** @return whether this connects the flow-variable ports */
    public boolean isFlowVariableConnection() {
        return sourcePort == FLOW_VARIABLE_PORT && destPort == FLOW_VARIABLE_PORT;
    }

    /**
     * @param dataPort a data port number (or {@link #FLOW_VARIABLE_PORT})
     * @return the port number in workflow.knime
     */
    public static int toFilePort(final int dataPort) {
        return dataPort + FILE_PORT_OFFSET;
    }

    /**
     * @param filePort a port number from workflow.knime
     * @return the data port number (or {@link #FLOW_VARIABLE_PORT} for 0)
     */
    public static int toDataPort(final int filePort) {
        return filePort - FILE_PORT_OFFSET;
    }

    @Override
    public String toString() {
        return "#" + sourceId + ":" + portName(sourcePort) + " -> #" + destId + ":" + portName(destPort);
    }

    private static String portName(final int port) {
        return port == FLOW_VARIABLE_PORT ? "flow variables" : "port " + port;
    }
}
