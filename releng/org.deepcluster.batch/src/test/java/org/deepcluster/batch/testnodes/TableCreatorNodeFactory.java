package org.deepcluster.batch.testnodes;

/** Test source node: a small table typed in its settings (description: TableCreatorNodeFactory.xml). */
public final class TableCreatorNodeFactory extends TestNodeFactory<TableCreatorNodeModel> {

    @Override
    public TableCreatorNodeModel createNodeModel() {
        return new TableCreatorNodeModel();
    }
}
