package org.deepcluster.knime.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.swing.JComponent;

import org.deepcluster.core.cluster.hierarchical.AgglomerativeClustering;
import org.deepcluster.core.cluster.hierarchical.AgglomerativeModel;
import org.deepcluster.core.cluster.hierarchical.Dendrogram;
import org.deepcluster.core.cluster.hierarchical.Linkage;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.progress.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dendrogram view paints headless into an image; the Cluster Model port shows it for hierarchical models only. */
class DendrogramPanelTest {

    private static final int WIDTH = 820;
    private static final int HEIGHT = 520;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static BufferedImage paint(final DendrogramPanel panel) {
        final BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        final Graphics2D g = image.createGraphics();
        try {
            panel.paintDendrogram(g, WIDTH, HEIGHT);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static Set<Integer> colours(final BufferedImage image) {
        final Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        return colours;
    }

    private static int count(final BufferedImage image, final Color colour) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                count += (image.getRGB(x, y) & 0xffffff) == (colour.getRGB() & 0xffffff) ? 1 : 0;
            }
        }
        return count;
    }

    private static AgglomerativeModel blobs(final int rowsPerBlob, final AgglomerativeClustering.Parameters p) {
        final double[][] centres = {{0, 0}, {10, 0}, {0, 10}};
        final java.util.Random random = new java.util.Random(3);
        final double[][] rows = new double[3 * rowsPerBlob][];
        for (int i = 0; i < rows.length; i++) {
            final double[] c = centres[i % 3];
            rows[i] = new double[]{c[0] + random.nextGaussian(), c[1] + random.nextGaussian()};
        }
        return AgglomerativeClustering.fit(Matrix.of(rows), p, Progress.NONE);
    }

    @Test
    void aTruncatedTreePaintsItsClustersAxisAndCut() {
        final AgglomerativeModel model = blobs(100, AgglomerativeClustering.Parameters.clusters(Linkage.WARD, 3));
        final DendrogramPanel panel =
            new DendrogramPanel(DendrogramLayout.of(model, 30), "Dendrogram: ward", "cut into k = 3 clusters", "height");
        assertEquals(30, panel.dendrogramLayout().leafCount());
        final BufferedImage image = paint(panel);
        assertTrue(colours(image).size() > 3, "more than background and one colour");
        for (int c = 0; c < 3; c++) {
            assertTrue(count(image, DendrogramPanel.colour(c)) > 50, "cluster " + c + " is drawn in its colour");
        }
        assertTrue(count(image, DendrogramPanel.ABOVE_CUT_COLOUR) > 50, "the merges above the cut");
        assertTrue(count(image, DendrogramPanel.BACKGROUND) > WIDTH * HEIGHT / 2, "mostly background");
        final long cutPixels = countNear(image, new Color(0xc00000));
        assertTrue(cutPixels > 100, "the dashed cut line: " + cutPixels);
    }

    /** Counts pixels close to a colour (antialiased lines blend at their edges). */
    private static long countNear(final BufferedImage image, final Color colour) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                final Color c = new Color(image.getRGB(x, y));
                count += Math.abs(c.getRed() - colour.getRed()) + Math.abs(c.getGreen() - colour.getGreen())
                    + Math.abs(c.getBlue() - colour.getBlue()) < 40 ? 1 : 0;
            }
        }
        return count;
    }

    @Test
    void twoRowsEqualHeightsAndACutAboveTheTreePaint() {
        final Dendrogram two = Dendrogram.fromLinkageMatrix(Matrix.of(new double[][]{{0, 1, 5, 2}}));
        assertPaints(DendrogramLayout.of(two, new int[]{0, 1}, 2, 2.5, 30));
        final Dendrogram equal = Dendrogram.fromLinkageMatrix(
            Matrix.of(new double[][]{{0, 1, 1, 2}, {2, 4, 1, 3}, {3, 5, 1, 4}}));
        assertPaints(DendrogramLayout.of(equal, new int[]{0, 0, 0, 0}, 1, Double.NaN, 30));
        assertPaints(DendrogramLayout.of(equal, new int[]{0, 0, 0, 0}, 1, 1e9, 2)); // cut far above: in the caption
        final Dendrogram zero = Dendrogram.fromLinkageMatrix(Matrix.of(new double[][]{{0, 1, 0, 2}, {2, 3, 0, 3}}));
        assertPaints(DendrogramLayout.of(zero, new int[]{0, 0, 0}, 1, 1.0, 30));
    }

    private static void assertPaints(final DendrogramLayout layout) {
        final BufferedImage image = paint(new DendrogramPanel(layout, "title", "cut", "height"));
        assertTrue(count(image, DendrogramPanel.BACKGROUND) < WIDTH * HEIGHT, "something is drawn");
        assertTrue(colours(image).size() > 2);
    }

    @Test
    void niceTicks() {
        assertEquals(1, DendrogramPanel.niceStep(0.7), 1e-12);
        assertEquals(2, DendrogramPanel.niceStep(1.3), 1e-12);
        assertEquals(5, DendrogramPanel.niceStep(4.2), 1e-12);
        assertEquals(0.05, DendrogramPanel.niceStep(0.041), 1e-12);
        assertEquals(1, DendrogramPanel.niceStep(0), 1e-12);
        assertEquals(12, DendrogramPanel.niceCeiling(11.3), 1e-12);
        assertEquals(1, DendrogramPanel.niceCeiling(0), 1e-12);
        assertEquals("5", DendrogramPanel.number(5.0));
        assertEquals("61.74", DendrogramPanel.number(61.7351));
        assertEquals("0.001235", DendrogramPanel.number(0.00123456));
        assertEquals("123500", DendrogramPanel.number(123456.0));
    }

    @Test
    void theClusterModelPortShowsTheDendrogramForHierarchicalModelsOnly() {
        final AgglomerativeModel model = blobs(10, AgglomerativeClustering.Parameters.clusters(Linkage.AVERAGE, 3));
        final ClusterModelPortObjectSpec spec = new ClusterModelPortObjectSpec("hierarchical", List.of("a", "b"),
            List.of("Number (Float)", "Number (Float)"), ClusterDistance.EUCLIDEAN, 3, false, false, true);
        final JComponent[] views = new ClusterModelPortObject(spec, model).getViews();
        assertEquals(2, views.length);
        assertEquals("Cluster Model", views[0].getName());
        assertEquals("Dendrogram", views[1].getName());
        final DendrogramPanel panel = (DendrogramPanel)views[1];
        assertEquals(30, panel.dendrogramLayout().leafCount());
        assertTrue(count(paint(panel), DendrogramPanel.colour(2)) > 0);
    }
}
