package org.deepcluster.standin.test;

import java.io.File;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/** Test node: 100 steps, each checks cancellation and reports progress, half of them in a sub-progress. */
public class SlowNodeModel extends NodeModel {

    volatile int m_stepsDone;

    /** One table in, one table out (the input). */
    public SlowNodeModel() {
        super(1, 1);
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) {
        return inSpecs;
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        ExecutionMonitor first = exec.createSubProgress(0.5);
        for (int i = 1; i <= 50; i++) {
            first.checkCanceled();
            first.setProgress(i / 50.0, "first half, step " + i);
            m_stepsDone = i;
        }
        for (int i = 51; i <= 100; i++) {
            exec.checkCanceled();
            exec.setProgress(i / 100.0, "step " + i);
            m_stepsDone = i;
        }
        return inData;
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        // none
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) {
        // none
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) {
        // none
    }

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // none
    }

    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // none
    }

    @Override
    protected void reset() {
        m_stepsDone = 0;
    }
}
