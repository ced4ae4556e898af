package org.deepcluster.knime.node.cluster.som;

import org.deepcluster.knime.util.DialogNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the Self-Organizing Map node (description: SelfOrganizingMapNodeFactory.xml). */
public final class SelfOrganizingMapNodeFactory extends DialogNodeFactory<SelfOrganizingMapNodeModel> {

    @Override
    public SelfOrganizingMapNodeModel createNodeModel() {
        return new SelfOrganizingMapNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new SelfOrganizingMapNodeDialog();
    }
}
