package org.deepcluster.batch;

/** Placeholder entry point. */
public final class BatchMain {
    private BatchMain() {
    }

    public static void main(final String[] args) {
        System.out.println(new org.deepcluster.knime.node.clusterer.ClustererNodeFactory().getClass().getName());
        System.out.println(org.deepcluster.core.backend.Nd4jBackend.ensureInitialised());
    }
}
