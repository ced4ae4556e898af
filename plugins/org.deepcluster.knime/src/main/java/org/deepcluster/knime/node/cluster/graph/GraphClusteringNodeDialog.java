package org.deepcluster.knime.node.cluster.graph;

import javax.swing.JComboBox;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;

import org.deepcluster.core.cluster.graph.CommunityDetection;
import org.deepcluster.knime.node.cluster.ClusteringNodeDialog;
import org.deepcluster.knime.util.DialogFields;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;

/** Dialog of the Graph Clustering (Leiden/Louvain) node. */
final class GraphClusteringNodeDialog extends ClusteringNodeDialog<GraphClusteringSettings> {

    private final JComboBox<CommunityDetection.Method> method = new JComboBox<>(CommunityDetection.Method.values());
    private final JSpinner neighbours = new JSpinner(new SpinnerNumberModel(20, 1, Integer.MAX_VALUE, 1));
    private final JTextField resolution = new JTextField(10);
    private final JSpinner iterations = new JSpinner(new SpinnerNumberModel(10, 1, 100_000, 1));
    private final JTextField prune = new JTextField(10);
    private final JTextField seed = new JTextField(10);

    GraphClusteringNodeDialog() {
        super(GraphClusteringSettings::new);
        algorithmForm().addRow(GraphClusteringSettings.LABEL_METHOD, method)
            .addRow(GraphClusteringSettings.LABEL_NEIGHBOURS, neighbours)
            .addRow(GraphClusteringSettings.LABEL_RESOLUTION, resolution)
            .addRow(GraphClusteringSettings.LABEL_ITERATIONS, iterations)
            .addRow(GraphClusteringSettings.LABEL_PRUNE, prune)
            .addRow(GraphClusteringSettings.LABEL_SEED, seed);
    }

    @Override
    protected void loadAlgorithm(final GraphClusteringSettings s, final DataTableSpec spec) {
        method.setSelectedItem(s.method);
        neighbours.setValue(s.neighbours);
        resolution.setText(Double.toString(s.resolution));
        iterations.setValue(s.iterations);
        prune.setText(Double.toString(s.prune));
        seed.setText(Long.toString(s.seed));
    }

    @Override
    protected void saveAlgorithm(final GraphClusteringSettings s) throws InvalidSettingsException {
        s.method = (CommunityDetection.Method)method.getSelectedItem();
        s.neighbours = (Integer)neighbours.getValue();
        s.resolution = DialogFields.parseDouble(resolution.getText(), GraphClusteringSettings.LABEL_RESOLUTION);
        s.iterations = (Integer)iterations.getValue();
        s.prune = DialogFields.parseDouble(prune.getText(), GraphClusteringSettings.LABEL_PRUNE);
        s.seed = DialogFields.parseLong(seed.getText(), GraphClusteringSettings.LABEL_SEED);
    }
}
