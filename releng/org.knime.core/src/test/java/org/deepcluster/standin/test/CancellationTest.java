package org.deepcluster.standin.test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.deepcluster.standin.NodeHarness;
import org.deepcluster.standin.Tables;
import org.junit.jupiter.api.Test;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.workflow.NodeProgress;

/** Progress reporting and cancellation. */
class CancellationTest {

    private static final BufferedDataTable IN = Tables.builder().column("x", DoubleCell.TYPE).row(1.0).build();

    @Test
    void cancelWhenProgressReachesHalf() {
        NodeHarness<SlowNodeModel> h = NodeHarness.forModel(new SlowNodeModel())
            .cancelWhen(p -> p.hasProgress() && p.getProgress() >= 0.5);
        assertThrows(CanceledExecutionException.class, () -> h.execute(IN));
        assertEquals(50, h.model().m_stepsDone, "the next checkCanceled after the cancel throws");
    }

    @Test
    void subProgressMapsOntoTheParent() throws Exception {
        NodeHarness<SlowNodeModel> h = NodeHarness.forModel(new SlowNodeModel());
        h.execute(IN);
        List<NodeProgress> events = h.progressEvents();
        NodeProgress quarter = events.stream().filter(p -> "first half, step 25".equals(p.getMessage()))
            .findFirst().orElseThrow();
        assertEquals(0.25, quarter.getProgress(), 1e-9, "step 25 of 50 in a 0.5 sub-progress is 25 %");
        assertEquals(1.0, events.get(events.size() - 1).getProgress(), 1e-9);
        assertEquals("step 100", events.get(events.size() - 1).getMessage());
    }

    @Test
    void cancelFromAnotherThread() throws Exception {
        NodeHarness<SlowNodeModel> h = NodeHarness.forModel(new SlowNodeModel());
        Object lock = new Object();
        h.cancelWhen(p -> {
            if (p.hasProgress() && p.getProgress() >= 0.3) {
                Thread t = new Thread(h::cancel);
                t.start();
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return false;
        });
        synchronized (lock) {
            assertThrows(CanceledExecutionException.class, () -> h.execute(IN));
        }
        assertTrue(h.model().m_stepsDone < 100);
    }

    @Test
    void monitorBasics() {
        ExecutionMonitor exec = new ExecutionMonitor();
        exec.setProgress(0.4, "working");
        assertEquals(0.4, exec.getProgressMonitor().getProgress());
        assertEquals("working", exec.getProgressMonitor().getMessage());
        exec.setProgress(1.5);
        assertEquals(0.4, exec.getProgressMonitor().getProgress(), "values outside [0, 1] are ignored");
        ExecutionMonitor silent = exec.createSilentSubProgress(0.5);
        silent.setProgress(1.0, "hidden");
        assertEquals(0.9, exec.getProgressMonitor().getProgress(), 1e-9);
        assertEquals("working", exec.getProgressMonitor().getMessage());
        exec.getProgressMonitor().setExecuteCanceled();
        assertThrows(CanceledExecutionException.class, exec::checkCanceled);
        assertThrows(CanceledExecutionException.class, silent::checkCanceled);
        ExecutionMonitor nonCancelable = exec.createNonCancelableSubProgress();
        assertDoesNotThrow(nonCancelable::checkCanceled);
        nonCancelable.setProgress(0.95, "finishing");
        assertEquals(0.95, exec.getProgressMonitor().getProgress(), "reports straight to its parent");
    }
}
