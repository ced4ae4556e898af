package org.deepcluster.knime.node.cluster.dbscan;

import org.deepcluster.knime.util.DialogNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the DBSCAN node (description: DbscanNodeFactory.xml). */
public final class DbscanNodeFactory extends DialogNodeFactory<DbscanNodeModel> {

    @Override
    public DbscanNodeModel createNodeModel() {
        return new DbscanNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new DbscanNodeDialog();
    }
}
