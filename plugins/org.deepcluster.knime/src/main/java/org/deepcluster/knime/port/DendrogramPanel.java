package org.deepcluster.knime.port;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

import javax.swing.JPanel;

/**
 * The dendrogram view of a hierarchical Cluster Model, drawn with plain Java2D: the last merges of the tree
 * ({@link DendrogramLayout}), the height axis with ticks, the cut as a dashed line, and the merges inside each final
 * cluster in that cluster's colour (merges above the cut in grey). {@link #paintDendrogram} paints into any
 * {@link Graphics2D}, so it works headless (e.g. into a {@code BufferedImage}).
 */
final class DendrogramPanel extends JPanel {

    private static final long serialVersionUID = 1L; // JPanel is Serializable; this panel is never serialised

    /** Colours of the final clusters (the Tableau 10 palette, as matplotlib's default cycle), repeated. */
    static final Color[] CLUSTER_COLOURS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)};

    /** The colour of merges above the cut. */
    static final Color ABOVE_CUT_COLOUR = new Color(0x404040);

    static final Color BACKGROUND = Color.WHITE;

    private static final Color CUT_COLOUR = new Color(0xc00000);

    private static final int LEFT = 80;
    private static final int RIGHT = 24;
    private static final int TOP = 48;
    private static final int TICKS = 6;

    private final transient DendrogramLayout layout;
    private final String title;
    private final String cutLabel;
    private final String axisLabel;

    /**
     * @param layout what to draw
     * @param title the first line above the plot (e.g. linkage and distance)
     * @param cutLabel how the tree was cut (e.g. "cut into k = 4 clusters")
     * @param axisLabel what the heights are (e.g. "height (ward distance)")
     */
    DendrogramPanel(final DendrogramLayout layout, final String title, final String cutLabel,
        final String axisLabel) {
        this.layout = layout;
        this.title = title;
        this.cutLabel = cutLabel;
        this.axisLabel = axisLabel;
        setName("Dendrogram");
        setBackground(BACKGROUND);
        setPreferredSize(new Dimension(820, 520));
    }

    /** @return the layout drawn */
    DendrogramLayout dendrogramLayout() {
        return layout;
    }

    @Override
    protected void paintComponent(final Graphics g) {
        super.paintComponent(g);
        final Graphics2D g2 = (Graphics2D)g.create();
        try {
            paintDendrogram(g2, getWidth(), getHeight());
        } finally {
            g2.dispose();
        }
    }

    /**
     * Paints the whole view, background included.
     *
     * @param g where to paint
     * @param width the width in pixels
     * @param height the height in pixels
     */
    void paintDendrogram(final Graphics2D g, final int width, final int height) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, width, height);
        final Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        g.setFont(font);
        final FontMetrics metrics = g.getFontMetrics();
        final int labelSpace = 12 + maxLabelWidth(metrics);
        final int bottom = height - labelSpace - 20; // y of height 0
        final int plotWidth = Math.max(1, width - LEFT - RIGHT);
        final int plotHeight = Math.max(1, bottom - TOP);

        final double cut = layout.cutHeight();
        final double top = layout.topHeight();
        // A cut far above the tree (everything merged) is named in the caption instead of flattening the tree.
        final boolean drawCut = Double.isFinite(cut) && (cut <= 1.5 * top || top <= 0);
        final double axisTop = niceCeiling(Math.max(top, drawCut ? cut : 0) * 1.05);
        final Scale scale = new Scale(LEFT, plotWidth, layout.leafCount(), bottom, plotHeight, axisTop);

        g.setColor(Color.BLACK);
        g.setFont(font.deriveFont(Font.BOLD, 12f));
        g.drawString(title, LEFT, 18);
        g.setFont(font);
        g.drawString(caption(cut, drawCut), LEFT, 34);

        paintAxis(g, metrics, scale, axisTop, bottom);
        paintLinks(g, scale);
        paintLeafLabels(g, metrics, scale, bottom);
        if (drawCut) {
            final Stroke old = g.getStroke();
            g.setColor(CUT_COLOUR);
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{6f, 4f},
                0f));
            final double y = scale.y(cut);
            g.draw(new Line2D.Double(LEFT, y, LEFT + plotWidth, y));
            g.setStroke(old);
            final String text = "cut " + number(cut);
            g.drawString(text, LEFT + plotWidth - metrics.stringWidth(text) - 2, (float)y - 3);
        }
    }

    private String caption(final double cut, final boolean drawCut) {
        final StringBuilder s = new StringBuilder(cutLabel);
        if (Double.isFinite(cut) && !drawCut) {
            s.append(" (above the plot: all rows in one cluster)");
        }
        if (layout.leafCount() < layout.rows()) {
            s.append("; last ").append(layout.leafCount() - 1).append(" of ").append(layout.rows() - 1)
                .append(" merges, (n) = a subtree of n rows");
        }
        return s.append("; numbers = training rows (0-based)").toString();
    }

    private int maxLabelWidth(final FontMetrics metrics) {
        int widest = 0;
        for (int i = 0; i < layout.leafCount(); i++) {
            widest = Math.max(widest, metrics.stringWidth(layout.leafLabel(i)));
        }
        return widest;
    }

    private void paintAxis(final Graphics2D g, final FontMetrics metrics, final Scale scale,
        final double axisTop, final int bottom) {
        g.setColor(Color.BLACK);
        g.draw(new Line2D.Double(LEFT, scale.y(axisTop), LEFT, bottom));
        final double step = niceStep(axisTop / TICKS);
        final int decimals = Math.max(0, (int)-Math.floor(Math.log10(step)));
        for (int i = 0; i * step <= axisTop * (1 + 1e-9); i++) {
            final double y = scale.y(i * step);
            g.draw(new Line2D.Double(LEFT - 5, y, LEFT, y));
            final String label = String.format(Locale.ROOT, "%." + decimals + "f", i * step);
            g.drawString(label, LEFT - 8 - metrics.stringWidth(label), (float)(y + metrics.getAscent() / 2.0 - 1));
        }
        final AffineTransform old = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(axisLabel, -(float)scale.y(axisTop / 2) - metrics.stringWidth(axisLabel) / 2f, 14f);
        g.setTransform(old);
    }

    private void paintLinks(final Graphics2D g, final Scale scale) {
        final Stroke old = g.getStroke();
        g.setStroke(new BasicStroke(1.5f));
        for (final DendrogramLayout.Link link : layout.links()) {
            g.setColor(colour(link.cluster()));
            final double y = scale.y(link.height());
            final double left = scale.x(link.leftX());
            final double right = scale.x(link.rightX());
            g.draw(new Line2D.Double(left, scale.y(link.leftHeight()), left, y));
            g.draw(new Line2D.Double(left, y, right, y));
            g.draw(new Line2D.Double(right, y, right, scale.y(link.rightHeight())));
        }
        g.setStroke(old);
    }

    private void paintLeafLabels(final Graphics2D g, final FontMetrics metrics, final Scale scale, final int bottom) {
        g.setColor(Color.BLACK);
        final AffineTransform old = g.getTransform();
        for (int i = 0; i < layout.leafCount(); i++) {
            final String label = layout.leafLabel(i);
            final double x = scale.x(i);
            g.setTransform(old);
            g.translate(x + metrics.getAscent() / 2.0 - 1, bottom + 6);
            g.rotate(Math.PI / 2); // text runs downwards, like SciPy's rotated leaf labels
            g.drawString(label, 0, 0);
        }
        g.setTransform(old);
    }

    static Color colour(final int cluster) {
        return cluster == DendrogramLayout.ABOVE_CUT ? ABOVE_CUT_COLOUR
            : CLUSTER_COLOURS[cluster % CLUSTER_COLOURS.length];
    }

    /** @return the smallest of 1, 2, 5 × 10^k that is at least {@code value} (1 for 0 or less) */
    static double niceStep(final double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            return 1;
        }
        final double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (final double factor : new double[]{1, 2, 5, 10}) {
            if (factor * magnitude >= value * (1 - 1e-12)) {
                return factor * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** @return the axis top: a multiple of the tick step at or above {@code value} (1 for 0 or less) */
    static double niceCeiling(final double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            return 1;
        }
        final double step = niceStep(value / TICKS);
        return Math.ceil(value / step * (1 - 1e-12)) * step;
    }

    /** @return the value to 4 significant digits without trailing zeros (5, 61.74, 0.0012) */
    static String number(final double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** Layout units to pixels: leaf positions 0 … p−1 across the plot, heights 0 … top upwards. */
    private record Scale(int left, int width, int leaves, int bottom, int height, double top) {
        double x(final double position) {
            return left + (position + 0.5) * width / leaves;
        }

        double y(final double value) {
            return bottom - value / top * height;
        }
    }
}
