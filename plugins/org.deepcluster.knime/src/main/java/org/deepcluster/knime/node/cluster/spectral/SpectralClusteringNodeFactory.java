package org.deepcluster.knime.node.cluster.spectral;

import org.deepcluster.knime.util.DialogNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the Spectral Clustering node (description: SpectralClusteringNodeFactory.xml). */
public final class SpectralClusteringNodeFactory extends DialogNodeFactory<SpectralClusteringNodeModel> {

    @Override
    public SpectralClusteringNodeModel createNodeModel() {
        return new SpectralClusteringNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new SpectralClusteringNodeDialog();
    }
}
