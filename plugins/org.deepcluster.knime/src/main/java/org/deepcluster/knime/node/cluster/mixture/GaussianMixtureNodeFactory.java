package org.deepcluster.knime.node.cluster.mixture;

import org.deepcluster.knime.util.DialogNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the Gaussian Mixture node (description: GaussianMixtureNodeFactory.xml). */
public final class GaussianMixtureNodeFactory extends DialogNodeFactory<GaussianMixtureNodeModel> {

    @Override
    public GaussianMixtureNodeModel createNodeModel() {
        return new GaussianMixtureNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new GaussianMixtureNodeDialog();
    }
}
