package org.deepcluster.batch.testnodes;

/** Test node: a one-row table with the value of a flow variable (description: VariableReaderNodeFactory.xml). */
public final class VariableReaderNodeFactory extends TestNodeFactory<VariableReaderNodeModel> {

    @Override
    public VariableReaderNodeModel createNodeModel() {
        return new VariableReaderNodeModel();
    }
}
