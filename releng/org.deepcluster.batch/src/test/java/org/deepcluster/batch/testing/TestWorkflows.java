package org.deepcluster.batch.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

import org.deepcluster.batch.testnodes.ImageMakerNodeFactory;
import org.deepcluster.batch.testnodes.TableCreatorNodeFactory;
import org.deepcluster.batch.testnodes.VariableReaderNodeFactory;
import org.deepcluster.batch.workflow.Connection;
import org.deepcluster.batch.workflow.NodeBounds;
import org.deepcluster.batch.workflow.NodeDefinition;
import org.deepcluster.batch.workflow.NodeFactories;
import org.deepcluster.batch.workflow.VariableBinding;
import org.deepcluster.batch.workflow.WorkflowDefinition;
import org.deepcluster.batch.workflow.WorkflowWriter;
import org.deepcluster.batch.workflow.WorkflowWriter.InvalidWorkflowException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.workflow.FlowVariable;

/** Workflows for the tests: the test table creator, the real Clusterer and Clustering Scorer, test helpers. */
public final class TestWorkflows {

    /** The test source node. */
    public static final String TABLE_CREATOR = TableCreatorNodeFactory.class.getName();

    /** The test node that outputs a flow variable's value. */
    public static final String VARIABLE_READER = VariableReaderNodeFactory.class.getName();

    /** The test node with an image output. */
    public static final String IMAGE_MAKER = ImageMakerNodeFactory.class.getName();

    /** The real k-Means node (named "Clusterer" in these test workflows). */
    public static final String CLUSTERER = "org.deepcluster.knime.node.cluster.kmeans.KMeansNodeFactory";

    /** The real Clustering Scorer node. */
    public static final String SCORER = "org.deepcluster.knime.node.scorer.ClusteringScorerNodeFactory";

    /** A fixed creation time, so written files do not depend on the clock. */
    public static final OffsetDateTime CREATED = OffsetDateTime.parse("2026-01-15T10:00:00+01:00");

    private TestWorkflows() {
    }

    /**
     * Table Creator (#1) -> Clusterer (#2, k from workflow variable "k" = 2) -> Clustering Scorer (#3) -> Variable
     * Reader (#4, reads "ARI"); plus Image Maker (#5) on the table creator.
     *
     * @param name the workflow name
     * @return the definition
     */
    public static WorkflowDefinition clusterAndScore(final String name) {
        NodeSettings clusterer = new NodeSettings("model");
        clusterer.addInt("restarts", 3);
        clusterer.addLong("seed", 7);
        NodeSettings scorer = new NodeSettings("model");
        scorer.addString("reference_column", "label");
        scorer.addString("cluster_column", "Cluster");
        NodeSettings reader = new NodeSettings("model");
        reader.addString("variable", "ARI");
        return new WorkflowDefinition(name, "Two groups of points, k-means, scored against the labels.",
            "test author", CREATED, List.of(new FlowVariable("k", 2)),
            List.of(NodeDefinition.of(1, "Table Creator", TABLE_CREATOR, new NodeSettings("model")),
                new NodeDefinition(2, "Clusterer", CLUSTERER, clusterer, NodeBounds.at(300, 100),
                    List.of(VariableBinding.uses("k", "k")), "k-means"),
                NodeDefinition.of(3, "Clustering Scorer", SCORER, scorer),
                NodeDefinition.of(4, "Variable Reader", VARIABLE_READER, reader),
                NodeDefinition.of(5, "Image Maker", IMAGE_MAKER, new NodeSettings("model"))),
            List.of(Connection.of(1, 2), Connection.of(2, 3), Connection.of(3, 4), Connection.of(1, 5)));
    }

    /**
     * @param definition a workflow
     * @param parent the folder to write it into
     * @return the workflow folder (parent/name)
     * @throws IOException if writing fails
     * @throws InvalidWorkflowException if the workflow is invalid
     */
    public static Path write(final WorkflowDefinition definition, final Path parent)
        throws IOException, InvalidWorkflowException {
        Path dir = parent.resolve(definition.name());
        new WorkflowWriter(NodeFactories.onClassPath()).write(definition, dir);
        return dir;
    }
}
