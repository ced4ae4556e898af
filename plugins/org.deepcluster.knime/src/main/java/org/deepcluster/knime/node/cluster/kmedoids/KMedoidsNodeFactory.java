package org.deepcluster.knime.node.cluster.kmedoids;

import org.deepcluster.knime.util.DialogNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the k-Medoids node (description: KMedoidsNodeFactory.xml). */
public final class KMedoidsNodeFactory extends DialogNodeFactory<KMedoidsNodeModel> {

    @Override
    public KMedoidsNodeModel createNodeModel() {
        return new KMedoidsNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new KMedoidsNodeDialog();
    }
}
