package org.deepcluster.batch.workflow;

import org.knime.core.node.config.base.ConfigBase;

/**
 * The text under a node ({@code nodeAnnotation} in settings.xml), written like KNIME 5.x's
 * {@code AnnotationData.save}: plain text, centred, white background, KNIME's 2023 annotation version.
 */
public final class NodeAnnotations {

    /** KNIME's {@code AnnotationData.VERSION_20230412}. */
    public static final int ANNOTATION_VERSION = 20230412;

    private static final int WHITE = 0xFFFFFF;

    private static final int WIDTH = 143;

    private static final int LINE_HEIGHT = 17;

    private NodeAnnotations() {
    }

    /**
     * @param text the text (lines separated by '\n')
     * @param bounds the node's bounds (the annotation is centred below it), or null
     * @param target the empty {@code nodeAnnotation} config
     */
    public static void save(final String text, final NodeBounds bounds, final ConfigBase target) {
        int lines = (int)text.chars().filter(c -> c == '\n').count() + 1;
        int x = bounds == null ? 0 : bounds.x() + 16 - WIDTH / 2;
        int y = bounds == null ? 0 : bounds.y() + 60;
        target.addString("text", text);
        target.addString("contentType", "text/plain");
        target.addInt("bgcolor", WHITE);
        target.addInt("x-coordinate", x);
        target.addInt("y-coordinate", y);
        target.addInt("width", WIDTH);
        target.addInt("height", LINE_HEIGHT * lines);
        target.addString("alignment", "CENTER");
        target.addInt("borderSize", 0);
        target.addInt("borderColor", WHITE);
        target.addInt("defFontSize", 11);
        target.addInt("annotation-version", ANNOTATION_VERSION);
        target.addConfigBase("styles");
    }

    /**
     * @param source a {@code nodeAnnotation} config
     * @return its text (null if it has none)
     */
    public static String text(final ConfigBase source) {
        return source.getString("text", null);
    }
}
