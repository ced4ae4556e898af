package org.deepcluster.knime.node.cluster.kmeans;

import org.deepcluster.knime.util.DialogNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the k-Means node (description: KMeansNodeFactory.xml). */
public final class KMeansNodeFactory extends DialogNodeFactory<KMeansNodeModel> {

    @Override
    public KMeansNodeModel createNodeModel() {
        return new KMeansNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new KMeansNodeDialog();
    }
}
