package org.deepcluster.knime.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.deepcluster.core.backend.Nd4jBackend;
import org.deepcluster.core.cluster.spectral.SpectralClustering;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.progress.Progress;
import org.deepcluster.knime.util.NumericColumns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Runs ND4J and Smile code from the node bundle inside Equinox, the way KNIME loads it: library bundle plus
 * linux-x86_64 native fragment, and a <b>hostile thread context class loader</b>. tycho-surefire's own context
 * loader sees every bundle, which would hide the ND4J backend-discovery problem that breaks inside KNIME; so the
 * context loader is set to null before ND4J is first touched.
 */
public class LibrariesInOsgiTest {

    private static ClassLoader previous;

    @BeforeAll
    static void hostileContextClassLoader() {
        previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(null);
    }

    @AfterAll
    static void restore() {
        Thread.currentThread().setContextClassLoader(previous);
    }

    @Test
    public void runsInsideOsgiWithTheNativeFragment() {
        final Bundle nodes = FrameworkUtil.getBundle(NumericColumns.class);
        assertNotNull(nodes, "the node bundle must be loaded by OSGi, not from a flat class path");
        assertEquals("org.deepcluster.knime", nodes.getSymbolicName());
        final Bundle libs = FrameworkUtil.getBundle(Nd4j.class);
        assertNotNull(libs);
        assertEquals("org.deepcluster.libs", libs.getSymbolicName());
        // The natives fragment must be attached to the library bundle (a fragment with a wrong platform filter or
        // host would be installed but not wired, and the natives would be missing at run time).
        final List<BundleWire> fragments = libs.adapt(BundleWiring.class).getProvidedWires(HostNamespace.HOST_NAMESPACE);
        final List<String> attached = fragments.stream().map(w -> w.getRequirer().getSymbolicName()).toList();
        assertEquals(List.of("org.deepcluster.libs.linux.x86_64"), attached);
    }

    @Test
    public void nd4jComputesWithAHostileContextClassLoader() {
        final String backend = Nd4jBackend.ensureInitialised();
        assertTrue(backend.startsWith("CpuBackend"), backend);
        final INDArray a = Nd4j.create(new float[]{1, 2, 3, 4}, new long[]{2, 2});
        final INDArray product = a.mmul(a);
        assertEquals(7f, product.getFloat(0, 0), 1e-6);
        assertEquals(22f, product.getFloat(1, 1), 1e-6);
    }

    @Test
    public void smileNativeAlgorithmsLoadOpenBlasAndArpackFromTheFragment() {
        final Random random = new Random(1);
        final double[][] x = new double[300][];
        for (int i = 0; i < x.length; i++) {
            final double centre = (i % 3) * 10;
            x[i] = new double[]{centre + random.nextGaussian(), centre + random.nextGaussian()};
        }
        // Gaussian mixture uses OpenBLAS, spectral clustering uses ARPACK: both natives come from the fragment.
        final var mixture = smile.stat.distribution.MultivariateGaussianMixture.fit(3, x);
        assertEquals(3, mixture.components.length);
        final var spectral = smile.clustering.SpectralClustering.fit(x, 3, 1.0);
        assertEquals(3, spectral.k);
    }

    @Test
    public void engineSpectralClusteringCallsArpackFromTheFragment() {
        // 900 rows: more than the engine's dense-solver limit, so it calls ARPACK's dsaupd/dseupd directly.
        final Random random = new Random(2);
        final double[] values = new double[900 * 2];
        for (int i = 0; i < 900; i++) {
            values[2 * i] = (i % 3) * 10 + random.nextGaussian();
            values[2 * i + 1] = random.nextGaussian();
        }
        final var model = SpectralClustering.fit(Matrix.wrap(900, 2, values),
            SpectralClustering.Parameters.defaults(3).withNeighbors(15), Progress.NONE);
        assertEquals(3, model.clusterCount());
        assertEquals(300, model.clusterSizes()[0]);
    }
}
